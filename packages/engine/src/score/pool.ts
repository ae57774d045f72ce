// Items without points of their own ("—" in the document, RULE-FORMS 49), in one module: the
// checks of a pool section (`pool: true`) and of its items (`points: 'none'`), an item's outcome
// and reason, the section's score — one function, which the exact evaluator (score-unit.ts) and
// the lean scorer (fast/score-lean.ts, which hands a pool section's items to the exact evaluator)
// both call — the lines of two editions that differ, and the words the sheet prints.
//
// The section starts at its points (for the unit's class) and takes its items' deductions:
// score = clamp(points − Σ deductions, the section's min (default 0; negative, or 'none'),
// points). Each item's own result is its deduction as a negative figure (−3), its maximum 0.
import { add, clamp, min as qmin, q, round, sign, sum, ZERO, type Q } from '../exact/exact.ts';
import type { IndicatorStatus, Issue, Msg } from '../model/result.ts';
import type { Rounding } from '../schema/common.ts';
import type { Indicator, Section } from '../schema/ruleset.ts';
import { show } from '../messages/format.ts';
import { error, warning } from '../validate/issues.ts';
import { change, type Where } from '../diff/text.ts';
import type { Change } from '../diff/types.ts';
import * as R from './reasons.ts';

/** A pool section as its items and its score read it (filled in once the section compiles). */
export interface CPool {
  /** The section's code (一), which the items' reasons name. */
  code: string;
  /** The section's points, which the pool starts at. */
  points: Q;
  /** The points for a class (farms 12, towns 10), when the section declares them. */
  pointsByClass: ReadonlyMap<string, Q> | undefined;
  /** The floor: 0 by default; undefined for none (`min: 'none'`). */
  min: Q | undefined;
}

/** A pool section before its points are read (they are read after its items, as every section's). */
export const newPool = (code: string): CPool => ({
  code,
  points: ZERO,
  pointsByClass: undefined,
  min: ZERO,
});

// ---- Checks ----

/** The words of the section, in messages. */
const sectionWords = (code: string): Msg => ({ zh: `第${code}部分`, en: `section ${code}` });

/**
 * An item of a pool section has no points of its own (`points: 'none'`) and only takes: its
 * deductions (streams that deduct) and its gates; `points: 'none'` anywhere else is refused.
 * Issues at the field's own path, zh-CN and English.
 */
