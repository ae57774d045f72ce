// Sections and indicators matched by the document's codes (then by title, for renumbering):
// added, removed, renamed, renumbered, points moved, and every rule under them.
import type { Q } from '../exact/exact.ts';
import { msgOf } from '../messages/text.ts';
import type { Msg } from '../model/result.ts';
import type { Operand } from '../schema/common.ts';
import type { Indicator, InputUnit, Section } from '../schema/ruleset.ts';
import { notApplicableOf, orZero } from './effective.ts';
import { compareRule } from './rules.ts';
import { compareBounds, type EvidenceDefaults } from './bounds.ts';
import { compareStreams } from './slopes.ts';
import { comparePool, comparePoolItem } from '../score/pool.ts';
import { change, constant, numChange, points, textChange, type Where } from './text.ts';
import type { Change } from './types.ts';

export interface Node {
  code: string;
  title: Msg;
  points: Q | undefined;
  item?: Indicator;
  section?: Section;
}

const formerlyOf = (n: Node): string | undefined => (n.item ?? n.section)?.formerly;
const join = (parent: string, code: string): string => (parent ? `${parent}.${code}` : code);
const whereOf = (path: string, title: Msg): Where => ({
  path,
  label: { zh: `${path} ${title.zh}`, en: `${path} ${title.en}` },
});

export const itemNode = (i: Indicator): Node => ({
  code: i.code,
  title: msgOf(i.title),
  points: constant(i.points),
  item: i,
});
export const sectionNode = (s: Section): Node => ({
  code: s.code,
  title: msgOf(s.title),
  points: constant(s.points),
  section: s,
});

export interface ItemCtx {
  unitOf: (op: Operand) => InputUnit | undefined;
  /** The rule sets' evidence policies (an item without its own follows them). */
  evidence?: EvidenceDefaults;
}

