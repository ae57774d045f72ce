// The review's results as data, in every summary (the very hidden kaohe_results sheet): the rule
// set (id, kind, title, year, edition, checksum, grade ids) and each unit's total, maximum,
// completeness, veto, no-commendation, grade, the sanctions that hold and the counters across
// periods with this period added — what `kaohe combine` takes as a part and `kaohe template
// --counters` carries into the next period's workbooks. Canonical JSON (RFC 8785), chunked like
// the meta sheet; read back strictly: a summary without it, or whose rows do not parse, is an
// error at the cell, never a unit dropped.
import {
  carryCounters,
  msgOf,
  type Combination,
  type CohortResult,
  type CompositeResult,
  type Msg,
  type PartResults,
  type PartUnit,
  type PeriodCounts,
  type RuleSet,
} from '@kaohe/engine';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { cellRef } from '../a1.ts';
import { ruleSetChecksum, sha256Hex } from '../checksum.ts';
import { cellAt, findSheet } from '../read/locate.ts';
import { jsonRowsById, jsonRowsSheet, parseJsonRow } from '../json-rows.ts';
import { chunk } from '../template/meta-sheet.ts';
import type { CellValue, SheetGrid, SheetIssue, SheetLayout, SheetResult } from '../types.ts';

export const RESULTS_SHEET = 'kaohe_results';
const MARKER = 'kaohe-results';
const VERSION = '1';

/** A unit of a summary: a part's unit, with its counters for the next period. */
export interface SummaryUnit extends PartUnit {
  /** The counts with this period added (carryCounters): the next period's UnitInput.counters. */
  counters: Record<string, PeriodCounts>;
}

/** A summary's results: a part of a combination, and the counts for the next period. */
export interface SummaryResults extends PartResults {
  checksum: string;
  units: SummaryUnit[];
}

const MsgSchema = z.strictObject({ zh: z.string(), en: z.string() });
const Decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'a plain decimal such as "92" or "0.5"');
const Count = z.number().int().min(0);

const RuleSetSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(['scored', 'certification']),
  title: MsgSchema,
  year: z.number().int(),
  edition: z.number().int().min(1),
  checksum: z.string(),
  gradeIds: z.array(z.string()),
});

const UnitSchema = z.strictObject({
  unitId: z.string().min(1),
  name: z.string(),
  total: Decimal.nullable(),
  max: Decimal,
  complete: z.boolean(),
  vetoed: z.boolean(),
  noCommendation: z.boolean(),
  grade: z.string().nullable(),
  gradeLabel: MsgSchema.nullable(),
  sanctions: z.array(z.strictObject({ level: z.string(), reason: MsgSchema })),
  counters: z.record(z.string(), z.strictObject({ consecutive: Count, cumulative: Count })),
});

const json = (value: unknown): string => {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('results sheet: a value cannot be serialised');
  return text;
};

type Head = z.infer<typeof RuleSetSchema>;

/** The sheet itself: the head, then each unit, as canonical JSON in chunks. */
function resultsLayout(head: Head, units: readonly SummaryUnit[]): SheetLayout {
  const values: CellValue[][] = [
    [MARKER, VERSION, null],
    ...chunk(json(head)).map((p): CellValue[] => ['ruleSet', head.id, p]),
  ];
  for (const unit of units)
    for (const p of chunk(json(unit))) values.push(['unit', unit.unitId, p]);
  return jsonRowsSheet(RESULTS_SHEET, values);
}

/** The kaohe_results sheet of a review's cohort. */
export function resultsSheet(cohort: CohortResult, ruleSet: RuleSet): SheetLayout {
  return resultsLayout(
    {
      id: ruleSet.id,
      kind: ruleSet.kind,
      title: msgOf(ruleSet.title),
      year: ruleSet.year,
      edition: ruleSet.edition,
      checksum: ruleSetChecksum(ruleSet),
      gradeIds: (ruleSet.grades?.bands ?? []).map((b) => b.id),
    },
    cohort.units.map((u) => ({
      unitId: u.unitId,
      name: u.name,
      total: u.total,
      max: u.result.max,
      complete: u.complete,
      vetoed: u.vetoed,
      noCommendation: u.noCommendation,
      grade: u.grade,
      gradeLabel: u.gradeLabel,
      sanctions: u.result.sanctions.map((x) => ({ level: x.level, reason: x.reason })),
      counters: carryCounters(u.result),
    })),
  );
}

