// kaohe diff <old.json> <new.json>: the engine's diff of two editions, in business terms, as
// @kaohe/sheet's diffReport words it (the admin app shows the same lines before publishing).
import { diffReport } from '@kaohe/sheet';
import type { CommandStatus } from '../../errors.ts';
import type { Output } from '../../io/output.ts';
import { resolveInput } from '../../io/paths.ts';
import { loadRuleSet } from '../../io/rule-set.ts';

export async function runDiff(
  oldFile: string,
  newFile: string,
  out: Output,
): Promise<CommandStatus> {
  const [a, b] = await Promise.all([
    loadRuleSet(resolveInput(out, oldFile), oldFile),
    loadRuleSet(resolveInput(out, newFile), newFile),
  ]);
  const report = diffReport(a.ruleSet, b.ruleSet);
  out.line(report.heading);
  if (report.otherRuleSet) out.note(report.otherRuleSet);
  for (const line of report.lines) out.line(`  ${out.text(line.text)}`);
  out.line(report.summary);
  out.result({ command: 'diff', old: oldFile, new: newFile, ...report.diff });
  return report.diff.changes.length > 0 ? 'findings' : 'ok';
}