/** Siblings of one parent: matched pairs compared in depth, the rest added or removed. */
export function compareNodes(
  parent: string,
  a: readonly Node[],
  b: readonly Node[],
  ctx: ItemCtx,
): Change[] {
  const out: Change[] = [];
  const pairs: [Node, Node][] = [];
  // Lineage first: a new item that says which old code it had (formerly) is matched to it, even
  // when its own new code is an old item's; then by the same code; then by the same title.
  const former = new Map<Node, Node>();
  for (const y of b) {
    const f = formerlyOf(y);
    const x = f === undefined ? undefined : a.find((n) => n.code === f);
    if (x && ![...former.values()].includes(x)) former.set(y, x);
  }
  const taken = new Set(former.values());
  const restA = a.filter(
    (x) => !taken.has(x) && !b.some((y) => !former.has(y) && y.code === x.code),
  );
  const restB = b.filter(
    (y) => !former.has(y) && !a.some((x) => !taken.has(x) && x.code === y.code),
  );
  const renumber = (x: Node, y: Node): void => {
    out.push(
      change(
        'item-renumbered',
        whereOf(join(parent, y.code), y.title),
        {
          zh: `编号由 ${join(parent, x.code)} 改为 ${join(parent, y.code)}`,
          en: `renumbered from ${join(parent, x.code)} to ${join(parent, y.code)}`,
        },
        undefined,
        join(parent, x.code),
        join(parent, y.code),
      ),
    );
  };
  for (const y of b) {
    const f = former.get(y);
    if (f) {
      if (f.code !== y.code) renumber(f, y);
      pairs.push([f, y]);
      continue;
    }
    const x = a.find((n) => !taken.has(n) && n.code === y.code);
    if (x) pairs.push([x, y]);
  }
  for (const y of [...restB]) {
    const x = restA.find((n) => n.title.zh === y.title.zh);
    if (!x) continue;
    restA.splice(restA.indexOf(x), 1);
    restB.splice(restB.indexOf(y), 1);
    renumber(x, y);
    pairs.push([x, y]);
  }

  // Points that left one sibling and arrived at another in the same amount: one "moved" line.
  const deltas = pairs
    .map(([x, y]) => ({ x, y, d: x.points && y.points ? y.points.sub(x.points) : undefined }))
    .filter((p) => p.d !== undefined && p.d.n !== 0n);
  const moved = new Set<Node>();
  const down = deltas.filter((p) => p.d && p.d.s < 0n);
  const up = deltas.filter((p) => p.d && p.d.s > 0n);
  if (
    down.length === 1 &&
    up.length === 1 &&
    down[0]?.d &&
    up[0]?.d &&
    down[0].d.neg().equals(up[0].d)
  ) {
    const [from, to] = [down[0].y, up[0].y];
    const amount = points(up[0].d);
    const where = parent
      ? { path: parent, label: { zh: parent, en: parent } }
      : { path: '(root)', label: { zh: '分值', en: 'Points' } };
    out.push(
      change('points-moved', where, {
        zh: `${amount.zh}由「${join(parent, from.code)} ${from.title.zh}」移至「${join(parent, to.code)} ${to.title.zh}」`,
        en: `${amount.en} moved from "${join(parent, from.code)} ${from.title.en}" to "${join(parent, to.code)} ${to.title.en}"`,
      }),
    );
    moved.add(from).add(to);
  }

  for (const [x, y] of pairs) {
    const path = join(parent, y.code);
    const where = whereOf(path, y.title);
    const renamed = textChange(
      'item-renamed',
      where,
      { zh: '名称', en: 'title' },
      x.title.zh,
      y.title.zh,
    );
    if (renamed) out.push(renamed);
    if (!moved.has(y) && x.points && y.points) {
      const p = numChange(
        'points',
        where,
        { zh: '分值', en: 'points' },
        x.points,
        y.points,
        'neutral',
        points,
      );
      if (p) out.push(p);
    }
    out.push(
      ...(x.section && y.section ? compareSection(where, x.section, y.section, path, ctx) : []),
    );
    out.push(...(x.item && y.item ? compareItem(where, x.item, y.item, path, ctx) : []));
  }
  for (const x of restA) {
    out.push(
      change(
        x.section ? 'section-removed' : 'item-removed',
        whereOf(join(parent, x.code), x.title),
        {
          zh: `删除${x.points ? `(${points(x.points).zh})` : ''}`,
          en: `removed${x.points ? ` (${points(x.points).en})` : ''}`,
        },
      ),
    );
  }
  for (const y of restB) {
    out.push(
      change(y.section ? 'section-added' : 'item-added', whereOf(join(parent, y.code), y.title), {
        zh: `新增${y.points ? `(${points(y.points).zh})` : y.item?.points === 'uncapped' ? '(不设上限)' : ''}`,
        en: `added${y.points ? ` (${points(y.points).en})` : y.item?.points === 'uncapped' ? ' (uncapped)' : ''}`,
      }),
    );
  }
  return out;
}

function compareSection(
  where: Where,
  a: Section,
  b: Section,
  path: string,
  ctx: ItemCtx,
): Change[] {
  const out: (Change | undefined)[] = [
    textChange(
      'points',
      where,
      { zh: '不适用项处理', en: 'not-applicable handling' },
      notApplicableOf(a),
      notApplicableOf(b),
    ),
  ];
  out.push(mismatchChange(where, a.pointsMismatch, b.pointsMismatch));
  // Items without points of their own (a pool), or with them again; the pool's floor.
  out.push(...comparePool(where, a, b));
  // Items not known yet, or known now: the items themselves show as added or removed below.
  if (a.itemsPending !== undefined || b.itemsPending !== undefined) {
    const [x, y] = [a.itemsPending, b.itemsPending].map((t) => (t ? msgOf(t) : undefined));
    if (!x || !y)
      out.push(
        change(
          'points',
          where,
          y
            ? {
                zh: `考核项目改为待定(${y.zh}),不计分`,
                en: `items now pending (${y.en}): not scored`,
              }
            : {
                zh: `考核项目已列出,不再待定(原因:${x?.zh ?? ''})`,
                en: `items now listed, no longer pending (was: ${x?.en ?? ''})`,
              },
        ),
      );
    else
      out.push(
        textChange(
          'points',
          where,
          { zh: '项目待定的原因', en: 'why items are pending' },
          x.zh,
          y.zh,
        ),
      );
  }
  out.push(...compareNodes(path, a.items.map(itemNode), b.items.map(itemNode), ctx));
  return out.filter((c): c is Change => c !== undefined);
}

