// @vitest-environment node
// End to end in a real browser: the built admin app, served on 127.0.0.1, in Debian's chromium
// (playwright-core, no browser download). Open baotou-2012, make next year's draft, tighten
// 人口出生率 to 7.5‰ in its form, see the problem when a number is blanked, see the what-if
// movers on the 12 units' workbooks `kaohe demo` makes, see the diff,
// publish, download the units' workbooks and read one back with @kaohe/xlsx. Screenshots go
// to test-results/ (gitignored).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAndServe, firstLoadJs, launchChromium } from '@kaohe/browser-test';
import { parseRuleSet } from '@kaohe/engine';
import { baotou2012 } from '@kaohe/rulesets';
import { readSheet } from '@kaohe/sheet';
import { readWorkbook } from '@kaohe/xlsx';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whatIf } from '../src/whatif/compare.ts';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(appRoot, 'test-results', 'browser');
const baotouPath = createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json');
const townshipPath = createRequire(import.meta.url).resolve(
  '@kaohe/rulesets/cascade-township.json',
);

let server: PreviewServer;
let url: string;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;

beforeAll(async () => {
  mkdirSync(out, { recursive: true });
  ({ url, server } = await buildAndServe(appRoot));
  browser = await launchChromium({ viewport: { width: 1400, height: 900 } });
  page = await browser.context.newPage();
  page.setDefaultTimeout(20_000);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shot = (name: string, fullPage = false) =>
  page.screenshot({ path: join(out, `${name}.png`), fullPage });

const birthRate = () => page.getByTestId('node-一(二).1.(1)');
/** Types `text` over the whole of an expression editor's content. Not fill: it inserts where the
 *  browser's selection is, which CodeMirror need not have moved yet (a fresh clone's run once
 *  gave "7.58" for 7.5 typed over 8). */
const retype = async (editor: Locator, text: string): Promise<void> => {
  await editor.click();
  await editor.press('Control+A');
  await editor.pressSequentially(text);
  await expect.poll(() => editor.textContent()).toBe(text);
};
const problemCount = () => page.getByTestId('problem-count').textContent();

describe('admin app in a browser', () => {
  it('keeps the first load small: ExcelJS, signing and the publish page load later', () => {
    const { files, gzipBytes, text } = firstLoadJs(appRoot);
    console.log(`first-load JS: ${files.join(', ')} = ${(gzipBytes / 1024).toFixed(1)} KB gzipped`);
    expect(files.filter((f) => /(^|\/)index-/.test(f))).toHaveLength(1);
    expect(text).not.toContain('xl/workbook.xml'); // ExcelJS writes and reads it
    expect(text).not.toContain('DSSEv1'); // the edition signature's encoding
    expect(gzipBytes).toBeLessThan(300 * 1024);
  });

  it('opens baotou-2012 and shows its outline and no problems', async () => {
    await page.goto(url);
    await page.getByText('打开上一年度的考核办法').waitFor();
    await shot('1-start');
    await page.getByTestId('open-file').setInputFiles(baotouPath);
    await page.getByText('已打开 baotou-2012.json').waitFor({ timeout: 30_000 });
    expect(await problemCount()).toBe('0 个错误,0 个提示');
    expect(await page.getByTestId('year').textContent()).toBe('2012');
    await shot('2-opened');
  }, 60_000);

  it('makes next year’s draft and tightens 人口出生率 to 7.5‰ in the form', async () => {
    await page.getByRole('button', { name: '新一年度' }).click();
    expect(await page.getByTestId('year').textContent()).toBe('2013');
    await birthRate().click();
    // The target is an operand (a number or an expression): in the expression editor.
    const target = page.getByRole('textbox', { name: /^目标值/ });
    expect(await target.textContent()).toBe('8');
    await retype(target, '7.5');
    await target.press('Tab');
    await page.getByTestId('autosaved').waitFor();
    await shot('3-form');
  }, 30_000);

  it('shows the problem at the field and in the panel when a number is blanked', async () => {
    const points = page.getByRole('textbox', { name: /^分值/ });
    await points.fill('');
    await points.press('Tab');
    await page.getByText('1 个错误,0 个提示').waitFor();
    expect(await points.getAttribute('aria-invalid')).toBe('true');
    const problems = page.getByTestId('problems');
    await problems.getByText('missing-number').waitFor();
    await problems.getByText('sections[0].items[0].items[0].points').waitFor();
    // The badge on the item and on each of its parents.
    expect(await page.getByLabel('1 个问题').count()).toBe(3);
    await shot('4-problem');
    // The JSON view shows the same problem at its field.
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.getByRole('list', { name: '本项目的问题' }).getByText('points').waitFor();
    await shot('5-json');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => problemCount()).toBe('0 个错误,0 个提示');
  }, 30_000);

  it('has a page each for inputs, sanctions, grades and quotas, with problems at the field', async () => {
    const nav = page.getByRole('tablist', { name: '页面' });
    const field = (path: string) => page.locator(`[data-field="${path}"]`);
    await nav.getByRole('tab', { name: '输入项' }).click();
    expect(await field('inputs[0].id').inputValue()).toBe('birth_rate');
    await shot('11-inputs');
    // A derived value added: its formula in the expression editor, with completion of the
    // inputs, read back in words.
    await page.getByRole('button', { name: '添加派生值' }).click();
    await field('derived[0].id').fill('srb_gap');
    await field('derived[0].label').fill('性别比超出107');
    const expression = field('derived[0].expression').getByTestId('expression-editor');
    await expression.click();
    await page.keyboard.type('sex_ratio_p');
    // After the pause in which the draft takes the text (a page of 75 inputs re-renders): an
    // Enter while the list is being redrawn is a new line (CodeMirror's interaction delay).
    await page.waitForTimeout(1000);
    const offered = page.locator('.cm-tooltip-autocomplete li');
    await expect
      .poll(() => offered.allTextContents())
      .toEqual(['sex_ratio_prev上年出生人口性别比(女=100)']);
    await page.keyboard.press('Enter');
    await expect.poll(() => expression.textContent()).toBe('sex_ratio_prev');
    await page.keyboard.type(' - 107');
    await page.keyboard.press('Tab');
    await page
      .getByTestId('derived-0')
      .getByText('读作:上年出生人口性别比(女=100) − 107')
      .waitFor();
    await page.getByTestId('derived-0').scrollIntoViewIfNeeded();
    await shot('11-inputs-derived');
    // Added, id, label, formula: four steps back.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.getByTestId('derived-0').count()).toBe(0);
    await nav.getByRole('tab', { name: '否决与惩戒' }).click();
    // A sanction's condition in the expression editor: the engine's issue marked at its
    // characters and said at its field, the formula read back in words under it.
    const when = field('sanctions[0].when');
    const whenEditor = when.getByTestId('expression-editor');
    const whenWords = page
      .locator('[data-expression="sanctions[0].when"]')
      .getByTestId('expression-words');
    expect(await whenEditor.textContent()).toBe('sex_ratio > 107');
    expect(await whenWords.textContent()).toBe('读作:出生人口性别比(女=100) > 107');
    await whenEditor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' && nn > 1');
    // "sex_ratio > 107 && nn > 1": nn is characters 20–21.
    await expect.poll(() => when.locator('.cm-lintRange-error').allTextContents()).toEqual(['nn']);
    await page
      .locator('[data-expression="sanctions[0].when"]')
      .getByText(/表达式第20–21个字符处:未知的输入项 nn/)
      .waitFor();
    expect(await when.getAttribute('aria-invalid')).toBe('true');
    // The words follow the typing (a deferred render): waited for, as a user would see them.
    await expect
      .poll(() => whenWords.textContent())
      .toBe('读作:出生人口性别比(女=100) > 107 且 nn > 1');
    // Tab leaves the editor for the next field, inserting nothing.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe(
      'sanctions[0].reason.zh',
    );
    expect(await whenEditor.textContent()).toBe('sex_ratio > 107 && nn > 1');
    await when.scrollIntoViewIfNeeded();
    await shot('12-sanctions', true);
    // The whole burst of typing is one undo step.
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => whenEditor.textContent()).toBe('sex_ratio > 107');
    expect(await when.getAttribute('aria-invalid')).toBe('false');
    await nav.getByRole('tab', { name: '等次' }).click();
    expect(await field('grades.bands[0].min').inputValue()).toBe('135');
    await shot('13-grades', true);
    await nav.getByRole('tab', { name: '名额' }).click();
    const share = field('grades.bands[0].maxShare');
    await share.fill('120');
    await share.press('Tab');
    await page.getByText('quota-range', { exact: false }).waitFor();
    await shot('14-quotas');
    await page.getByRole('button', { name: '撤销' }).click();
    // A field shows the undone value after its effect runs (after the paint): polled.
    await expect.poll(() => share.inputValue()).toBe('50');
    await nav.getByRole('tab', { name: '考核项目' }).click();
    expect(await problemCount()).toBe('0 个错误,0 个提示');
    // An item's gate and a reduction's operands: each in the expression editor.
    await page.getByTestId('node-一(十).1').click();
    await page.getByRole('tab', { name: '表单' }).click();
    const gate = field('sections[8].items[0].gates[0].when');
    expect(await gate.getByTestId('expression-editor').textContent()).toBe(
      'major_enforcement_case',
    );
    expect(
      await field('sections[8].items[0].rule.previous')
        .getByTestId('expression-editor')
        .textContent(),
    ).toBe('petitions_prev');
    await gate.scrollIntoViewIfNeeded();
    await shot('14b-gate');
  }, 60_000);

  it('tabs through the item form and duplicates an item with Ctrl+D', async () => {
    await birthRate().click();
    await page.getByRole('tab', { name: '表单' }).click();
    const code = page.getByRole('textbox', { name: /^编号/ });
    await code.focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe(
      'sections[0].items[0].items[0].title.zh',
    );
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe(
      'sections[0].items[0].items[0].points',
    );
    const before = await page.locator('[data-testid^="node-一(二).1.("]').count();
    await birthRate().focus();
    await page.keyboard.press('Control+d');
    await page.getByTestId(`node-一(二).1.(${before + 1})`).waitFor();
    await shot('15-duplicated');
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => page.locator('[data-testid^="node-一(二).1.("]').count()).toBe(before);
    await expect.poll(() => problemCount()).toBe('0 个错误,0 个提示');
  }, 30_000);

  it('shows the what-if movers on last year’s 12 returned workbooks', async () => {
    // Last year's returned workbooks, as `kaohe demo` makes and scores them.
    const demo = join(out, 'demo');
    rmSync(demo, { recursive: true, force: true });
    const made = spawnSync(
      process.execPath,
      [join(appRoot, '..', '..', 'kaohe.mjs'), 'demo', '--out', demo],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(made.status, made.stderr).toBe(0);
    const scored = join(demo, '3-scored');
    const files = readdirSync(scored).map((f) => join(scored, f));
    expect(files).toHaveLength(12);
    await page.getByRole('button', { name: '试算' }).click();
    // One unit's workbook opened alone, before any cohort: its full result under the draft.
    const one = readdirSync(join(demo, '2-filled')).sort()[0]!;
    await page.getByTestId('unit-file').setInputFiles(join(demo, '2-filled', one));
    await page.getByTestId('unit-total').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('unit-pick').locator('option').allTextContents()).toEqual([
      expect.stringContaining(`(文件 ${one})`),
    ]);
    await shot('17-one-unit', true);
    // The review summary is no unit's workbook: said, and the unit shown stays.
    await page.getByTestId('unit-file').setInputFiles(join(demo, '4-summary.xlsx'));
    expect(await page.getByTestId('unit-file-refused').textContent({ timeout: 60_000 })).toBe(
      '4-summary.xlsx 不能读取:这是复核汇总表,不是单位的考核表:汇总表请与各单位报回的考核表一同选择',
    );
    await page.getByTestId('unit-total').waitFor();
    // Last year's review summary (kaohe review's, as the demo writes it) beside the workbooks.
    await page.getByTestId('cohort-files').setInputFiles([...files, join(demo, '4-summary.xlsx')]);
    const summary = await page.getByTestId('whatif-summary').textContent({ timeout: 60_000 });
    console.log(`what-if: ${summary}`);
    expect(summary).toMatch(/^共 12 个单位,[1-9]\d* 个有变化\(计分用时 \d+ 毫秒\)$/);
    // Tightening lowers totals only: every mover's total goes down.
    const totals = await page
      .getByRole('table', { name: '有变化的单位' })
      .locator('tbody tr td:nth-child(2)')
      .allTextContents();
    for (const t of totals) {
      const m = /^(\d+(?:\.\d+)?) → (\d+(?:\.\d+)?)/.exec(t);
      if (m) expect(Number(m[2])).toBeLessThan(Number(m[1]));
    }
    expect(await page.getByTestId('whatif-from-summary').textContent()).toBe(
      '上一版结果取自复核汇总表 4-summary.xlsx(2012 年度第 1 版,12 个单位)。',
    );
    // The demo's 石拐区 left a figure blank: its file is named, the figure at its cell.
    expect(await page.getByTestId('cohort-warned').allTextContents()).toContainEqual(
      expect.stringMatching(
        /^石拐区\.xlsx 已读取,有 1 条提示:基础数据!E\d+:“全员人口信息覆盖率”未填写,按缺数据处理$/,
      ),
    );
    await shot('6-whatif', true);
    // The movers as the what-if gives them for the draft at `target` ‰ (last year's: 8), from
    // the same workbooks read here: each mover's name and total before → after.
    const base = parseRuleSet(baotou2012);
    if (!base.ok) throw new Error('baotou-2012 does not parse');
    const units = await Promise.all(
      files.map(async (f) => {
        const read = readSheet((await readWorkbook(readFileSync(f))).sheets, {
          ruleSet: base.value,
        });
        if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
        return read.value.unit;
      }),
    );
    const expected = (target: number) => {
      const json = structuredClone(baotou2012) as unknown as {
        sections: { items: { items: { rule: { target: number } }[] }[] }[];
      };
      json.sections[0]!.items[0]!.items[0]!.rule.target = target;
      const draft = parseRuleSet(json);
      if (!draft.ok) throw new Error('the draft does not parse');
      // As the table shows a total: "150 → 146", or one figure when it does not move.
      return whatIf(base.value, draft.value, units).movers.map((m) => [
        m.name,
        (m.before.total === m.after.total
          ? m.before.total
          : `${m.before.total} → ${m.after.total}`) + (m.after.complete ? '' : ' (不完整)'),
      ]);
    };
    const movers = page.getByRole('table', { name: '有变化的单位' }).locator('tbody tr');
    const table = () =>
      movers.evaluateAll((rows) =>
        rows.map((r) => [
          (r as HTMLTableRowElement).cells[0]?.textContent,
          (r as HTMLTableRowElement).cells[1]?.textContent,
        ]),
      );
    expect(await table()).toEqual(expected(7.5));
    // Tightened again (7 ‰) on the items page: back on the what-if, the movers are the new
    // draft's, with no file chosen again and no button pressed.
    await page.getByRole('tab', { name: '考核项目' }).click();
    await birthRate().click();
    await page.getByRole('tab', { name: '表单' }).click();
    const target = page.getByRole('textbox', { name: /^目标值/ });
    await retype(target, '7');
    await target.press('Tab');
    await page.getByRole('tab', { name: '试算' }).click();
    const results = page.getByTestId('whatif-results');
    await expect.poll(() => table(), { timeout: 30_000 }).toEqual(expected(7));
    expect(expected(7)).not.toEqual(expected(7.5));
    expect(await results.getAttribute('data-state')).toBe('current');
    await shot('18-whatif-rescored', true);
    // Undone: rescored back to 7.5 ‰.
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => table(), { timeout: 30_000 }).toEqual(expected(7.5));
    await expect.poll(() => results.getAttribute('data-state')).toBe('current');
    // One unit's full result under the draft, item by item with the engine's reasons.
    const result = page.getByTestId('unit-result');
    await result.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('unit-total').textContent()).toMatch(/^总分 \d+(\.\d+)? \/ /);
    const row = page.getByTestId('result-一(二).1.(1)');
    expect(await row.textContent()).toMatch(/人口出生率.*\/ 5/);
    await row.scrollIntoViewIfNeeded();
    await shot('16-unit-result');
    await page.getByRole('button', { name: '返回编辑' }).click();
  }, 180_000);

  it('shows the diff against the last edition and publishes after a confirmation', async () => {
    await page.getByRole('button', { name: '发布', exact: true }).click();
    const diff = page.getByTestId('diff');
    await diff.waitFor({ timeout: 30_000 });
    const tightened = diff.getByText(/^▲ 收紧 {2}一\(二\)\.1\.\(1\)/);
    await tightened.waitFor();
    expect(await tightened.textContent()).toContain('7.5');
    await shot('7-diff', true);
    await page.getByRole('button', { name: '发布……' }).click();
    await page.getByText('确认发布 2013 年度第 2 版?').waitFor();
    await shot('8-confirm');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '确认发布' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('baotou-2012-2013-ed2.json');
    const saved = join(out, download.suggestedFilename());
    await download.saveAs(saved);
    const rules = JSON.parse(readFileSync(saved, 'utf8')) as {
      year: number;
      edition: number;
      sections: { items: { items: { rule: { target: unknown } }[] }[] }[];
    };
    expect([rules.year, rules.edition]).toEqual([2013, 2]);
    expect(rules.sections[0]!.items[0]!.items[0]!.rule.target).toBe(7.5);
    await page.getByTestId('published').waitFor();
  }, 60_000);

  it('downloads the units’ workbooks as one zip, read back with @kaohe/xlsx', async () => {
    await page.getByTestId('roster').fill('昆都仑区\n青山区');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '下载各单位考核表(.zip)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('baotou-2012-2013-ed2-templates.zip');
    const saved = join(out, download.suggestedFilename());
    await download.saveAs(saved);
    const zip = await JSZip.loadAsync(readFileSync(saved));
    expect(Object.keys(zip.files).sort()).toEqual(['昆都仑区.xlsx', '青山区.xlsx']);
    const grids = await readWorkbook(await zip.file('青山区.xlsx')!.async('uint8array'));
    const read = readSheet(grids.sheets);
    if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 3)));
    expect(read.value.unit.name).toBe('青山区');
    expect([read.value.ruleSet.year, read.value.ruleSet.edition]).toEqual([2013, 2]);
    await page.getByText('已生成 2 个单位的考核表').waitFor();
    await shot('9-templates', true);
  }, 90_000);

  it('switches to English', async () => {
    await page.getByRole('button', { name: '返回编辑' }).click();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Next year' }).waitFor();
    await birthRate().click();
    await shot('10-english');
  }, 30_000);

  it('edits a formula in CodeMirror, loaded only then: the engine’s error at its span, completion, the read-back', async () => {
    const loaded: string[] = [];
    page.on('request', (r) => loaded.push(r.url()));
    await page.goto(url); // a fresh load, in Chinese
    await page.getByText('打开上一年度的考核办法').waitFor();
    await page.getByTestId('open-file').setInputFiles(townshipPath);
    await page.getByText('已打开 cascade-township.json').waitFor();
    const editorChunk = (u: string) => /\/editor-[^/]*\.js$/.test(u);
    expect(loaded.filter(editorChunk)).toEqual([]);
    await page.getByTestId('node-一.3').click();
    await page.getByRole('tab', { name: '表单' }).click();
    const score = 'sections[0].items[2].rule.score';
    const editor = page.locator(`[data-field="${score}"]`).getByTestId('expression-editor');
    await editor.waitFor();
    expect(loaded.filter(editorChunk)).toHaveLength(1);
    expect(await editor.textContent()).toBe('10 + unsigned_cut');
    const words = page.getByTestId('expression-words');
    expect(await words.textContent()).toBe('读作:10 + 未签责任书的村扣分');
    // An unknown name: the engine's own issue, marked at its characters (21–22).
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' + nn');
    const marked = page.locator('.cm-lintRange-error');
    await marked.waitFor();
    expect(await marked.allTextContents()).toEqual(['nn']);
    await page
      .getByText(/表达式第21–22个字符处:未知的输入项 nn/)
      .first()
      .waitFor();
    await shot('11-formula-error');
    // Completion: an input found by its label's characters or its id, written as its id.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('vil');
    const list = page.locator('.cm-tooltip-autocomplete');
    await list.waitFor();
    expect(await list.locator('li').first().textContent()).toBe('villages_qualified达标村比例');
    await shot('12-formula-completion');
    await page.keyboard.press('Enter');
    expect(await editor.textContent()).toBe('10 + unsigned_cut + villages_qualified');
    await page.getByText('读作:10 + 未签责任书的村扣分 + 达标村比例').waitFor();
    // The lint runs after a pause in typing: wait for its marks to clear, as a user would see.
    await expect.poll(() => marked.count(), { timeout: 10_000 }).toBe(0);
    // Half a formula cannot be read back: it says so (the error is marked), never a guess.
    await page.keyboard.type(' *');
    await page.getByText('公式有误,未能读出,见上方标出之处').waitFor();
    await page.keyboard.type(' min(2, 3');
    await page.getByText('读作:10 + 未签责任书的村扣分 + 达标村比例 × 最小值(2, 3)').waitFor();
    await shot('13-formula-read-back');
  }, 60_000);

  it('takes Chinese typed through an IME: the chosen text only, never the pinyin', async () => {
    // The draft as autosaved (IndexedDB): what the app took from the editor.
    const drafted = () =>
      page.evaluate(
        () =>
          new Promise<string>((resolve, reject) => {
            const open = indexedDB.open('kaohe-admin');
            open.onerror = () => reject(new Error(String(open.error)));
            open.onsuccess = () => {
              const get = open.result.transaction('drafts').objectStore('drafts').get('current');
              get.onerror = () => reject(new Error(String(get.error)));
              get.onsuccess = () => {
                const d = get.result as {
                  doc: { sections: { items: { rule: { score: string } }[] }[] };
                };
                open.result.close();
                resolve(d.doc.sections[0]!.items[2]!.rule.score);
              };
            };
          }),
      );
    const draftIs = async (want: string) => {
      for (let i = 0; i < 50 && (await drafted()) !== want; i++) await page.waitForTimeout(100);
      expect(await drafted()).toBe(want);
    };
    await page.goto(url);
    await page.getByTestId('open-file').setInputFiles(townshipPath);
    await page.getByText('已打开 cascade-township.json').waitFor();
    await page.getByTestId('node-一.3').click();
    await page.getByRole('tab', { name: '表单' }).click();
    const editor = page
      .locator('[data-field="sections[0].items[2].rule.score"]')
      .getByTestId('expression-editor');
    await editor.waitFor();
    await editor.evaluate((el) => {
      const w = window as unknown as { composition: string[] };
      w.composition = [];
      for (const type of ['compositionstart', 'compositionupdate', 'compositionend'])
        el.addEventListener(type, (e) =>
          w.composition.push(`${type}:${(e as CompositionEvent).data}`),
        );
    });
    await editor.click();
    await page.keyboard.press('End');
    // The brackets and quotes close themselves: the caret is between the quotes.
    await page.keyboard.type(" + (class == '");
    const before = "10 + unsigned_cut + (class == '')";
    expect(await editor.textContent()).toBe(before);
    // Pinyin being composed at once, as Chromium's IME path delivers it (compositionstart and
    // update): the pause after the typing ends while it composes.
    const cdp = await page.context().newCDPSession(page);
    for (const text of ['z', 'zh', 'zhe', 'zhen'])
      await cdp.send('Input.imeSetComposition', {
        text,
        selectionStart: text.length,
        selectionEnd: text.length,
      });
    expect(await editor.textContent()).toBe("10 + unsigned_cut + (class == 'zhen')");
    // Longer than the pause after which the draft takes typed text: the text typed before the
    // composition is taken, the pinyin is not, and the composition is left as it was.
    await page.waitForTimeout(1500);
    await draftIs(before);
    expect(await editor.textContent()).toBe("10 + unsigned_cut + (class == 'zhen')");
    expect(await page.getByTestId('expression-words').textContent()).not.toContain('zhen');
    await shot('14-formula-ime-composing');
    // The candidate chosen: the composition ends with 镇.
    await cdp.send('Input.insertText', { text: '镇' });
    const after = "10 + unsigned_cut + (class == '镇')";
    expect(await editor.textContent()).toBe(after);
    await draftIs(after);
    await page.getByText('读作:10 + 未签责任书的村扣分 + (单位类别 = 「镇」)').waitFor();
    // Typing goes on after the composition: past the closing quote, the rest of the formula.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' ? 1 : 0');
    const whole = "10 + unsigned_cut + (class == '镇' ? 1 : 0)";
    await draftIs(whole);
    await page
      .getByText('读作:10 + 未签责任书的村扣分 + (如果单位类别 = 「镇」则1,否则0)')
      .waitFor();
    expect(await problemCount()).toBe('0 个错误,0 个提示');
    const events = await page.evaluate(
      () => (window as unknown as { composition: string[] }).composition,
    );
    expect(events[0]).toBe('compositionstart:');
    expect(events).toContain('compositionupdate:zhen');
    expect(events.at(-1)).toBe('compositionend:镇');
    await shot('15-formula-ime-done');
  }, 60_000);
});
