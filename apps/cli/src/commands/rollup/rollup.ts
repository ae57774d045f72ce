// kaohe rollup <children's workbooks or folders…> --rules <children's rules> --children <roster>
//   --into <parent.xlsx> [--out <file>]
// The children's returned workbooks are read as `kaohe review` reads them (its readReturns); the
// roll-up itself — the review, who counts, the engine's figures, the writes — is @kaohe/sheet's
// planRollup (the pane's 汇总下级 plans it the same way). Here only I/O: the files read, a copy
// of the parent's workbook written (value, and the provenance in the note), the lines printed. A child missing, failing verification or not judged leaves the
// figure blank, said at its cell.
import { msgOf, type Issue, type RuleSet } from '@kaohe/engine';
import {
  planRollup,
  readSheet,
  rolledUpInputs,
  SHEET_NAMES,
  type ReadReturn,
  type SheetGrid,
} from '@kaohe/sheet';
import { CliError, type CommandStatus } from '../../errors.ts';
import { common } from '../../i18n/common.ts';
import { reviewText } from '../../i18n/review.ts';
import { rollupText as T } from '../../i18n/rollup.ts';
import { collectWorkbooks } from '../../io/collect.ts';
import { writeAll } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { refuseExisting } from '../../io/output-policy.ts';
import { resolveInput } from '../../io/paths.ts';
import { readRosterFile } from '../../io/roster.ts';
import { loadRuleSet, type LoadedRuleSet } from '../../io/rule-set.ts';
import { sheetFailure } from '../../io/sheet-issues.ts';
import { trustIfAny } from '../../io/trust.ts';
import { decodeWorkbook, patchWorkbook, readWorkbookFile } from '../../io/workbook.ts';
import { readReturns } from '../review/review-workbooks.ts';
import { besideInput } from '../score/score.ts';

export interface RollupOptions {
  /** The children's rule set (their workbooks are reviewed by it). */
  rules: string;
  /** The parent unit's workbook. */
  into: string;
  /** The roster of the children: every one of them must have returned its workbook. */
  children: string;
  out?: string;
  trust?: string;
  force?: boolean;
}

/** A summary `kaohe review` wrote (its 排名 sheet, no rules sheet): not a child's workbook. */
const isSummary = (grids: readonly SheetGrid[]): boolean =>
  grids.some((g) => g.name === '排名') && !grids.some((g) => g.name === SHEET_NAMES.meta);

/** The children's workbooks, read as review reads them; a summary given is refused. */
async function readChildren(
  paths: readonly string[],
  loaded: LoadedRuleSet,
  out: Output,
): Promise<{ reads: ReadReturn[]; skipped: string[] }> {
  const { found, skipped } = await collectWorkbooks(paths, out);
  const inputs = found.map((f) => ({
    shown: f.shown,
    read: () => readWorkbookFile(f.path, f.shown),
  }));
  const reads = await readReturns(inputs, loaded.ruleSet, undefined, (grids, shown) =>
    isSummary(grids) ? new CliError('usage', T.summaryGiven(shown)) : undefined,
  );
  return { reads, skipped };
}

