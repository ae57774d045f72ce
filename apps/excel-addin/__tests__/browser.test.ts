// @vitest-environment node
// End to end in a real browser: the built pane, served on 127.0.0.1, in Debian's chromium
// (playwright-core, no browser download). Browser mode: open a workbook, score it, see scores
// and problems, select a problem's cell, switch language, download the scored file and read it
// back with @kaohe/xlsx. Screenshots go to test-results/ (gitignored).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleSet, scoreUnit, type UnitInput } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { a1, FILLS, readSheet } from '@kaohe/sheet';
import { readWorkbook, writeTemplateWorkbook } from '@kaohe/xlsx';
import { buildAndServe, firstLoadJs, launchChromium } from '@kaohe/browser-test';
import type { Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filledTemplate, parsed } from '../src/testing/sample-workbook.ts';
import { solidFills, xlsxParts } from '../src/testing/xlsx-parts.ts';
import {
  alterRules,
  breakSignature,
  issuerKey,
  prefilledTemplate,
  signedTemplate,
} from '../src/testing/signed-workbook.ts';
import { OFFICE_CDN, serveOfficeJsLocally } from './office-cdn.ts';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(appRoot, 'test-results', 'browser');
const ruleSet = parsed(baotou2012);
const base = baotou2012SampleUnits.find((u) => u.id === 'tmtyq')!;
// Vetoed (sex ratio), one figure left blank, one evidence missing, one ambiguous rate.
const unit: UnitInput = {
  ...base,
  values: { ...base.values, info_coverage: null },
  evidence: { ...base.evidence, fp_budget_county: false },
};

let server: PreviewServer;
let url: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let samplePath: string;
let officeFiles: string[];

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  samplePath = join(out, '土默特右旗-考核表.xlsx');
  writeFileSync(
    samplePath,
    await writeTemplateWorkbook(filledTemplate(ruleSet, unit, { policy_rate: '0.958' })),
  );
  ({ url, server } = await buildAndServe(appRoot));
  browser = await launchChromium();
  officeFiles = await serveOfficeJsLocally(browser.context);
  page = await browser.context.newPage();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name: string, fullPage = true) =>
  page.screenshot({ path: join(out, `${name}.png`), fullPage });

/** Would leaving the page ask first (a beforeunload handler cancels the event)? */
const leavingAsks = () =>
  page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });

