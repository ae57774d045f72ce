// Calendar dates as ISO text ("2026-11-24"), with no time zone: the date is passed in by the
// caller (never read from a clock) and days are added in UTC, where every day is 24 hours.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Milliseconds of the date at 00:00 UTC; undefined when it is not a real calendar date. */
function utcMs(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip is not real.
  return formatUtc(ms) === iso ? ms : undefined;
}

function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  return utcMs(text) !== undefined;
}

/** "2026-12-20" + 15 days → "2027-01-04". Throws RangeError on a malformed date (a caller bug). */
export function addDays(iso: string, days: number): string {
  const ms = utcMs(iso);
  if (ms === undefined) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(iso)}`);
  return formatUtc(ms + days * DAY_MS);
}

/** Compares ISO dates (text order is date order for YYYY-MM-DD). */
export const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