export function checkPoolItem(
  item: Indicator,
  rulePath: string,
  path: string,
  pool: CPool | undefined,
  issues: Issue[],
): void {
  if (!pool) {
    if (item.points === 'none')
      issues.push(
        error('points-none-outside-pool', `${rulePath}.points`, {
          zh: `${path} 没有单独分值(points: 'none'),但所在部分不是从部分分值中扣分的(pool: true);没有单独分值的项目只能在这样的部分中`,
          en: `${path} has no points of its own (points: 'none'), but it is not in a section whose items deduct from its points (pool: true); only such a section has items without points`,
        }),
      );
    return;
  }
  const s = sectionWords(pool.code);
  // A blank is said once, where blanks are (validate/blanks.ts), with the word for "—".
  if (item.points !== 'none' && item.points !== null)
    issues.push(
      error('pool-item-points', `${rulePath}.points`, {
        zh: `${path} 属于从${s.zh}分值中扣分的项目,本身没有分值:请写 points: 'none'(原文件中的“—”)`,
        en: `${path} deducts from the points of ${s.en}, so it has no points of its own: write points: 'none' (the document's "—")`,
      }),
    );
  if (item.pointsByClass)
    issues.push(
      error('pool-item-points', `${rulePath}.pointsByClass`, {
        zh: `${path} 没有单独分值,不能按类别规定分值;某类单位不考核此项的,请用 applicable`,
        en: `${path} has no points of its own, so it has none by class; for a class not assessed on it, use applicable`,
      }),
    );
  if (item.rule)
    issues.push(
      error('pool-item-rule', `${rulePath}.rule`, {
        zh: `${path} 没有单独分值,评分规则(rule)给出的分数无处可得;请写成扣分(deductions)或不记分情形(gates)`,
        en: `${path} has no points of its own, so the points a rule gives have nowhere to go; write what it deducts (deductions) or its zeroing events (gates)`,
      }),
    );
  if (item.start !== undefined)
    issues.push(
      error('pool-item-start', `${rulePath}.start`, {
        zh: `${path} 没有单独分值,不从自身分值起算(start);${s.zh}从其分值起算`,
        en: `${path} has no points of its own to start from (start); ${s.en} starts at its points`,
      }),
    );
  if (item.min !== undefined)
    issues.push(
      error('pool-item-min', `${rulePath}.min`, {
        zh: `${path} 没有单独分值,也没有自己的最低分;最低分写在${s.zh}上(sections[].min)`,
        en: `${path} has no points of its own, nor a floor of its own; the floor is the section's (its min)`,
      }),
    );
  if ((item.items ?? []).length > 0)
    issues.push(
      error('pool-item-items', `${rulePath}.items`, {
        zh: `${path} 从${s.zh}分值中扣分,不能再分小项;请把各小项列为该部分的项目`,
        en: `${path} deducts from ${s.en}: it cannot have sub-items; list them as items of the section`,
      }),
    );
  (item.deductions ?? []).forEach((d, i) => {
    if (d.direction === 'add')
      issues.push(
        error('pool-item-credit', `${rulePath}.deductions[${i}].direction`, {
          zh: `${path} 从${s.zh}分值中扣分,只能扣分,不能加分(direction: 'add')`,
          en: `${path} deducts from ${s.en}: it can only deduct, not add (direction: 'add')`,
        }),
      );
  });
  if ((item.deductions ?? []).length === 0 && (item.gates ?? []).length === 0)
    issues.push(
      error('pool-item-empty', rulePath, {
        zh: `${path} 没有单独分值,也没有扣分(deductions)或不记分情形(gates),永远不影响得分`,
        en: `${path} has no points of its own, nor deductions or gates: it could never change a score`,
      }),
    );
  if (item.evidencePolicy !== undefined)
    issues.push(
      warning('pool-evidence-policy', `${rulePath}.evidencePolicy`, {
        zh: `${path} 只扣分、不得分,不要求佐证材料,缺少佐证时的规定(evidencePolicy)不起作用`,
        en: `${path} only deducts and earns nothing, so no evidence is asked for it: its evidencePolicy has nothing to apply to`,
      }),
    );
}

/** A section's own fields of a pool: `min` only on a pool; a pool is never rescaled (it keeps
 *  its points whichever items apply) and needs no declared points mismatch. */
export function checkPoolSection(
  section: Section,
  rp: string,
  pool: CPool | undefined,
  /** The places scores keep (rounding.scores): a floor is a score, on their grid. */
  dp: number,
  issues: Issue[],
): void {
  const s = sectionWords(section.code);
  if (!pool) {
    if (section.min !== undefined)
      issues.push(
        error('section-min-without-pool', `${rp}.min`, {
          zh: `${s.zh}的最低分(min)只用于各项从部分分值中扣分的部分(pool: true);其他部分的最低分写在各项上`,
          en: `${s.en}: a section's floor (min) is for a section whose items deduct from its points (pool: true); elsewhere each item has its own`,
        }),
      );
    return;
  }
  if (section.notApplicable === 'rescale')
    issues.push(
      error('pool-rescale', `${rp}.notApplicable`, {
        zh: `${s.zh}各项从该部分分值中扣分,不适用的项目不扣分,分值不变,无需按比例折算(rescale)`,
        en: `${s.en}: its items deduct from its points, an item that does not apply deducts nothing and the points stay: there is nothing to rescale`,
      }),
    );
  if (section.pointsMismatch !== undefined)
    issues.push(
      warning('points-mismatch-unneeded', `${rp}.pointsMismatch`, {
        zh: `${s.zh}各项没有单独分值、从该部分分值中扣分,不做分值合计核对,无需声明分值不符(pointsMismatch)`,
        en: `${s.en}: its items have no points of their own and deduct from its points; no sum is checked, so no points mismatch needs declaring`,
      }),
    );
  if (pool.min && pool.min.mul(q(10n ** BigInt(dp))).d !== 1n)
    issues.push(
      error('points-precision', `${rp}.min`, {
        zh: `${s.zh}的最低分 ${pool.min.toString()} 超出得分保留的 ${dp} 位小数(rounding.scores)`,
        en: `${s.en}: the floor ${pool.min.toString()} has more places than the ${dp} kept for scores (rounding.scores)`,
      }),
    );
  if (pool.min && pool.min.compare(pool.points) > 0)
    issues.push(
      error('min-above-points', `${rp}.min`, {
        zh: `${s.zh}的最低分 ${pool.min.toString()} 高于其分值 ${pool.points.toString()}`,
        en: `${s.en}: the floor ${pool.min.toString()} is above its points ${pool.points.toString()}`,
      }),
    );
}

