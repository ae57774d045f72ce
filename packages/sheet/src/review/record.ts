// The reviewer's own record of what each unit was given, against what its workbook says: the
// assessing level's roster (单位名单: assigned targets, last year's figures) and the results
// carried in from another scheme (form 42, the sending scheme's carried-out record). Decisions
// (one each):
// - The record wins: a unit is scored with the roster's targets and baselines (and its class and
//   name) and with the carried figures, never with what its own sheet says; each figure the
//   sheet holds otherwise is flagged at its cell, by the same comparison as a signed prefill
//   (prefillChanges).
// - A unit not on the roster (名册外单位) is flagged; the figures the roster gives are unknown
//   for it, so they are blank (the items that read them cannot be judged), never the unit's own.
// - A unit the sending scheme did not assess gets its carried inputs blank (pending), as
//   carriedInputs says; a carried input the unit left blank claims nothing (as `score --carried`).
// - A unit missing from the carried files altogether gets its carried inputs blank too (pending,
//   never its own figure), said naming the files: `carriedOf`, for `score --carried` and
//   `review --carried` alike, so nothing is scored around a missing carried figure.
// - The counts of the periods before from the reviewer's previous summary (`review --counters`)
//   win over those the workbook carries, signed or not: each count the sheet holds otherwise is
//   flagged at its kaohe_meta cell (carriedChanges, as a signed prefill's). A unit the previous
//   summary does not list is flagged and goes by its counts as without the summary (signed,
//   else its sheet's): the engine reads absent counts as none yet, so dropping them could only
//   miss a sanction.
import type { CarriedIn, InputValue, Msg, PeriodCounts, RuleSet, UnitInput } from '@kaohe/engine';
import {
  carriedChanges,
  changesText,
  prefillChanges,
  type ChangeWords,
  type PrefillChange,
} from '../editions/prefill.ts';
import type { SheetRead } from '../read/read-sheet.ts';
import type { RosterRead } from '../roster/read-roster.ts';
import { inputCaption } from '../units.ts';

/** Results carried in from other schemes, as the receiving scheme reads them (carriedInputs). */
export interface CarriedRecord {
  /** The receiving inputs the record covers (source carried, from one of its senders). */
  inputs: readonly string[];
  /** The carried files, as the user named them (said when a unit is missing from them). */
  files: readonly string[];
  /** By unit id: the carried values (null: pending) and where each came from. */
  units: ReadonlyMap<
    string,
    {
      values: Readonly<Record<string, string | null>>;
      carried: Readonly<Record<string, CarriedIn>>;
    }
  >;
}

/** What the reviewer holds of the units' figures. */
export interface ReviewerRecord {
  roster?: Pick<RosterRead, 'units' | 'columns'>;
  carried?: CarriedRecord;
  /** The counts of the periods before, by unit id, from the reviewer's previous summary. */
  counters?: CountersRecord;
}

/** The counts each unit carries into this period, as the reviewer's previous summary has them. */
export interface CountersRecord {
  /** The summary, as the user named it (said when a unit is missing from it). */
  file: string;
  units: ReadonlyMap<string, Readonly<Record<string, PeriodCounts>>>;
}

export interface RecordChange extends PrefillChange {
  /** Whose figure `signed` is: the roster's, the sending scheme's or the previous summary's. */
  source: 'roster' | 'carried' | 'counters';
}

export interface RecordCheck {
  /** With a roster: whether the unit is on it (false: 名册外单位). */
  inRoster?: boolean;
  /** With carried results: whether the sending scheme assessed the unit. */
  inCarried?: boolean;
  /** With the previous summary's counts: whether it lists the unit. */
  inCounters?: boolean;
  /** Each figure (or identity field) the sheet holds otherwise than the record, at its cell. */
  changes: RecordChange[];
  /** What the reviewer must know, one line; absent when the sheet agrees with the record. */
  message?: Msg;
}

