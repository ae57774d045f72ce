// A unit's result, as a person must act on it, each at its cell: figures the engine refused (out
// of the input's declared range), the leaf items that could not be scored and why, the items
// that lost points for want of evidence. The CLI, the scored sheet and the pane all say it
// from here, so they say the same.
import {
  msgOf,
  type IndicatorResult,
  type InputDef,
  type Msg,
  type RuleSet,
  type UnitInput,
  type UnitResult,
} from '@kaohe/engine';
import { q, show, showWithUnit, tryQ } from '@kaohe/engine/internal';
import { cellRef } from '../a1.ts';
import { sheetError } from '../issue.ts';
import { caseCell } from '../cases/case-table.ts';
import type { SheetIssue, SheetMap } from '../types.ts';

export interface ResultContext {
  map: SheetMap;
  /** The rules and figures scored: without them refused figures cannot be shown. */
  ruleSet?: Pick<RuleSet, 'inputs'>;
  unit?: UnitInput;
}

export interface UnscoredItem {
  path: string;
  title: Msg;
  /** Why, naming the cells: 「基础数据!E33 105% 超出允许范围 0–100%,未能计分」. */
  reason: Msg;
  /** Data-sheet cells of the figures it lacks or refused. */
  cells: string[];
  /** A whole section whose items are not known yet (path is its code), not one item. */
  pendingSection?: true;
}

export interface EvidenceItem {
  path: string;
  title: Msg;
  score: string | null;
  max: string;
  /** The evidence cells (佐证材料) left blank, one per figure. */
  cells: string[];
  inputIds: string[];
}

export interface ResultProblems {
  /** One error per refused figure, at its 填报值 cell (code `out-of-range`). */
  values: SheetIssue[];
  /** Sections whose items are pending, then leaf items not scored (a parent of unscored
   *  sub-items is not counted again). */
  unscored: UnscoredItem[];
  /** Leaf items short of evidence. */
  evidence: EvidenceItem[];
}

function rangeText(def: InputDef): Msg {
  if (def.min !== undefined && def.max !== undefined) {
    // 0–100%: the unit once, after the range.
    const lo = show(q(def.min));
    const hi = showWithUnit(q(def.max), def.unit);
    return { zh: `${lo}–${hi.zh}`, en: `${lo}–${hi.en}` };
  }
  if (def.min !== undefined) {
    const lo = showWithUnit(q(def.min), def.unit);
    return { zh: `不低于${lo.zh}`, en: `at least ${lo.en}` };
  }
  const hi = showWithUnit(q(def.max ?? '0'), def.unit);
  return { zh: `不高于${hi.zh}`, en: `at most ${hi.en}` };
}

function leaves(items: readonly IndicatorResult[]): IndicatorResult[] {
  return items.flatMap((i) => (i.children?.length ? leaves(i.children) : [i]));
}

/** The leaf items of a result, sections then bonus, in sheet order. */
export function leafItems(result: UnitResult): IndicatorResult[] {
  return leaves([...result.sections.flatMap((s) => s.items), ...result.bonus.items]);
}

/** An item that could not be judged (a blank or refused figure, a ratio that cannot be worked
 *  out): not scored, said at its row, never counted as 0. */
const notScored = (item: IndicatorResult): boolean =>
  item.status === 'missing-input' || item.status === 'cannot-compute';

/** How many leaf items under these items are not scored (a parent's sum without them is a part). */
export const unscoredLeaves = (items: readonly IndicatorResult[]): number =>
  leaves(items).filter(notScored).length;

/**
 * How many leaf items of each section are not scored, by section code (sections with none are
 * absent): a section's sum with such items is a part, shown as 不完整 beside it (CLI, pane).
 */
export function unscoredBySection(result: UnitResult): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of result.sections) {
    const n = unscoredLeaves(s.items);
    if (n > 0) out.set(s.code, n);
  }
  return out;
}

