// A unit's certification history (评估认定记录) as it travels in workbooks: the canonical JSON
// (RFC 8785) of its CertificationRecords, in the `history` rows of the unit's kaohe_meta sheet and
// in the summary's kaohe_certification sheet. Read back strictly: a history that does not parse,
// is not of this unit or rule set, or is out of order is an error at its cell, never dropped.
import type { CertificationRecord, Msg } from '@kaohe/engine';
import { readDate } from '@kaohe/engine/internal';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { sheetIssueIn } from '../issue.ts';
import { parseJsonRow } from '../json-rows.ts';
import type { SheetIssue } from '../types.ts';

const MsgSchema = z.strictObject({ zh: z.string(), en: z.string() });
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const IsoDate = z.string().refine((t) => ISO.test(t) && readDate(t).ok, 'not a YYYY-MM-DD date');

const FailingSchema = z.strictObject({
  path: z.string(),
  title: MsgSchema,
  status: z.enum([
    'met',
    'partly-met',
    'not-met',
    'missing-input',
    'cannot-compute',
    'missing-evidence',
    'not-applicable',
    'gated',
    'vetoed',
    'undecided',
  ]),
  reason: MsgSchema,
});

const RecordSchema = z.strictObject({
  unitId: z.string().min(1),
  ruleSetId: z.string().min(1),
  edition: z.number().int().min(1),
  assessedOn: IsoDate,
  attempt: z.number().int().min(1),
  passed: z.boolean(),
  failing: z.array(FailingSchema),
  rectifyBy: IsoDate.nullable(),
  certifiedBy: MsgSchema.nullable().optional(),
  grade: z.string().nullable().optional(),
  gradeLabel: MsgSchema.nullable().optional(),
  reached: z.string().nullable().optional(),
  sought: z.string().nullable().optional(),
});

/** A unit's records as stored (and as a signed prefill holds them). */
export const HistorySchema = z.array(RecordSchema);

/** The canonical JSON of a unit's records, as written into a workbook. */
export function historyJson(records: readonly CertificationRecord[]): string {
  const text = canonicalize(records);
  if (text === undefined) throw new Error('historyJson: records cannot be serialised');
  return text;
}

/** A damaged history is a damaged meta sheet (`meta-corrupt`), said as the records. */
export const historyIssue = (address: string, why: Msg): SheetIssue =>
  sheetIssueIn('error', 'meta-corrupt', address, {
    zh: [`认定记录无法读取(${why.zh}),未予采用;请用上次认定的汇总表重新生成考核表`],
    en: [
      `the certification history cannot be read (${why.en}) and is not used: make the workbook again from the previous summary`,
    ],
  });
const fail = historyIssue;

/**
 * Parses a history as stored at `address` (its first cell). `expect`: the unit and rule set the
 * records must be of — every record, numbered 1, 2, … in order, dates never going back.
 */
export function parseHistory(
  text: string,
  address: string,
  expect: { unitId: string; ruleSetId: string },
): { ok: true; value: CertificationRecord[] } | { ok: false; issue: SheetIssue } {
  const parsed = parseJsonRow(text, HistorySchema, address, fail, 'history');
  if (!parsed.ok) return parsed;
  const records = parsed.value as CertificationRecord[];
  for (const [i, r] of records.entries()) {
    const at = `history[${i}]`;
    if (r.unitId !== expect.unitId)
      return {
        ok: false,
        issue: fail(address, {
          zh: `${at} 是单位“${r.unitId}”的记录,不是本单位“${expect.unitId}”的`,
          en: `${at} is a record of unit "${r.unitId}", not of this unit "${expect.unitId}"`,
        }),
      };
    if (r.ruleSetId !== expect.ruleSetId)
      return {
        ok: false,
        issue: fail(address, {
          zh: `${at} 是规则集“${r.ruleSetId}”的记录,不是“${expect.ruleSetId}”的`,
          en: `${at} is a record of rule set "${r.ruleSetId}", not "${expect.ruleSetId}"`,
        }),
      };
    if (r.attempt !== i + 1)
      return {
        ok: false,
        issue: fail(address, {
          zh: `${at} 为第${r.attempt}次认定,应为第${i + 1}次`,
          en: `${at} is assessment ${r.attempt}, expected ${i + 1}`,
        }),
      };
    const before = records[i - 1];
    if (before && r.assessedOn < before.assessedOn)
      return {
        ok: false,
        issue: fail(address, {
          zh: `${at} 的认定日期 ${r.assessedOn} 早于上一次 ${before.assessedOn}`,
          en: `${at} is dated ${r.assessedOn}, before the previous one, ${before.assessedOn}`,
        }),
      };
  }
  return { ok: true, value: records };
}
