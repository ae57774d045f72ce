import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDraft } from './doc/drafts.ts';
import { openText, savedText } from './doc/open.ts';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';
import { formulaAt, typeFormula } from './screens/formula.testing.ts';

afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await clearDraft();
});

/** What the app hands the browser to save: the file's name and text. */
function captureDownloads(): { name: string; text: () => Promise<string> }[] {
  const saved: { name: string; text: () => Promise<string> }[] = [];
  let blob: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blob = b as Blob;
    return 'blob:test';
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const b = blob!;
    saved.push({ name: this.download, text: () => b.text() });
  });
  return saved;
}

const baotouText = readFileSync(
  createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'),
  'utf8',
);

async function renderApp() {
  const i18n = await createI18n('zh-CN');
  render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>
    </I18nextProvider>,
  );
}

async function openBaotou() {
  fireEvent.change(screen.getByTestId('open-file'), {
    target: { files: [new File([baotouText], 'baotou-2012.json')] },
  });
  await screen.findByText('已打开 baotou-2012.json');
}

describe('admin app', () => {
  it('opens a rule set and makes next year’s draft', async () => {
    await renderApp();
    await openBaotou();
    expect(screen.getByTestId('year').textContent).toBe('2012');
    fireEvent.click(screen.getByRole('button', { name: '新一年度' }));
    expect(screen.getByTestId('year').textContent).toBe('2013');
    expect(screen.getByTestId('edition').textContent).toBe('2');
    await screen.findByText('已复制为 2013 年度第 2 版草稿,编号保持不变。');
  });

  it('says why a file cannot be opened', async () => {
    await renderApp();
    fireEvent.change(screen.getByTestId('open-file'), {
      target: { files: [new File(['not json'], '错.json')] },
    });
    expect((await screen.findByRole('status')).textContent).toMatch(/^错\.json 不是有效的 JSON/);
  });

  it('shows the engine’s problems at the item and in the panel; a JSON edit is checked again', async () => {
    await renderApp();
    await openBaotou();
    expect(screen.getByTestId('problem-count').textContent).toBe('0 个错误,0 个提示');
    fireEvent.click(screen.getByTestId('node-一(二).1.(1)'));
    fireEvent.click(screen.getByRole('tab', { name: 'JSON' }));
    const text = screen.getByTestId('json-text') as HTMLTextAreaElement;
    const item = JSON.parse(text.value) as { rule: { target: unknown } };
    expect(item.rule.target).toBe(8);
    item.rule.target = null;
    fireEvent.change(text, { target: { value: JSON.stringify(item) } });
    fireEvent.click(screen.getByRole('button', { name: '应用修改' }));
    expect(screen.getByTestId('problem-count').textContent).toBe('1 个错误,0 个提示');
    const panel = screen.getByTestId('problems');
    within(panel).getByText('sections[0].items[0].items[0].rule.target');
    within(panel).getByText('missing-number');
    // At the field in the item's JSON view, and counted on the item and its parents.
    within(screen.getByRole('list', { name: '本项目的问题' })).getByText('rule.target');
    expect(screen.getAllByLabelText('1 个问题')).toHaveLength(3);
    // Choosing the problem selects its item.
    fireEvent.click(screen.getByTestId('node-一(三)'));
    fireEvent.click(within(panel).getByRole('button'));
    expect(screen.getByRole('heading', { level: 2, name: /^一\(二\)\.1\.\(1\)/ })).toBeTruthy();
    // Not JSON: said at the field, nothing applied.
    fireEvent.change(screen.getByTestId('json-text'), { target: { value: '{' } });
    fireEvent.click(screen.getByRole('button', { name: '应用修改' }));
    await screen.findByText(/^不是有效的 JSON/);
    expect(screen.getByTestId('problem-count').textContent).toBe('1 个错误,0 个提示');
  });

  it('undoes and redoes every change; saving without edits gives the canonical bytes', async () => {
    const saved = captureDownloads();
    await renderApp();
    await openBaotou();
    const opened = await openText(baotouText, 'baotou-2012.json');
    if (!opened.ok) throw new Error('baotou-2012 does not open');
    fireEvent.click(screen.getByRole('button', { name: '保存为文件' }));
    expect(saved[0]?.name).toBe('baotou-2012-2012.json');
    expect(await saved[0]!.text()).toBe(savedText(opened.doc));

    fireEvent.click(screen.getByRole('button', { name: '新一年度' }));
    fireEvent.click(screen.getByTestId('node-一(二).1.(1)'));
    fireEvent.click(screen.getByRole('tab', { name: 'JSON' }));
    const item = JSON.parse((screen.getByTestId('json-text') as HTMLTextAreaElement).value) as {
      points: unknown;
    };
    item.points = null;
    fireEvent.change(screen.getByTestId('json-text'), { target: { value: JSON.stringify(item) } });
    fireEvent.click(screen.getByRole('button', { name: '应用修改' }));
    expect(screen.getByTestId('problem-count').textContent).toMatch(/^[1-9]\d* 个错误/);
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(screen.getByTestId('problem-count').textContent).toBe('0 个错误,0 个提示');
    expect(screen.getByTestId('year').textContent).toBe('2013');
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(screen.getByTestId('year').textContent).toBe('2012');
    expect((screen.getByRole('button', { name: '撤销' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(window, { key: 'y', ctrlKey: true });
    fireEvent.click(screen.getByRole('button', { name: '重做' }));
    expect(screen.getByTestId('year').textContent).toBe('2013');
    expect(screen.getByTestId('problem-count').textContent).toMatch(/^[1-9]\d* 个错误/);

    // Saved, then opened and saved again: the same bytes.
    fireEvent.click(screen.getByRole('button', { name: '保存为文件' }));
    const text = await saved[1]!.text();
    expect(saved[1]!.name).toBe('baotou-2012-2013.json');
    fireEvent.change(screen.getByTestId('open-file'), {
      target: { files: [new File([text], 'baotou-2012-2013.json')] },
    });
    await screen.findByText('已打开 baotou-2012-2013.json');
    fireEvent.click(screen.getByRole('button', { name: '保存为文件' }));
    expect(await saved[2]!.text()).toBe(text);
  });

  it('autosaves the draft and offers it back on the next visit', async () => {
    await renderApp();
    await openBaotou();
    fireEvent.click(screen.getByRole('button', { name: '新一年度' }));
    await screen.findByTestId('autosaved', {}, { timeout: 5_000 });
    cleanup();
    await renderApp();
    const offer = await screen.findByTestId('draft-offer');
    expect(offer.textContent).toContain('baotou-2012.json');
    fireEvent.click(screen.getByRole('button', { name: '恢复草稿' }));
    expect(screen.getByTestId('year').textContent).toBe('2013');
    await screen.findByText('已恢复草稿 baotou-2012.json。');
  });

  it('edits a threshold in its form; a blanked number is a problem at its field', async () => {
    await renderApp();
    await openBaotou();
    fireEvent.click(screen.getByTestId('node-一(二).1.(1)'));
    // The target is an operand (a number or an expression), in the expression editor.
    const targetPath = 'sections[0].items[0].items[0].rule.target';
    expect((await formulaAt(targetPath)).view.state.doc.toString()).toBe('8');
    await typeFormula(targetPath, '7.5', true);
    const points = screen.getByRole('textbox', { name: /^分值/ }) as HTMLInputElement;
    fireEvent.change(points, { target: { value: '' } });
    fireEvent.blur(points);
    // Blank is null, which the engine reports at the field, never as 0.
    const field = points.closest('.fui-Field');
    expect(field?.textContent).toContain('一(二).1.(1) 的分值空白(空白不会按0处理)');
    expect(points.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('problem-count').textContent).toMatch(/^[1-9]\d* 个错误/);
    fireEvent.click(screen.getByRole('tab', { name: 'JSON' }));
    const item = JSON.parse((screen.getByTestId('json-text') as HTMLTextAreaElement).value) as {
      points: unknown;
      rule: { target: unknown; below: unknown };
    };
    expect(item.points).toBeNull();
    expect(item.rule.target).toBe(7.5);
    expect(item.rule.below).toEqual({ per: 0.1, points: 1, steps: 'each-started' });
    // Two fields, two undo steps.
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(screen.getByTestId('problem-count').textContent).toBe('0 个错误,0 个提示');
    expect((screen.getByRole('button', { name: '撤销' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
