// kaohe template <rules.json> --unit <name> [--unit …] --out <file|dir>: one workbook per unit;
// kaohe template --edition <edition.json> --roster <units.xlsx> --out <dir> --key <k.key>: one
// workbook per unit of the roster, prefilled with its targets and baselines, the prefill signed.
import { basename, join } from 'node:path';
import { msgOf } from '@kaohe/engine';
import {
  buildTemplate,
  openKey,
  signPrefill,
  type CarriedRecords,
  type Envelope,
  type Prefill,
  type UnitIdentity,
  workbookFileName,
} from '@kaohe/sheet';
import { writeTemplateWorkbook } from '@kaohe/xlsx';
import { CliError, type CommandStatus } from '../../errors.ts';
import { common } from '../../i18n/common.ts';
import { editionText } from '../../i18n/editions.ts';
import { rosterText } from '../../i18n/roster.ts';
import { templateText } from '../../i18n/template.ts';
import { readJson, writeAll, type PendingFile } from '../../io/files.ts';
import type { Output } from '../../io/output.ts';
import { exists, refuseExisting } from '../../io/output-policy.ts';
import { resolveInput } from '../../io/paths.ts';
import { readRosterFile } from '../../io/roster.ts';
import { loadRuleSet, type LoadedRuleSet } from '../../io/rule-set.ts';
import { passphrase } from '../editions/editions.ts';
import { certificationText } from '../../i18n/certification.ts';
import type { CertificationRecord } from '@kaohe/engine';
import { loadHistory } from './history.ts';
import { loadCounters } from './counters.ts';
import { combineText } from '../../i18n/combine.ts';
import type { PeriodCounts } from '@kaohe/engine';
import { parseUnitSpecs } from './units.ts';
import { carriedFor, carriedPrefill, readCarried, type CarriedForUnits } from '../../io/carried.ts';

export interface TemplateOptions {
  unit?: string[];
  out: string;
  force?: boolean;
  /** The trust list for a published edition given as the rules. */
  trust?: string;
  /** The previous certification review's summary: each unit's records go into its workbook. */
  history?: string;
  /** Carried-results files of other assessments: their values prefilled and locked. */
  carried?: string[];
  /** The previous period's review summary: each unit's counters go into its workbook. */
  counters?: string;
  /** The rules as --edition (the form with --roster). */
  edition?: string;
  /** The assessing level's roster: one prefilled workbook per unit. */
  roster?: string;
  /** The issuer's secret key: each unit's prefill is signed with it. */
  key?: string;
  passphraseFile?: string;
}

/** A unit to make a workbook for, with what is prefilled and, with a key, how it is signed: the
 *  prefill with the counts and the history carried into the workbook. */
interface UnitToMake {
  unit: UnitIdentity;
  prefill?: Prefill;
  sign?: (carried: CarriedRecords) => Envelope;
}

/** The roster's prefill (signed) and the values carried in from other assessments (unsigned:
 *  their provenance is in the note), in one prefill. */
function withCarried(
  prefill: Prefill | undefined,
  carried: Prefill | undefined,
): { prefill?: Prefill } {
  if (!prefill && !carried) return {};
  return {
    prefill: {
      ...prefill,
      ...carried,
      values: { ...prefill?.values, ...carried?.values },
    },
  };
}

/** Workbooks for the units, in memory: nothing is written here. */
export async function templateFiles(
  loaded: LoadedRuleSet,
  units: readonly UnitToMake[],
  outPath: string,
  outShown: string,
  carried?: CarriedForUnits,
  /** Certification records by unit id (a re-assessment): carried into each unit's workbook. */
  histories?: ReadonlyMap<string, CertificationRecord[]>,
  /** Counts of the periods before by unit id: carried into each unit's workbook. */
  counters?: ReadonlyMap<string, Record<string, PeriodCounts>>,
): Promise<PendingFile[]> {
  const asFile = /\.xlsx$/i.test(outPath) && (await exists(outPath)) !== 'dir';
  if (asFile && units.length > 1)
    throw new CliError('usage', templateText.outFileForMany(outShown, units.length));
  const files: PendingFile[] = [];
  for (const { unit, prefill, sign } of units) {
    const history = histories?.get(unit.id);
    const counts = counters?.get(unit.id);
    const signature = sign?.({ counters: counts, history });
    const data = await writeTemplateWorkbook(
      buildTemplate(loaded.ruleSet, unit, {
        ...(loaded.edition ? { edition: loaded.edition } : {}),
        ...(history ? { history } : {}),
        ...(counts ? { counters: counts } : {}),
        ...withCarried(prefill, carriedPrefill(carried, unit.id).prefill),
        ...(signature ? { prefillSignature: signature } : {}),
      }),
    );
    const path = asFile ? outPath : join(outPath, workbookFileName(unit.name));
    const shown = asFile ? outShown : join(outShown, basename(path));
    files.push({ path, shown, data });
  }
  return files;
}

