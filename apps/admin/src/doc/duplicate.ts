// 复制本项: a copy of an item placed right after it, with the next free code among its siblings
// ("(1)" → the next free "(n)", "3" → "4", "一" → the next free Chinese numeral). A code that
// cannot be counted on gets "-副本"; if that is taken too the engine reports the duplicate code
// at the copy's field, as for any other edit — nothing is renumbered behind the admin's back.
import type { Draft } from 'immer';
import type { Path } from './history.ts';
import type { Doc, Json } from './open.ts';

const NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–99 in Chinese numerals (十一, 二十, 九十九). */
function chinese(n: number): string {
  if (n <= 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]!}十${ones === 0 ? '' : NUMERALS[ones]!}`;
}

const CHINESE = new Map(Array.from({ length: 99 }, (_, i) => [chinese(i + 1), i + 1]));

/** A code as prefix, counted part, suffix: "(12)" → ["(", 12, ")"], "(二)" → ["(", 2, ")"]. */
function parts(
  code: string,
): { before: string; n: number; after: string; zh: boolean } | undefined {
  const digits = /^(\D*)(\d+)(\D*)$/.exec(code);
  if (digits) return { before: digits[1]!, n: Number(digits[2]), after: digits[3]!, zh: false };
  const zh = /^([^一二三四五六七八九十]*)([一二三四五六七八九十]+)([^一二三四五六七八九十]*)$/.exec(
    code,
  );
  const n = zh ? CHINESE.get(zh[2]!) : undefined;
  return zh && n !== undefined ? { before: zh[1]!, n, after: zh[3]!, zh: true } : undefined;
}

/** The copy's code: one more than the largest sibling of the same form. */
export function nextCode(code: string, siblings: readonly string[]): string {
  const p = parts(code);
  if (!p) return `${code}-副本`;
  const same = siblings.flatMap((s) => {
    const q = parts(s);
    return q && q.before === p.before && q.after === p.after && q.zh === p.zh ? [q.n] : [];
  });
  const n = Math.max(p.n, ...same) + 1;
  if (p.zh && n > 99) return `${code}-副本`;
  return `${p.before}${p.zh ? chinese(n) : String(n)}${p.after}`;
}

/** The recipe: the item at `path` (…, 'items', i) copied to i + 1; its code returned through
 *  `made` so the app can say what it made. Not an item in a list: no change. */
export function duplicateAt(
  path: Path,
  made?: (code: string) => void,
): (draft: Draft<Doc>) => void {
  return (draft) => {
    const index = path.at(-1);
    if (typeof index !== 'number' || path.at(-2) !== 'items') return;
    let list: unknown = draft;
    for (const key of path.slice(0, -1)) list = (list as Record<string | number, unknown>)[key];
    if (!Array.isArray(list)) return;
    const items = list as Json[];
    const item = items[index];
    if (!item || typeof item !== 'object' || Array.isArray(item)) return;
    const copy = JSON.parse(JSON.stringify(item)) as { [key: string]: Json };
    const raw = copy['code'];
    const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : '';
    const siblings = items.flatMap((s) =>
      s && typeof s === 'object' && !Array.isArray(s) && typeof s['code'] === 'string'
        ? [s['code']]
        : [],
    );
    copy['code'] = nextCode(code, siblings);
    items.splice(index + 1, 0, copy);
    made?.(copy['code']);
  };
}
