import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, isIsoDate } from './dates.ts';

describe('ISO dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-29', 30)).toBe('2026-04-28');
  });

  it('refuses dates that are not real', () => {
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
    expect(isIsoDate('2026-11-24T00:00')).toBe(false);
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError);
  });

  it('property: adding n then m days is adding n + m', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (start, n, m) => {
          const d = addDays('1970-01-01', start);
          expect(addDays(addDays(d, n), m)).toBe(addDays(d, n + m));
          expect(isIsoDate(d)).toBe(true);
        },
      ),
    );
  });
});