export async function runRollup(
  paths: readonly string[],
  options: RollupOptions,
  out: Output,
): Promise<CommandStatus> {
  const intoPath = resolveInput(out, options.into);
  const outShown = options.out ?? besideInput(options.into, '.rollup.xlsx');
  const outPath = resolveInput(out, outShown);
  if (outPath === intoPath) throw new CliError('usage', T.sameAsInto(outShown));
  // An output that exists needs --force: said before anything is read.
  await refuseExisting([{ path: outPath, shown: outShown, data: '' }], options.force);
  const loaded = await loadRuleSet(resolveInput(out, options.rules), options.rules, options.trust);
  const childRules = loaded.ruleSet;
  const childTitle = msgOf(childRules.title);

  // The parent's workbook and the figures it rolls up from these children.
  const original = await readWorkbookFile(intoPath, options.into);
  const grids = await decodeWorkbook(original, options.into);
  const parentRead = readSheet(grids);
  if (!parentRead.ok) throw sheetFailure(options.into, parentRead.issues);
  const parent = parentRead.value;
  const parentRules: RuleSet = parent.ruleSet;
  if (rolledUpInputs(parentRules, childRules).length === 0)
    throw new CliError('input-invalid', T.nothingToRollUp(options.into, childTitle));

  // Who the children are.
  const roster = await readRosterFile(
    resolveInput(out, options.children),
    options.children,
    childRules,
  );
  for (const n of roster.notes) out.note(n);
  const rosterErrors = roster.read.issues.filter((i) => i.severity === 'error');
  if (rosterErrors.length > 0)
    throw new CliError(
      'input-invalid',
      T.rosterRefused(options.children, rosterErrors.length),
      rosterErrors.map((i) => ({ code: i.code, where: i.address, message: i.message })),
    );

  // Their workbooks, reviewed as `kaohe review` does; who counts, the figures and the writes
  // planned by @kaohe/sheet's planRollup (as the pane's 汇总下级 plans them).
  const { reads: returned, skipped } = await readChildren(paths, loaded, out);
  if (skipped.length > 0) out.note(reviewText.skipped(skipped.length, skipped));
  const trust = await trustIfAny(options.trust);
  const expected = new Map(roster.read.units.map((u) => [u.id, u.name]));
  const { review, unusable, notes, rolled, figures, writes, errors } = planRollup({
    parent,
    parentGrids: grids,
    childRules,
    compiled: loaded.compiled,
    children: returned,
    roster: expected,
    ...(trust ? { trust } : {}),
  });
  if (errors.length > 0)
    throw new CliError(
      'input-invalid',
      T.refused(errors.length),
      errors.map((i: Issue) => ({ code: i.code, where: i.path, message: i.message })),
    );

  const bytes = await patchWorkbook(original, writes, options.into);
  const target = { path: outPath, shown: outShown, data: bytes };
  await refuseExisting([target], options.force);
  await writeAll([target]);

  out.line(T.heading(parent.unit.name, msgOf(parentRules.title), childTitle, expected.size));
  for (const r of review.rejected) out.line(T.rejected(r.message));
  for (const n of notes) out.note(n);
  for (const w of rolled.issues.filter((i) => i.severity === 'warning')) out.note(w.message);
  for (const f of figures) {
    const label = msgOf(f.def.label);
    if (f.replaced !== undefined) out.line(T.replaced(f.where, label, f.replaced, f.value));
    if (f.value !== null) {
      out.line(T.filled(f.where, label, `${f.value}${f.def.unit === '%' ? '%' : ''}`));
      if (f.words) out.line(T.how(f.words));
      continue;
    }
    out.line(T.notFilled(f.where, label));
    for (const i of f.issues) out.line(T.because(i.message));
  }
  const unfilled = figures.filter((f) => f.value === null).length;
  if (unfilled > 0) out.line(T.unfilledCount(unfilled));
  out.note(common.wrote(outShown));
  out.result({
    command: 'rollup',
    into: options.into,
    out: outShown,
    children: {
      ruleSet: { id: childRules.id, edition: childRules.edition, title: childTitle },
      expected: [...expected].map(([unitId, name]) => ({ unitId, name })),
      files: review.units.map((u) => ({ unitId: u.unitId, name: u.name, file: u.file })),
      rejected: review.rejected.map((r) => ({
        file: r.file,
        reason: r.reason,
        message: r.message,
      })),
      unusable,
    },
    figures: figures.map((f) => ({
      input: f.def.id,
      cell: f.where,
      value: f.value,
      rolledUp: rolled.rolledUp[f.def.id] ?? null,
      issues: f.issues,
    })),
    issues: rolled.issues,
  });
  return unfilled > 0 || review.rejected.length > 0 ? 'findings' : 'ok';
}