const ROSTER_WORDS: ChangeWords = {
  expected: { zh: '名册为', en: 'is on the roster as' },
  found: { zh: '表中为', en: 'the sheet has' },
};
const COUNTERS_WORDS: ChangeWords = {
  expected: { zh: '上期汇总表为', en: 'is in the previous summary as' },
  found: { zh: '表中为', en: 'the sheet has' },
};
const CARRIED_WORDS: ChangeWords = {
  expected: { zh: '结转数据为', en: 'was carried as' },
  found: { zh: '表中为', en: 'the sheet has' },
};

const captionsOf = (ruleSet: RuleSet, ids: readonly string[]): string =>
  ids
    .map((id) => {
      const d = ruleSet.inputs.find((x) => x.id === id);
      return d ? inputCaption(d) : id;
    })
    .join('、');

/** A unit's carried figures. */
export type CarriedOfUnit =
  | {
      found: true;
      values: Record<string, string | null>;
      carried: Readonly<Record<string, CarriedIn>>;
    }
  | {
      /** Missing from the carried files: every carried input blank (pending), and why. */
      found: false;
      values: Record<string, null>;
      message: Msg;
    };

/**
 * The carried figures of unit `unitId` (undefined when the record covers no input of the
 * rules): its entry's, or — the unit missing from every carried file — each carried input
 * blank (pending, never the sheet's own figure), said naming the files.
 */
export function carriedOf(
  record: CarriedRecord,
  unitId: string,
  ruleSet: RuleSet,
): CarriedOfUnit | undefined {
  if (record.inputs.length === 0) return undefined;
  const entry = record.units.get(unitId);
  if (entry)
    return {
      found: true,
      values: Object.fromEntries(
        record.inputs.filter((id) => id in entry.values).map((id) => [id, entry.values[id]]),
      ) as Record<string, string | null>,
      carried: entry.carried,
    };
  const files = { zh: record.files.join('、'), en: record.files.join(', ') };
  return {
    found: false,
    values: Object.fromEntries(record.inputs.map((id) => [id, null])),
    message: {
      zh: `结转数据(${files.zh})中没有单位“${unitId}”:${captionsOf(ruleSet, record.inputs)}按空白计(待定,不按表中所填)`,
      en: `the carried results (${files.en}) have no unit "${unitId}": ${record.inputs.join(', ')} blank (pending, not the sheet's)`,
    },
  };
}

/** True when the check has anything for the reviewer to look at. */
export const recordFlagged = (c: RecordCheck | undefined): boolean =>
  c !== undefined && c.message !== undefined;

