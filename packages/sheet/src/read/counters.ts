// A unit's counters across periods as they travel in its workbook: the canonical JSON of the
// counts of the periods before (`UnitInput.counters`: { id: { consecutive, cumulative } }) in the
// `counters` rows of kaohe_meta, written by `buildTemplate` from the previous period's summary
// and read back strictly by `readSheet`: counts that do not parse, are not whole numbers, have
// more consecutive than cumulative, or name a counter the rules do not declare are an error at
// their cell — never counted from zero by accident.
import type { PeriodCounts, RuleSet } from '@kaohe/engine';
import canonicalize from 'canonicalize';
import { z } from 'zod';
import { sheetIssueIn } from '../issue.ts';
import { parseJsonRow } from '../json-rows.ts';
import type { SheetIssue } from '../types.ts';

const Count = z.number().int().min(0);
/** A unit's counts as stored (and as a signed prefill holds them). */
export const CountersSchema = z.record(
  z.string(),
  z.strictObject({ consecutive: Count, cumulative: Count }),
);

/** The canonical JSON of a unit's counts, as written into its workbook. */
export function countersJson(counts: Readonly<Record<string, PeriodCounts>>): string {
  const text = canonicalize(counts);
  if (text === undefined) throw new Error('countersJson: counts cannot be serialised');
  return text;
}

const fail = (address: string, why: { zh: string; en: string }): SheetIssue =>
  sheetIssueIn('error', 'meta-corrupt', address, {
    zh: [`上期计数无法读取(${why.zh}),未予采用;请用上期复核的汇总表重新生成考核表`],
    en: [
      `the counts of the periods before cannot be read (${why.en}) and are not used: make the workbook again from the previous period's summary`,
    ],
  });

/** The counts' ids the rules do not declare, if any. */
export function unknownCounters(
  counts: Readonly<Record<string, PeriodCounts>>,
  ruleSet: RuleSet,
): string[] {
  const declared = new Set((ruleSet.counters ?? []).map((c) => c.id));
  return Object.keys(counts).filter((id) => !declared.has(id));
}

/** Parses the counts stored at `address` (the first of their cells) for `ruleSet`. */
export function parseCounters(
  text: string,
  address: string,
  ruleSet: RuleSet,
): { ok: true; value: Record<string, PeriodCounts> } | { ok: false; issue: SheetIssue } {
  const parsed = parseJsonRow(text, CountersSchema, address, fail, 'counters');
  if (!parsed.ok) return parsed;
  const counts = parsed.value;
  const unknown = unknownCounters(counts, ruleSet);
  if (unknown.length > 0)
    return {
      ok: false,
      issue: fail(address, {
        zh: `规则中没有计数器“${unknown.join('、')}”`,
        en: `the rules declare no counter "${unknown.join('", "')}"`,
      }),
    };
  for (const [id, c] of Object.entries(counts))
    if (c.consecutive > c.cumulative)
      return {
        ok: false,
        issue: fail(address, {
          zh: `计数器“${id}”连续 ${c.consecutive} 次多于累计 ${c.cumulative} 次`,
          en: `counter "${id}": ${c.consecutive} in a row is more than ${c.cumulative} in all`,
        }),
      };
  return { ok: true, value: counts };
}
