// The JSON rows of the hidden sheets (kaohe_meta's history and counters, kaohe_certification,
// kaohe_results): canonical JSON cut into chunks, one chunk a row under its key. One reader for
// all of them: the text is parsed and checked against its schema, and a text that is not JSON or
// not of the schema's shape is an error at the cell of its first chunk, said by the caller's
// words (`fail`) — never a value dropped or read as empty.
import type { Msg } from '@kaohe/engine';
import type { z } from 'zod';
import type { CellValue, Grid, SheetIssue, SheetLayout } from './types.ts';

/** The issue at `address` for a JSON text that cannot be read, `why` said by the reader. */
export type JsonRowFailure = (address: string, why: Msg) => SheetIssue;

/** Where the first of a zod error's issues is (`.a.b[2]`) and what it is. */
function zodWhere(e: z.ZodError): { where: string; what: string } {
  const first = e.issues[0];
  const where = first
    ? first.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')
    : '';
  return { where, what: first?.message ?? '' };
}

/**
 * The JSON `text` whose first cell is `address`, checked by `schema`. `name`: the value's name
 * in the message (`counters` → "wrong shape: counters.x.consecutive …"), none for a whole row.
 */
export function parseJsonRow<T>(
  text: string,
  schema: z.ZodType<T>,
  address: string,
  fail: JsonRowFailure,
  name = '',
): { ok: true; value: T } | { ok: false; issue: SheetIssue } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      issue: fail(address, { zh: `不是有效的JSON:${why}`, en: `not JSON: ${why}` }),
    };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const { where, what } = zodWhere(parsed.error);
    const shape = `${name}${where} ${what}`.trim();
    return {
      ok: false,
      issue: fail(address, { zh: `格式不符:${shape}`, en: `wrong shape: ${shape}` }),
    };
  }
  return { ok: true, value: parsed.data };
}

/** The chunks of the rows keyed `key` (column A), joined by their id (column B), each with the
 *  row of its first chunk. */
export function jsonRowsById(
  values: Grid,
  key: string,
): Map<string, { text: string; row: number }> {
  const texts = new Map<string, { text: string; row: number }>();
  values.forEach((r, row) => {
    if (r[0] !== key) return;
    const id = String(r[1] ?? '');
    const before = texts.get(id);
    texts.set(id, {
      text: `${before?.text ?? ''}${String(r[2] ?? '')}`,
      row: before?.row ?? row,
    });
  });
  return texts;
}

/** A very hidden sheet of JSON rows: A the key, B the id, C the chunk; B and C as text. */
export function jsonRowsSheet(name: string, values: CellValue[][]): SheetLayout {
  return {
    name,
    role: 'meta',
    state: 'veryHidden',
    values,
    widths: [10, 14, 60],
    wrap: [],
    merges: [],
    cells: values.flatMap((_, row) => [
      { row, col: 1, kind: 'value' as const, format: 'text' as const },
      { row, col: 2, kind: 'value' as const, format: 'text' as const },
    ]),
  };
}
