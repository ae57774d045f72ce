// Excel date serials (1900 date system, as Office.js and ExcelJS give them) and typed dates.

const DAY_MS = 86_400_000;
// Serial 1 is 1900-01-01; Excel counts a 1900-02-29 that never was (serial 60).
const EPOCH = Date.UTC(1899, 11, 30);

export function serialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial === 60 || serial >= 2958466)
    return undefined;
  const whole = Math.floor(serial);
  const days = whole < 60 ? whole + 1 : whole;
  return new Date(EPOCH + days * DAY_MS).toISOString().slice(0, 10);
}

/** "2012-03-05", "2012/3/5", "2012.3.5", "2012年3月5日" → "2012-03-05". */
export function textToIso(text: string): string | undefined {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  return date.toISOString().slice(0, 10);
}
