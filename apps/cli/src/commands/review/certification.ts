// `kaohe review` of a certification (评估认定): the assessment date (given, or today's on the
// CLI's clock, said so — the engine and the sheet never read a clock), and the result of each
// unit as an official reads it. The certification itself is decided once, in @kaohe/sheet.
import { msgOf, type RuleSet } from '@kaohe/engine';
import { readDate } from '@kaohe/engine/internal';
import {
  certifierText,
  clauseCaption,
  historyText,
  localDate,
  resultText,
  rowCaptions,
  type CertificationReview,
} from '@kaohe/sheet';
import { CliError } from '../../errors.ts';
import { certificationText as T } from '../../i18n/certification.ts';
import type { Output } from '../../io/output.ts';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The assessment date of a certification review: `--assessed-on` (a real YYYY-MM-DD date, else a
 * usage error), or today's, printed. Undefined for a scored rule set (the option is refused there).
 */
export function assessmentDate(
  ruleSet: RuleSet,
  given: string | undefined,
  out: Output,
): string | undefined {
  if (ruleSet.kind !== 'certification') {
    if (given !== undefined)
      throw new CliError('usage', T.dateNotForScored(msgOf(ruleSet.title).zh));
    return undefined;
  }
  if (given === undefined) {
    const date = localDate(new Date());
    out.note(T.dateFromClock(date));
    return date;
  }
  if (!ISO.test(given) || !readDate(given).ok) throw new CliError('usage', T.badDate(given));
  return given;
}

/** Prints each unit's certification, then the counts. */
export function printCertification(
  cr: CertificationReview,
  ruleSet: RuleSet,
  notices: number,
  out: Output,
): void {
  out.line(T.heading(out.text(msgOf(ruleSet.title)), cr.units.length, cr.assessedOn));
  const captions = rowCaptions(ruleSet);
  for (const u of cr.units) {
    const rec = u.outcome?.record;
    if (!rec) {
      out.line(T.refused(u.name, u.unitId));
      for (const i of u.issues) out.line(T.note(i.message));
      continue;
    }
    const by = certifierText(rec, ruleSet);
    out.line(
      rec.passed
        ? T.passed(u.name, u.unitId, resultText(u), by)
        : T.failed(u.name, u.unitId, resultText(u), rec.failing.length, by, rec.rectifyBy),
    );
    for (const f of rec.failing) out.line(T.clause(clauseCaption(f, captions), f.reason));
    if (u.earlier.length > 0 && u.outcome) out.line(T.history(historyText(u.outcome.history)));
    if (u.historyDiffers) out.line(T.note(u.historyDiffers));
    for (const i of u.issues) out.line(T.note(i.message));
  }
  out.line(T.totals(cr.passed, cr.failed, cr.undecided, cr.refused, notices));
}

/** Something to act on: a unit not certified or that cannot be. */
export const certificationFindings = (cr: CertificationReview): boolean =>
  cr.failed + cr.refused > 0;
