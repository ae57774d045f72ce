// The review of returned workbooks, once for every app (the CLI's `kaohe review`, the pane's 审核
// and 汇总): which returns are read, which unit each is, which stage is compared, what counts as
// altered rules, and one cohort recomputed by the reviewer's rules. Pure: the apps decode files
// into grids and show the result.
//
// Policies (one each):
// - Files: every readable return is ranked; a file that cannot be opened, is of another rule set
//   or is not a readable Kaohe sheet is rejected with its reason, and never stops the others.
// - Duplicates: the same unit with the same content (the same file seen twice: open and imported,
//   or a copy) is one unit, the extra copies named in `sameAs`. Two files with different content
//   claiming one unit id are both rejected, each naming the other: which one counts is the
//   reviewer's decision, not ours.
// - Stage: the latest stage filled (final review, review, self-assessment) is compared; a sheet
//   with no stage filled is flagged 未自评 once, not compared item by item.
// - Rules: embedded rules edited behind their checksum or damaged, and other rules under the
//   reviewer's own id and edition, are altered: recomputed by the reviewer's rules and flagged;
//   another edition differs. What the embedded rules change is given in business terms.
// - The reviewer's record (a roster, carried results; record.ts) wins over what a unit's sheet
//   says of the figures it was given; with a roster, each unit on it that returned nothing
//   reviewed is listed 未上报 (never ranked, never 0 points) and each unit not on it flagged.
import {
  type CertificationRecord,
  compileRuleSet,
  diffRuleSets,
  scoreCohort,
  type Change,
  type CohortResult,
  type CohortUnit,
  type CompiledRuleSet,
  type Msg,
  type PeriodCounts,
  type RuleSet,
  type UnitInput,
} from '@kaohe/engine';
import canonicalize from 'canonicalize';
import { ruleSetChecksum } from '../checksum.ts';
import { readSheet, type SheetRead } from '../read/read-sheet.ts';
import type { Reported, Stage } from '../read/read-scoring.ts';
import { buildSummary, type Summary } from '../summary/build-summary.ts';
import {
  prefillOk,
  workbookEdition,
  type TrustStore,
  type WorkbookEdition,
} from '../editions/edition.ts';
import { verifyPrefill, type PrefillCheck } from '../editions/prefill.ts';
import {
  scoreDifferences,
  unitSanctionIds,
  type Difference,
  type Submission,
} from '../summary/differences.ts';
import type { SheetGrid, SheetIssue } from '../types.ts';
import { certificationSummary } from '../certification/sheets.ts';
import { certifyUnits, type CertificationReview } from './certification.ts';
import {
  applyRecord,
  missingUnits,
  recordFlagged,
  type MissingUnit,
  type RecordCheck,
  type ReviewerRecord,
} from './record.ts';

/** One returned file as the app found it: its grids, or why it could not be opened. */
export type Returned =
  | { file: string; grids: readonly SheetGrid[] }
  | { file: string; unreadable: Msg; details?: readonly SheetIssue[] };

export type RejectReason = 'unreadable' | 'wrong-rule-set' | 'not-a-sheet' | 'duplicate-unit';

export interface RejectedFile {
  /** Index into the returned files. */
  index: number;
  file: string;
  reason: RejectReason;
  /** One line for the file: what is wrong and what to do. */
  message: Msg;
  /** Where, and what: the codec's issues (cells) or the decoder's. */
  issues: readonly SheetIssue[];
}

/** same: the reviewer's rules; other-edition: another edition; altered: see the policies. */
export type RulesState = 'same' | 'other-edition' | 'altered';

