// The Kernel over @kaohe/sheet and @kaohe/engine. Loaded lazily (dynamic import), so the
// engine and codec are not in the pane's first load.
import { compileRuleSet, scoreUnit, type RuleSet } from '@kaohe/engine';
import { readDate } from '@kaohe/engine/internal';
import {
  draftMark,
  metaUnhiddenMessage,
  planWrites,
  readMeta,
  reviewReturns,
  SHEET_NAMES,
  scoringGate,
  trustIsSet,
  verifyPrefill,
  workbookEdition,
  type RangeWrite as CodecWrite,
  type Returned,
  type ReviewResult,
  type TrustStore,
} from '@kaohe/sheet';
import {
  actualName,
  fromA1,
  gridsOf,
  groupSheets,
  hasMeta,
  splitAddress,
  type SheetGroup,
} from './kernel-grids.ts';
import { differenceProblems, fromResult, fromSheetIssue } from './kernel-problems.ts';
import {
  editionView,
  readGroup,
  ruleSetInfo,
  unhiddenMeta,
  type GroupRead,
} from './kernel-read.ts';
import { importedGroup, unitSheetNames } from './kernel-import.ts';
import { summaryPlan, summarySheetNames } from './kernel-summary.ts';
import { headerGuard } from './kernel-guard.ts';
import { certificationView } from './kernel-certification.ts';
import { combinePlan } from './kernel-combine.ts';
import { rollupPlan } from './kernel-rollup.ts';
import type {
  Kernel,
  Outcome,
  Problem,
  ReviewOptions,
  ReviewedUnit,
  SheetState,
} from './kernel.types.ts';
import { addKey, previewKey, readTrustText, removeKey, revokeKey } from './trust.ts';
import type { RangeWrite, SheetGrid, WorkbookSnapshot } from './workbook-port.ts';

const NAMED = [SHEET_NAMES.scoring, SHEET_NAMES.data, SHEET_NAMES.meta];
/** No trust list given: nothing is trusted (a signed workbook reads as an unknown key). */
const NO_TRUST: TrustStore = { keys: [], revoked: [] };
/** The workbook's own sheets, under their own names. */
const OWN: SheetGroup = { suffix: '', actual: new Map() };

function own(snapshot: WorkbookSnapshot): SheetGrid[] {
  return Object.values(snapshot.sheets).filter((g): g is SheetGrid => g !== null);
}

const ownGroup = (grids: readonly SheetGrid[]): SheetGroup => ({
  suffix: '',
  actual: new Map(grids.map((g) => [g.name, g.name])),
});

function readOwn(snapshot: WorkbookSnapshot): Outcome<GroupRead> | null {
  const grids = own(snapshot);
  const group = groupSheets(grids.map((g) => g.name)).find((g) => g.suffix === '');
  if (group) return readGroup(group, grids);
  // An assessment's scoring sheet without its rules sheet (deleted): read all the same, so the
  // codec says what is missing at its place — never "not an assessment workbook".
  if (snapshot.sheets[SHEET_NAMES.scoring]) return readGroup(ownGroup(grids), grids);
  return null;
}

const localWrites = (group: GroupRead['group'], writes: readonly CodecWrite[]): RangeWrite[] =>
  writes.map((w) => ({
    sheet: actualName(group, w.sheet),
    address: w.address,
    values: w.values,
    ...(w.fills ? { fills: w.fills } : {}),
  }));

function reviewerRules(snapshot: WorkbookSnapshot): Outcome<{
  ruleSet: RuleSet;
  checksum: string;
  embeddedText: string;
  embeddedSignature?: string;
}> {
  const meta = snapshot.sheets[SHEET_NAMES.meta];
  if (!meta)
    return {
      ok: false,
      problems: [
        {
          code: 'sheet-damaged',
          severity: 'error',
          sheet: SHEET_NAMES.meta,
          address: null,
          message: {
            zh: '本工作簿没有考核规则(kaohe_meta)',
            en: 'this workbook has no rule set (kaohe_meta)',
          },
        },
      ],
    };
  // The meta sheet alone: a reviewer usually holds the blank template, which readSheet refuses
  // for want of a unit, so the codec's own meta reader checks marker, version, chunks and checksum.
  const read = readMeta([fromA1(meta)], SHEET_NAMES.meta);
  if (!read.ok) return { ok: false, problems: read.issues.map((i) => fromSheetIssue(i, OWN)) };
  const { ruleSet, checksum, text, signature } = read.value;
  // Only a lenient read comes back without rules; this one is strict, so this is a guard.
  if (!ruleSet)
    return {
      ok: false,
      problems: [
        {
          code: 'sheet-damaged',
          severity: 'error',
          sheet: meta.name,
          address: null,
          message: {
            zh: '规则数据表中没有可用的规则',
            en: 'the rules sheet holds no usable rule set',
          },
        },
      ],
    };
  return {
    ok: true,
    value: {
      ruleSet,
      checksum,
      embeddedText: text,
      ...(signature === undefined ? {} : { embeddedSignature: signature }),
    },
  };
}

