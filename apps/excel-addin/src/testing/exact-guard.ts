// A guard for tests and the fake kernel: it wants exactly these cells back.
import type { Cell, HeaderGuard } from '../core/workbook-port.ts';

export function exactGuard(sheet: string, address: string, expected: Cell[][]): HeaderGuard {
  return { sheet, address, holds: (values) => JSON.stringify(values) === JSON.stringify(expected) };
}
