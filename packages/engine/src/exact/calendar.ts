// Calendar dates as whole days counted from 1970-01-01 (day 0), in the proleptic Gregorian
// calendar, with no time of day and no time zone. One reading of what officials type and one
// arithmetic of months, shared by the expressions, the deadline streams, the integer kernels,
// certification and the sheet, so every path decides a date alike.

/** A date as year, month (1–12) and day of the month. */
export interface Civil {
  y: number;
  m: number;
  d: number;
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in month `m` (1–12) of year `y`. */
function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** The day number of a real calendar date (years 1–9999); undefined when there is no such date
 *  (2013-02-30, month 13). Integer arithmetic only (days from civil, H. Hinnant). */
export function dayOf(y: number, m: number, d: number): number | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return undefined;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number. */
export function civilOf(day: number): Civil {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** "2013-03-31". */
export function isoOfDay(day: number): string {
  const { y, m, d } = civilOf(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** The day `n` months after `day` (before it when n < 0), on the same day of the month, or on the
 *  month's last day when it has no such day: 01-31 + 1 month is 02-28 (02-29 in a leap year). */
export function addMonths(day: number, n: number): number {
  const { y, m, d } = civilOf(day);
  const index = y * 12 + (m - 1) + n;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return dayOf(ny, nm, Math.min(d, daysInMonth(ny, nm))) as number;
}

/**
 * Whole months completed from `from` to `to`: the largest m with from + m months ≤ to (months
 * added as `addMonths` does, always from `from`). 2013-03-31 → 2013-04-30 is 1, → 2013-04-29 is 0.
 * Negative, the same way back, when `to` is before `from`.
 */
export function monthsCompleted(from: number, to: number): number {
  if (to < from) return -monthsCompleted(to, from);
  const a = civilOf(from);
  const b = civilOf(to);
  let m = (b.y - a.y) * 12 + (b.m - a.m);
  if (addMonths(from, m) > to) m -= 1;
  return m;
}

/**
 * Months begun after `from` up to `to`: 0 when `to` is not after `from`, else the months completed
 * plus one for a part of a month begun. With a deadline of 2013-03-31: 04-01 and 04-30 are in the
 * first month (1), 05-01 in the second (2) — "from the next month, each month" (从次月起每月).
 */
export function monthsStarted(from: number, to: number): number {
  if (to <= from) return 0;
  const m = monthsCompleted(from, to);
  return addMonths(from, m) < to ? m + 1 : m;
}

/** Why a text is not a date: not a date's shape, a month and day without a year (and no year
 *  declared for it), or a shape of a date that is not in the calendar (2013-02-30). */
export type DateProblem = 'not-a-date' | 'no-year' | 'not-a-calendar-date';

export type DateReading = { ok: true; day: number } | { ok: false; problem: DateProblem };

const DASHED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const WRITTEN = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const NO_YEAR = /^(\d{1,2})月(\d{1,2})[日号]?$/;

/**
 * A date as officials type it: 2013-03-31, 2013-3-31, 2013/3/31, 2013.3.31, 2013年3月31日
 * (full-width digits and spaces allowed). 3月31日 takes `yearIfOmitted` when the input declares
 * one (`defaultYear`), else it is `no-year`: a year is never guessed. A shape that is not a real
 * calendar date (2013-02-30) is `not-a-calendar-date`, never rolled over to March.
 */
export function readDate(text: string, yearIfOmitted?: number): DateReading {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  let y: number;
  let m: number;
  let d: number;
  const dashed = DASHED.exec(t);
  const written = dashed ? null : WRITTEN.exec(t);
  if (dashed) [y, m, d] = [Number(dashed[1]), Number(dashed[3]), Number(dashed[4])];
  else if (written) [y, m, d] = [Number(written[1]), Number(written[2]), Number(written[3])];
  else {
    const noYear = NO_YEAR.exec(t);
    if (!noYear) return { ok: false, problem: 'not-a-date' };
    if (yearIfOmitted === undefined) return { ok: false, problem: 'no-year' };
    [y, m, d] = [yearIfOmitted, Number(noYear[1]), Number(noYear[2])];
  }
  const day = dayOf(y, m, d);
  return day === undefined ? { ok: false, problem: 'not-a-calendar-date' } : { ok: true, day };
}

/** The day of an ISO date "YYYY-MM-DD" exactly as written in a rule set (no other spelling). */
export function dayOfIso(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