describe('task pane in a browser (standalone mode)', () => {
  it('keeps the first load small: ExcelJS and the engine load later', () => {
    const { files, gzipBytes, text } = firstLoadJs(appRoot);
    console.log(`first-load JS: ${files.join(', ')} = ${(gzipBytes / 1024).toFixed(1)} KB gzipped`);
    // One entry; a small chunk of cell-address helpers it shares with the lazy chunks may be
    // preloaded beside it, but neither ExcelJS nor the engine is in what loads first.
    expect(files.filter((f) => /(^|\/)index-/.test(f))).toHaveLength(1);
    expect(text).not.toContain('xl/workbook.xml'); // ExcelJS writes and reads it
    expect(text).not.toContain('考核项目互相引用成环'); // the engine's compile messages
    expect(gzipBytes).toBeLessThan(250 * 1024);
  });

  it('opens a workbook and shows its rule set, unit and state', async () => {
    await page.goto(url);
    await page.getByText('浏览器模式').waitFor();
    // Not opened by Office (no _host_Info): Office.js is not even asked for.
    expect(officeFiles).toEqual([]);
    expect(await page.evaluate(() => typeof Office)).toBe('undefined');
    await page.getByTestId('open-file').setInputFiles(samplePath);
    await page.getByText('土默特右旗').first().waitFor({ timeout: 30_000 });
    const issuer = typeof ruleSet.issuer === 'string' ? ruleSet.issuer : ruleSet.issuer.zh;
    await page.getByText(issuer, { exact: true }).waitFor();
    await page.getByText('已填报,未评分').waitFor();
    // Nothing scored yet: nothing to download, and the pane says so.
    expect(await page.getByRole('button', { name: '下载评分后的文件' }).isDisabled()).toBe(true);
    await page.getByText('还没有评分结果,暂无可下载的内容。').waitFor();
    expect(await leavingAsks()).toBe(false);
    await shot('1-opened');
  }, 40_000);

  it('scores: total, veto, problems with their cells', async () => {
    await page.getByRole('button', { name: '评分并写回' }).click();
    const total = await page.getByTestId('total').textContent({ timeout: 20_000 });
    const expected = scoreUnit(compileRuleSet(ruleSet), {
      ...unit,
      values: { ...unit.values, policy_rate: base.values['policy_rate'] ?? null },
    });
    expect(total).toBe(expected.total);
    await page.getByText('一票否决').first().waitFor();
    await page.getByRole('list', { name: '缺少数据' }).waitFor();
    // The section holding the unscored item says its sum is a part, not its score.
    await page
      .getByText(/^不完整:\d+ 项未计分$/)
      .first()
      .waitFor();
    await page.getByRole('list', { name: '缺少佐证材料' }).waitFor();
    await page.getByRole('list', { name: '数值含糊' }).waitFor();
    await page.getByText('已自评', { exact: true }).waitFor();
    // Written in the page only: it says so, offers the download and guards the page.
    await page.getByText(/^已在本页中写入 \d+ 个单元格,尚未保存/).waitFor();
    expect(await page.getByRole('button', { name: '下载评分后的文件' }).isEnabled()).toBe(true);
    await page.getByText('有尚未下载的结果:关闭或刷新本页会丢失,请先下载。').waitFor();
    expect(await leavingAsks()).toBe(true);
    await shot('2-scored');
  }, 30_000);

  it('selects the cell of a problem', async () => {
    const missing = page.getByRole('list', { name: '缺少数据' }).getByRole('button').first();
    const location = (await missing.textContent()) ?? '';
    expect(location).toMatch(/^基础数据!E\d+$/);
    await missing.click();
    // The answer stands beside the problem chosen: its row and value.
    const note = missing.locator('xpath=ancestor::li[1]').getByTestId('selection');
    await expect(note.textContent()).resolves.toContain(location);
    await expect(note.textContent()).resolves.toContain('(空白)');
    // The row is named by its label, never by the input id in the data sheet's key column.
    await expect(note.textContent()).resolves.not.toContain('info_coverage');
    await note.scrollIntoViewIfNeeded();
    await shot('3-selected', false);
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Score and write back' }).waitFor();
    await page.getByRole('list', { name: 'Missing input' }).waitFor();
    await shot('4-english', false);
  });

  it('downloads the scored file, which @kaohe/xlsx reads back with the scores', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the scored file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('土默特右旗-考核表.scored.xlsx');
    const saved = join(out, download.suggestedFilename());
    await download.saveAs(saved);
    const read = readSheet((await readWorkbook(new Uint8Array(readFileSync(saved)))).sheets);
    if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
    const totalKey = read.value.map.scoring.rows.find((r) => r.kind === 'total')!.key;
    expect(read.value.reported.self[totalKey]).toBe(await page.getByTestId('total').textContent());
    expect(read.value.reported.self['否决.srb_veto']).toBe('是');
    // The unscored item (info_coverage left blank) and the 合计 are highlighted in the file, in
    // print too (a solid fill); a scored item is not.
    const { rows, columns } = read.value.map.scoring;
    const fillOf = solidFills(new Uint8Array(readFileSync(saved)), 'xl/worksheets/sheet1.xml');
    const selfFill = (unscored: boolean, kind: string) =>
      rows
        .filter((r) => r.kind === kind && (read.value.reported.self[r.key] === null) === unscored)
        .map((r) => fillOf(a1(r.row, columns.self)));
    expect(new Set(selfFill(true, 'item'))).toEqual(new Set([FILLS.unscored]));
    expect(selfFill(false, 'total')).toEqual([FILLS.unscored]);
    expect(new Set(selfFill(false, 'item'))).toEqual(new Set(['none']));
    expect(await leavingAsks()).toBe(false);
  }, 30_000);

  it('reviews workbooks units sent back and ranks them', async () => {
    const files = await Promise.all(
      ['qsq', 'dhq'].map(async (id) => {
        const sample = baotou2012SampleUnits.find((u) => u.id === id)!;
        const path = join(out, `${sample.name}.xlsx`);
        writeFileSync(path, await writeTemplateWorkbook(filledTemplate(ruleSet, sample)));
        return path;
      }),
    );
    await page.getByRole('tab', { name: 'Review' }).click();
    // A reviewer starts with whose rules these are.
    await page.getByRole('region', { name: 'The reviewer’s rule set' }).waitFor();
    await shot('5-review-start');
    await page.getByTestId('import-files').setInputFiles(files);
    // Counted in units, named after them.
    await page.getByText('2 units imported: 青山区, 东河区.').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Review every unit and write back' }).click();
    const table = page.getByRole('table', { name: 'Review' });
    await table.getByText('青山区').waitFor({ timeout: 20_000 });
    await table.getByText('东河区').waitFor();
    await page.getByText(/^Review scores of 3 units kept in this page, not saved yet/).waitFor();
    // Problems under their unit's name.
    for (const name of ['青山区', '东河区'])
      await page.getByRole('region', { name: new RegExp(`^${name}: problems`) }).waitFor();
    expect(await leavingAsks()).toBe(true);
    // The opened file's own unit was reviewed too: its recomputed total, as the table shows it.
    const ownReview = await table
      .getByRole('row')
      .filter({ hasText: '土默特右旗' })
      .getByRole('cell')
      .nth(2)
      .textContent();
    await shot('6-review');
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByRole('button', { name: 'Make the summary sheet' }).click();
    const ranking = page.getByRole('table', { name: 'Summary' });
    await ranking.getByText('土默特右旗').waitFor({ timeout: 20_000 });
    // Three units ranked; the vetoed one last (vetoedLast), marked as vetoed.
    const rows = ranking.getByRole('row');
    expect(await rows.count()).toBe(4);
    await expect(rows.nth(3).textContent()).resolves.toContain('土默特右旗');
    await expect(rows.nth(3).textContent()).resolves.toContain('Vetoed');
    // No chart is claimed: the file made here has none.
    const status = await page.getByText(/^Summary made, not saved yet/).textContent();
    expect(status).toContain('without a chart');
    expect(status).not.toContain('ranking chart');
    await shot('7-summary');

    // The review downloads as the CLI's printable summary workbook: the summary's sheets only.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the summary' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('土默特右旗-考核表-汇总.xlsx');
    const saved = join(out, download.suggestedFilename());
    await download.saveAs(saved);
    const bytes = new Uint8Array(readFileSync(saved));
    const sheets = (await readWorkbook(bytes)).sheets;
    const names = sheets.map((x) => x.name);
    expect(names[0]).toBe('排名');
    expect(names.filter((n) => /考核评分|基础数据|kaohe_meta/.test(n))).toEqual([]);
    expect(sheets[0]?.values.flat()).toEqual(
      expect.arrayContaining(['青山区', '东河区', '土默特右旗']),
    );
    const parts = xlsxParts(bytes);
    expect(parts.get('xl/worksheets/sheet1.xml')).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect([...parts.keys()].filter((n) => n.includes('chart'))).toEqual([]);
    // The review also wrote review scores into the opened file's own unit: still unsaved until
    // that file is downloaded too.
    expect(await leavingAsks()).toBe(true);
    const [scored] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the scored file' }).click(),
    ]);
    const own = join(out, `reviewed-${scored.suggestedFilename()}`);
    await scored.saveAs(own);
    const read = readSheet((await readWorkbook(new Uint8Array(readFileSync(own)))).sheets);
    if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
    const totalKey = read.value.map.scoring.rows.find((r) => r.kind === 'total')!.key;
    expect(read.value.reported.review[totalKey]).toBe(ownReview);
    expect(await leavingAsks()).toBe(false);
  }, 60_000);

  it('disables every action, saying why, on a workbook without rules', async () => {
    const plain = join(out, '普通表格.xlsx');
    writeFileSync(
      plain,
      await writeTemplateWorkbook({
        sheets: [
          {
            name: 'Sheet1',
            role: 'scoring',
            state: 'visible',
            values: [
              ['单位', '得分'],
              ['青山区', 90],
            ],
            widths: [12, 8],
            wrap: [],
            merges: [],
            cells: [],
          },
        ],
      }),
    );
    const other = await browser.context.newPage();
    await other.goto(url);
    await other.getByTestId('open-file').setInputFiles(plain);
    const reason = '当前工作簿不是考核表(没有考核规则),无法评分、审核或汇总。';
    await other.getByText(reason).waitFor({ timeout: 20_000 });
    expect(await other.getByRole('button', { name: '评分并写回' }).isDisabled()).toBe(true);
    await other.screenshot({ path: join(out, '9-no-rules.png'), fullPage: true });
    await other.getByRole('tab', { name: '审核' }).click();
    expect(await other.getByRole('button', { name: '导入下级上报的工作簿' }).isDisabled()).toBe(
      true,
    );
    // Beside each of its two buttons.
    await expect(other.getByText(reason).count()).resolves.toBe(2);
    await other.screenshot({ path: join(out, '9-no-rules-review.png'), fullPage: true });
    await other.close();
  }, 30_000);

  it("opens in browser mode at once where Microsoft's CDN never answers", async () => {
    // Government intranets drop the packets: the office.js request neither fails nor ends.
    const cut = await browser.context.newPage();
    const asked: string[] = [];
    await cut.route(`${OFFICE_CDN}**`, (route) => {
      asked.push(route.request().url());
      // Never fulfilled, never aborted: the request hangs as a dropped connection does.
    });
    const started = Date.now();
    await cut.goto(url, { waitUntil: 'commit' });
    await cut.getByRole('button', { name: '打开考核表文件' }).waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    // Outside Office nothing even asks for it.
    expect(asked).toEqual([]);
    await cut.screenshot({ path: join(out, '8-cdn-unreachable.png') });
    await cut.close();
  }, 20_000);

  it('opened by Office with the CDN unreachable: renders at once, then falls back to browser mode', async () => {
    const cut = await browser.context.newPage();
    const asked: string[] = [];
    await cut.route(`${OFFICE_CDN}**`, (route) => {
      asked.push(route.request().url());
    });
    await cut.goto(`${url}?_host_Info=Excel$Win32$16.01$zh-CN$$$$0`, { waitUntil: 'commit' });
    await cut.getByText('正在连接 Excel').waitFor({ timeout: 5_000 });
    await cut.getByRole('button', { name: '打开考核表文件' }).waitFor({ timeout: 30_000 });
    expect(asked).toEqual([`${OFFICE_CDN}office.js`]);
    await cut.close();
  }, 40_000);

  it('shows a clear message, not a blank pane, where modern script is missing (IE11 hosts)', async () => {
    const old = await browser.context.newPage();
    await old.addInitScript(() => {
      delete (Object as { hasOwn?: unknown }).hasOwn;
    });
    await old.goto(url);
    await old.getByText('此 Office 版本不受支持').waitFor();
    await old.getByText('This version of Office is not supported').waitFor();
    await old.waitForTimeout(500);
    expect(await old.locator('#root').innerHTML()).toBe('');
    await old.screenshot({ path: join(out, '5-unsupported.png') });
    await old.close();
  });
});