// ---- An item's outcome ----

/** The pool's points for a unit of this class: its class's, else its points; undefined when the
 *  section has points by class and the unit has no declared class (never the default). */
export function poolPoints(
  pool: CPool,
  cls: string | undefined,
  classIds: ReadonlySet<string>,
): Q | undefined {
  if (!pool.pointsByClass) return pool.points;
  if (cls === undefined || !classIds.has(cls)) return undefined;
  return pool.pointsByClass.get(cls) ?? pool.points;
}

const head = (pool: CPool, points: Q | undefined): Msg => {
  const p = points === undefined ? '' : `的${show(points)}分`;
  return {
    zh: `本项无单独分值,从「${pool.code}」${p}中扣除`,
    en: `no points of its own: deducts from ${pool.code}${points === undefined ? '' : `'s ${show(points)}`}`,
  };
};

const SECTION_ZEROED: Msg = { zh: '本部分不得分', en: 'the section scores nothing' };

/** A pool item's status: `gated` when its event holds (it zeroes the section), else `not-met`
 *  when it deducts something, `met` when nothing (the kernels' route decides by this too). */
export const poolItemStatus = (deducts: boolean, zeroed: boolean): IndicatorStatus =>
  zeroed ? 'gated' : deducts ? 'not-met' : 'met';

/**
 * A pool item's score (its deductions, rounded by rounding.scores, as a negative figure), its
 * status (`met`: nothing deducted; `not-met`: something; `gated`: an event that zeroes the
 * section) and its reasons (one string per step, joined by the result).
 */
export function poolItemOutcome(
  pool: CPool,
  points: Q | undefined,
  deducted: Q,
  adjustments: readonly Msg[],
  zeroedBy: Msg | undefined,
  rounding: Rounding,
): { score: Q; status: IndicatorStatus; reasons: Msg[] } {
  // Streams only deduct here (pool-item-credit): their signed total is at most 0.
  const score = round(deducted, rounding);
  const status = poolItemStatus(sign(score) < 0, zeroedBy !== undefined);
  const h = head(pool, points);
  const reasons: Msg[] = [];
  const [first, ...rest] = adjustments;
  reasons.push(first ? { zh: `${h.zh}:${first.zh}`, en: `${h.en}: ${first.en}` } : h);
  reasons.push(...rest);
  if (adjustments.length > 0 || !zeroedBy)
    reasons.push(
      sign(score) < 0
        ? { zh: `共扣${show(score.neg())}分`, en: `−${show(score.neg())} in all` }
        : { zh: '未扣分', en: 'nothing deducted' },
    );
  if (zeroedBy) reasons.push(zeroedBy, SECTION_ZEROED);
  return { score, status, reasons };
}

// ---- The section's score ----

/** An item of the pool as its section reads it. */
export interface PoolItemFigure {
  path: string;
  /** Its deduction as a negative figure; null when it was not scored. */
  score: Q | null;
  status: IndicatorStatus;
}

const undecidedStatus = (s: IndicatorStatus): boolean =>
  s === 'missing-input' || s === 'cannot-compute';

/** What a pool section's score was worked out from (the words are made from it on demand). */
interface PoolFigure {
  score: Q | null;
  max: Q;
  /** Why it is not scored, or how: the class unknown, an item open, none applying, scored. */
  state: 'class' | 'open' | 'none' | 'scored';
  open: readonly string[];
  taking: readonly PoolItemFigure[];
  deducted: Q;
  raw: Q;
  zeroedBy: PoolItemFigure | undefined;
}