/**
 * The kaohe_results sheet of a composite, so that it can be a part of another (the quarters
 * combined, as the routine 40 %): its id, title and year as the rule set's, the declaration's
 * checksum; a unit without a composite has no total (null) and is incomplete; the vetoes and
 * no-commendation carried are its sanctions; no counters.
 */
export function compositeResultsSheet(r: CompositeResult, declared: Combination): SheetLayout {
  return resultsLayout(
    {
      id: r.id,
      kind: 'scored',
      title: r.title,
      year: r.year,
      edition: 1,
      checksum: sha256Hex(json(declared)),
      gradeIds: r.gradeIds,
    },
    r.units.map((u) => ({
      unitId: u.unitId,
      name: u.name,
      total: u.value,
      max: r.outOf,
      complete: u.value !== null,
      vetoed: u.vetoed,
      noCommendation: u.noCommendation,
      grade: u.grade,
      gradeLabel: u.gradeLabel,
      sanctions: u.carried,
      counters: {},
    })),
  );
}

const issue = (address: string, why: Msg): SheetIssue => ({
  code: 'summary-corrupt',
  path: address,
  address,
  severity: 'error',
  message: {
    zh: `复核结果无法读取(${why.zh});请用 kaohe review 重新生成汇总表`,
    en: `the review's results cannot be read (${why.en}): make the summary again with kaohe review`,
  },
});

const parseJson = <T>(text: string, schema: z.ZodType<T>, address: string) =>
  parseJsonRow(text, schema, address, issue);

/**
 * A summary's results (its kaohe_results sheet). A workbook without it (not a review summary, or
 * one written before summaries carried it), rows that do not parse, or a unit's rows that name
 * another unit: an error at the cell.
 */
export function readSummaryResults(grids: readonly SheetGrid[]): SheetResult<SummaryResults> {
  const sheet = findSheet(grids, RESULTS_SHEET, (s) => cellAt(s.values, 0, 0) === MARKER);
  const name = sheet?.name ?? RESULTS_SHEET;
  const at = (row: number, col: number): string => cellRef(name, row, col);
  if (!sheet || cellAt(sheet.values, 0, 0) !== MARKER)
    return {
      ok: false,
      issues: [
        {
          code: 'not-a-summary',
          path: at(0, 0),
          address: at(0, 0),
          severity: 'error',
          message: {
            zh: `不是复核汇总表(没有复核结果表 ${RESULTS_SHEET});请用 kaohe review 生成的汇总表`,
            en: `not a review summary (no ${RESULTS_SHEET} sheet): use a summary written by kaohe review`,
          },
        },
      ],
    };
  const version = String(cellAt(sheet.values, 0, 1) ?? '');
  if (version !== VERSION)
    return {
      ok: false,
      issues: [
        issue(at(0, 1), {
          zh: `版本为“${version}”,应为 ${VERSION}`,
          en: `version "${version}", expected ${VERSION}`,
        }),
      ],
    };
  let head = '';
  let headRow = -1;
  sheet.values.forEach((r, row) => {
    if (r[0] !== 'ruleSet') return;
    if (headRow < 0) headRow = row;
    head += String(r[2] ?? '');
  });
  const texts = jsonRowsById(sheet.values, 'unit');
  if (headRow < 0)
    return {
      ok: false,
      issues: [issue(at(1, 0), { zh: '缺少规则集信息', en: 'the rule set row is missing' })],
    };
  const rs = parseJson(head, RuleSetSchema, at(headRow, 2));
  if (!rs.ok) return { ok: false, issues: [rs.issue] };
  const units: SummaryUnit[] = [];
  for (const [id, { text, row }] of texts) {
    const u = parseJson(text, UnitSchema, at(row, 2));
    if (!u.ok) return { ok: false, issues: [u.issue] };
    if (u.value.unitId !== id)
      return {
        ok: false,
        issues: [
          issue(at(row, 1), {
            zh: `本行标为单位“${id}”,内容却是单位“${u.value.unitId}”的`,
            en: `the row is marked unit "${id}" but holds unit "${u.value.unitId}"`,
          }),
        ],
      };
    units.push(u.value);
  }
  const r = rs.value;
  return {
    ok: true,
    value: {
      ruleSetId: r.id,
      kind: r.kind,
      title: r.title,
      year: r.year,
      edition: r.edition,
      checksum: r.checksum,
      gradeIds: r.gradeIds,
      units,
    },
    warnings: [],
  };
}
