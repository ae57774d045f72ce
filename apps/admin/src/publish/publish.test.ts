// @vitest-environment node
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createKey, readSheet, verifyEdition } from '@kaohe/sheet';
import { readWorkbook } from '@kaohe/xlsx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { nextYear, type Doc } from '../doc/open.ts';
import { publishPlan, rosterUnits, signedEdition } from './publish.ts';
import { templatesZip } from './templates.ts';

const baotou = (): Doc =>
  JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'),
      'utf8',
    ),
  ) as Doc;

/** 人口出生率 ≤ 8‰ tightened to 7.5‰ in next year's draft. */
function tightened(): Doc {
  const doc = nextYear(baotou());
  const s = doc['sections'] as Doc[];
  const rule = ((s[0]!['items'] as Doc[])[0]!['items'] as Doc[])[0]!['rule'] as Doc;
  rule['target'] = 7.5;
  return doc;
}

const PASS = '测试口令-不用于正式';
const key = () =>
  createKey(PASS, { issuer: '包头市人民政府', validFrom: 2012, validTo: 2014, scryptN: 2 ** 10 });

describe('publishPlan', () => {
  it('shows the tightened target against the last edition', () => {
    const plan = publishPlan(baotou(), tightened());
    if (!plan.ok || !plan.report) throw new Error('no plan');
    const marked = plan.report.lines.filter((l) => l.change.direction === 'tightened');
    expect(marked.map((l) => l.change.path)).toEqual(['一(二).1.(1)']);
    expect(marked[0]!.text.zh).toMatch(/^▲ 收紧 {2}/);
  });

  it('refuses a draft with errors, and one not later than the last edition', () => {
    const broken = tightened();
    (broken['sections'] as Doc[])[0]!['points'] = null;
    const plan = publishPlan(baotou(), broken);
    expect(!plan.ok && plan.message.zh).toMatch(/^草稿还有 \d+ 个错误,修正后才能发布$/);
    const same = publishPlan(baotou(), baotou());
    expect(!same.ok && same.message.zh).toContain('版次应大于上一版(第 1 版)');
  });
});

describe('signedEdition', () => {
  it('signs with the key given and chains to the edition opened when it verifies', () => {
    const k = key();
    const first = publishPlan({}, baotou());
    if (!first.ok) throw new Error('no plan');
    const one = signedEdition(first.ruleSet, k.file, PASS, undefined, '2012-01-01T00:00:00Z');
    if (!one.ok) throw new Error(one.message.en);
    const plan = publishPlan(baotou(), tightened());
    if (!plan.ok) throw new Error('no plan');
    const two = signedEdition(plan.ruleSet, k.file, PASS, one.edition, '2013-01-01T00:00:00Z');
    if (!two.ok) throw new Error(two.message.en);
    const check = verifyEdition(two.edition, { keys: [k.publicKey], revoked: [] });
    expect([check.status, check.statement?.edition, check.statement?.previous]).toEqual([
      'trusted',
      2,
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    // A wrong passphrase, and a previous edition another key signed, are refused.
    expect(signedEdition(plan.ruleSet, k.file, 'wrong-passphrase', undefined, '').ok).toBe(false);
    const other = signedEdition(plan.ruleSet, key().file, PASS, one.edition, '');
    expect(!other.ok && other.message.zh).toMatch(/^打开的上一版不能用此密钥核验/);
  });
});

describe('templates for a roster', () => {
  it('reads one unit a line and refuses a repeated one', () => {
    expect(rosterUnits('昆都仑区\n\n 青山区 \n')).toEqual({
      ok: true,
      units: [
        { id: '昆都仑区', name: '昆都仑区' },
        { id: '青山区', name: '青山区' },
      ],
    });
    const twice = rosterUnits('甲\n乙\n甲');
    expect(!twice.ok && twice.message.zh).toBe('第 3 行:单位 甲 重复');
  });

  it(
    'zips one workbook per unit, each readable as that unit’s sheet',
    { timeout: 60_000 },
    async () => {
      const plan = publishPlan(baotou(), tightened());
      if (!plan.ok) throw new Error('no plan');
      const zip = await JSZip.loadAsync(
        await templatesZip(plan.ruleSet, [
          { id: '昆都仑区', name: '昆都仑区' },
          { id: '青/山', name: '青/山' },
        ]),
      );
      expect(Object.keys(zip.files).sort()).toEqual(['昆都仑区.xlsx', '青_山.xlsx']);
      const grids = await readWorkbook(await zip.file('昆都仑区.xlsx')!.async('uint8array'));
      const read = readSheet(grids.sheets);
      if (!read.ok) throw new Error(JSON.stringify(read.issues));
      expect(read.value.unit.name).toBe('昆都仑区');
      expect(read.value.ruleSet.year).toBe(2013);
    },
  );
});
