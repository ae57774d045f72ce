// kaohe diff <old.json> <new.json>: the engine's diff of two editions, in business terms.
import { diffRuleSets, msgOf, type Change } from '@kaohe/engine';
import type { CommandStatus } from '../../errors.ts';
import { diffText } from '../../i18n/diff.ts';
import type { Output } from '../../io/output.ts';
import { resolveInput } from '../../io/paths.ts';
import { loadRuleSet } from '../../io/rule-set.ts';

function marker(change: Change, out: Output): string {
  if (change.direction === 'tightened') return `▲ ${out.text(diffText.tightened)}`;
  if (change.direction === 'loosened') return `▽ ${out.text(diffText.loosened)}`;
  return '•';
}

export async function runDiff(
  oldFile: string,
  newFile: string,
  out: Output,
): Promise<CommandStatus> {
  const [a, b] = await Promise.all([
    loadRuleSet(resolveInput(out, oldFile), oldFile),
    loadRuleSet(resolveInput(out, newFile), newFile),
  ]);
  const diff = diffRuleSets(a.ruleSet, b.ruleSet);
  const title = (t: typeof a.ruleSet.title): string => out.text(msgOf(t));
  out.line(
    diffText.heading(
      title(a.ruleSet.title),
      a.ruleSet.edition,
      a.ruleSet.year,
      title(b.ruleSet.title),
      b.ruleSet.edition,
      b.ruleSet.year,
    ),
  );
  if (a.ruleSet.id !== b.ruleSet.id) out.note(diffText.otherRuleSet(a.ruleSet.id, b.ruleSet.id));
  for (const change of diff.changes)
    out.line(`  ${marker(change, out)}  ${out.text(change.message)}`);
  out.line(diff.summary);
  out.result({ command: 'diff', old: oldFile, new: newFile, ...diff });
  return diff.changes.length > 0 ? 'findings' : 'ok';
}