/** The unit to score, with the record's figures in, and what differs. */
export function applyRecord(
  read: SheetRead,
  record: ReviewerRecord,
): { unit: UnitInput; check: RecordCheck } {
  const ruleSet = read.ruleSet;
  const values: Record<string, InputValue | undefined> = { ...read.unit.values };
  let unit: UnitInput = { ...read.unit };
  const changes: RecordChange[] = [];
  const lines: Msg[] = [];
  const check: RecordCheck = { changes };
  const captions = (ids: readonly string[]): string => captionsOf(ruleSet, ids);

  const roster = record.roster;
  if (roster) {
    const entry = roster.units.find((u) => u.id === read.unit.id);
    check.inRoster = entry !== undefined;
    if (entry) {
      const classes = (ruleSet.classes ?? []).length > 0;
      const pick = (ids: readonly string[], from: Readonly<Record<string, InputValue>>) =>
        Object.fromEntries(ids.map((id) => [id, from[id] ?? null]));
      const expected = {
        unit: {
          id: entry.id,
          name: entry.name,
          class: classes ? entry.class : read.unit.class,
        },
        values: pick(roster.columns.values, entry.prefill.values),
        previous: pick(roster.columns.previous, entry.prefill.previous),
      };
      const found = prefillChanges(read, expected).map((c): RecordChange => ({
        ...c,
        source: 'roster',
      }));
      changes.push(...found);
      Object.assign(values, expected.values);
      unit = { ...unit, name: entry.name };
      if (classes && entry.class) unit.class = entry.class;
      else if (classes) delete unit.class;
      if (found.length > 0) {
        const t = changesText(ruleSet, found, ROSTER_WORDS);
        lines.push({
          zh: `与名册不符,已按名册计:${t.zh}`,
          en: `differs from the roster, scored by the roster: ${t.en}`,
        });
      }
    } else {
      for (const id of roster.columns.values) values[id] = null;
      const blanked = roster.columns.values.length
        ? {
            zh: `,名册所列的${captions(roster.columns.values)}无从核对,按空白计(不按表中所填)`,
            en: `; the roster's ${roster.columns.values.join(', ')} cannot be known for it and are blank (not the sheet's)`,
          }
        : { zh: '', en: '' };
      lines.push({
        zh: `名册外单位:名册中没有单位代码“${read.unit.id}”${blanked.zh}`,
        en: `not on the roster: no unit "${read.unit.id}" there${blanked.en}`,
      });
    }
  }

  const carried = record.carried && carriedOf(record.carried, read.unit.id, ruleSet);
  if (carried) {
    check.inCarried = carried.found;
    if (carried.found) {
      const found = prefillChanges(read, {
        unit: read.unit,
        values: carried.values,
        previous: {},
      })
        .filter((c) => c.found !== null)
        .map((c): RecordChange => ({ ...c, source: 'carried' }));
      changes.push(...found);
      unit = { ...unit, carried: { ...read.unit.carried, ...carried.carried } };
      if (found.length > 0) {
        const t = changesText(ruleSet, found, CARRIED_WORDS);
        lines.push({
          zh: `与结转数据不符,已按结转数据计:${t.zh}`,
          en: `differs from the carried results, scored by them: ${t.en}`,
        });
      }
    } else lines.push(carried.message);
    Object.assign(values, carried.values);
  }
  const counters = record.counters;
  if (counters) {
    const theirs = counters.units.get(read.unit.id);
    check.inCounters = theirs !== undefined;
    if (theirs) {
      const { counters: _own, ...rest } = unit;
      const found = carriedChanges(read, { counters: theirs })
        .filter((c) => c.column !== 'history')
        .map((c): RecordChange => ({ ...c, source: 'counters' }));
      changes.push(...found);
      unit = { ...rest, counters: { ...theirs } };
      if (found.length > 0) {
        const t = changesText(ruleSet, found, COUNTERS_WORDS);
        lines.push({
          zh: `上期计数与上期汇总表不符,已按汇总表计:${t.zh}`,
          en: `counts of the periods before differ from the previous summary, counted by it: ${t.en}`,
        });
      }
    } else
      lines.push({
        zh: `上期汇总表(${counters.file})中没有单位“${read.unit.id}”:上期计数无从按汇总表核对,按签发的(未签发的按表中所填)计,请核实`,
        en: `the previous summary (${counters.file}) does not list unit "${read.unit.id}": its counts before cannot be checked against it and are taken as signed (unsigned: as its sheet has them); check them`,
      });
  }
  if (lines.length > 0)
    check.message = {
      zh: lines.map((l) => l.zh).join(';'),
      en: lines.map((l) => l.en).join('; '),
    };
  return { unit: { ...unit, values }, check };
}

/** A roster unit that returned no workbook (未上报). */
export interface MissingUnit {
  id: string;
  name: string;
  /** Its row on the roster (the 单位代码 cell). */
  address: string;
}

/** The roster's units that returned nothing reviewed, in roster order; `returned`: the ids of
 *  units whose workbooks were read (ranked, or rejected as conflicting copies). */
export function missingUnits(
  roster: Pick<RosterRead, 'units'>,
  returned: ReadonlySet<string>,
): MissingUnit[] {
  return roster.units
    .filter((u) => !returned.has(u.id))
    .map((u) => ({ id: u.id, name: u.name, address: u.address }));
}
