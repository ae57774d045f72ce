// A certification review (评估认定) as the pane shows it: @kaohe/sheet's certifyUnits, decided
// once for the CLI's `kaohe review` and the pane, put in the words the CLI prints (resultText,
// certifierText, clauseCaption, historyText) — here only adapted to the pane's units and sheets.
import type { RuleSet } from '@kaohe/engine';
import {
  cannotJudge,
  certifierText,
  clauseCaption,
  historyText,
  resultText,
  rowCaptions,
  type CertificationReview,
} from '@kaohe/sheet';
import type { CertificationView } from './kernel.types.ts';

/** `sheetOf`: the scoring sheet of the returned file at an index, as named in this workbook. */
export function certificationView(
  cr: CertificationReview,
  ruleSet: RuleSet,
  sheetOf: (index: number) => string,
): CertificationView {
  const captions = rowCaptions(ruleSet);
  return {
    assessedOn: cr.assessedOn,
    passed: cr.passed,
    failed: cr.failed,
    undecided: cr.undecided,
    refused: cr.refused,
    units: cr.units.map((u) => {
      const rec = u.outcome?.record ?? null;
      return {
        sheet: sheetOf(u.index),
        unit: { id: u.unitId, name: u.name },
        passed: rec ? rec.passed : null,
        result: resultText(u),
        certifier: rec ? certifierText(rec, ruleSet) : null,
        rectifyBy: rec && !rec.passed ? rec.rectifyBy : null,
        failing: (rec?.failing ?? []).map((f) => ({
          caption: clauseCaption(f, captions),
          reason: f.reason,
          cannotJudge: cannotJudge(f),
        })),
        history: u.earlier.length > 0 && u.outcome ? historyText(u.outcome.history) : null,
        notes: [...(u.historyDiffers ? [u.historyDiffers] : []), ...u.issues.map((i) => i.message)],
      };
    }),
  };
}