/** The sheet a reviewer clicks for a returned workbook: its scoring sheet, as named here. */
const fileOf = (group: SheetGroup): string => actualName(group, SHEET_NAMES.scoring);

/**
 * Every unit workbook inside this one, reviewed by @kaohe/sheet's reviewReturns (the CLI's
 * review: one duplicates, stage and tamper policy). The workbook's own sheets count only when they
 * name a unit: a reviewer's blank template or summary workbook is not a return.
 */
function reviewCohort(
  snapshot: WorkbookSnapshot,
  grids: readonly SheetGrid[],
  reviewer: RuleSet,
  trust: TrustStore | undefined,
  assessedOn: string,
) {
  const reviewerMeta = snapshot.sheets[SHEET_NAMES.meta];
  const groups = groupSheets(snapshot.sheetNames, true);
  const notes: Problem[][] = [];
  const returned: Returned[] = groups.map((group) => {
    const available = group.suffix === '' ? own(snapshot) : grids;
    const stand = standIn(group, available, reviewerMeta);
    notes.push(stand.notes);
    return { file: fileOf(group), grids: gridsOf(group, stand.grids) };
  });
  // With a trust list (the pane always has its own): each unit's edition is checked, as
  // `kaohe review --trust` does.
  const review = reviewReturns(returned, reviewer, compileRuleSet(reviewer), {
    ...(trust ? { trust } : {}),
    // Read by a certification only (the scored review has no date).
    ...(reviewer.kind === 'certification' ? { assessedOn } : {}),
  });
  const ownIndex = groups.findIndex((g) => g.suffix === '');
  const unread: Problem[] = review.rejected
    .filter((r) => r.index !== ownIndex)
    .flatMap((r) => {
      const group = groups[r.index] as SheetGroup;
      return [
        {
          code: 'not-reviewed' as const,
          severity: 'error' as const,
          sheet: fileOf(group),
          address: null,
          message: r.message,
        },
        ...r.issues.map((i) => fromSheetIssue(i, group)),
      ];
    });
  return { review, groups, notes, unread };
}

