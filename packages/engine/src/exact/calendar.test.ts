import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  civilOf,
  dayOf,
  dayOfIso,
  isoOfDay,
  monthsCompleted,
  monthsStarted,
  readDate,
} from './calendar.ts';

const day = (iso: string): number => {
  const d = dayOfIso(iso);
  if (d === undefined) throw new Error(iso);
  return d;
};

describe('calendar', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(dayOf(1970, 1, 2)).toBe(1);
    expect(dayOf(1969, 12, 31)).toBe(-1);
    // 2013-03-31: 43 years of 365 days + 11 leap days (1972…2012) + 31 + 28 + 30 = 15795
    expect(dayOf(2013, 3, 31)).toBe(43 * 365 + 11 + 31 + 28 + 30);
    expect(dayOf(2013, 2, 29)).toBeUndefined();
    expect(dayOf(2012, 2, 29)).toBe(dayOf(2012, 2, 28)! + 1);
    expect(dayOf(1900, 2, 29)).toBeUndefined();
    expect(dayOf(2000, 2, 29)).toBeDefined();
    expect(dayOf(2013, 13, 1)).toBeUndefined();
    expect(dayOf(2013, 4, 31)).toBeUndefined();
  });

  it('property: civilOf undoes dayOf, and ISO text agrees with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const { y, m, d } = civilOf(n);
        expect(dayOf(y, m, d)).toBe(n);
        if (y >= 1000)
          expect(isoOfDay(n)).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
      { seed: 8, numRuns: 500 },
    );
  });

  it('adds months, keeping to the month end', () => {
    expect(isoOfDay(addMonths(day('2013-01-31'), 1))).toBe('2013-02-28');
    expect(isoOfDay(addMonths(day('2012-01-31'), 1))).toBe('2012-02-29');
    expect(isoOfDay(addMonths(day('2013-03-31'), 1))).toBe('2013-04-30');
    expect(isoOfDay(addMonths(day('2013-03-31'), 2))).toBe('2013-05-31');
    expect(isoOfDay(addMonths(day('2013-11-15'), 3))).toBe('2014-02-15');
    expect(isoOfDay(addMonths(day('2013-03-31'), -1))).toBe('2013-02-28');
  });

  it('counts whole months completed and months begun', () => {
    const completed = (a: string, b: string): number => monthsCompleted(day(a), day(b));
    const started = (a: string, b: string): number => monthsStarted(day(a), day(b));
    // 03-31 + 1 month = 04-30: reached on 04-30, not on 04-29
    expect(completed('2013-03-31', '2013-04-29')).toBe(0);
    expect(completed('2013-03-31', '2013-04-30')).toBe(1);
    expect(completed('2013-03-31', '2013-05-30')).toBe(1);
    expect(completed('2013-03-31', '2014-03-31')).toBe(12);
    expect(completed('2013-04-30', '2013-03-31')).toBe(-1);
    expect(completed('2013-03-15', '2013-03-15')).toBe(0);
    // begun after a deadline of 03-31: on time up to 03-31, April is the 1st month, May the 2nd
    expect(started('2013-03-31', '2013-03-31')).toBe(0);
    expect(started('2013-03-31', '2013-03-01')).toBe(0);
    expect(started('2013-03-31', '2013-04-01')).toBe(1);
    expect(started('2013-03-31', '2013-04-30')).toBe(1);
    expect(started('2013-03-31', '2013-05-01')).toBe(2);
    expect(started('2013-03-31', '2014-01-31')).toBe(10);
    expect(started('2013-03-31', '2014-02-01')).toBe(11);
    // a deadline in mid-month: 03-15 → 03-16 begins the 1st month, 04-16 the 2nd
    expect(started('2013-03-15', '2013-03-16')).toBe(1);
    expect(started('2013-03-15', '2013-04-15')).toBe(1);
    expect(started('2013-03-15', '2013-04-16')).toBe(2);
  });

  it('property: a month begun is never more than one beyond the months completed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 1, max: 2_000 }),
        (a, gap) => {
          const c = monthsCompleted(a, a + gap);
          const s = monthsStarted(a, a + gap);
          expect(addMonths(a, c)).toBeLessThanOrEqual(a + gap);
          expect(addMonths(a, c + 1)).toBeGreaterThan(a + gap);
          expect(s - c).toBe(addMonths(a, c) < a + gap ? 1 : 0);
        },
      ),
      { seed: 13, numRuns: 300 },
    );
  });

  it('reads what officials type, strictly', () => {
    const iso = (text: string, year?: number): string => {
      const r = readDate(text, year);
      return r.ok ? isoOfDay(r.day) : r.problem;
    };
    expect(iso('2013-03-31')).toBe('2013-03-31');
    expect(iso('2013-3-31')).toBe('2013-03-31');
    expect(iso('2013/3/31')).toBe('2013-03-31');
    expect(iso('2013.3.31')).toBe('2013-03-31');
    expect(iso('2013年3月31日')).toBe('2013-03-31');
    expect(iso('２０１３年３月３１日')).toBe('2013-03-31');
    expect(iso(' 2013年 3月 31日 ')).toBe('2013-03-31');
    expect(iso('3月31日')).toBe('no-year');
    expect(iso('3月31日', 2013)).toBe('2013-03-31');
    expect(iso('2月29日', 2013)).toBe('not-a-calendar-date');
    expect(iso('2013-02-30')).toBe('not-a-calendar-date');
    expect(iso('2013-13-01')).toBe('not-a-calendar-date');
    expect(iso('2013/3-31')).toBe('not-a-date');
    expect(iso('31/3/2013')).toBe('not-a-date');
    expect(iso('41364')).toBe('not-a-date');
    expect(iso('已报送')).toBe('not-a-date');
  });
});
