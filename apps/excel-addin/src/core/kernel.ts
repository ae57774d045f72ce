// The Kernel over @kaohe/sheet and @kaohe/engine. Loaded lazily (dynamic import), so the
// engine and codec are not in the pane's first load.
import {
  buildPeerStats,
  compileRuleSet,
  scoreCohort,
  scoreUnit,
  type RuleSet,
  type UnitInput,
} from '@kaohe/engine';
import {
  planWrites,
  readMeta,
  scoreDifferences,
  SHEET_NAMES,
  type RangeWrite as CodecWrite,
  type Submission,
} from '@kaohe/sheet';
import { actualName, fromA1, groupSheets, hasMeta, type SheetGroup } from './kernel-grids.ts';
import { differenceProblems, fromResult, fromSheetIssue } from './kernel-problems.ts';
import { readGroup, ruleSetInfo, type GroupRead } from './kernel-read.ts';
import { importedGroup, unitSheetNames } from './kernel-import.ts';
import { summaryPlan, summarySheetNames } from './kernel-summary.ts';
import { headerGuard } from './kernel-guard.ts';
import type { Kernel, Outcome, Problem, ReviewedUnit, SheetState } from './kernel.types.ts';
import type { RangeWrite, SheetGrid, WorkbookSnapshot } from './workbook-port.ts';

const NAMED = [SHEET_NAMES.scoring, SHEET_NAMES.data, SHEET_NAMES.meta];
/** The workbook's own sheets, under their own names. */
const OWN: SheetGroup = { suffix: '', actual: new Map() };

function own(snapshot: WorkbookSnapshot): SheetGrid[] {
  return Object.values(snapshot.sheets).filter((g): g is SheetGrid => g !== null);
}

function readOwn(snapshot: WorkbookSnapshot): Outcome<GroupRead> | null {
  const grids = own(snapshot);
  const group = groupSheets(grids.map((g) => g.name)).find((g) => g.suffix === '');
  return group ? readGroup(group, grids) : null;
}

const localWrites = (group: GroupRead['group'], writes: readonly CodecWrite[]): RangeWrite[] =>
  writes.map((w) => ({ sheet: actualName(group, w.sheet), address: w.address, values: w.values }));

const submissions = (units: readonly GroupRead[]): Submission[] =>
  units.map((u) => ({
    unitId: u.read.unit.id,
    reported: u.read.reported,
    embeddedChecksum: u.read.embeddedChecksum,
    // As the CLI does: altered embedded rules are always listed in the 差异 sheet.
    rulesAltered: u.read.rulesAltered,
  }));

function reviewerRules(
  snapshot: WorkbookSnapshot,
): Outcome<{ ruleSet: RuleSet; checksum: string }> {
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
  const { ruleSet, checksum } = read.value;
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
  return { ok: true, value: { ruleSet, checksum } };
}

/**
 * Every unit workbook inside this one, read with the reviewer's rules. The workbook's own
 * sheets count only when they name a unit (a reviewer's blank template does not).
 */
function readCohort(snapshot: WorkbookSnapshot, grids: readonly SheetGrid[], reviewer: RuleSet) {
  const units: GroupRead[] = [];
  const problems: Problem[] = [];
  const reviewerMeta = snapshot.sheets[SHEET_NAMES.meta];
  for (const group of groupSheets(snapshot.sheetNames, true)) {
    const available = group.suffix === '' ? own(snapshot) : grids;
    const { read, notes } = readUnit(group, available, reviewerMeta, reviewer);
    if (read.ok) units.push({ ...read.value, problems: [...notes, ...read.value.problems] });
    else if (group.suffix !== '') problems.push(...notes, ...read.problems);
  }
  return { units, problems };
}

/** One unit's sheet group, read with the reviewer's rules (theirs standing in for a missing meta sheet). */
function readUnit(
  group: SheetGroup,
  grids: readonly SheetGrid[],
  reviewerMeta: SheetGrid | null | undefined,
  reviewer: RuleSet | undefined,
): { read: Outcome<GroupRead>; notes: Problem[] } {
  let available = grids;
  const notes: Problem[] = [];
  if (!hasMeta(group) && reviewerMeta) {
    // The unit's rules sheet did not come in with its sheets: read them against the
    // reviewer's, so the header's rule set, edition and checksum are still checked.
    const stand = `${SHEET_NAMES.meta}${group.suffix}`;
    group.actual.set(stand, SHEET_NAMES.meta);
    available = [...available, { ...reviewerMeta, name: stand }];
    notes.push({
      code: 'rules-differ',
      severity: 'warning',
      sheet: actualName(group, SHEET_NAMES.scoring),
      address: null,
      message: {
        zh: '导入时没有带来规则数据表,按审核方规则读取和计分',
        en: 'the rules sheet did not come in with the import; read and scored by the reviewer’s rules',
      },
    });
  }
  return { read: readGroup(group, available, reviewer), notes };
}