/**
 * The section's score: its points (for the unit's class) less its items' deductions, within its
 * floor and its points, rounded by rounding.scores; an event on an item (a gate, `zeroAt`)
 * leaves 0, or the score when it is below 0 and the floor allows it (as gatedScore has it).
 * Not scored (null, never 0 nor full points) while an item cannot be judged or the unit's class
 * is not known for points by class. No item applies: the section does not apply (0 of 0).
 */
export function poolSectionFigure(
  pool: CPool,
  points: Q | undefined,
  items: readonly PoolItemFigure[],
  rounding: Rounding,
): PoolFigure {
  const none = { open: [], taking: [], deducted: ZERO, raw: ZERO, zeroedBy: undefined };
  if (points === undefined) return { ...none, score: null, max: pool.points, state: 'class' };
  const open = items.filter((i) => undecidedStatus(i.status)).map((i) => i.path);
  if (open.length > 0) return { ...none, score: null, max: points, state: 'open', open };
  const applying = items.filter((i) => i.status !== 'not-applicable');
  if (applying.length === 0) return { ...none, score: ZERO, max: ZERO, state: 'none' };
  const taking = applying.filter((i) => i.score !== null && sign(i.score) < 0);
  const deducted = sum(taking.map((i) => (i.score as Q).neg()));
  const raw = add(points, deducted.neg());
  let score = round(clamp(raw, pool.min, points), rounding);
  const zeroedBy = applying.find((i) => i.status === 'gated');
  if (zeroedBy) score = pool.min === undefined || sign(pool.min) < 0 ? qmin(score, ZERO) : ZERO;
  return { score, max: points, state: 'scored', open: [], taking, deducted, raw, zeroedBy };
}

/** How a pool section's figure came about, zh-CN and English. */
function poolSectionReason(pool: CPool, f: PoolFigure): Msg {
  const s = sectionWords(pool.code);
  if (f.state === 'class')
    return {
      zh: `缺少数据:单位类别(${s.zh}按类别规定分值),未计分`,
      en: `missing data: unit class (${s.en} has points by class); not scored`,
    };
  if (f.state === 'open')
    return {
      zh: `${f.open.join('、')}无法评分,从${show(f.max)}分中扣除多少尚不能确定,未计分`,
      en: `${f.open.join(', ')} cannot be scored: what is deducted from ${show(f.max)} is not known; not scored`,
    };
  if (f.state === 'none')
    return { zh: '各项均不考核,本部分不计分', en: 'no item applies: the section is not assessed' };
  const points = f.max;
  const score = f.score ?? ZERO;
  const parts = f.taking.map((i) => ({
    zh: `${i.path}扣${show((i.score as Q).neg())}分`,
    en: `${i.path} −${show((i.score as Q).neg())}`,
  }));
  const zh: string[] = [];
  const en: string[] = [];
  if (parts.length === 0) {
    // Nothing deducted: the whole points, unless an event zeroes them (said below).
    zh.push(f.zeroedBy ? `${show(points)}分,各项均未扣分` : `各项均未扣分,得${show(points)}分`);
    en.push(
      f.zeroedBy
        ? `${show(points)} points, nothing deducted`
        : `nothing deducted: scores ${show(points)}`,
    );
  } else {
    zh.push(`${show(points)}分,扣除${parts.map((p) => p.zh).join('、')}`);
    en.push(`${show(points)} points less ${parts.map((p) => p.en).join(', ')}`);
    if (parts.length > 1) {
      zh.push(`共扣${show(f.deducted)}分`);
      en.push(`${show(f.deducted)} deducted in all`);
    }
    if (pool.min && f.raw.compare(pool.min) < 0) {
      const fl = R.flooredAt(show(pool.min));
      zh.push(fl.zh);
      en.push(fl.en);
    } else if (!f.zeroedBy) {
      zh.push(`得${show(score)}分`);
      en.push(`scores ${show(score)}`);
    }
  }
  if (f.zeroedBy) {
    zh.push(`${f.zeroedBy.path}不记分情形成立,本部分得${show(score)}分`);
    en.push(`${f.zeroedBy.path}: a zeroing event holds, the section scores ${show(score)}`);
  }
  return { zh: zh.join(','), en: en.join('; ') };
}

