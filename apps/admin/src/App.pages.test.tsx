import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { clearDraft } from './doc/drafts.ts';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';

afterEach(async () => {
  cleanup();
  await clearDraft();
});

const baotouText = readFileSync(
  createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'),
  'utf8',
);

async function openBaotou() {
  const i18n = await createI18n('zh-CN');
  render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>
    </I18nextProvider>,
  );
  fireEvent.change(screen.getByTestId('open-file'), {
    target: { files: [new File([baotouText], 'baotou-2012.json')] },
  });
  await screen.findByText('已打开 baotou-2012.json');
}

/** The field bound to an engine path, and the Fluent field around it. */
function fieldAt(path: string): { input: HTMLInputElement; text: () => string } {
  const input = document.querySelector<HTMLInputElement>(`[data-field="${path}"]`);
  if (!input) throw new Error(`no field at ${path}`);
  return { input, text: () => input.closest('.fui-Field')?.textContent ?? '' };
}

function type(path: string, value: string) {
  const { input } = fieldAt(path);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

describe('pages for inputs, sanctions, grades and quotas', () => {
  it(
    'edits each list on its own page; the engine’s issue shows at the field; undo takes it back',
    { timeout: 60_000 },
    async () => {
      await openBaotou();
      const undo = () => fireEvent.click(screen.getByRole('button', { name: '撤销' }));

      fireEvent.click(screen.getByRole('tab', { name: '输入项' }));
      // The pages load lazily: their first import, on a busy machine, takes longer than 1 s.
      await screen.findByTestId('page-inputs', {}, { timeout: 20_000 });
      expect(fieldAt('inputs[0].id').input.value).toBe('birth_rate');
      expect(fieldAt('inputs[0].label.zh').input.value).toBe('人口出生率');
      expect(fieldAt('inputs[0].label.en').input.value).toBe('Crude birth rate');
      // A minimum of 0 blanked: the key is removed (no minimum), never a 0 kept or a null left.
      type('inputs[0].min', '');
      expect(fieldAt('inputs[0].min').input.value).toBe('');
      expect(fieldAt('inputs[0].min').input.getAttribute('aria-invalid')).not.toBe('true');
      undo();
      expect(fieldAt('inputs[0].min').input.value).toBe('0');
      // The Chinese label blanked: the engine's issue at the label, with its code.
      type('inputs[0].label.zh', '');
      expect(fieldAt('inputs[0].label.zh').text()).toContain('missing-number');
      expect(fieldAt('inputs[0].label.zh').input.getAttribute('aria-invalid')).toBe('true');
      undo();
      expect(fieldAt('inputs[0].label.zh').input.getAttribute('aria-invalid')).not.toBe('true');

      fireEvent.click(screen.getByRole('tab', { name: '否决与惩戒' }));
      await screen.findByTestId('page-sanctions');
      expect(fieldAt('sanctions[0].when').input.value).toBe('sex_ratio > 107');
      type('sanctions[0].when', 'sex_ratio >');
      expect(fieldAt('sanctions[0].when').text()).toContain('expr-syntax');
      undo();
      expect(fieldAt('sanctions[0].when').input.value).toBe('sex_ratio > 107');

      fireEvent.click(screen.getByRole('tab', { name: '等次' }));
      await screen.findByTestId('page-grades');
      expect(fieldAt('grades.bands[0].min').input.value).toBe('135');
      type('grades.bands[0].min', '');
      // Blank is null, which the engine reports at the field: never 0.
      expect(fieldAt('grades.bands[0].min').text()).toContain('等次「先进」的分数下限空白');
      undo();

      fireEvent.click(screen.getByRole('tab', { name: '名额' }));
      await screen.findByTestId('page-quotas');
      expect(fieldAt('grades.bands[0].maxShare').input.value).toBe('50');
      type('grades.bands[0].maxShare', '120');
      expect(fieldAt('grades.bands[0].maxShare').text()).toContain('quota-range');
      // A share from the bottom for 后进: both its fields are asked for at their places.
      fireEvent.click(screen.getByRole('button', { name: '从末位起算名额' }));
      expect(fieldAt('grades.bands[2].fromBottom.share').text()).toContain('missing-number');
      type('grades.bands[2].fromBottom.share', '10');
      expect(fieldAt('grades.bands[2].fromBottom.share').text()).not.toContain('missing-number');
      undo();
      undo();
      undo();
      expect(document.querySelector('[data-field="grades.bands[2].fromBottom.share"]')).toBeNull();
      expect(fieldAt('grades.bands[0].maxShare').input.value).toBe('50');
      expect(screen.getByTestId('edition').textContent).toBe('1');
      fireEvent.click(screen.getByRole('tab', { name: '考核项目' }));
      expect(screen.getByTestId('problem-count').textContent).toBe('0 个错误,0 个提示');
    },
  );

  it('duplicates the selected item with a button and with Ctrl+D, each one undo step', async () => {
    await openBaotou();
    fireEvent.click(screen.getByTestId('node-一(二).1.(1)'));
    const siblings = document.querySelectorAll('[data-testid^="node-一(二).1.("]').length;
    fireEvent.click(screen.getByRole('button', { name: '复制本项' }));
    await screen.findByText(`已复制为 (${siblings + 1}),排在原项之后。`);
    expect(screen.getByTestId(`node-一(二).1.(${siblings + 1})`)).toBeTruthy();
    // The copy is selected: Ctrl+D copies it again.
    fireEvent.keyDown(screen.getByTestId(`node-一(二).1.(${siblings + 1})`), {
      key: 'd',
      ctrlKey: true,
    });
    expect(screen.getByTestId(`node-一(二).1.(${siblings + 2})`)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    fireEvent.click(screen.getByRole('button', { name: '撤销' }));
    expect(screen.queryByTestId(`node-一(二).1.(${siblings + 1})`)).toBeNull();
  });
});
