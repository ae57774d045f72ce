// kaohe validate <rules.json>: every issue of a rule set with its code, path and message.
import { msgOf, validateRuleSet, type Issue, type Text } from '@kaohe/engine';
import type { CommandStatus } from '../../errors.ts';
import { common } from '../../i18n/common.ts';
import { validateText } from '../../i18n/validate.ts';
import { readJson } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { resolveInput } from '../../io/paths.ts';
import { safeText } from '../../io/safe-text.ts';

interface Identity {
  id: string;
  edition: number;
  title: Text;
}

function identity(json: unknown): Identity | null {
  if (json === null || typeof json !== 'object') return null;
  const { id, edition, title } = json as Record<string, unknown>;
  const okTitle =
    typeof title === 'string' || (title !== null && typeof title === 'object' && 'zh' in title);
  return typeof id === 'string' && typeof edition === 'number' && okTitle
    ? { id, edition, title: title as Text }
    : null;
}

export function formatIssue(issue: Issue, out: Output): string {
  const severity = out.text(issue.severity === 'error' ? common.error : common.warning);
  const message = out.text(issue.message);
  // A message that opens with its own place (the path) is not prefixed with it again. An
  // expression's place is in the message, counted from 1 (第9–11个字符); the 0-based
  // `position` / `end` stay in the --json document for editors.
  if (message.startsWith(issue.path)) return `${severity} [${issue.code}] ${message}`;
  return `${severity} [${issue.code}] ${safeText(issue.path)}:${out.lang === 'en' ? ' ' : ''}${message}`;
}

export async function runValidate(file: string, out: Output): Promise<CommandStatus> {
  const json = await readJson(resolveInput(out, file), file);
  const issues = validateRuleSet(json);
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const who = identity(json);

  if (who) out.line(validateText.ruleSet(out.text(msgOf(who.title)), who.id, who.edition));
  for (const issue of issues) out.line(formatIssue(issue, out));
  out.line(errors > 0 ? validateText.invalid(errors, warnings) : validateText.valid(warnings));
  out.result({
    command: 'validate',
    file,
    valid: errors === 0,
    ruleSet: who ? { id: who.id, edition: who.edition, title: msgOf(who.title) } : null,
    errors,
    warnings,
    issues,
  });
  return errors > 0 ? 'findings' : 'ok';
}
