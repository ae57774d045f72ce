// A parent's figures rolled up from its children (kaohe rollup; the pane's 汇总下级), planned once:
// the children's returns reviewed as `kaohe review` reviews them (reviewReads), who counts (the
// roster: a child not returned, not on it, or failing verification cannot be counted, said why),
// the figures worked out by the engine (childrenInputs) and the writes into the parent's data
// sheet — each figure whose source is the children into its value cell (blank when not rolled
// up: a stale figure never stays), its provenance into the note. Nothing else is written: an
// input typed by the parent is never touched. Pure: the apps decode files and write.
import {
  childrenInputs,
  compileRuleSet,
  rolledUpWords,
  type ChildrenInputs,
  type CompiledRuleSet,
  type InputDef,
  type Issue,
  type Msg,
  type RuleSet,
} from '@kaohe/engine';
import { a1, cellRef } from '../a1.ts';
import { prefillOk, type TrustStore } from '../editions/edition.ts';
import { FILLS } from '../formats.ts';
import type { SheetRead } from '../read/read-sheet.ts';
import { cellOf } from '../template/cell-of.ts';
import { withRolledUpNote } from '../template/data-sheet.ts';
import type { RangeWrite, SheetGrid } from '../types.ts';
import { reviewReads, type ReadReturn, type ReviewedUnit, type ReviewResult } from './review.ts';

export interface RolledFigure {
  def: InputDef;
  /** The value cell, with its sheet (基础数据!E7). */
  where: string;
  /** Decimal text; null: not rolled up (`issues` say why). */
  value: string | null;
  /** How it was worked out, naming the children and their files. */
  words?: Msg;
  issues: Issue[];
  /** A different figure that was there (an earlier roll-up, or typed into an unlocked cell). */
  replaced?: string;
}

export interface RollupPlan {
  review: ReviewResult;
  /** Children that cannot be counted, with why. */
  unusable: { unitId: string; name: string; why: Msg }[];
  /** A child named otherwise on the roster than in its workbook. */
  notes: Msg[];
  rolled: ChildrenInputs;
  figures: RolledFigure[];
  writes: RangeWrite[];
  /** Errors not at one figure (the roll-up cannot be done). */
  errors: Issue[];
}

/** Why a reviewed child cannot be counted: it failed verification (rules altered; with a trust
 *  list, rules or prefill not as signed — its counts or history carried in kaohe_meta among
 *  them), said with its file (and the cell, where there is one). */
function unverified(u: ReviewedUnit, trust: TrustStore | undefined): Msg | undefined {
  const file = u.file;
  if (u.rules === 'altered')
    return {
      zh: `(${file})考核表中的规则被改动${u.rulesAt ? `(${u.rulesAt})` : ''},未通过核验`,
      en: `${file}: the rules in its workbook were altered${u.rulesAt ? ` (${u.rulesAt})` : ''}: it failed verification`,
    };
  if (!trust) return undefined;
  const cell = (at: string | undefined) => (at ? { zh: `(${at})`, en: ` (${at})` } : NONE);
  if (u.edition && u.edition.status !== 'trusted') {
    const at = cell(u.read.signatureAt);
    return {
      zh: `(${file})规则签名未通过核验${at.zh}:${u.edition.message.zh}`,
      en: `${file}: its rules failed signature verification${at.en}: ${u.edition.message.en}`,
    };
  }
  if (u.prefill && !prefillOk(u.prefill)) {
    // A figure not as signed names its own cell in the message; else the signature's cell.
    const at = u.prefill.changes.length > 0 ? NONE : cell(u.read.prefillAt);
    return {
      zh: `(${file})预填指标未通过核验${at.zh}:${u.prefill.message.zh}`,
      en: `${file}: its prefilled figures failed verification${at.en}: ${u.prefill.message.en}`,
    };
  }
  return undefined;
}
const NONE = { zh: '', en: '' };

/** The parent's inputs rolled up from children assessed by `childRules`. */
export const rolledUpInputs = (parent: RuleSet, childRules: Pick<RuleSet, 'id'>): InputDef[] =>
  parent.inputs.filter((d) => d.source === 'children' && d.from === childRules.id);

