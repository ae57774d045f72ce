// kaohe rollup <children's workbooks or folders…> --rules <children's rules> --children <roster>
//   --into <parent.xlsx> [--out <file>]
// The children's returned workbooks are read and reviewed as `kaohe review` reads and reviews
// them (its readReturns, @kaohe/sheet's reviewReads), the parent's rolled-up figures worked out
// by the engine (childrenInputs), and written into a copy of the parent's workbook: value, and
// the provenance in the note. A child missing, failing verification or not judged leaves the
// figure blank, said at its cell.
import {
  childrenInputs,
  msgOf,
  rolledUpWords,
  type Issue,
  type Msg,
  type RuleSet,
} from '@kaohe/engine';
import {
  a1,
  cellOf,
  cellRef,
  FILLS,
  readSheet,
  reviewReads,
  SHEET_NAMES,
  withRolledUpNote,
  type RangeWrite,
  type ReadReturn,
  type ReviewedUnit,
  type SheetGrid,
  type TrustStore,
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

/** Why a reviewed child cannot be counted: it failed verification (rules altered; with a trust
 *  list, rules or prefill not as signed). */
function unverified(u: ReviewedUnit, trust: TrustStore | undefined): Msg | undefined {
  if (u.rules === 'altered') return T.rulesAltered(u.rulesAt);
  if (!trust) return undefined;
  if (u.edition && u.edition.status !== 'trusted') return T.editionUnverified(u.edition.message);
  if (u.prefill && u.prefill.status !== 'intact' && u.prefill.status !== 'none')
    return T.prefillUnverified(u.prefill.message);
  return undefined;
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
  const reads = parentRules.inputs.filter(
    (d) => d.source === 'children' && d.from === childRules.id,
  );
  if (reads.length === 0)
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

  // Their workbooks, reviewed as `kaohe review` does.
  const { reads: returned, skipped } = await readChildren(paths, loaded, out);
  if (skipped.length > 0) out.note(reviewText.skipped(skipped.length, skipped));
  const trust = await trustIfAny(options.trust);
  const review = reviewReads(returned, childRules, loaded.compiled, trust ? { trust } : {});

  const expected = new Map(roster.read.units.map((u) => [u.id, u.name]));
  const unusable: { unitId: string; name: string; why: Msg }[] = [];
  const notes: Msg[] = [];
  const reviewed = new Map(review.units.map((u) => [u.unitId, u]));
  for (const [id, name] of expected)
    if (!reviewed.has(id))
      unusable.push({ unitId: id, name, why: T.missing(review.rejected.length) });
  for (const u of review.units) {
    if (!expected.has(u.unitId)) {
      unusable.push({ unitId: u.unitId, name: u.name, why: T.notOnRoster });
      continue;
    }
    const why = unverified(u, trust);
    if (why) unusable.push({ unitId: u.unitId, name: u.name, why });
    const listed = expected.get(u.unitId);
    if (listed !== undefined && listed !== u.name)
      notes.push(T.nameDiffers(u.unitId, listed, u.name));
  }
  const rolled = childrenInputs(
    {
      ruleSet: childRules,
      cohort: review.cohort,
      inputs: review.units.map((u) => u.read.unit),
      sources: Object.fromEntries(review.units.map((u) => [u.unitId, u.file])),
      unusable,
    },
    parentRules,
  );

  // Each figure into its value cell (blank when not rolled up: a stale figure never stays), its
  // provenance into the note cell; a figure not filled is marked as an unscored cell is.
  const data = parent.map.data;
  const sheet = grids.find((g) => g.name === data.sheet);
  const writes: RangeWrite[] = [];
  const figures = reads.map((d) => {
    const row = data.rows.find((r) => r.id === d.id)?.row;
    if (row === undefined) throw new Error(`the data sheet has no row for input ${d.id}`);
    const r = rolled.rolledUp[d.id];
    const value = rolled.values[d.id] ?? null;
    const where = cellRef(data.sheet, row, data.columns.value);
    const words = r ? rolledUpWords(r) : undefined;
    writes.push({
      sheet: data.sheet,
      address: a1(row, data.columns.value),
      values: [[value === null ? '' : cellOf(d, value)]],
      fills: [[value === null ? FILLS.unscored : '']],
    });
    if (words)
      writes.push({
        sheet: data.sheet,
        address: a1(row, data.columns.note),
        values: [[withRolledUpNote(sheet?.values[row]?.[data.columns.note] ?? null, words.zh)]],
      });
    const issues = rolled.issues.filter((i) => i.path === `inputs.${d.id}`);
    // A figure already there (an earlier roll-up, or typed into an unlocked cell) that differs.
    const was = parent.unit.values[d.id];
    const replaced =
      was !== undefined && was !== null && String(was) !== String(value ?? '')
        ? String(was)
        : undefined;
    return { def: d, where, value, words, issues, replaced };
  });
  const errors = rolled.issues.filter(
    (i) => i.severity === 'error' && !i.path.startsWith('inputs.'),
  );
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