export interface ReviewedUnit {
  index: number;
  file: string;
  /** The same unit, same content, seen again (deduplicated): index and file of each copy. */
  sameAs: { index: number; file: string }[];
  unitId: string;
  name: string;
  read: SheetRead;
  warnings: SheetIssue[];
  /** The latest stage filled in the sheet, whose scores were compared; null: 未自评. */
  stage: Stage | null;
  differences: Difference[];
  rules: RulesState;
  /** The cell that shows the rules differ or were altered (meta sheet). */
  rulesAt: string | null;
  /** Embedded rules → the reviewer's, in business terms (empty when unknown or the same). */
  ruleChanges: Change[];
  /** The unit in the cohort: rank, grade, total, result. */
  ranked: CohortUnit;
  /** Who issued the rules in the workbook (checked when the review has a trust list). */
  edition?: WorkbookEdition;
  /** Whether the unit's prefilled targets and baselines are as signed (with a trust list). */
  prefill?: PrefillCheck;
  /** The unit as scored: its sheet's figures with the reviewer's record in (record.ts). */
  input: UnitInput;
  /** Its sheet against the reviewer's record (a review with a roster or carried results). */
  record?: RecordCheck;
}

export interface ReviewFindings {
  differences: number;
  unitsWithDifferences: number;
  /** Workbooks whose embedded rules are not the reviewer's, altered ones included. */
  rulesDiffer: number;
  /** Of those, the altered ones. */
  rulesAltered: number;
  /** Units that filled in no stage at all (未自评). */
  notScored: number;
  /** Files not reviewed. */
  rejected: number;
  /** Workbooks whose rules are not a trusted edition: unsigned, unknown key, bad signature,
   *  revoked or expired key, rules altered (0 when the review has no trust list). */
  unverified: number;
  /** Workbooks whose prefill is not as signed: altered, unsigned targets, a signature that fails
   *  or belongs to another edition (0 without a trust list; nothing prefilled is no finding). */
  prefillUnverified: number;
  /** Workbooks whose rules sheet was made visible (0 without a trust list). */
  metaUnhidden: number;
  /** Roster units that returned no workbook (未上报; 0 without a roster). */
  missing: number;
  /** Workbooks of units not on the roster (名册外单位; 0 without a roster). */
  outsideRoster: number;
  /** Workbooks whose figures are not the reviewer's record (roster, carried results), or whose
   *  unit the record does not have. */
  recordDiffers: number;
  /** Certifications whose workbook's history is not the reviewer's previous record. */
  historyDiffers: number;
}

export interface ReviewOptions {
  /** The reviewer's trust list: each workbook's signed edition is then checked. */
  trust?: TrustStore;
  /** A certification's assessment date (ISO), passed in by the app: required for a rule set of
   *  kind `certification`, whose review certifies each unit (see certification.ts). */
  assessedOn?: string;
  /** The reviewer's record of the units' figures: the roster and/or carried results. */
  record?: ReviewerRecord;
  /** A certification: each unit's earlier records as the reviewer's previous summary has them
   *  (readCertificationRecords): they are used, and a workbook's own history checked. */
  history?: ReadonlyMap<string, readonly CertificationRecord[]>;
}

export interface ReviewResult {
  checksum: string;
  cohort: CohortResult;
  /** In the cohort's ranking order. */
  units: ReviewedUnit[];
  /** In the order of the returned files. */
  rejected: RejectedFile[];
  findings: ReviewFindings;
  /** The summary workbook's sheets (ranking first), flags and rejected files included; for a
   *  certification 认定结果 first, the 整改通知书 and the records last. */
  summary: Summary;
  /** A certification rule set: each unit certified on `assessedOn`. */
  certification?: CertificationReview;
  /** With a roster: its units that returned no workbook (未上报), in roster order. */
  missing: MissingUnit[];
}

const LATEST_FIRST: readonly Stage[] = ['final', 'review', 'self'];

/** The last stage anyone filled (final review, review, self-assessment): the one compared. */
export function latestStage(reported: Reported): Stage | null {
  return LATEST_FIRST.find((s) => Object.values(reported[s]).some((v) => v !== null)) ?? null;
}

const M = (zh: string, en: string): Msg => ({ zh, en });