/**
 * Plans the roll-up of `children` (read one by one with readReturn) into the parent's workbook
 * (`parent`, read from `parentGrids`), for the children on `roster` (id → name).
 */
export function planRollup(input: {
  parent: SheetRead;
  parentGrids: readonly SheetGrid[];
  childRules: RuleSet;
  compiled?: CompiledRuleSet;
  children: readonly ReadReturn[];
  roster: ReadonlyMap<string, string>;
  trust?: TrustStore;
}): RollupPlan {
  const { parent, childRules, roster: expected, trust } = input;
  const compiled = input.compiled ?? compileRuleSet(childRules);
  const review = reviewReads(input.children, childRules, compiled, trust ? { trust } : {});
  const unusable: RollupPlan['unusable'] = [];
  const notes: Msg[] = [];
  const reviewed = new Map(review.units.map((u) => [u.unitId, u]));
  const missing: Msg =
    review.rejected.length > 0
      ? {
          zh: '未上报,或其考核表未能读取(见未纳入的文件)',
          en: 'not returned, or its workbook could not be read (see the files not included)',
        }
      : {
          zh: '未上报(所给文件中没有其考核表)',
          en: 'not returned (no workbook of it among the files)',
        };
  for (const [id, name] of expected)
    if (!reviewed.has(id)) unusable.push({ unitId: id, name, why: missing });
  for (const u of review.units) {
    if (!expected.has(u.unitId)) {
      unusable.push({
        unitId: u.unitId,
        name: u.name,
        why: { zh: '不在下级单位名单中', en: 'is not on the roster of the children' },
      });
      continue;
    }
    const why = unverified(u, trust);
    if (why) unusable.push({ unitId: u.unitId, name: u.name, why });
    const listed = expected.get(u.unitId);
    if (listed !== undefined && listed !== u.name)
      notes.push({
        zh: `单位代码 ${u.unitId}:名单中为「${listed}」,考核表中为「${u.name}」`,
        en: `unit id ${u.unitId}: the roster says "${listed}", its workbook "${u.name}"`,
      });
  }
  const rolled = childrenInputs(
    {
      ruleSet: childRules,
      cohort: review.cohort,
      inputs: review.units.map((u) => u.read.unit),
      sources: Object.fromEntries(review.units.map((u) => [u.unitId, u.file])),
      unusable,
    },
    parent.ruleSet,
  );
  const data = parent.map.data;
  const sheet = input.parentGrids.find((g) => g.name === data.sheet);
  const writes: RangeWrite[] = [];
  const figures = rolledUpInputs(parent.ruleSet, childRules).map((d): RolledFigure => {
    const row = data.rows.find((r) => r.id === d.id)?.row;
    if (row === undefined) throw new Error(`the data sheet has no row for input ${d.id}`);
    const r = rolled.rolledUp[d.id];
    const value = rolled.values[d.id] ?? null;
    const words = r ? rolledUpWords(r) : undefined;
    writes.push({
      sheet: data.sheet,
      address: a1(row, data.columns.value),
      values: [[value === null ? '' : cellOf(d, value)]],
      fills: [[value === null ? FILLS.unscored : '']],
    });
    if (words)
      writes.push({
        sheet: data.sheet,
        address: a1(row, data.columns.note),
        values: [[withRolledUpNote(sheet?.values[row]?.[data.columns.note] ?? null, words.zh)]],
      });
    const was = parent.unit.values[d.id];
    const replaced =
      was !== undefined && was !== null && String(was) !== String(value ?? '')
        ? String(was)
        : undefined;
    return {
      def: d,
      where: cellRef(data.sheet, row, data.columns.value),
      value,
      ...(words ? { words } : {}),
      issues: rolled.issues.filter((i) => i.path === `inputs.${d.id}`),
      ...(replaced !== undefined ? { replaced } : {}),
    };
  });
  const errors = rolled.issues.filter(
    (i) => i.severity === 'error' && !i.path.startsWith('inputs.'),
  );
  return { review, unusable, notes, rolled, figures, writes, errors };
}
