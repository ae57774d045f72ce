// @vitest-environment node
// The pane's screens for assessment rounds across levels (issue 16), in a real browser at the
// pane's width (340 px): 评估认定 in 审核, 汇总 of parts, 汇总下级 — browser mode, real .xlsx
// files chosen through the file pickers. Screenshots go to test-results/rounds/ (gitignored).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndServe, launchChromium } from '@kaohe/browser-test';
import { cascadeTownship, cascadeVillage, grassrootsCertification } from '@kaohe/rulesets';
import { readSheet, SHEET_NAMES } from '@kaohe/sheet';
import { rosterRows, TOWNSHIP, VILLAGES } from '@kaohe/test-utils';
import { readWorkbook, writeTemplateWorkbook } from '@kaohe/xlsx';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKernel } from '../src/core/kernel.ts';
import { createSession } from '../src/core/session.ts';
import { createMemoryPort } from '../src/standalone/memory-port.ts';
import { xlsxFiles } from '../src/standalone/xlsx-file.ts';
import { filledTemplate, parsed } from '../src/testing/sample-workbook.ts';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(appRoot, 'test-results', 'rounds');
const cert = parsed(grassrootsCertification);
const village = parsed(cascadeVillage);
const township = parsed(cascadeTownship);

let server: PreviewServer;
let url: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const file = (name: string) => join(out, name);

const YESNO = cert.inputs.filter((i) => i.unit === 'yesno').map((i) => i.id);
const MET = {
  ...Object.fromEntries(YESNO.map((id) => [id, true])),
  member_groups: '12',
  members: '420',
  population: '4800',
  liaison_households: '420',
};
const evidence = Object.fromEntries(cert.inputs.filter((i) => i.evidence).map((i) => [i.id, true]));

// The villages as in the CLI's rollup test (@kaohe/test-utils): 达标村比例 5 of 6 = 83.33 %, 村民自治合格比例
// 4 of 6 = 66.67 %, 未签责任书 2 × −0.5 = −1.
beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  const write = async (name: string, t: Parameters<typeof writeTemplateWorkbook>[0]) =>
    writeFileSync(file(name), await writeTemplateWorkbook(t));
  await write('认定-审核方.xlsx', filledTemplate(cert, { id: '', name: '', values: {} }));
  await write(
    '李家村.xlsx',
    filledTemplate(cert, { id: 'lj', name: '李家村', values: MET, evidence }),
  );
  // 360 ÷ 4800 = 7.5 % < 8 %: 一.5 not met
  await write(
    '王家村.xlsx',
    filledTemplate(cert, {
      id: 'wj',
      name: '王家村',
      values: { ...MET, members: '360', liaison_households: '360' },
      evidence,
    }),
  );
  await write('某镇.xlsx', filledTemplate(township, TOWNSHIP));
  for (const v of VILLAGES) await write(`${v.name}.xlsx`, filledTemplate(village, v));
  await write('村名单.xlsx', {
    sheets: [
      {
        name: '单位名单',
        role: 'data',
        state: 'visible',
        values: rosterRows(),
        widths: [12, 16],
        wrap: [],
        merges: [],
        cells: [],
      },
    ],
  } as unknown as Parameters<typeof writeTemplateWorkbook>[0]);
  // Two halves of the villages' year reviewed (by the pane's own kernel) into summary workbooks,
  // and a declaration combining them 60 : 40.
  const half = async (name: string, units: typeof VILLAGES) => {
    writeFileSync(
      file(`${name}-审核方.xlsx`),
      await writeTemplateWorkbook(filledTemplate(village, { id: '', name: '', values: {} })),
    );
    const port = createMemoryPort(
      await xlsxFiles.open(
        new Uint8Array(
          await import('node:fs').then((fs) => fs.readFileSync(file(`${name}-审核方.xlsx`))),
        ).buffer,
      ),
      xlsxFiles.decodeSheets,
    );
    const session = createSession(port, createKernel());
    await session.importWorkbooks(
      await Promise.all(
        units.map(
          async (v) => (await writeTemplateWorkbook(filledTemplate(village, v))).slice().buffer,
        ),
      ),
    );
    const made = await session.summarise();
    if (!made.ok) throw new Error(JSON.stringify(made.problems.slice(0, 2)));
    writeFileSync(file(`${name}.xlsx`), await xlsxFiles.summaryWorkbook(made.plan.printable));
  };
  await half('上半年汇总', VILLAGES);
  // 六村 did not return the second half: its composite is not computed.
  await half(
    '下半年汇总',
    VILLAGES.slice(0, 5).map((v) => ({ ...v, values: { ...v.values, signed: true } })),
  );
  writeFileSync(
    file('全年.json'),
    JSON.stringify({
      kind: 'combination',
      title: '村级全年综合得分',
      weights: 'percent',
      rounding: { dp: 2, mode: 'half-up' },
      parts: [
        { id: 'h1', label: '上半年', summary: '上半年汇总.xlsx', weight: 60 },
        { id: 'h2', label: '下半年', summary: '下半年汇总.xlsx', weight: 40 },
      ],
    }),
  );
  ({ url, server } = await buildAndServe(appRoot));
  browser = await launchChromium({ viewport: { width: 340, height: 900 } });
  page = await browser.context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name: string) => page.screenshot({ path: join(out, `${name}.png`), fullPage: true });

