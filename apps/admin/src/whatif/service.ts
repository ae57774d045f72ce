// The what-if's requests answered (in its Web Worker, worker.ts): last year's returned workbooks
// read by the last edition's rules and scored under it once, kept; then each draft sent is
// rescored against them, its reply tagged with the draft's revision. A review summary chosen
// with them (its kaohe_results sheet) is checked against them. One unit's workbook opened
// alone is read by the same reader (read.ts).
import { parseRuleSet, type RuleSet, type UnitInput } from '@kaohe/engine';
import type { SummaryResults } from '@kaohe/sheet';
import type { Doc } from '../doc/open.ts';
import type { Rescored, WhatIfReply, WhatIfRequest } from './protocol.ts';
import { checkSummary, firstProblem, rescore, scoreBase, type Before } from './compare.ts';
import { readReturned } from './read.ts';

const BASE_BROKEN = {
  zh: '上一版有错误,不能试算',
  en: 'the last edition has errors: no what-if',
};

/** A service with its own cohort (the one read by its last `cohort` request). */
export function whatIfService(): (req: WhatIfRequest) => Promise<WhatIfReply> {
  let cohort: { before: Before; units: UnitInput[] } | undefined;

  function rescoreDraft(draft: Doc): Rescored {
    if (!cohort)
      return { ok: false, message: { zh: '尚未读取各单位的考核表', en: 'no cohort read' } };
    const parsed = parseRuleSet(draft);
    if (!parsed.ok)
      return {
        ok: false,
        message: firstProblem(parsed.issues) ?? { zh: '草稿有错误', en: 'the draft has errors' },
      };
    try {
      return { ok: true, result: rescore(cohort.before, parsed.value, cohort.units) };
    } catch (e) {
      return { ok: false, message: { zh: String(e), en: String(e) } };
    }
  }

  async function readCohort(
    req: Extract<WhatIfRequest, { type: 'cohort' }>,
    base: RuleSet,
  ): Promise<WhatIfReply> {
    const units: UnitInput[] = [];
    const summaries: { name: string; summary: SummaryResults }[] = [];
    const rejected: { name: string; message: { zh: string; en: string } }[] = [];
    const warned: { name: string; warnings: { zh: string; en: string }[] }[] = [];
    for (const file of req.files) {
      const read = await readReturned(new Uint8Array(file.bytes), base);
      if (read.kind === 'summary') summaries.push({ name: file.name, summary: read.summary });
      else if (read.kind === 'unit') {
        units.push(read.unit);
        if (read.warnings.length > 0) warned.push({ name: file.name, warnings: read.warnings });
      } else rejected.push({ name: file.name, message: read.message });
    }
    const before = scoreBase(base, units);
    cohort = { before, units };
    return {
      type: 'cohort',
      ok: true,
      rev: req.rev,
      rescored: rescoreDraft(req.draft),
      rejected,
      warned,
      units,
      summaries: summaries.map((s) => ({
        name: s.name,
        ...checkSummary(s.summary, before, base, units),
      })),
    };
  }

  async function run(req: WhatIfRequest): Promise<WhatIfReply> {
    if (req.type === 'rescore')
      return { type: 'rescore', rev: req.rev, rescored: rescoreDraft(req.draft) };
    const base = parseRuleSet(req.base);
    if (req.type === 'cohort') {
      cohort = undefined;
      return base.ok
        ? readCohort(req, base.value)
        : { type: 'cohort', ok: false, rev: req.rev, message: BASE_BROKEN };
    }
    if (!base.ok) return { type: 'unit', ok: false, message: BASE_BROKEN };
    const read = await readReturned(new Uint8Array(req.file.bytes), base.value);
    if (read.kind === 'unit')
      return { type: 'unit', ok: true, unit: read.unit, warnings: read.warnings };
    return {
      type: 'unit',
      ok: false,
      message:
        read.kind === 'summary'
          ? {
              zh: '这是复核汇总表,不是单位的考核表:汇总表请与各单位报回的考核表一同选择',
              en: 'this is a review summary, not a unit’s workbook: choose it with the returned workbooks',
            }
          : read.message,
    };
  }

  /** A request that failed unexpectedly: said, in the reply its sender waits for. */
  function failed(req: WhatIfRequest, e: unknown): WhatIfReply {
    const message = { zh: `试算出错:${String(e)}`, en: `the what-if failed: ${String(e)}` };
    if (req.type === 'rescore')
      return { type: 'rescore', rev: req.rev, rescored: { ok: false, message } };
    if (req.type === 'cohort') return { type: 'cohort', ok: false, rev: req.rev, message };
    return { type: 'unit', ok: false, message };
  }

  return (req) => run(req).catch((e: unknown) => failed(req, e));
}
