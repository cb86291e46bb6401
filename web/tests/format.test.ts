import { describe, expect, it } from 'vitest';
import { cameraTime, date, dateTime, decimal, fold, grouped, money, parseDayOrYear, vietnamMidnight } from '../src/format';

describe('figures as Vietnam reads them', () => {
  it('groups thousands with dots and writes đồng', () => {
    expect(grouped(0)).toBe('0');
    expect(grouped(999)).toBe('999');
    expect(grouped(1000)).toBe('1.000');
    expect(grouped(1234567)).toBe('1.234.567');
    expect(grouped(-2550000000)).toBe('-2.550.000.000');
    expect(money(1_000_000_000_000_000)).toBe('1.000.000.000.000.000 đ');
    expect(grouped(Number.NaN)).toBe('');
  });
  it('writes decimals with a comma and no exponent', () => {
    expect(decimal(3.5)).toBe('3,5');
    expect(decimal(22.7069)).toBe('22,7069');
    expect(decimal(1e-7)).toBe('0');
    expect(decimal(1234.5)).toBe('1234,5');
    expect(decimal(-0.25)).toBe('-0,25');
  });
  it('shows dates as dd/mm/yyyy and times in Vietnam (UTC+7)', () => {
    expect(date('2026-03-09')).toBe('09/03/2026');
    expect(date('not a date')).toBe('not a date');
    expect(dateTime('2026-07-07T20:30:00.000Z')).toBe('08/07/2026 03:30');
    expect(dateTime('2026-12-31T16:59:59.000Z')).toBe('31/12/2026 23:59');
  });
  it('reads a typed day or year', () => {
    expect(parseDayOrYear('2023')).toBe('2023');
    expect(parseDayOrYear(' 1/2/2025 ')).toBe('2025-02-01');
    expect(parseDayOrYear('2025-06-30')).toBe('2025-06-30');
    expect(parseDayOrYear('last year')).toBeNull();
    expect(parseDayOrYear('30-06-2025')).toBeNull();
  });
  it('turns a typed day into the midnight of Vietnam, for the date range of the queue', () => {
    expect(vietnamMidnight('01/12/2026')).toBe('2026-11-30T17:00:00.000Z');
    expect(vietnamMidnight('31/12/2026', true)).toBe('2026-12-31T17:00:00.000Z');
    expect(vietnamMidnight('30/02/2026')).toBeNull();
    expect(vietnamMidnight('2026-12-01')).toBeNull();
  });
  it('folds Vietnamese for search without diacritics', () => {
    expect(fold('Hợp tác xã Đồng Tâm')).toBe('hop tac xa dong tam');
    expect(fold('HTX Tâm Hòa'.normalize('NFD'))).toBe('htx tam hoa');
  });
});

describe('cameraTime', () => {
  it('shows a camera time as the camera wrote it, in its own zone', () => {
    expect(cameraTime('2026-10-12T09:14:05+07:00')).toBe('12/10/2026 09:14');
    expect(cameraTime('2025-01-31T23:59:59')).toBe('31/01/2025 23:59');
    expect(cameraTime('not a time')).toBe('not a time');
  });
});
