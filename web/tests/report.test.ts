import { describe, expect, it } from 'vitest';
import { reportQuery } from '../src/report';
import { query } from '../src/api';

describe('report filters', () => {
  it('sends years and dates the server reads, and names the wrong one', () => {
    expect(reportQuery({ from: '2021', to: '31/12/2025', source: '', provinces: '' }))
      .toEqual({ query: { from: '2021', to: '2025-12-31', source: '', provinces: '' } });
    expect(reportQuery({ from: 'hôm qua', to: '', source: '', provinces: '' })).toEqual({ wrong: 'from' });
    expect(reportQuery({ from: '', to: '2025/12', source: '', provinces: '' })).toEqual({ wrong: 'to' });
  });
  it('leaves empty filters out of the query', () => {
    expect(query({ from: '2021', to: '', source: undefined, limit: 50, before: null })).toBe('?from=2021&limit=50');
    expect(query({})).toBe('');
    expect(query({ q: 'tâm hòa & co' })).toBe('?q=t%C3%A2m+h%C3%B2a+%26+co');
  });
});