export function resultProblems(result: UnitResult, context: ResultContext): ResultProblems {
  const { map, ruleSet, unit } = context;
  const defs = new Map((ruleSet?.inputs ?? []).map((d) => [d.id, d]));
  const rows = new Map(map.data.rows.map((r) => [r.id, r.row]));
  const cell = (id: string, column: number): string | undefined => {
    const row = rows.get(id);
    return row === undefined || row < 0 ? undefined : cellRef(map.data.sheet, row, column);
  };
  const label = (id: string): Msg => {
    const def = defs.get(id);
    return def ? msgOf(def.label) : { zh: id, en: id };
  };
  // The engine refuses a figure outside its input's declared range (its decision, its code).
  const refused = new Map<string, { issue: SheetIssue; short: Msg }>();
  for (const issue of result.issues) {
    // A case's field (path late[2].months) is said at its own cell, below.
    if (issue.code !== 'out-of-range' || !issue.inputId || issue.path !== issue.inputId) continue;
    if (refused.has(issue.inputId)) continue;
    const def = defs.get(issue.inputId);
    const address = cell(issue.inputId, map.data.columns.value);
    if (!def || !address || !unit) continue;
    const raw = unit?.values[issue.inputId];
    const v =
      raw === null || raw === undefined || typeof raw === 'boolean' ? undefined : tryQ(String(raw));
    const shown = v ? showWithUnit(v, def.unit) : { zh: String(raw), en: String(raw) };
    const range = rangeText(def);
    refused.set(issue.inputId, {
      issue: sheetError('out-of-range', address, [shown.zh, shown.en, range.zh, range.en], def.id),
      short: {
        zh: `${address} ${shown.zh} 超出允许范围 ${range.zh}`,
        en: `${address} ${shown.en} is outside ${range.en}`,
      },
    });
  }
  // A case's field the engine refused (out of its range): said at its cell in the case table.
  const caseIssues: SheetIssue[] = [];
  for (const issue of result.issues) {
    const address = caseCell(map.cases, issue.path);
    if (address && (issue.code === 'out-of-range' || issue.code === 'bad-value'))
      caseIssues.push({ ...issue, path: address, address });
  }
  // A section whose items are not known yet is not scored at all: said first, at its code.
  const unscored: UnscoredItem[] = result.sections.flatMap((s) =>
    s.pending
      ? [
          {
            path: s.code,
            title: s.title,
            reason: {
              zh: `考核项目待定(${s.pending.zh}),未计分`,
              en: `items pending (${s.pending.en}): not scored`,
            },
            cells: [],
            pendingSection: true as const,
          },
        ]
      : [],
  );
  const evidence: EvidenceItem[] = [];
  for (const item of leafItems(result)) {
    if (notScored(item)) {
      const bad = item.missingInputs.filter((id) => refused.has(id));
      const blank = item.missingInputs.filter((id) => !refused.has(id));
      const cells = item.missingInputs.flatMap((id) => {
        const a = cell(id, map.data.columns.value);
        return a ? [a] : [];
      });
      let reason = item.reason;
      if (bad.length > 0) {
        const shown = bad.flatMap((id) => refused.get(id)?.short ?? []);
        const rest = blank.map(label);
        reason = {
          zh: `数据有误:${shown.map((m) => m.zh).join(';')}${rest.length ? `;缺少数据:${rest.map((l) => l.zh).join('、')}` : ''},未能计分`,
          en: `figure out of range: ${shown.map((m) => m.en).join('; ')}${rest.length ? `; no value for ${rest.map((l) => l.en).join(', ')}` : ''}; not scored`,
        };
      }
      unscored.push({ path: item.path, title: item.title, reason, cells });
    }
    if (item.missingEvidence.length > 0) {
      evidence.push({
        path: item.path,
        title: item.title,
        score: item.score,
        max: item.max,
        inputIds: item.missingEvidence,
        cells: item.missingEvidence.flatMap((id) => {
          const a = cell(id, map.data.columns.evidence);
          return a ? [a] : [];
        }),
      });
    }
  }
  return {
    values: [...[...refused.values()].map((r) => r.issue), ...caseIssues],
    unscored,
    evidence,
  };
}
