// kaohe demo [--out <dir>]: the Baotou 2012 example end to end, ranking printed in Chinese.
import { compileRuleSet, msgOf, parseRuleSet, scoreCohort } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import type { CommandStatus } from '../../errors.ts';
import { demoText } from '../../i18n/demo.ts';
import type { Output } from '../../io/output.ts';
import { formatGrades, formatRanking, rankingRows } from '../../report/ranking.ts';

export async function runDemo(out: Output): Promise<CommandStatus> {
  const parsed = parseRuleSet(baotou2012);
  if (!parsed.ok) throw new Error(out.text(demoText.bundledInvalid));
  const ruleSet = parsed.value;
  const cohort = scoreCohort(compileRuleSet(ruleSet), baotou2012SampleUnits);
  const rows = rankingRows(cohort);
  out.line(demoText.heading(out.text(msgOf(ruleSet.title)), rows.length));
  out.line('');
  out.line(formatRanking(rows, out));
  const grades = formatGrades(cohort, out);
  if (grades) out.line(grades);
  out.result({
    command: 'demo',
    ruleSet: { id: ruleSet.id, edition: ruleSet.edition, title: msgOf(ruleSet.title) },
    ranking: rows,
    grades: cohort.grades,
    issues: cohort.issues,
  });
  return 'ok';
}