function reject(
  index: number,
  file: string,
  reason: RejectReason,
  issues: readonly SheetIssue[],
  why?: Msg,
): RejectedFile {
  const first = issues.find((i) => i.severity === 'error') ?? issues[0];
  const cause = why ?? first?.message ?? M('无法读取', 'cannot be read');
  const message =
    reason === 'wrong-rule-set'
      ? M(
          `${file}:不是本考核的考核表,未纳入复核(${cause.zh})`,
          `${file}: not a workbook of this assessment, not reviewed (${cause.en})`,
        )
      : reason === 'unreadable'
        ? M(
            `${file}:无法打开,未纳入复核(${cause.zh})`,
            `${file}: cannot be opened, not reviewed (${cause.en})`,
          )
        : reason === 'duplicate-unit'
          ? cause
          : M(
              `${file}:考核表无法读取,未纳入复核(${first?.address ? `${first.address}:` : ''}${cause.zh})`,
              `${file}: the sheet cannot be read, not reviewed (${first?.address ? `${first.address}: ` : ''}${cause.en})`,
            );
  return { index, file, reason, message, issues: [...issues] };
}

/**
 * The counts of the periods before and the certification history to go by: those the level
 * signed, when the signature holds and the workbook carries others (the unit edited its
 * kaohe_meta rows: flagged at the cell by verifyPrefill); else the workbook's own (checked when
 * the review has a trust list: unsigned ones are flagged the same way).
 */
export function signedCarried(
  read: Pick<SheetRead, 'unit' | 'history'>,
  prefill: PrefillCheck | undefined,
): { counters?: Record<string, PeriodCounts>; history: CertificationRecord[] } {
  const statement = prefill?.status === 'altered' ? prefill.statement : undefined;
  if (!statement)
    return {
      ...(read.unit.counters ? { counters: read.unit.counters } : {}),
      history: read.history,
    };
  return {
    ...(statement.counters ? { counters: statement.counters } : {}),
    history: statement.history ?? [],
  };
}

/** What a unit's sheet says, for telling a copy of the same file from another file. */
const contentOf = (r: SheetRead): string =>
  canonicalize({ unit: r.unit, reported: r.reported, rules: r.embeddedChecksum }) ?? '';

/** One returned file read with the reviewer's rules: its unit, or why it is rejected. */
export type ReadReturn =
  | { ok: true; index: number; file: string; read: SheetRead; warnings: SheetIssue[] }
  | { ok: false; rejected: RejectedFile };

/**
 * Reads one returned file (the `index`-th) with the reviewer's rules. Apps that read many files
 * call it as each file is decoded, so that no more than one file's grids are held at a time.
 */
export function readReturn(r: Returned, index: number, reviewer: RuleSet): ReadReturn {
  if (!('grids' in r))
    return {
      ok: false,
      rejected: reject(index, r.file, 'unreadable', r.details ?? [], r.unreadable),
    };
  // Altered embedded rules do not stop a review: recomputed by the reviewer's, and flagged.
  const read = readSheet(r.grids, { ruleSet: reviewer, embedded: 'reviewer-wins' });
  if (read.ok) return { ok: true, index, file: r.file, read: read.value, warnings: read.warnings };
  const reason = read.issues.some((i) => i.code === 'ruleset-mismatch')
    ? 'wrong-rule-set'
    : 'not-a-sheet';
  return { ok: false, rejected: reject(index, r.file, reason, read.issues) };
}

/**
 * Reviews the returned files with the reviewer's rules: reads each, applies the policies above,
 * ranks and grades the readable units, compares what each reported, and lays out the summary.
 */
export function reviewReturns(
  returned: readonly Returned[],
  reviewer: RuleSet,
  compiled: CompiledRuleSet = compileRuleSet(reviewer),
  options: ReviewOptions = {},
): ReviewResult {
  return reviewReads(
    returned.map((r, i) => readReturn(r, i, reviewer)),
    reviewer,
    compiled,
    options,
  );
}

