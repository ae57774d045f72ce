// Numbers as officials type them, to exact decimal text: never through a binary float.
import { type Q } from '@kaohe/engine';
import { fmt, q } from '@kaohe/engine/internal';

export type Mark = '%' | '‰' | '';

/** Shortest round-trip spelling of a JS number, as exact decimal text ("0.92", "1234"). */
export const numberText = (n: number): string => fmt(q(n));

/** Exact decimal text of a rational with a finite expansion. */
export const qText = (v: Q): string => fmt(v);

/** Full-width digits and signs (９２％, －３), minus signs and spaces normalised. */
export function normaliseText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\u2212\u2012-\u2014\uFE63]/g, '-')
    .replace(/\s+/g, '')
    .trim();
}

/**
 * Splits "1,234.5万元" / "92%" / "8‰" / "82万人" into a plain decimal, its mark, its unit word and
 * whether 万 (ten thousand) stood before the unit word. `suffixes` are unit words that may follow
 * the number (the declared unit); anything else is not a number. The decimal is as written (82
 * for 82万人): the caller scales it by the input's unit.
 */
export function parseNumberText(
  text: string,
  suffixes: readonly string[],
): { decimal: string; mark: Mark; suffix: string; wan: boolean } | undefined {
  let t = text;
  let mark: Mark = '';
  let suffix = '';
  let wan = false;
  if (t.endsWith('%')) {
    mark = '%';
    t = t.slice(0, -1);
  } else if (t.endsWith('‰')) {
    mark = '‰';
    t = t.slice(0, -1);
  } else {
    const s = suffixes.filter((x) => x && t.endsWith(x)).sort((a, b) => b.length - a.length)[0];
    if (s) {
      suffix = s;
      t = t.slice(0, -s.length);
    }
    if (t.endsWith('万')) {
      wan = true;
      t = t.slice(0, -1);
    }
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replaceAll(',', '');
  const m = /^([+-]?)(\d+)?(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] === undefined && !m[3])) return undefined;
  const decimal = `${m[1] === '-' ? '-' : ''}${m[2] ?? '0'}${m[3] ? `.${m[3]}` : ''}`;
  return { decimal: fmt(q(decimal)), mark, suffix, wan };
}

/** Does an Excel number format display the value as a percentage (a bare %, not quoted)? */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('%');
}
