// Carried results between two schemes (form 42) on the command line: the file one scheme's
// review writes (--carried-out: the engine's carriedOut), and its reading by the other scheme's
// template and score (--carried: the engine's carriedInputs, merged into each unit).
import {
  carriedInputs,
  carriedOut,
  msgOf,
  type CarriedIn,
  type CarriedOut,
  type Issue,
  type Msg,
  type RuleSet,
  type UnitInput,
  type UnitResult,
} from '@kaohe/engine';
import { carriedOf, sameFigure, type CarriedRecord } from '@kaohe/sheet';
import { CliError } from '../errors.ts';
import { carriedText } from '../i18n/carried.ts';
import { readJson } from './files.ts';
import type { PendingFile } from './files.ts';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a carried-results file must hold before the engine reads it (its shape only). */
function shapeProblem(json: unknown): string | undefined {
  if (!isRecord(json)) return 'not a JSON object';
  const from = json.from;
  if (!isRecord(from) || typeof from.ruleSetId !== 'string') return 'no "from.ruleSetId"';
  if (typeof from.year !== 'number' || typeof from.edition !== 'number' || !isRecord(from.title))
    return 'no "from" year, edition and title';
  if (!Array.isArray(json.carries)) return 'no "carries" list';
  if (!Array.isArray(json.units)) return 'no "units" list';
  for (const u of json.units) {
    if (!isRecord(u) || typeof u.unitId !== 'string' || typeof u.name !== 'string')
      return 'a unit without "unitId" and "name"';
    if (typeof u.complete !== 'boolean' || !Array.isArray(u.carried))
      return `unit "${String(u.unitId)}" without "complete" and "carried"`;
  }
  return undefined;
}

/** A carried-results file read: its record and its name as the user gave it. */
export interface CarriedFile {
  shown: string;
  sent: CarriedOut;
}

/** Reads the carried-results files given (none: an empty list). */
export async function readCarried(
  files: readonly { path: string; shown: string }[],
): Promise<CarriedFile[]> {
  const out: CarriedFile[] = [];
  for (const f of files) {
    const json = await readJson(f.path, f.shown);
    const problem = shapeProblem(json);
    if (problem) throw new CliError('input-invalid', carriedText.notCarried(f.shown, problem));
    out.push({ shown: f.shown, sent: json as CarriedOut });
  }
  return out;
}

/** Per unit id, the carried values and their provenance from every file, for `ruleSet`; the
 *  inputs they cover and the files' names. */
export interface CarriedForUnits extends CarriedRecord {
  units: Map<string, { values: Record<string, string | null>; carried: Record<string, CarriedIn> }>;
  issues: Issue[];
}

/** The files' values for `ruleSet`; an error among them (an amount that would be lost, a
 *  sanction not declared) refuses them all, each at its place. */
export function carriedFor(files: readonly CarriedFile[], ruleSet: RuleSet): CarriedForUnits {
  const units: CarriedForUnits['units'] = new Map();
  const issues: Issue[] = [];
  for (const { sent: s } of files) {
    const read = carriedInputs(s, ruleSet);
    issues.push(...read.issues);
    for (const [id, u] of Object.entries(read.units)) {
      const had = units.get(id) ?? { values: {}, carried: {} };
      units.set(id, {
        values: { ...had.values, ...u.values },
        carried: { ...had.carried, ...u.carried },
      });
    }
  }
  const errors = issues.filter((i) => i.severity === 'error');
  if (errors.length > 0)
    throw new CliError(
      'input-invalid',
      carriedText.refused(errors.length),
      errors.map((i) => ({ code: i.code, where: i.path, message: i.message })),
    );
  const inputs = ruleSet.inputs.filter(
    (d) => d.source === 'carried' && files.some((f) => f.sent.from.ruleSetId === d.from),
  );
  return { units, issues, inputs: inputs.map((d) => d.id), files: files.map((f) => f.shown) };
}

/** A unit with its carried values in (the carried file is the source of truth for them: a
 *  different figure in the workbook is replaced, and said) and their provenance; a unit missing
 *  from the carried files has them blank, said (@kaohe/sheet's carriedOf, as the review). */
export function withCarried(
  unit: UnitInput,
  carried: CarriedForUnits,
  ruleSet: RuleSet,
): { unit: UnitInput; notes: Msg[] } {
  const c = carriedOf(carried, unit.id, ruleSet);
  if (!c) return { unit, notes: [] };
  if (!c.found)
    return { unit: { ...unit, values: { ...unit.values, ...c.values } }, notes: [c.message] };
  const notes = Object.entries(c.values).flatMap(([id, v]) => {
    const typed = unit.values[id];
    if (typed === undefined || typed === null || typed === '' || sameFigure(typed, v)) return [];
    const def = ruleSet.inputs.find((d) => d.id === id);
    const from = c.carried[id]?.sender.title ?? { zh: '', en: '' };
    return [carriedText.replaced(msgOf(def?.label ?? id), String(typed), v, from)];
  });
  return {
    unit: {
      ...unit,
      values: { ...unit.values, ...c.values },
      carried: { ...unit.carried, ...c.carried },
    },
    notes,
  };
}

/** A template's prefill of a unit's carried values (locked in the sheet) and their provenance. */
export function carriedPrefill(
  carried: CarriedForUnits | undefined,
  unitId: string,
): { prefill?: { values: Record<string, string | null>; carried: Record<string, CarriedIn> } } {
  const c = carried?.units.get(unitId);
  return c ? { prefill: { values: c.values, carried: c.carried } } : {};
}

/** The carried-results file of a reviewed cohort, as a file to write. */
export function carriedOutFile(
  ruleSet: RuleSet,
  results: readonly UnitResult[],
  target: { path: string; shown: string },
): { file: PendingFile; record: CarriedOut } {
  const record = carriedOut(ruleSet, results);
  return { file: { ...target, data: `${JSON.stringify(record, null, 2)}\n` }, record };
}

/** One line on what a carried-results file holds. */
export function carriedSummary(record: CarriedOut): ReturnType<typeof carriedText.wroteCarried> {
  const all = record.units.flatMap((u) => u.carried);
  return carriedText.wroteCarried(
    record.units.length,
    all.filter((c) => c.amount !== null).length,
    all.filter((c) => c.amount === null).length,
  );
}
