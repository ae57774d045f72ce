// Excel date serials (1900 date system, as Office.js and ExcelJS give them). Typed dates are read
// by the engine's one reading of dates (readDate in @kaohe/engine/internal).

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