/** Problems of one reviewed unit, at its cells: the review's flags first, then the read's. */
function unitProblems(
  u: ReviewResult['units'][number],
  group: SheetGroup,
  notes: readonly Problem[],
  trust: TrustStore | undefined,
): Problem[] {
  const sheet = actualName(group, u.read.map.scoring.sheet);
  const where = (address: string | null) => {
    if (!address) return { sheet, address: null };
    const at = splitAddress(address);
    return { sheet: actualName(group, at.sheet ?? ''), address: at.cell };
  };
  const warnings = u.warnings.map((i) => fromSheetIssue(i, group));
  const flags: Problem[] = [];
  if (u.edition && u.edition.status !== 'trusted')
    flags.push({
      code: 'rules-unverified',
      severity: 'warning',
      sheet,
      address: null,
      message: {
        zh: `规则不是可信的正式版本:${u.edition.message.zh}`,
        en: `the rules are not a trusted official edition: ${u.edition.message.en}`,
      },
    });
  // The rules sheet made visible (very hidden, so unhidden on purpose): the read's metaUnhidden,
  // flagged where reviewReturns counts it (a review with a trust list), as `kaohe review` does.
  const unhidden = unhiddenMeta(u.read);
  if (trust && unhidden !== undefined)
    flags.push({
      code: 'meta-unhidden',
      severity: 'warning',
      sheet: actualName(group, unhidden),
      address: null,
      message: metaUnhiddenMessage(actualName(group, unhidden)),
    });
  if (u.rules === 'altered')
    flags.push({
      code: 'rules-altered',
      severity: 'warning',
      ...where(u.rulesAt),
      message: {
        zh: '表内规则被改动(与校验码不符、已损坏,或与审核方同一版次的规则不同),已按审核方规则重算',
        en: 'the embedded rules were altered (checksum, damage, or other rules under the reviewer’s edition); recomputed by the reviewer’s',
      },
    });
  for (const c of u.ruleChanges)
    flags.push({
      code: u.rules === 'altered' ? 'rules-altered' : 'rules-differ',
      severity: 'warning',
      ...where(u.rulesAt),
      message: { zh: `规则变化:${c.message.zh}`, en: `rule change: ${c.message.en}` },
    });
  if (u.stage === null)
    flags.push({
      code: 'not-scored',
      severity: 'warning',
      sheet,
      address: null,
      message: {
        zh: '填报了数据但没有自评得分:按复核计算排名,未逐项比对',
        en: 'figures filled in but not self-scored: ranked by the recomputation, nothing compared',
      },
    });
  for (const copy of u.sameAs)
    flags.push({
      code: 'duplicate-file',
      severity: 'warning',
      sheet: copy.file,
      address: null,
      message: {
        zh: `与“${u.file}”是同一份考核表(${u.name}),只计一次`,
        en: `the same workbook as “${u.file}” (${u.name}), counted once`,
      },
    });
  // The altered / differ warning of the read is said by the flags above.
  const rest = warnings.filter(
    (w, i) =>
      !(u.rules !== 'same' && ['rules-altered', 'rules-differ'].includes(u.warnings[i]!.code)),
  );
  return [
    ...notes,
    ...flags,
    ...rest,
    ...differenceProblems(u.differences, u.read, group, u.stage ?? 'self'),
    ...fromResult(u.ranked.result, u.read, group, rest),
  ];
}

/** A group whose rules sheet did not come in with the import: the reviewer's stands in for it. */
function standIn(
  group: SheetGroup,
  grids: readonly SheetGrid[],
  reviewerMeta: SheetGrid | null | undefined,
): { grids: readonly SheetGrid[]; notes: Problem[] } {
  if (hasMeta(group) || !reviewerMeta) return { grids, notes: [] };
  // Read against the reviewer's, so the header's rule set, edition and checksum are still checked.
  const stand = `${SHEET_NAMES.meta}${group.suffix}`;
  group.actual.set(stand, SHEET_NAMES.meta);
  return {
    grids: [...grids, { ...reviewerMeta, name: stand }],
    notes: [
      {
        code: 'rules-differ',
        severity: 'warning',
        sheet: actualName(group, SHEET_NAMES.scoring),
        address: null,
        message: {
          zh: '导入时没有带来规则数据表,按审核方规则读取和计分',
          en: 'the rules sheet did not come in with the import; read and scored by the reviewer’s rules',
        },
      },
    ],
  };
}

