// Calendar dates as ISO text ("2026-11-24"), with no time zone: the date is passed in by the
// caller (never read from a clock). The calendar itself is ../exact/calendar.ts.
import { dayOfIso, isoOfDay } from '../exact/calendar.ts';

export function isIsoDate(text: string): boolean {
  return dayOfIso(text) !== undefined;
}

/** "2026-12-20" + 15 days → "2027-01-04". Throws RangeError on a malformed date (a caller bug). */
export function addDays(iso: string, days: number): string {
  const day = dayOfIso(iso);
  if (day === undefined) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(iso)}`);
  return isoOfDay(day + days);
}

/** Compares ISO dates (text order is date order for YYYY-MM-DD). */
export const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
