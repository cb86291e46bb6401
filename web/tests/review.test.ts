import { describe, expect, it } from 'vitest';
import { conflictPair, newestRevision, timeline, type HistoryEntry, type Revision } from '../src/review';

const revision = (n: number, at: string, conflict = false, base: number | null = n - 1 || null): Revision =>
  ({ revision: n, base_revision: base, form_version: 1, conflict, captured_at: null, received_at: at, answers: {} });
const entry = (action: HistoryEntry['action'], at: string, from: number, to: number): HistoryEntry => ({
  at, actor: { id: 'u', username: 'duyet', display_name: 'Lê Thị Thu' }, action, from_revision: from, revision: to,
  state: 'approved', comment: null, fields: [],
});

describe('a conflict side by side', () => {
  it('pairs the standing revision with the newest that may take its place, or the one asked for', () => {
    expect(conflictPair({ revision: 2, may_stand: [2, 3, 4] })).toEqual([2, 4]);
    expect(conflictPair({ revision: 2, may_stand: [2, 3, 4] }, 3)).toEqual([2, 3]);
    expect(conflictPair({ revision: 2, may_stand: [2, 3, 4] }, 1)).toEqual([2, 4]);  // not a choice
  });
  it('has no pair without a conflict', () => {
    expect(conflictPair({ revision: 2, may_stand: [] })).toBeNull();
    expect(conflictPair({ revision: 2, may_stand: [2] })).toBeNull();
  });
  it('knows the newest revision, conflicting ones included', () => {
    expect(newestRevision([revision(1, '2026-12-01T01:00:00.000Z'), revision(3, '2026-12-01T03:00:00.000Z', true), revision(2, '2026-12-01T02:00:00.000Z')])).toBe(3);
    expect(newestRevision([])).toBe(0);
  });
});

describe('the history of a submission', () => {
  it('lists revisions received and decisions by time, oldest first', () => {
    const items = timeline(
      [revision(1, '2026-12-01T01:00:00.000Z'), revision(2, '2026-12-01T05:00:00.000Z', true, 1)],
      [entry('approve', '2026-12-01T02:00:00.000Z', 1, 1), entry('resolve', '2026-12-01T06:00:00.000Z', 1, 2)],
    );
    expect(items.map((i) => (i.kind === 'received' ? `r${i.revision}` : i.entry.action))).toEqual(['r1', 'approve', 'r2', 'resolve']);
  });
  it('orders times written with and without milliseconds, and a revision before a decision of the same instant', () => {
    const items = timeline([revision(1, '2026-12-01T02:00:00Z')], [entry('approve', '2026-12-01T02:00:00.000Z', 1, 1),
      entry('return', '2026-12-01T01:59:59.500Z', 1, 1)]);
    expect(items.map((i) => i.kind === 'received' ? 'r' : i.entry.action)).toEqual(['return', 'r', 'approve']);
  });
});