/** One unit's sheet group, read with the reviewer's rules (theirs standing in for a missing meta sheet). */
function readUnit(
  group: SheetGroup,
  grids: readonly SheetGrid[],
  reviewerMeta: SheetGrid | null | undefined,
  reviewer: RuleSet | undefined,
): { read: Outcome<GroupRead>; notes: Problem[] } {
  const stand = standIn(group, grids, reviewerMeta);
  return { read: readGroup(group, stand.grids, reviewer), notes: stand.notes };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A certification's assessment date, checked; '' for a scored rule set (no date is read). */
function assessmentDate(ruleSet: RuleSet, options: ReviewOptions): Outcome<string> {
  if (ruleSet.kind !== 'certification') return { ok: true, value: '' };
  const date = options.assessedOn ?? '';
  // The engine's calendar, as `kaohe review --assessed-on` checks it.
  if (ISO_DATE.test(date) && readDate(date).ok) return { ok: true, value: date };
  return {
    ok: false,
    problems: [
      {
        code: 'invalid-value',
        severity: 'error',
        sheet: SHEET_NAMES.meta,
        address: null,
        message: {
          zh: `评估认定需要有效的认定日期(YYYY-MM-DD,如 2012-11-20),现为“${date}”`,
          en: `a certification needs a valid assessment date (YYYY-MM-DD, e.g. 2012-11-20), not "${date}"`,
        },
      },
    ],
  };
}

export function createKernel(): Kernel {
  return {
    metaSheet: SHEET_NAMES.meta,
    namedSheets: NAMED,

    inspect(snapshot, trust = NO_TRUST): SheetState {
      const sheet = snapshot.active.name;
      const read = readOwn(snapshot);
      if (!read) return { kind: 'no-assessment', sheet };
      if (!read.ok) {
        const errors = read.problems.filter((p) => p.severity === 'error');
        const rules = reviewerRules(snapshot);
        // A blank template (no unit named yet) is an assessment sheet waiting to be filled in.
        const onlyUnitMissing = errors.every(
          (p) => p.code === 'invalid-value' && p.sheet === SHEET_NAMES.scoring,
        );
        if (rules.ok && onlyUnitMissing) {
          const edition = editionView(rules.value, trust);
          return {
            kind: 'assessment',
            sheet,
            ruleSet: ruleSetInfo(rules.value.ruleSet, rules.value.checksum, edition),
            edition,
            unit: { id: '', name: '' },
            status: 'blank',
          };
        }
        return { kind: 'damaged', sheet, problems: errors };
      }
      const { read: r } = read.value;
      const edition = editionView(r, trust, verifyPrefill(r, trust), unhiddenMeta(r));
      const info = ruleSetInfo(r.ruleSet, r.embeddedChecksum, edition);
      if (summarySheetNames(r.ruleSet).includes(sheet))
        return { kind: 'summary', sheet, ruleSet: info, edition };
      const any = (record: Record<string, unknown>) =>
        Object.values(record).some((v) => v !== null && v !== undefined);
      const status = any(r.reported.review)
        ? 'reviewed'
        : any(r.reported.self)
          ? 'scored'
          : any(r.unit.values)
            ? 'filled'
            : 'blank';
      return {
        kind: 'assessment',
        sheet,
        ruleSet: info,
        edition,
        unit: { id: r.unit.id, name: r.unit.name },
        status,
      };
    },

    selfAssess(snapshot, options = {}) {
      const read = readOwn(snapshot);
      if (!read) return { ok: false, problems: [] };
      if (!read.ok) return read;
      const { group, read: r, problems } = read.value;
      // @kaohe/sheet's decision, as `kaohe score` makes it: refused means nothing is planned.
      const trust = options.trust ?? NO_TRUST;
      const edition = workbookEdition(r, trust);
      const unhidden = unhiddenMeta(r);
      // The unit's targets and baselines as the issuer signed them (kaohe score checks the same).
      const gate = scoringGate(edition, {
        draft: options.draft === true,
        checked: trustIsSet(trust),
        prefill: verifyPrefill(r, trust),
        ...(unhidden !== undefined ? { metaUnhidden: unhidden } : {}),
      });
      if (gate.decision === 'refused')
        return {
          ok: false,
          problems: [
            {
              code: 'rules-unverified',
              severity: 'error',
              sheet: actualName(group, r.map.meta.sheet),
              address: null,
              message: {
                zh: `考核规则未通过验证,不予计分:${gate.why.zh}`,
                en: `the rules fail verification, so nothing is scored: ${gate.why.en}`,
              },
            },
          ],
        };
      const result = scoreUnit(compileRuleSet(r.ruleSet), r.unit);
      const all = [...problems, ...fromResult(result, r, group, problems)];
      const scoring = snapshot.sheets[actualName(group, r.map.scoring.sheet)];
      if (!scoring) return { ok: false, problems: all };
      // Asked for as a draft (按草稿计分, the CLI's --unsigned): the scoring sheet's title says so,
      // in @kaohe/sheet's words for what failed, as kaohe score marks it.
      const mark =
        gate.decision === 'draft' && gate.forced && gate.failed
          ? draftMark(gridsOf(group, own(snapshot)), r.map, {
              failed: gate.failed,
              why: gate.why,
            })
          : undefined;
      return {
        ok: true,
        value: {
          scoredAs:
            gate.decision === 'official'
              ? { decision: 'official' }
              : { decision: 'draft', forced: gate.forced, message: gate.why },
          result,
          problems: all,
          guard: headerGuard(r.map, scoring, 'self'),
          writes: localWrites(group, [
            ...planWrites(r.map, result, 'self', { read: r }),
            ...(mark ? [mark] : []),
          ]),
        },
      };
    },

    importNames(snapshot, files, grids) {
      const rules = reviewerRules(snapshot);
      const reviewer = rules.ok ? rules.value.ruleSet : undefined;
      const taken = new Set(snapshot.sheetNames);
      const renames: { from: string; to: string }[] = [];
      const named = files.map((sheets) => {
        const group = importedGroup(sheets);
        const read = readUnit(group, grids, snapshot.sheets[SHEET_NAMES.meta], reviewer).read;
        const unit = read.ok
          ? { id: read.value.read.unit.id, name: read.value.read.unit.name }
          : null;
        const names = unit ? unitSheetNames(sheets, unit.name, taken) : null;
        if (!unit || !names) return { unit, sheets: [...sheets] };
        for (const [from, to] of names) {
          taken.delete(from);
          taken.add(to);
          if (from !== to) renames.push({ from, to });
        }
        return { unit, sheets: [...names.values()] };
      });
      return { files: named, renames };
    },

    // Imported groups only: the workbook's own sheets came with read() already (readCohort uses those).
    cohortSheets: (snapshot) =>
      groupSheets(snapshot.sheetNames, true)
        .filter((g) => g.suffix !== '')
        .flatMap((g) => [...g.actual.keys()]),

    review(snapshot, grids, trust, options = {}) {
      const reviewer = reviewerRules(snapshot);
      if (!reviewer.ok) return reviewer;
      const date = assessmentDate(reviewer.value.ruleSet, options);
      if (!date.ok) return date;
      const { review, groups, notes, unread } = reviewCohort(
        snapshot,
        grids,
        reviewer.value.ruleSet,
        trust,
        date.value,
      );
      if (review.units.length === 0 && unread.length > 0) return { ok: false, problems: unread };
      const reviewed: ReviewedUnit[] = review.units.map((u) => {
        const group = groups[u.index] as SheetGroup;
        const totalKey = u.read.map.scoring.rows.find((row) => row.kind === 'total')?.key ?? '';
        return {
          sheet: actualName(group, u.read.map.scoring.sheet),
          unit: { id: u.unitId, name: u.name },
          reported: u.read.reported[u.stage ?? 'self'][totalKey] ?? null,
          result: u.ranked.result,
          rank: u.ranked.rank,
          grade: u.ranked.gradeLabel,
          rulesMatch: u.rules === 'same',
          rules: u.rules,
          stage: u.stage,
          differences: u.differences,
          sameAs: u.sameAs.map((c) => c.file),
          problems: unitProblems(u, group, notes[u.index] ?? [], trust),
          metaUnhidden: trust !== undefined && u.read.metaUnhidden === true,
        };
      });
      // Review and final scores go into every copy of a unit's workbook, so they stay the same file.
      const writes = review.units.flatMap((u) => {
        const result = u.ranked.result;
        const planned = planWrites(u.read.map, result, 'review', { read: u.read });
        const final = planWrites(u.read.map, result, 'final', { read: u.read }).filter(
          (w) => !planned.some((x) => x.address === w.address),
        );
        return [u.index, ...u.sameAs.map((c) => c.index)].flatMap((i) =>
          localWrites(groups[i] as SheetGroup, [...planned, ...final]),
        );
      });
      const certification = review.certification
        ? certificationView(review.certification, reviewer.value.ruleSet, (i) =>
            fileOf(groups[i] as SheetGroup),
          )
        : undefined;
      return {
        ok: true,
        value: { units: reviewed, writes, unread, ...(certification ? { certification } : {}) },
      };
    },

    summarise(snapshot, grids, trust, options = {}) {
      const reviewer = reviewerRules(snapshot);
      if (!reviewer.ok) return reviewer;
      const date = assessmentDate(reviewer.value.ruleSet, options);
      if (!date.ok) return date;
      const { review, unread } = reviewCohort(
        snapshot,
        grids,
        reviewer.value.ruleSet,
        trust,
        date.value,
      );
      if (review.units.length === 0) return { ok: false, problems: unread };
      return {
        ok: true,
        value: summaryPlan(review.cohort, reviewer.value.ruleSet, review.summary),
      };
    },

    combine: combinePlan,

    rollup(snapshot, children, roster, trust) {
      const read = readOwn(snapshot);
      if (!read) return { ok: false, problems: [] };
      if (!read.ok) return read;
      // As `kaohe rollup` verifies the children only with a trust list (kept here: some key).
      return rollupPlan(
        read.value,
        own(snapshot),
        children,
        roster,
        trust && trustIsSet(trust) ? trust : undefined,
      );
    },

    trust: {
      read: readTrustText,
      preview: previewKey,
      add: addKey,
      remove: removeKey,
      revoke: revokeKey,
    },
  };
}
