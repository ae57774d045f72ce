// kaohe roster check <units.xlsx|units.csv> --edition <edition.json|rules.json>: every problem of
// the assessing level's roster, at its cell, before any workbook is made from it.
import type { CommandStatus } from '../../errors.ts';
import { rosterText } from '../../i18n/roster.ts';
import type { Output } from '../../io/output.ts';
import { resolveInput } from '../../io/paths.ts';
import { readRosterFile } from '../../io/roster.ts';
import { loadRuleSet } from '../../io/rule-set.ts';
import { formatSheetIssues } from '../../report/issues.ts';

export interface RosterCheckOptions {
  edition: string;
  trust?: string;
}

export async function runRosterCheck(
  file: string,
  o: RosterCheckOptions,
  out: Output,
): Promise<CommandStatus> {
  const loaded = await loadRuleSet(resolveInput(out, o.edition), o.edition, o.trust);
  const { read, notes } = await readRosterFile(resolveInput(out, file), file, loaded.ruleSet);
  for (const n of notes) out.note(n);
  const errors = read.issues.filter((i) => i.severity === 'error');
  const warnings = read.issues.length - errors.length;
  out.line(rosterText.checked(file, read.units.length, errors.length, warnings));
  // Errors first, then warnings; every one of them (a clerk fixes the list from this).
  const ordered = [...errors, ...read.issues.filter((i) => i.severity !== 'error')];
  for (const line of formatSheetIssues(ordered, out, Infinity)) out.line(line);
  if (errors.length === 0)
    for (const u of read.units)
      out.line(
        rosterText.unit(
          u.id,
          u.name,
          Object.keys(u.prefill.values).length + Object.keys(u.prefill.previous).length,
        ),
      );
  out.result({
    command: 'roster check',
    file,
    units: read.units,
    issues: read.issues,
    errors: errors.length,
  });
  return errors.length > 0 ? 'findings' : 'ok';
}
