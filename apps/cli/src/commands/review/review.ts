// kaohe review <files or dirs…> --rules <rules.json> --out <summary.xlsx>
import { msgOf } from '@kaohe/engine';
import type { CommandStatus } from '../../errors.ts';
import { common } from '../../i18n/common.ts';
import { reviewText } from '../../i18n/review.ts';
import { collectWorkbooks } from '../../io/collect.ts';
import { readBytes, writeAll } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { refuseExisting } from '../../io/output-policy.ts';
import { resolveInput } from '../../io/paths.ts';
import { startProgress } from '../../io/progress.ts';
import { loadRuleSet } from '../../io/rule-set.ts';
import { encodeSummary } from '../../io/workbook.ts';
import { findingsOf, printReview } from './print.ts';
import { reviewWorkbooks, type ReviewInput } from './review-workbooks.ts';

export interface ReviewOptions {
  rules: string;
  out: string;
  force?: boolean;
}

export async function runReview(
  paths: readonly string[],
  options: ReviewOptions,
  out: Output,
): Promise<CommandStatus> {
  const loaded = await loadRuleSet(resolveInput(out, options.rules), options.rules);
  const target = { path: resolveInput(out, options.out), shown: options.out };
  await refuseExisting([{ ...target, data: '' }], options.force);
  const found = await collectWorkbooks(paths, out);
  const inputs: ReviewInput[] = [];
  for (const f of found) inputs.push({ shown: f.shown, bytes: await readBytes(f.path, f.shown) });

  const progress = startProgress(out, inputs.length, out.text(reviewText.progress));
  const review = await reviewWorkbooks(inputs, loaded, (file) => progress.tick(file)).finally(() =>
    progress.stop(),
  );
  await writeAll([{ ...target, data: await encodeSummary(review.summary) }]);

  const ranking = printReview(review, loaded.ruleSet, out);
  out.note(common.wrote(options.out));
  const findings = findingsOf(review);
  out.result({
    command: 'review',
    out: options.out,
    ruleSet: {
      id: loaded.ruleSet.id,
      edition: loaded.ruleSet.edition,
      title: msgOf(loaded.ruleSet.title),
      checksum: review.checksum,
    },
    ranking,
    grades: review.cohort.grades,
    units: review.units,
    findings,
    issues: review.cohort.issues,
  });
  return findings.differences + findings.rulesDiffer > 0 ? 'findings' : 'ok';
}