/** The review of files already read one by one (readReturn), in their order. */
export function reviewReads(
  all: readonly ReadReturn[],
  reviewer: RuleSet,
  compiled: CompiledRuleSet = compileRuleSet(reviewer),
  options: ReviewOptions = {},
): ReviewResult {
  const rejected: RejectedFile[] = all.flatMap((r) => (r.ok ? [] : [r.rejected]));
  const reads = all.flatMap((r) => (r.ok ? [r] : []));

  // Duplicates: by unit id, then by content.
  const byId = new Map<string, typeof reads>();
  for (const r of reads) byId.set(r.read.unit.id, [...(byId.get(r.read.unit.id) ?? []), r]);
  const kept: ((typeof reads)[number] & { sameAs: { index: number; file: string }[] })[] = [];
  const conflicting = new Set<string>();
  for (const [id, group] of byId) {
    const first = group[0];
    if (!first) continue;
    const contents = new Set(group.map((g) => contentOf(g.read)));
    if (contents.size === 1) {
      kept.push({
        ...first,
        sameAs: group.slice(1).map((g) => ({ index: g.index, file: g.file })),
      });
      continue;
    }
    conflicting.add(id);
    const files = group.map((g) => g.file).join('、');
    for (const g of group) {
      const others = group.filter((o) => o !== g).map((o) => o.file);
      rejected.push(
        reject(
          g.index,
          g.file,
          'duplicate-unit',
          [],
          M(
            `${g.file}:单位“${g.read.unit.name}”(${id})也出现在 ${others.join('、')} 中,内容不同,均未纳入排名;请确认哪一份有效,只保留那一份后重新复核(${files})`,
            `${g.file}: unit “${g.read.unit.name}” (${id}) is also in ${others.join(', ')} with other content; none of them is ranked: keep the valid one only and review again (${group.map((o) => o.file).join(', ')})`,
          ),
        ),
      );
    }
  }
  rejected.sort((a, b) => a.index - b.index);

  // With a trust list, each workbook's prefill against its signature (prefill.ts).
  const trust = options.trust;
  const prefills = new Map(
    trust ? kept.map((k) => [k.read.unit.id, verifyPrefill(k.read, trust)] as const) : [],
  );
  // The reviewer's record wins over the sheet's own figures (record.ts); the counts and the
  // history the level signed win over what the workbook carries (signedCarried), and the
  // reviewer's previous summary's counts over both.
  const applied = new Map(
    kept.map((k) => {
      const record = options.record;
      const a = record ? applyRecord(k.read, record) : { unit: k.read.unit, check: undefined };
      // The reviewer's previous summary (record.counters) wins over both: applyRecord put its
      // counts on the unit. A unit it does not list (flagged) goes by the signed counts, as
      // without the summary.
      if (record?.counters?.units.has(k.read.unit.id)) return [k.read.unit.id, a] as const;
      const signed = signedCarried(k.read, prefills.get(k.read.unit.id));
      const { counters: _, ...rest } = a.unit;
      return [
        k.read.unit.id,
        { ...a, unit: signed.counters ? { ...rest, counters: signed.counters } : rest },
      ] as const;
    }),
  );
  const inputOf = (id: string): UnitInput => {
    const a = applied.get(id);
    if (!a) throw new Error(`unit ${id} has no input`);
    return a.unit;
  };
  const cohort = scoreCohort(
    compiled,
    kept.map((k) => inputOf(k.read.unit.id)),
  );
  const details = new Map(
    kept.map((k) => {
      const { read } = k;
      const sameEdition = read.embeddedRules?.edition === reviewer.edition;
      const rules: RulesState =
        read.rulesAltered || (read.rulesDiffer && sameEdition)
          ? 'altered'
          : read.rulesDiffer
            ? 'other-edition'
            : 'same';
      const ruleChanges =
        rules !== 'same' && read.embeddedRules
          ? diffRuleSets(read.embeddedRules, reviewer).changes
          : [];
      const flag = k.warnings.find((w) => w.code === 'rules-altered' || w.code === 'rules-differ');
      return [
        read.unit.id,
        {
          ...k,
          stage: latestStage(read.reported),
          rules,
          ruleChanges,
          rulesAt: rules === 'same' ? null : (flag?.address ?? null),
          input: inputOf(read.unit.id),
          ...(applied.get(read.unit.id)?.check ? { record: applied.get(read.unit.id)?.check } : {}),
          ...(options.trust
            ? {
                edition: workbookEdition(read, options.trust),
                prefill: prefills.get(read.unit.id),
              }
            : {}),
        },
      ];
    }),
  );
  const submissions: Submission[] = [...details.values()].map((d) => ({
    unitId: d.read.unit.id,
    reported: d.read.reported,
    stage: d.stage,
    embeddedChecksum: d.read.embeddedChecksum,
    rulesAltered: d.rules === 'altered',
    ruleChanges: d.ruleChanges,
    ...(d.edition ? { edition: { status: d.edition.status, message: d.edition.message } } : {}),
    ...(d.prefill ? { prefill: d.prefill } : {}),
    ...(options.trust && d.read.metaUnhidden ? { metaUnhidden: true } : {}),
    ...(d.record ? { record: d.record } : {}),
  }));
  const differences = scoreDifferences(
    cohort.units.map((u) => u.result),
    submissions,
    unitSanctionIds(compiled),
  );
  const units: ReviewedUnit[] = cohort.units.map((u) => {
    const d = details.get(u.unitId);
    if (!d) throw new Error(`unit ${u.unitId} came out of the cohort without its workbook`);
    return {
      index: d.index,
      file: d.file,
      sameAs: d.sameAs,
      unitId: u.unitId,
      name: u.name,
      read: d.read,
      warnings: d.warnings,
      stage: d.stage,
      differences: differences.filter((x) => x.unitId === u.unitId),
      rules: d.rules,
      rulesAt: d.rulesAt,
      ruleChanges: d.ruleChanges,
      ranked: u,
      input: d.input,
      ...(d.edition ? { edition: d.edition } : {}),
      ...(d.prefill ? { prefill: d.prefill } : {}),
      ...(d.record ? { record: d.record } : {}),
    };
  });
  const roster = options.record?.roster;
  const missing = roster
    ? missingUnits(roster, new Set([...kept.map((k) => k.read.unit.id), ...conflicting]))
    : [];
  const summary = buildSummary(cohort, reviewer, {
    submissions,
    rejected: rejected.map((r) => ({ file: r.file, message: r.message })),
    missing,
  });
  let certification: CertificationReview | undefined;
  if (reviewer.kind === 'certification') {
    if (options.assessedOn === undefined)
      throw new Error('reviewReads: a certification needs the assessment date (assessedOn)');
    const cr = certifyUnits(
      units.map((u) => ({
        ...u,
        read: { ...u.read, unit: u.input, history: signedCarried(u.read, u.prefill).history },
      })),
      compiled,
      options.assessedOn,
      options.history,
    );
    const values = new Map(units.map((u) => [u.unitId, u.input.values]));
    summary.sheets = certificationSummary(
      summary.sheets,
      cr,
      (u) => values.get(u.unitId) ?? {},
      reviewer,
      compiled,
      missing,
    );
    certification = cr;
  }
  return {
    checksum: ruleSetChecksum(reviewer),
    cohort,
    units,
    rejected,
    findings: {
      differences: differences.length,
      unitsWithDifferences: units.filter((u) => u.differences.length > 0).length,
      rulesDiffer: units.filter((u) => u.rules !== 'same').length,
      rulesAltered: units.filter((u) => u.rules === 'altered').length,
      notScored: units.filter((u) => u.stage === null).length,
      rejected: rejected.length,
      unverified: units.filter((u) => u.edition && u.edition.status !== 'trusted').length,
      prefillUnverified: units.filter((u) => u.prefill && !prefillOk(u.prefill)).length,
      metaUnhidden: options.trust ? units.filter((u) => u.read.metaUnhidden).length : 0,
      missing: missing.length,
      outsideRoster: units.filter((u) => u.record?.inRoster === false).length,
      recordDiffers: units.filter((u) => recordFlagged(u.record)).length,
      historyDiffers: certification?.units.filter((u) => u.historyDiffers).length ?? 0,
    },
    summary,
    missing,
    ...(certification ? { certification } : {}),
  };
}

/** True when the review has anything for the reviewer to look at. */
export const hasFindings = (f: ReviewFindings): boolean =>
  f.differences +
    f.rulesDiffer +
    f.notScored +
    f.rejected +
    f.unverified +
    f.prefillUnverified +
    f.metaUnhidden +
    f.missing +
    f.recordDiffers +
    f.historyDiffers >
  0;