describe('the pane’s screens for rounds across levels (340 px)', () => {
  it('审核 of a certification: pass/fail, the clause not met with its reason, who certifies, by when', async () => {
    await page.goto(url);
    await page.getByTestId('open-file').setInputFiles(file('认定-审核方.xlsx'));
    await page.getByText('未填报').first().waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: '审核' }).click();
    await page
      .getByTestId('import-files')
      .setInputFiles([file('李家村.xlsx'), file('王家村.xlsx')]);
    await page.getByText(/已导入 2 个单位/).waitFor({ timeout: 30_000 });
    await page.getByLabel('认定日期').fill('2012-11-20');
    await page.getByRole('button', { name: '复核全部单位并写回' }).click();
    await page.getByText('评估认定:2 个单位,认定日期 2012-11-20').waitFor({ timeout: 30_000 });
    const wj = page.getByRole('article', { name: '王家村' });
    // 2012-11-20 + 30 days = 2012-12-20
    await wj.getByText('请于 2012-12-20 前完成整改').waitFor();
    await wj.getByText('一.5 会员人数不低于总人口的8%').waitFor();
    await page
      .getByRole('article', { name: '李家村' })
      .getByText('认定单位:县计划生育协会')
      .waitFor();
    await shot('1-certification');
    const widest = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(widest).toBeLessThanOrEqual(340);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Rectify by 2012-12-20').waitFor();
    await shot('1-certification-en');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      340,
    );
    await page.getByRole('button', { name: '中文' }).click();
  }, 90_000);

  it('汇总下级: the township’s figures from the villages’ files and the roster; downloaded, read back', async () => {
    await page.goto(url);
    await page.getByTestId('open-file').setInputFiles(file('某镇.xlsx'));
    await page.getByText('某镇').first().waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: '审核' }).click();
    await page
      .getByTestId('rollup-children')
      .setInputFiles(VILLAGES.map((v) => file(`${v.name}.xlsx`)));
    await page.getByTestId('rollup-roster').setInputFiles(file('村名单.xlsx'));
    await page.getByRole('button', { name: '汇总下级并写回' }).click();
    await page.getByText(/已在本页中写入 3 项由下级汇总的数据/).waitFor({ timeout: 30_000 });
    await page
      .getByText(/83\.33%/)
      .first()
      .waitFor();
    await shot('2-rollup');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      340,
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载评分后的文件' }).click();
    const saved = await (await download).path();
    const back = readSheet(
      (
        await readWorkbook(
          new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(saved))),
        )
      ).sheets,
    );
    if (!back.ok) throw new Error(JSON.stringify(back.issues.slice(0, 2)));
    // Read back as the CLI reads it: the rolled-up figures, the township's own one as typed.
    expect(back.value.unit.values['unsigned_cut']).toBe('-1');
    expect(back.value.unit.values['policy_rate']).toBe('93');
    expect(String(back.value.unit.values['villages_qualified'])).toBe('83.33');
    expect(SHEET_NAMES.data).toBe('基础数据');
  }, 90_000);

  it('汇总 of parts: two halves combined 60 : 40, a unit missing from one not computed', async () => {
    await page.goto(url);
    await page.getByTestId('open-file').setInputFiles(file('上半年汇总-审核方.xlsx'));
    await page.getByText('未填报').first().waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: '汇总' }).click();
    await page.getByTestId('combine-declaration').setInputFiles(file('全年.json'));
    await page
      .getByTestId('combine-summaries')
      .setInputFiles([file('上半年汇总.xlsx'), file('下半年汇总.xlsx')]);
    await page.getByRole('button', { name: '合成并写入' }).click();
    await page.getByText(/综合得分已生成/).waitFor({ timeout: 30_000 });
    await page.getByText('村级全年综合得分(2015 年度):上半年 60% + 下半年 40%,满分 100').waitFor();
    // 一村: 100 both halves → 0.6 × 100 + 0.4 × 100 = 100.
    const yi = page.getByRole('row', { name: /一村/ });
    await yi.getByText('100').waitFor();
    await page.getByRole('row', { name: /六村/ }).getByText('未计算').waitFor();
    await shot('3-combine');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      340,
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载汇总表' }).click();
    const saved = await (await download).path();
    const back = await readWorkbook(new Uint8Array((await import('node:fs')).readFileSync(saved)));
    expect(back.sheets[0]?.name).toBe('综合得分');
    expect(back.sheets.filter((x) => x.state !== 'visible').map((x) => [x.name, x.state])).toEqual([
      ['kaohe_results', 'veryHidden'],
    ]);
  }, 90_000);
});
