// The what-if's Web Worker: reads last year's returned workbooks (by the last edition's rules)
// and scores them under both editions, off the page's thread; a review summary chosen with them
// (its kaohe_results sheet) is checked against them. ExcelJS loads only here.
import { parseRuleSet, type UnitInput } from '@kaohe/engine';
import { readSheet, readSummaryResults, type SummaryResults } from '@kaohe/sheet';
import { readWorkbook } from '@kaohe/xlsx';
import type { WhatIfReply, WhatIfRequest } from './protocol.ts';
import { checkSummary, rescore, scoreBase } from './compare.ts';

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WhatIfRequest>) => void) | null;
  postMessage: (reply: WhatIfReply) => void;
};

async function run(req: WhatIfRequest): Promise<WhatIfReply> {
  const base = parseRuleSet(req.base);
  const draft = parseRuleSet(req.draft);
  if (!base.ok || !draft.ok)
    return {
      ok: false,
      message: {
        zh: '上一版或草稿有错误,不能试算',
        en: 'the last edition or the draft has errors: no what-if',
      },
    };
  const units: UnitInput[] = [];
  const summaries: { name: string; summary: SummaryResults }[] = [];
  const rejected: { name: string; message: { zh: string; en: string } }[] = [];
  for (const file of req.files) {
    try {
      const grids = await readWorkbook(new Uint8Array(file.bytes));
      const summary = readSummaryResults(grids.sheets);
      if (summary.ok) {
        summaries.push({ name: file.name, summary: summary.value });
        continue;
      }
      const read = readSheet(grids.sheets, { ruleSet: base.value });
      if (read.ok) units.push(read.value.unit);
      else {
        const first = read.issues.find((i) => i.severity === 'error') ?? read.issues[0];
        rejected.push({
          name: file.name,
          message: first
            ? {
                zh: `${first.address}:${first.message.zh}`,
                en: `${first.address}: ${first.message.en}`,
              }
            : { zh: '无法读取', en: 'cannot be read' },
        });
      }
    } catch (e) {
      rejected.push({
        name: file.name,
        message: { zh: `无法读取:${String(e)}`, en: `cannot be read: ${String(e)}` },
      });
    }
  }
  const before = scoreBase(base.value, units);
  return {
    ok: true,
    result: rescore(before, draft.value, units),
    rejected,
    units,
    summaries: summaries.map((s) => ({
      name: s.name,
      ...checkSummary(s.summary, before, base.value, units),
    })),
  };
}

scope.onmessage = (e) => {
  void run(e.data).then((reply) => scope.postMessage(reply));
};
