// Codec issues and engine results → the pane's problems, each with the cell it is about.
import { msgOf, type IndicatorResult, type UnitResult } from '@kaohe/engine';
import {
  a1,
  type Difference,
  type SheetIssue,
  type SheetIssueCode,
  type SheetMap,
  type SheetRead,
  type Stage,
} from '@kaohe/sheet';
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
  'rules-altered': 'rules-differ',
  'sheet-missing': 'sheet-damaged',
  'meta-missing': 'sheet-damaged',
  'meta-corrupt': 'sheet-damaged',
  'meta-tampered': 'sheet-damaged',
  'meta-version': 'sheet-damaged',
  'meta-not-very-hidden': 'sheet-damaged',
  'ruleset-invalid': 'sheet-damaged',
  'ruleset-mismatch': 'sheet-damaged',
  'header-mismatch': 'sheet-damaged',
  'header-field-missing': 'sheet-damaged',
  'meta-id-mismatch': 'sheet-damaged',
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
export function fromResult(
  result: UnitResult,
  read: Pick<SheetRead, 'map' | 'ruleSet'>,
  group: SheetGroup,
  known: readonly Problem[],
): Problem[] {
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
      add({
        code: 'missing-input',
        severity: 'error',
        sheet: dataSheet,
        address: at(id, map.data.columns.value),
        message: {
          zh: `${item.path} ${item.title.zh}:缺少“${label(id).zh}”的数据,无法计分`,
          en: `${item.path} ${item.title.en}: no value for “${label(id).en}”, cannot be scored`,
        },
      });
    }
    for (const id of item.missingEvidence) {
      add({
        code: 'missing-evidence',
        severity: 'warning',
        sheet: dataSheet,
        address: at(id, map.data.columns.evidence),
        message: {
          zh: `${item.path} ${item.title.zh}:“${label(id).zh}”缺少佐证材料`,
          en: `${item.path} ${item.title.en}: no evidence for “${label(id).en}”`,
        },
      });
    }
  }
  return out;
}

/** Reviewer's view: the codec's differences (reported vs recomputed), each at its reported cell
 *  (in the stage compared). */
export function differenceProblems(
  differences: readonly Difference[],
  map: SheetMap,
  group: SheetGroup,
  stage: Stage = 'self',
): Problem[] {
  const rows = new Map(map.scoring.rows.map((r) => [r.key, r.row]));
  const sheet = actualName(group, map.scoring.sheet);
  return differences.map((d) => {
    const row = rows.get(d.key);
    return {
      code: 'score-differs',
      severity: 'warning',
      sheet,
      address: row === undefined || row < 0 ? null : a1(row, map.scoring.columns[stage]),
      message: {
        zh: `${d.key}:上报 ${d.reported ?? '(空)'},复核 ${d.recomputed ?? '(无法计分)'}`,
        en: `${d.key}: reported ${d.reported ?? '(blank)'}, review ${d.recomputed ?? '(not scorable)'}`,
      },
    };
  });
}