/** A declared points mismatch (why the parts do not add up): added, removed or reworded. */
export function mismatchChange(
  where: Where,
  a: Section['pointsMismatch'],
  b: Section['pointsMismatch'],
): Change | undefined {
  const [x, y] = [a, b].map((t) => (t ? msgOf(t) : undefined));
  if (x?.zh === y?.zh) return undefined;
  if (x && y)
    return textChange(
      'points',
      where,
      { zh: '分值不符的说明', en: 'declared points mismatch' },
      x.zh,
      y.zh,
    );
  return change(
    'points',
    where,
    y
      ? { zh: `新增分值不符的说明:${y.zh}`, en: `points mismatch declared: ${y.en}` }
      : {
          zh: `取消分值不符的说明(${x?.zh ?? ''}),分值须相符`,
          en: `points mismatch no longer declared (${x?.en ?? ''}): the points must add up`,
        },
  );
}

const textOf = (t: Indicator['criteria']): string | undefined =>
  t === undefined ? undefined : msgOf(t).zh;

function compareItem(
  where: Where,
  a: Indicator,
  b: Indicator,
  path: string,
  ctx: ItemCtx,
): Change[] {
  const out: (Change | undefined)[] = [];
  if (textOf(a.criteria) !== textOf(b.criteria))
    out.push(
      change(
        'rule',
        where,
        { zh: '评分标准文字调整', en: 'criteria text changed' },
        undefined,
        textOf(a.criteria) ?? '',
        textOf(b.criteria) ?? '',
      ),
    );
  const byClass = (i: Indicator): string | undefined =>
    i.pointsByClass
      ? Object.entries(i.pointsByClass)
          .sort()
          .map(([k, v]) => `${k}:${String(v)}`)
          .join(', ')
      : undefined;
  out.push(
    textChange(
      'points',
      where,
      { zh: '按类别分值', en: 'points by class' },
      byClass(a),
      byClass(b),
    ),
  );
  // The floor (a lower one lets the item go further below zero, 倒扣分: that tightens), the cap,
  // where an item without a rule starts, and what it keeps without evidence.
  out.push(...compareBounds(where, a, b, ctx.evidence));
  out.push(...comparePoolItem(where, a, b));
  out.push(
    ...compareRule(where, a.rule, b.rule, ctx.unitOf, {
      a: constant(a.points),
      b: constant(b.points),
      // No floor (min: 'none'): the curves are compared without one.
      minA: a.min === 'none' ? undefined : orZero(a.min),
      minB: b.min === 'none' ? undefined : orZero(b.min),
    }),
  );
  out.push(...compareStreams(where, a.deductions, b.deductions));
  const gatesA = new Set((a.gates ?? []).map((g) => g.when));
  const gatesB = new Set((b.gates ?? []).map((g) => g.when));
  for (const g of b.gates ?? [])
    if (!gatesA.has(g.when))
      out.push(
        change(
          'gate',
          where,
          {
            zh: `新增不记分情形:${msgOf(g.reason).zh}`,
            en: `new zeroing event: ${msgOf(g.reason).en}`,
          },
          'tightened',
        ),
      );
  for (const g of a.gates ?? [])
    if (!gatesB.has(g.when))
      out.push(
        change(
          'gate',
          where,
          {
            zh: `取消不记分情形:${msgOf(g.reason).zh}`,
            en: `zeroing event removed: ${msgOf(g.reason).en}`,
          },
          'loosened',
        ),
      );
  out.push(
    textChange(
      'applicable',
      where,
      { zh: '适用条件', en: 'applicability' },
      a.applicable,
      b.applicable,
    ),
  );
  out.push(mismatchChange(where, a.pointsMismatch, b.pointsMismatch));
  if (a.items || b.items)
    out.push(
      ...compareNodes(path, (a.items ?? []).map(itemNode), (b.items ?? []).map(itemNode), ctx),
    );
  return out.filter((c): c is Change => c !== undefined);
}
