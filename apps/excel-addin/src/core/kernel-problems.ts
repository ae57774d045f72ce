// Codec issues and engine results → the pane's problems, each with the cell it is about.
import type { UnitResult } from '@kaohe/engine';
import {
  a1,
  resultProblems,
  rowCaptions,
  type Difference,
  type SheetIssue,
  type SheetIssueCode,
  type SheetRead,
  type Stage,
} from '@kaohe/sheet';
import { actualName, splitAddress, type SheetGroup } from './kernel-grids.ts';
import type { Problem, ProblemCode } from './kernel.types.ts';

/** Codes a summary's results (kaohe_results) are refused with, read by `kaohe combine` too. */
type SummaryIssueCode = 'not-a-summary' | 'summary-corrupt';

const CODES: Record<SheetIssueCode | SummaryIssueCode, ProblemCode> = {
  'not-a-summary': 'summary-unusable',
  'summary-corrupt': 'summary-unusable',
  'blank-input': 'missing-input',
  'dash-as-blank': 'missing-input',
  'ambiguous-percent': 'ambiguous-value',
  'unit-converted': 'ambiguous-value',
  'percent-as-number': 'ambiguous-value',
  'out-of-range': 'invalid-value',
  'not-a-number': 'invalid-value',
  'unexpected-unit': 'invalid-value',
  'invalid-yesno': 'invalid-value',
  'invalid-choice': 'invalid-value',
  'invalid-date': 'invalid-value',
  'date-without-year': 'invalid-value',
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
  'cases-block-missing': 'sheet-damaged',
  'cases-column-missing': 'sheet-damaged',
  'cases-no-cases-text': 'invalid-value',
  'cases-conflict': 'invalid-value',
  'cases-empty': 'missing-input',
  // A roster is the assessing level's file (kaohe roster check), never a sheet the pane reads.
  'roster-header-missing': 'sheet-damaged',
  'roster-column-unknown': 'sheet-damaged',
  'roster-column-duplicate': 'sheet-damaged',
  'roster-column-not-prefill': 'sheet-damaged',
  'roster-duplicate': 'invalid-value',
  'roster-empty': 'sheet-damaged',
  'roster-no-classes': 'invalid-value',
  'roster-class-blank': 'missing-input',
  'roster-target-blank': 'missing-input',
};

export function fromSheetIssue(issue: SheetIssue, group: SheetGroup): Problem {
  const { sheet, cell } = splitAddress(issue.address);
  return {
    code: CODES[issue.code as SheetIssueCode | SummaryIssueCode] ?? 'sheet-damaged',
    severity: issue.severity,
    sheet: actualName(group, sheet ?? ''),
    address: cell,
    message: issue.message,
  };
}

/**
 * What the engine's result asks of the user, each at its cell (the codec's `resultProblems`, the
 * same list the CLI prints and the scored sheet states): a figure refused as out of range is an
 * invalid value at its cell, not a missing one; each unscored item for want of a figure; each item
 * short of evidence.
 */
export function fromResult(
  result: UnitResult,
  read: Pick<SheetRead, 'map' | 'ruleSet' | 'unit'>,
  group: SheetGroup,
  known: readonly Problem[],
): Problem[] {
  const { map } = read;
  const found = resultProblems(result, read);
  const dataSheet = actualName(group, map.data.sheet);
  const seen = new Set(known.map((p) => `${p.code}|${p.sheet}|${p.address}`));
  const out: Problem[] = [];
  const add = (problem: Problem) => {
    const key = `${problem.code}|${problem.sheet}|${problem.address}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(problem);
  };
  for (const issue of found.values) add(fromSheetIssue(issue, group));
  const refused = new Set(found.values.map((v) => v.address));
  const cellOnly = (address: string): string => splitAddress(address).cell;
  for (const item of found.unscored) {
    // Items held up only by refused figures are said at those figures (above).
    const blanks = item.cells.filter((c) => !refused.has(c));
    if (blanks.length === 0 && item.cells.length > 0) continue;
    for (const cell of blanks.length ? blanks : [null]) {
      add({
        code: 'missing-input',
        severity: 'error',
        sheet: dataSheet,
        address: cell === null ? null : cellOnly(cell),
        message: {
          zh: `${item.path} ${item.title.zh}:${item.reason.zh}`,
          en: `${item.path} ${item.title.en}: ${item.reason.en}`,
        },
      });
    }
  }
  for (const item of found.evidence) {
    for (const cell of item.cells) {
      add({
        code: 'missing-evidence',
        severity: 'warning',
        sheet: dataSheet,
        address: cellOnly(cell),
        message: {
          zh: `${item.path} ${item.title.zh}:缺少佐证材料,得 ${item.score ?? '—'} / ${item.max}`,
          en: `${item.path} ${item.title.en}: no evidence, ${item.score ?? '—'} / ${item.max}`,
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
  read: Pick<SheetRead, 'map' | 'ruleSet'>,
  group: SheetGroup,
  stage: Stage = 'self',
): Problem[] {
  const { map } = read;
  const rows = new Map(map.scoring.rows.map((r) => [r.key, r.row]));
  const sheet = actualName(group, map.scoring.sheet);
  // A row as a person reads it (一.1 标题, 否决.1「理由」), never its key's id.
  const captions = rowCaptions(read.ruleSet);
  return differences.map((d) => {
    const row = rows.get(d.key);
    const caption = captions.get(d.key) ?? { zh: d.key, en: d.key };
    return {
      code: 'score-differs',
      severity: 'warning',
      sheet,
      address: row === undefined || row < 0 ? null : a1(row, map.scoring.columns[stage]),
      message: {
        zh: `${caption.zh}:上报 ${d.reported ?? '(空)'},复核 ${d.recomputed ?? '(无法计分)'}`,
        en: `${caption.en}: reported ${d.reported ?? '(blank)'}, review ${d.recomputed ?? '(not scorable)'}`,
      },
    };
  });
}