/** The roster's units, each prefill signed with the key when one is given. */
async function rosterUnits(
  loaded: LoadedRuleSet,
  options: TemplateOptions & { roster: string },
  out: Output,
): Promise<UnitToMake[]> {
  const { read, notes } = await readRosterFile(
    resolveInput(out, options.roster),
    options.roster,
    loaded.ruleSet,
  );
  for (const n of notes) out.note(n);
  const errors = read.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0)
    throw new CliError(
      'input-invalid',
      rosterText.refused(options.roster, errors.length),
      errors.map((i) => ({ code: i.code, where: i.address, message: i.message })),
    );
  if (options.key === undefined) {
    out.note(templateText.prefillUnsigned);
    return read.units.map(({ prefill, address: _, ...unit }) => ({ unit, prefill }));
  }
  // A prefill is bound to a signed edition: the rules must be one.
  const edition = loaded.edition;
  if (!edition) throw new CliError('usage', templateText.keyNeedsEdition);
  const opened = openKey(
    await readJson(resolveInput(out, options.key), options.key),
    await passphrase(options.passphraseFile),
  );
  if (!opened.ok)
    throw new CliError('input-invalid', editionText.keyRefused(options.key, opened.message));
  const key = opened.value.publicKey;
  const year = loaded.ruleSet.year;
  if (year < key.validFrom || year > key.validTo)
    throw new CliError(
      'input-invalid',
      templateText.keyNotForYear(options.key, key.validFrom, key.validTo, year),
    );
  const issuedAt = new Date().toISOString();
  return read.units.map(({ prefill, address: _, ...unit }) => ({
    unit,
    prefill,
    sign: (carried: CarriedRecords) =>
      signPrefill(edition, unit, prefill, { secret: opened.value.secret, key, issuedAt }, carried),
  }));
}

export async function runTemplate(
  rulesFile: string | undefined,
  options: TemplateOptions,
  out: Output,
): Promise<CommandStatus> {
  if (rulesFile !== undefined && options.edition !== undefined && rulesFile !== options.edition)
    throw new CliError('usage', templateText.twoRules(rulesFile, options.edition));
  const rules = rulesFile ?? options.edition;
  if (rules === undefined) throw new CliError('usage', templateText.noRules);
  const specs = options.unit ?? [];
  if (options.roster !== undefined && specs.length > 0)
    throw new CliError('usage', templateText.unitWithRoster);
  if (options.roster === undefined && specs.length === 0)
    throw new CliError('usage', templateText.noUnits);
  if (options.roster === undefined && options.key !== undefined)
    throw new CliError('usage', templateText.keyWithoutRoster);
  const loaded = await loadRuleSet(resolveInput(out, rules), rules, options.trust);
  const histories =
    options.history === undefined
      ? undefined
      : await loadHistory(resolveInput(out, options.history), options.history, loaded.ruleSet);
  const sent = await readCarried(
    (options.carried ?? []).map((f) => ({ path: resolveInput(out, f), shown: f })),
  );
  const units: UnitToMake[] =
    options.roster === undefined
      ? parseUnitSpecs(specs, loaded.ruleSet).map((unit) => ({ unit }))
      : await rosterUnits(loaded, { ...options, roster: options.roster }, out);
  const counters =
    options.counters === undefined
      ? undefined
      : await loadCounters(
          resolveInput(out, options.counters),
          options.counters,
          loaded.ruleSet,
          units.map((u) => u.unit.id),
        );
  const files = await templateFiles(
    loaded,
    units,
    resolveInput(out, options.out),
    options.out,
    sent.length ? carriedFor(sent, loaded.ruleSet) : undefined,
    histories,
    counters,
  );
  await refuseExisting(files, options.force);
  await writeAll(files);
  out.line(templateText.made(files.length, out.text(msgOf(loaded.ruleSet.title))));
  if (units.some((u) => u.sign)) out.line(templateText.prefillSigned(units.length));
  for (const f of files) out.line(`  ${out.text(common.wrote(f.shown))}`);
  if (histories && options.history !== undefined) {
    const ids = new Set(units.map((u) => u.unit.id));
    const withHistory = [...histories.keys()].filter((id) => ids.has(id)).length;
    out.line(certificationText.historyOf(options.history, withHistory));
  }
  if (counters && options.counters !== undefined)
    out.line(combineText.countersOf(options.counters, units.length));
  out.result({
    command: 'template',
    ruleSet: { id: loaded.ruleSet.id, edition: loaded.ruleSet.edition },
    files: files.map((f) => f.shown),
    prefillSigned: units.some((u) => u.sign),
  });
  return 'ok';
}