export function createKernel(): Kernel {
  return {
    metaSheet: SHEET_NAMES.meta,
    namedSheets: NAMED,

    inspect(snapshot): SheetState {
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
          return {
            kind: 'assessment',
            sheet,
            ruleSet: ruleSetInfo(rules.value.ruleSet, rules.value.checksum),
            unit: { id: '', name: '' },
            status: 'blank',
          };
        }
        return { kind: 'damaged', sheet, problems: errors };
      }
      const { read: r } = read.value;
      const info = ruleSetInfo(r.ruleSet, r.embeddedChecksum);
      if (summarySheetNames(r.ruleSet).includes(sheet))
        return { kind: 'summary', sheet, ruleSet: info };
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
        unit: { id: r.unit.id, name: r.unit.name },
        status,
      };
    },

    selfAssess(snapshot) {
      const read = readOwn(snapshot);
      if (!read) return { ok: false, problems: [] };
      if (!read.ok) return read;
      const { group, read: r, problems } = read.value;
      const result = scoreUnit(compileRuleSet(r.ruleSet), r.unit);
      const all = [...problems, ...fromResult(result, r, group, problems)];
      const scoring = snapshot.sheets[actualName(group, r.map.scoring.sheet)];
      if (!scoring) return { ok: false, problems: all };
      return {
        ok: true,
        value: {
          result,
          problems: all,
          guard: headerGuard(r.map, scoring, 'self'),
          writes: localWrites(group, planWrites(r.map, result, 'self', { read: r })),
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

    review(snapshot, grids) {
      const reviewer = reviewerRules(snapshot);
      if (!reviewer.ok) return reviewer;
      const { units, problems } = readCohort(snapshot, grids, reviewer.value.ruleSet);
      const compiled = compileRuleSet(reviewer.value.ruleSet);
      const sanctionIds = reviewer.value.ruleSet.sanctions.map((x) => x.id);
      // Scored as scoreCohort does (peer statistics first), but kept in input order: the i-th
      // result is the i-th unit's, also when two imported workbooks carry the same unit id.
      const inputs = units.map((u): UnitInput => u.read.unit);
      const peers = buildPeerStats(compiled, inputs);
      const results = inputs.map((unit) => scoreUnit(compiled, unit, { peers: peers.stats }));
      const reviewed: ReviewedUnit[] = units.map((u, i) => {
        const result = results[i]!;
        const totalKey = u.read.map.scoring.rows.find((row) => row.kind === 'total')?.key ?? '';
        return {
          sheet: actualName(u.group, u.read.map.scoring.sheet),
          unit: { id: u.read.unit.id || String(i), name: u.read.unit.name },
          reported: u.read.reported.self[totalKey] ?? null,
          result,
          rulesMatch: !u.read.rulesDiffer,
          problems: [
            ...u.problems,
            ...differenceProblems(
              scoreDifferences([result], submissions([u]), sanctionIds),
              u.read.map,
              u.group,
            ),
            ...fromResult(result, u.read, u.group, u.problems),
          ],
        };
      });
      const writes = units.flatMap((u, i) => {
        const result = reviewed[i]!.result;
        const review = planWrites(u.read.map, result, 'review', { read: u.read });
        const final = planWrites(u.read.map, result, 'final', { read: u.read }).filter(
          (w) => !review.some((x) => x.address === w.address),
        );
        return localWrites(u.group, [...review, ...final]);
      });
      if (units.length === 0 && problems.length > 0) return { ok: false, problems };
      // Imported sheets that could not be read are listed too, under their own sheet names.
      return { ok: true, value: { units: reviewed, writes, unread: problems } };
    },

    summarise(snapshot, grids) {
      const reviewer = reviewerRules(snapshot);
      if (!reviewer.ok) return reviewer;
      const { units, problems } = readCohort(snapshot, grids, reviewer.value.ruleSet);
      if (units.length === 0) return { ok: false, problems };
      const ruleSet = reviewer.value.ruleSet;
      const cohort = scoreCohort(
        compileRuleSet(ruleSet),
        units.map((u) => u.read.unit),
      );
      return { ok: true, value: summaryPlan(cohort, ruleSet, submissions(units)) };
    },
  };
}
