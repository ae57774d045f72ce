// What a reviewer must look at: scores a unit reported that differ from the recomputed ones,
// and workbooks whose embedded rules are not the reviewer's (by checksum).
import type { PrefillChange } from '../editions/prefill.ts';
import { type Change, type CompiledRuleSet, type Msg, type UnitResult } from '@kaohe/engine';
import { allIndicators, fmt, q } from '@kaohe/engine/internal';
import type { Reported, Stage } from '../read/read-scoring.ts';
import { NO, ROW_KEYS, UNDECIDED, YES } from '../labels.ts';
import type { CellValue } from '../types.ts';

/** What one unit's workbook said: its reported scores and the checksum of its embedded rules. */
export interface Submission {
  unitId: string;
  reported?: Reported;
  /** The stage whose reported scores are compared (default self); null: no stage was filled in
   *  (未自评), so nothing is compared and the unit is flagged once instead. */
  stage?: Stage | null;
  embeddedChecksum?: string;
  /** The embedded rules were altered (edited behind their checksum, damaged, or other rules under
   *  the reviewer's own id and edition): always listed. */
  rulesAltered?: boolean;
  /** What the embedded rules change against the reviewer's, in business terms (diffRuleSets). */
  ruleChanges?: readonly Change[];
  /** The workbook's signed edition as checked (reviews with a trust list). */
  edition?: { status: string; message: Msg };
  /** The rules sheet was made visible (reviews with a trust list). */
  metaUnhidden?: boolean;
  /** The workbook against the reviewer's record (a roster, carried results): review/record.ts. */
  record?: {
    inRoster?: boolean;
    inCarried?: boolean;
    inCounters?: boolean;
    message?: Msg;
    changes: readonly {
      source: 'roster' | 'carried' | 'counters';
      field: string;
      column: PrefillChange['column'];
      address: string;
      signed: string | number | boolean | null;
      found: string | number | boolean | null;
    }[];
  };
  /** The workbook's prefill as checked against its signature (reviews with a trust list). */
  prefill?: {
    status: string;
    message: Msg;
    changes: readonly PrefillChange[];
  };
}

export interface Difference {
  unitId: string;
  name: string;
  key: string;
  reported: string | null;
  recomputed: string | null;
  /** reported − recomputed, exact; null when either is blank. */
  delta: string | null;
}

/** Row key → recomputed score, in sheet order: each section then its items ("二", "二.1", …), the
 * bonus row (when there are bonus items) then its items, the total, then each sanction as 是/否,
 * or 待定 when it cannot be decided (as planWrites writes it). */
export function recomputed(
  result: UnitResult,
  sanctionIds: readonly string[],
): Map<string, string | null> {
  const scores = new Map(allIndicators(result).map((i) => [i.path, i.score]));
  const m = new Map<string, string | null>();
  for (const s of result.sections) {
    m.set(s.code, s.score);
    for (const [k, v] of scores) if (k.startsWith(`${s.code}.`)) m.set(k, v);
  }
  if (result.bonus.items.length) m.set(ROW_KEYS.bonus, result.bonus.score);
  for (const [k, v] of scores) if (!m.has(k)) m.set(k, v);
  m.set(ROW_KEYS.total, result.total);
  const hits = new Set(result.sanctions.map((x) => x.id));
  const open = new Set(
    result.issues.filter((i) => i.code === 'sanction-undecided').map((i) => i.path),
  );
  for (const id of sanctionIds)
    m.set(`${ROW_KEYS.sanctions}.${id}`, hits.has(id) ? YES : open.has(id) ? UNDECIDED : NO);
  return m;
}

const isDecimal = (s: string | null): s is string => s !== null && /^-?\d+(\.\d+)?$/.test(s);

/** The sanctions a unit's workbook decides, so compared: not those on the ranking or the grade,
 *  which the assessing level decides on the cohort (a unit's own sheet has them 待定). */
export const unitSanctionIds = (compiled: CompiledRuleSet): string[] =>
  compiled.sanctions.map((s) => s.sanction.id);

/** `sanctionIds`: the rule set's sanctions, so a reported 是/否/待定 is compared too (required:
 *  every caller compares the same rows, the summary's 差异 sheet included). Only what the unit
 *  reported is compared: a blank it left claims nothing, and a unit that filled in no stage at all
 *  (stage null) gets no differences, it is flagged 未自评 once. */
export function scoreDifferences(
  results: readonly UnitResult[],
  submissions: readonly Submission[],
  sanctionIds: readonly string[],
): Difference[] {
  const out: Difference[] = [];
  for (const sub of submissions) {
    const result = results.find((r) => r.unitId === sub.unitId);
    if (sub.stage === null) continue;
    const reported = sub.reported?.[sub.stage ?? 'self'];
    if (!result || !reported) continue;
    for (const [key, mine] of recomputed(result, sanctionIds)) {
      const theirs = reported[key] ?? null;
      if (theirs === null) continue;
      const same =
        isDecimal(theirs) && isDecimal(mine) ? q(theirs).equals(q(mine)) : theirs === mine;
      if (same) continue;
      const delta = isDecimal(theirs) && isDecimal(mine) ? fmt(q(theirs).sub(q(mine))) : null;
      out.push({
        unitId: result.unitId,
        name: result.name,
        key,
        reported: theirs,
        recomputed: mine,
        delta,
      });
    }
  }
  return out;
}

export function checksumRows(
  submissions: readonly Submission[],
  names: ReadonlyMap<string, string>,
  reviewer: string,
): CellValue[][] {
  return submissions
    .filter(
      (s) =>
        s.rulesAltered || (s.embeddedChecksum !== undefined && s.embeddedChecksum !== reviewer),
    )
    .map((s) => [
      s.unitId,
      names.get(s.unitId) ?? '',
      s.embeddedChecksum ?? '',
      reviewer,
      s.rulesAltered
        ? '表内规则被改动(与校验码不符或已损坏),已按审核方规则重算 / embedded rules were altered (checksum mismatch or damaged); recomputed with the reviewer’s'
        : '表内规则与审核方规则不同 / embedded rules differ from the reviewer’s',
    ]);
}
