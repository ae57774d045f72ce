// Codec issues and engine results → the pane's problems, each with the cell it is about.
import { msgOf, type IndicatorResult, type UnitResult } from '@kaohe/engine';
import { a1, type SheetIssue, type SheetIssueCode, type SheetMap, type SheetRead } from '@kaohe/sheet';
import { actualName, splitAddress, type SheetGroup } from './kernel-grids.ts';
import type { Problem, ProblemCode } from './kernel.types.ts';

const CODES: Record<SheetIssueCode, ProblemCode> = {
  'blank-input': 'missing-input',
  'dash-as-blank': 'missing-input',
  'ambiguous-percent': 'ambiguous-value',
  'unit-converted': 'ambiguous-value',
  'not-a-number': 'invalid-value',
  'unexpected-unit': 'invalid-value',
  'invalid-yesno': 'invalid-value',
  'invalid-choice': 'invalid-value',
  'invalid-date': 'invalid-value',
  'class-invalid': 'invalid-value',
  'unit-missing': 'invalid-value',
  'rules-differ': 'rules-differ',
  'sheet-missing': 'sheet-damaged',
  'meta-missing': 'sheet-damaged',
  'meta-corrupt': 'sheet-damaged',
  'meta-tampered': 'sheet-damaged',
  'meta-version': 'sheet-damaged',
  'meta-not-very-hidden': 'sheet-damaged',
  'ruleset-invalid': 'sheet-damaged',
  'ruleset-mismatch': 'sheet-damaged',
  'header-mismatch': 'sheet-damaged',
  'header-row-missing': 'sheet-damaged',
  'column-missing': 'sheet-damaged',
  'row-missing': 'sheet-damaged',
  'row-order': 'sheet-damaged',
  'row-duplicate': 'sheet-damaged',
  'row-unknown': 'sheet-damaged',
};

export function fromSheetIssue(issue: SheetIssue, group: SheetGroup): Problem {
  const { sheet, cell } = splitAddress(issue.address);
  return {
    code: CODES[issue.code as SheetIssueCode] ?? 'sheet-damaged',
    severity: issue.severity,
    sheet: actualName(group, sheet ?? ''),
    address: cell,
    message: issue.message,
  };
}

function flatten(items: readonly IndicatorResult[]): IndicatorResult[] {
  return items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
}

/** Items the engine could not score for want of an input, or scored down for want of evidence. */
export function fromResult(result: UnitResult, read: Pick<SheetRead, 'map' | 'ruleSet'>, group: SheetGroup, known: readonly Problem[]): Problem[] {
  const { map } = read;
  const labels = new Map(read.ruleSet.inputs.map((i) => [i.id, msgOf(i.label)]));
  const label = (id: string) => labels.get(id) ?? { zh: id, en: id };
  const dataSheet = actualName(group, map.data.sheet);
  const inputRow = new Map(map.data.rows.map((r) => [r.id, r.row]));
  const at = (id: string, column: number): string | null => {
    const row = inputRow.get(id);
    return row === undefined || row < 0 ? null : a1(row, column);
  };
  const seen = new Set(known.map((p) => `${p.code}|${p.sheet}|${p.address}`));
  const out: Problem[] = [];
  const add = (problem: Problem) => {
    const key = `${problem.code}|${problem.sheet}|${problem.address}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(problem);
  };
  for (const item of flatten([...result.sections.flatMap((s) => s.items), ...result.bonus.items])) {
    for (const id of item.missingInputs) {
      add({ code: 'missing-input', severity: 'error', sheet: dataSheet, address: at(id, map.data.columns.value), message: { zh: `${item.path} ${item.title.zh}:缺少“${label(id).zh}”的数据,无法计分`, en: `${item.path} ${item.title.en}: no value for “${label(id).en}”, cannot be scored` } });
    }
    for (const id of item.missingEvidence) {
      add({ code: 'missing-evidence', severity: 'warning', sheet: dataSheet, address: at(id, map.data.columns.evidence), message: { zh: `${item.path} ${item.title.zh}:“${label(id).zh}”缺少佐证材料`, en: `${item.path} ${item.title.en}: no evidence for “${label(id).en}”` } });
    }
  }
  return out;
}

/** Reviewer's view: where the unit's own scores differ from the recomputed ones. */
export function scoreDifferences(
  reported: Record<string, string | null>,
  result: UnitResult,
  map: SheetMap,
  group: SheetGroup,
): Problem[] {
  const scores = new Map<string, string | null>(flatten([...result.sections.flatMap((s) => s.items), ...result.bonus.items]).map((i) => [i.path, i.score]));
  for (const s of result.sections) scores.set(s.code, s.score);
  const total = map.scoring.rows.find((r) => r.kind === 'total');
  if (total) scores.set(total.key, result.total);
  const sheet = actualName(group, map.scoring.sheet);
  const out: Problem[] = [];
  for (const row of map.scoring.rows) {
    if (!scores.has(row.key) || row.row < 0) continue;
    const mine = reported[row.key] ?? null;
    const theirs = scores.get(row.key) ?? null;
    // Both are canonical decimal text (the codec's numberText, the engine's results): compare as text.
    if (mine === null || theirs === null || mine === theirs) continue;
    out.push({
      code: 'score-differs',
      severity: 'warning',
      sheet,
      address: a1(row.row, map.scoring.columns.self),
      message: { zh: `${row.key}:自评 ${mine} 分,复核 ${theirs} 分`, en: `${row.key}: self-assessed ${mine}, review ${theirs}` },
    });
  }
  return out;
}