// Issue 15 points 4–5: the edition at the top of the pane, the key import, in a pane as narrow as
// Excel's (320–350 px). A fresh browser profile has no key: the first signed workbook asks for it.
describe('signed editions in the pane (browser mode, 340 px wide)', () => {
  const key = issuerKey('包头市人口和计划生育委员会');
  const kdq = baotou2012SampleUnits.find((u) => u.id === 'kdq')!;
  const files: Record<string, string> = {};
  let pane: Page;

  beforeAll(async () => {
    const make = async (name: string, template: Parameters<typeof writeTemplateWorkbook>[0]) => {
      files[name] = join(out, `edition-${name}.xlsx`);
      writeFileSync(files[name], await writeTemplateWorkbook(template));
    };
    await make('signed', signedTemplate(ruleSet, kdq, key));
    await make('unsigned', filledTemplate(ruleSet, kdq));
    await make('bad-signature', breakSignature(signedTemplate(ruleSet, kdq, key)));
    await make('altered', alterRules(signedTemplate(ruleSet, kdq, key)));
    // The assessing level issued 上年出生人口性别比; the unit raised it in its data sheet.
    const issued = { sex_ratio_prev: kdq.values.sex_ratio_prev ?? null };
    await make(
      'prefill-altered',
      prefilledTemplate(ruleSet, kdq, key, issued, { sex_ratio_prev: '126.1' }),
    );
    pane = await browser.context.newPage();
    await pane.setViewportSize({ width: 340, height: 900 });
  }, 60_000);

  const snap = (name: string) =>
    pane.screenshot({ path: join(out, `edition-${name}.png`), fullPage: true });
  /** Nothing wider than the pane: no horizontal scroll bar. */
  const fits = () =>
    pane.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
  const open = async (name: string) => {
    await pane.goto(url);
    await pane.getByTestId('open-file').setInputFiles(files[name]!);
    return pane.getByTestId('verify-edition').waitFor({ timeout: 30_000 });
  };
  const line = () => pane.getByTestId('verify-edition');

  it('a signed workbook, no key imported: 未导入签发机关的公钥, the import offered; nothing refused yet', async () => {
    // As kaohe score without a trust list: nothing can be verified, and nothing is refused for it.
    await open('signed');
    await line().getByText('未导入签发机关的公钥').waitFor();
    await expect(line().getAttribute('role')).resolves.toBe('alert');
    await line().getByRole('button', { name: '导入公钥' }).waitFor();
    expect(await pane.getByRole('button', { name: '评分并写回' }).isDisabled()).toBe(false);
    expect(await fits()).toBe(true);
    await snap('1-no-key');
  }, 40_000);

  it('imports the key: issuer and fingerprint shown to compare, then trusted', async () => {
    await line().getByRole('button', { name: '导入公钥' }).click();
    const panel = pane.getByRole('region', { name: '签发机关的公钥' });
    await panel.getByRole('textbox', { name: '公钥(一行)' }).fill(key.line);
    const preview = panel.getByTestId('key-preview');
    await preview.getByText(key.fingerprint).waitFor();
    await preview.getByText('包头市人口和计划生育委员会').waitFor();
    expect(await fits()).toBe(true);
    await snap('2-key-import');
    await panel.getByRole('button', { name: '确认导入' }).click();
    await panel.getByText(`已导入:包头市人口和计划生育委员会(指纹 ${key.fingerprint})。`).waitFor();
    await panel.getByRole('button', { name: '关闭' }).click();
    await line()
      .getByText(`正式版本:由包头市人口和计划生育委员会签发(指纹 ${key.fingerprint})`, {
        exact: false,
      })
      .waitFor();
    await expect(line().getAttribute('role')).resolves.toBe('status');
    await pane.getByRole('button', { name: '评分并写回' }).click();
    await pane.getByTestId('total').waitFor({ timeout: 20_000 });
    expect(await pane.getByTestId('scored-as-draft').count()).toBe(0);
    expect(await fits()).toBe(true);
    await snap('3-trusted');
  }, 40_000);

  it('the key is kept in the browser: a new page trusts the workbook at once', async () => {
    await open('signed');
    await line().getByText('正式版本:由包头市人口和计划生育委员会签发', { exact: false }).waitFor();
  }, 40_000);

  it('unsigned rules, a key imported: a red line; scored only as a draft when asked, said so', async () => {
    await open('unsigned');
    await line().getByText('规则未签名:不是正式版本').waitFor();
    await line().getByText('规则未签名(草稿,非正式版本)').waitFor();
    expect(await pane.getByRole('button', { name: '评分并写回' }).isDisabled()).toBe(true);
    await pane.getByRole('button', { name: '按草稿计分' }).click();
    await pane.getByTestId('scored-as-draft').waitFor({ timeout: 20_000 });
    expect(await fits()).toBe(true);
    await snap('4-unsigned');
  }, 40_000);

  it('a changed signature: 签名无效, not scored', async () => {
    await open('bad-signature');
    await line().getByText('签名无效:规则或签名被改动过').waitFor();
    expect(await pane.getByRole('button', { name: '评分并写回' }).isDisabled()).toBe(true);
    expect(await fits()).toBe(true);
    await snap('5-bad-signature');
  }, 40_000);

  it('rules altered behind a recomputed checksum: named; a draft score only when asked, said so', async () => {
    await open('altered');
    await line().getByText('考核规则已被改动').waitFor();
    await line().getByText('考核办法内容与签名不符(已被改动)').waitFor();
    expect(await pane.getByRole('button', { name: '评分并写回' }).isDisabled()).toBe(true);
    await pane.getByRole('button', { name: '按草稿计分' }).click();
    await pane
      .getByTestId('scored-as-draft')
      .getByText('按草稿计分,结果不是正式版本的得分', { exact: false })
      .waitFor({ timeout: 20_000 });
    expect(await fits()).toBe(true);
    await snap('6-altered-draft');
    await pane.getByRole('button', { name: 'English' }).click();
    await line().getByText('The rules were altered').waitFor();
    await snap('7-altered-english');
  }, 40_000);

  it('a prefilled figure the unit changed: its own red line, named at its cell, not scored', async () => {
    await open('prefill-altered');
    await pane.getByRole('button', { name: '中文' }).click();
    await line().getByText('正式版本').first().waitFor();
    const prefill = pane.getByTestId('verify-prefill');
    await prefill.getByText('预填指标与签发的不符').waitFor();
    await prefill.getByText('126.1', { exact: false }).waitFor();
    expect(await pane.getByRole('button', { name: '评分并写回' }).isDisabled()).toBe(true);
    expect(await fits()).toBe(true);
    await snap('8-prefill-altered');
  }, 40_000);

  it('a later notice revokes the key: typed by its fingerprint, the revoked red line, not scored', async () => {
    await open('signed');
    await line().getByText('正式版本:由包头市人口和计划生育委员会签发', { exact: false }).waitFor();
    await pane.getByRole('button', { name: '已导入的公钥(1)' }).click();
    const panel = pane.getByRole('region', { name: '签发机关的公钥' });
    const revoke = panel.getByRole('region', { name: '吊销公钥' });
    await revoke.getByRole('textbox', { name: '密钥编号或指纹' }).fill(key.fingerprint);
    await revoke.getByRole('textbox', { name: '吊销理由(可选,照通知填写)' }).fill('私钥遗失');
    await revoke
      .getByTestId('revoke-preview')
      .getByText(`将吊销:包头市人口和计划生育委员会(指纹 ${key.fingerprint})`)
      .waitFor();
    expect(await fits()).toBe(true);
    await snap('9-revoke');
    await revoke.getByRole('button', { name: '确认吊销' }).click();
    await revoke
      .getByText(`已吊销:包头市人口和计划生育委员会(指纹 ${key.fingerprint})。`)
      .waitFor();
    await panel.getByRole('button', { name: '关闭' }).click();
    await line().getByText('签名密钥已被吊销').waitFor();
    await line()
      .getByText(`签名密钥(指纹 ${key.fingerprint})已被吊销:私钥遗失`, { exact: false })
      .waitFor();
    expect(await pane.getByRole('button', { name: '评分并写回' }).isDisabled()).toBe(true);
    expect(await fits()).toBe(true);
    await snap('10-revoked');
  }, 40_000);
});