/** The section's score with its reason (see poolSectionFigure; the lean scorer takes the
 *  figure alone). */
export function poolSectionScore(
  pool: CPool,
  points: Q | undefined,
  items: readonly PoolItemFigure[],
  rounding: Rounding,
): { score: Q | null; max: Q; reason: Msg } {
  const f = poolSectionFigure(pool, points, items, rounding);
  return { score: f.score, max: f.max, reason: poolSectionReason(pool, f) };
}

// ---- Two editions ----

const floorText = (m: Section['min']): Msg =>
  m === 'none'
    ? { zh: '不设最低分', en: 'no floor' }
    : { zh: `最低${String(m ?? 0)}分`, en: `floor ${String(m ?? 0)}` };

/**
 * A section becoming a pool or ceasing to be one, and a pool's floor moved (a lower floor lets a
 * unit lose more: 收紧; a higher one 放宽). Its points changed are the section's points line.
 */
export function comparePool(where: Where, a: Section, b: Section): Change[] {
  const out: Change[] = [];
  if ((a.pool === true) !== (b.pool === true)) {
    out.push(
      change(
        'points',
        where,
        b.pool
          ? {
              zh: '改为各项无单独分值,从本部分分值中扣分',
              en: 'its items now have no points of their own and deduct from its points',
            }
          : {
              zh: '不再从本部分分值中扣分,各项改为有单独分值',
              en: 'its items no longer deduct from its points: they have points of their own',
            },
      ),
    );
    return out;
  }
  if (!a.pool) return out;
  const floor = (m: Section['min']): Q | undefined => (m === 'none' ? undefined : q(m ?? 0));
  const [fa, fb] = [floor(a.min), floor(b.min)];
  if (fa === undefined && fb === undefined) return out;
  if (fa !== undefined && fb !== undefined && fa.compare(fb) === 0) return out;
  const lower = fb === undefined || (fa !== undefined && fb.compare(fa) < 0);
  const [x, y] = [floorText(a.min), floorText(b.min)];
  out.push(
    change(
      'points',
      where,
      { zh: `最低分由「${x.zh}」改为「${y.zh}」`, en: `floor changed from "${x.en}" to "${y.en}"` },
      lower ? 'tightened' : 'loosened',
      String(a.min ?? 0),
      String(b.min ?? 0),
    ),
  );
  return out;
}

/** An item's points becoming "—" (no points of its own) or points again. */
export function comparePoolItem(where: Where, a: Indicator, b: Indicator): Change[] {
  const [na, nb] = [a.points === 'none', b.points === 'none'];
  if (na === nb) return [];
  const other = na ? b.points : a.points;
  const shown = typeof other === 'number' || typeof other === 'string' ? `${String(other)}分` : '';
  return [
    change(
      'points',
      where,
      nb
        ? {
            zh: `改为无单独分值(—)${shown ? `,原${shown}` : ''}`,
            en: `now without points of its own (—)${shown ? `, was ${String(other)}` : ''}`,
          }
        : {
            zh: `改为有单独分值${shown ? shown : ''}(原无单独分值)`,
            en: `now with points of its own${shown ? `: ${String(other)}` : ''} (was —)`,
          },
      undefined,
      na ? '—' : String(a.points),
      nb ? '—' : String(b.points),
    ),
  ];
}

// ---- The sheet ----

/** What the sheet's 分值 column prints for an item without points of its own. */
export const NO_POINTS_MARK = '—';

/** The criteria words of a pool section's row: where its items' deductions go. */
export function poolCriteria(pool: CPool): string {
  const floor =
    pool.min === undefined
      ? ',可扣至负分'
      : sign(pool.min) < 0
        ? `,最低${show(pool.min)}分`
        : ',扣完为止';
  return `本部分各项无单独分值,从本部分${show(pool.points)}分中扣除${floor}`;
}
