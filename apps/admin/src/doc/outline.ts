// The draft's tree of sections, items and sub-items as the admin sees it: each node's declared
// points beside the sum of what it holds, and the engine's issues that fall inside it. Built from
// the raw document, which may not be valid yet; judging it stays the engine's (validateRuleSet).
import type { Issue, Text } from '@kaohe/engine';
import type { Path } from './history.ts';
import type { Doc, Json } from './open.ts';
import { textOf } from '../i18n/msg.ts';

export interface OutlineNode {
  /** The engine's rule-set path ("sections[0].items[1]"): issues are matched on it. */
  key: string;
  path: Path;
  /** The indicator's code as the engine writes it ("一(二).1.(1)"). */
  code: string;
  title?: Text;
  /** Declared points, as written (a number, a decimal text, 'none', or null when blank). */
  points: Json | undefined;
  /** Sum of the children's declared points (when every one is a plain decimal). */
  childSum?: string;
  children: OutlineNode[];
  /** Issues at this node or inside it. */
  problems: number;
}

const record = (v: Json | undefined): { [k: string]: Json } | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
const list = (v: Json | undefined): Json[] => (Array.isArray(v) ? v : []);
const codeOf = (v: Json | undefined): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : '?';

/** Is `path` this place or inside it ("sections[0].items[1].rule.target" is in "…items[1]")? */
export const within = (path: string, key: string): boolean =>
  path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`);

/** Decimal sum of plain decimals, exactly (scaled integers); undefined if any is not one. */
function decimalSum(values: readonly (Json | undefined)[]): string | undefined {
  const parts: { int: bigint; dp: number }[] = [];
  for (const v of values) {
    const text = typeof v === 'number' ? String(v) : v;
    const m = typeof text === 'string' ? /^(-?)(\d+)(?:\.(\d+))?$/.exec(text) : null;
    if (!m) return undefined;
    const frac = m[3] ?? '';
    parts.push({ int: BigInt(`${m[1]}${m[2]}${frac}`), dp: frac.length });
  }
  const dp = Math.max(0, ...parts.map((p) => p.dp));
  const total = parts.reduce((s, p) => s + p.int * 10n ** BigInt(dp - p.dp), 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(dp + 1, '0');
  const whole = dp === 0 ? digits : `${digits.slice(0, -dp)}.${digits.slice(-dp)}`;
  const trimmed = dp === 0 ? whole : whole.replace(/\.?0+$/, '');
  return `${negative ? '-' : ''}${trimmed}`;
}

export function outline(doc: Doc, issues: readonly Issue[]): OutlineNode[] {
  const count = (key: string) => issues.filter((i) => within(i.path, key)).length;
  const node = (raw: Json, path: Path, key: string, code: string): OutlineNode => {
    const r = record(raw) ?? {};
    const items = list(r['items']);
    const children = items.map((child, i) =>
      node(
        child,
        [...path, 'items', i],
        `${key}.items[${i}]`,
        `${code}.${codeOf(record(child)?.['code'])}`,
      ),
    );
    const title = textOf(r['title']);
    const childSum = children.length > 0 ? decimalSum(children.map((c) => c.points)) : undefined;
    return {
      key,
      path,
      code,
      ...(title ? { title } : {}),
      points: r['points'],
      ...(childSum !== undefined ? { childSum } : {}),
      children,
      problems: count(key),
    };
  };
  const sections = list(doc['sections']).map((s, i) =>
    node(s, ['sections', i], `sections[${i}]`, codeOf(record(s)?.['code'])),
  );
  const bonus = record(doc['bonus']);
  if (bonus && Array.isArray(bonus['items'])) {
    const b = node(bonus, ['bonus'], 'bonus', '加分');
    sections.push({ ...b, title: textOf(bonus['title']) ?? { zh: '加分', en: 'Bonus' } });
  }
  return sections;
}

/** The deepest node holding an issue's path, if any (an input's issue is in no item). */
export function nodeOf(nodes: readonly OutlineNode[], path: string): OutlineNode | undefined {
  for (const n of nodes) if (within(path, n.key)) return nodeOf(n.children, path) ?? n;
  return undefined;
}
