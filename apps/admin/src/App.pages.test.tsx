import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { clearDraft } from './doc/drafts.ts';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';
import { currentCompletions, startCompletion } from '@codemirror/autocomplete';
import { formulaAt, typeFormula } from './screens/formula.testing.ts';

afterEach(async () => {
  cleanup();
  await clearDraft();
});

const baotouText = readFileSync(
  createRequire(import.meta.url).resolve('@kaohe/rulesets/baotou-2012.json'),
  'utf8',
);

async function openBaotou(text = baotouText, name = 'baotou-2012.json') {
  const i18n = await createI18n('zh-CN');
  render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <App />
      </FluentProvider>
    </I18nextProvider>,
  );
  fireEvent.change(screen.getByTestId('open-file'), {
    target: { files: [new File([text], name)] },
  });
  await screen.findByText(`已打开 ${name}`);
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
      // The Chinese label blanked: the engine's issue at the label, with its code — a blank
      // text field, not a blank number.
      type('inputs[0].label.zh', '');
      expect(fieldAt('inputs[0].label.zh').text()).toContain('missing-field');
      expect(fieldAt('inputs[0].label.zh').text()).toContain('为空白,须填写');
      expect(fieldAt('inputs[0].label.zh').text()).not.toContain('数值');
      expect(fieldAt('inputs[0].label.zh').input.getAttribute('aria-invalid')).toBe('true');
      undo();
      expect(fieldAt('inputs[0].label.zh').input.getAttribute('aria-invalid')).not.toBe('true');

      fireEvent.click(screen.getByRole('tab', { name: '否决与惩戒' }));
      await screen.findByTestId('page-sanctions');
      // A sanction's condition is a formula, in the expression editor.
      const when = await formulaAt('sanctions[0].when');
      expect(when.view.state.doc.toString()).toBe('sex_ratio > 107');
      await typeFormula('sanctions[0].when', 'sex_ratio >', true);
      await waitFor(() => expect(when.field()).toContain('expr-syntax'));
      undo();
      await waitFor(() => expect(when.view.state.doc.toString()).toBe('sex_ratio > 107'));
      await waitFor(() => expect(when.field()).not.toContain('expr-syntax'));

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

  it(
    'edits every expression in the one editor: a derived value, a counter’s and a gate’s condition, a band’s operands',
    { timeout: 60_000 },
    async () => {
      await openBaotou();
      fireEvent.click(screen.getByRole('tab', { name: '输入项' }));
      await screen.findByTestId('page-inputs', {}, { timeout: 20_000 });
      // A derived value added on the inputs page: its formula in the editor, read back in words,
      // an unknown name the engine's issue at the field; its id then usable in a sanction.
      fireEvent.click(screen.getByRole('button', { name: '添加派生值' }));
      type('derived[0].id', 'srb_gap');
      type('derived[0].label', '性别比超出');
      await typeFormula('derived[0].expression', 'sex_ratio - 107 + nn', true);
      const expression = await formulaAt('derived[0].expression');
      await waitFor(() => expect(expression.field()).toContain('expr-unknown-identifier'));
      await typeFormula('derived[0].expression', 'sex_ratio - 107', true);
      await waitFor(() => expect(expression.field()).not.toContain('expr-unknown-identifier'));
      const row = screen.getByTestId('derived-0');
      expect(row.querySelector('[data-testid="expression-words"]')?.textContent).toBe(
        '读作:出生人口性别比(女=100) − 107',
      );

      fireEvent.click(screen.getByRole('tab', { name: '否决与惩戒' }));
      await screen.findByTestId('page-sanctions');
      // Completion offers the derived value by its id, after the inputs.
      await typeFormula('sanctions[0].when', 'srb');
      const sanction = await formulaAt('sanctions[0].when');
      sanction.view.dispatch({ selection: { anchor: 3 } });
      startCompletion(sanction.view);
      await waitFor(() =>
        expect(currentCompletions(sanction.view.state).map((c) => c.label)).toEqual([
          'srb_in_plan',
          'srb_group',
          'srb_mechanism',
          'srb_gap',
        ]),
      );
      await typeFormula('sanctions[0].when', 'srb_gap > 0', true);
      await waitFor(() =>
        expect(
          screen.getByTestId('sanction-0').querySelector('[data-testid="expression-words"]')
            ?.textContent,
        ).toBe('读作:性别比超出 > 0'),
      );
      // A counter added: its `when` in the editor, blank at first, which the engine reports.
      fireEvent.click(screen.getByRole('button', { name: '添加计数器' }));
      const counter = await formulaAt('counters[0].when');
      await waitFor(() => expect(counter.field()).toMatch(/本期是否计入/));
      await typeFormula('counters[0].when', 'total < 60', true);
      // (Its id and label too: while the draft breaks the schema anywhere, the engine judges no
      // formula.)
      type('counters[0].id', 'low_total');
      type('counters[0].label', '总分低于60');

      // On an item: a band's operands and a gate's condition, each in the editor.
      fireEvent.click(screen.getByRole('tab', { name: '考核项目' }));
      fireEvent.click(screen.getByTestId('node-一(四).2'));
      const band = 'sections[2].items[2].rule';
      expect((await formulaAt(`${band}.value`)).view.state.doc.toString()).toBe('sex_ratio');
      expect((await formulaAt(`${band}.low`)).view.state.doc.toString()).toBe('103');
      expect((await formulaAt(`${band}.high`)).view.state.doc.toString()).toBe('107');
      await typeFormula(`${band}.high`, 'srb_gap +', true);
      const high = await formulaAt(`${band}.high`);
      await waitFor(() => expect(high.field()).toContain('expr-syntax'));
      fireEvent.click(screen.getByRole('button', { name: '撤销' }));
      await waitFor(() => expect(high.view.state.doc.toString()).toBe('107'));
      fireEvent.click(screen.getByTestId('node-一(十).1'));
      const gate = await formulaAt('sections[8].items[0].gates[0].when');
      expect(gate.view.state.doc.toString()).toBe('major_enforcement_case');
      expect(screen.getByDisplayValue('发生重大行政执法案件,此项不得分')).toBeTruthy();
    },
  );

  it(
    'takes a burst of typing in a formula as one undo step, however many pauses it had',
    { timeout: 60_000 },
    async () => {
      await openBaotou();
      fireEvent.click(screen.getByRole('tab', { name: '否决与惩戒' }));
      await screen.findByTestId('page-sanctions', {}, { timeout: 20_000 });
      const when = await formulaAt('sanctions[0].when');
      const pause = () => new Promise((r) => setTimeout(r, 900)); // longer than the 600 ms
      // Three pauses, each taken by the draft (the problem count follows), then the focus leaves.
      await typeFormula('sanctions[0].when', 'sex_ratio > 10');
      await pause();
      await typeFormula('sanctions[0].when', 'sex_ratio > 108 ||');
      await pause();
      await waitFor(() => expect(when.field()).toContain('expr-syntax'));
      await typeFormula('sanctions[0].when', 'sex_ratio > 108 || total < 60', true);
      await waitFor(() => expect(when.field()).not.toContain('expr-syntax'));
      const undo = screen.getByRole('button', { name: '撤销' }) as HTMLButtonElement;
      fireEvent.click(undo);
      await waitFor(() => expect(when.view.state.doc.toString()).toBe('sex_ratio > 107'));
      expect(undo.disabled).toBe(true);
      // Typed again after the focus left: a step of its own.
      await typeFormula('sanctions[0].when', 'sex_ratio > 106');
      await pause();
      await typeFormula('sanctions[0].when', 'sex_ratio > 105', true);
      fireEvent.blur(when.view.contentDOM);
      await typeFormula('sanctions[0].when', 'sex_ratio > 104', true);
      fireEvent.click(undo);
      await waitFor(() => expect(when.view.state.doc.toString()).toBe('sex_ratio > 105'));
      fireEvent.click(undo);
      await waitFor(() => expect(when.view.state.doc.toString()).toBe('sex_ratio > 107'));
      expect(undo.disabled).toBe(true);
    },
  );

  it(
    'edits an amount’s formula and a certifying level’s condition on the grades page',
    { timeout: 60_000 },
    async () => {
      await openBaotou();
      fireEvent.click(screen.getByRole('tab', { name: '等次' }));
      await screen.findByTestId('page-grades', {}, { timeout: 20_000 });
      fireEvent.click(screen.getByRole('button', { name: '添加金额' }));
      type('amounts[0].id', 'prize');
      type('amounts[0].label', '奖金');
      // Blank at first: the engine's issue at the field, never an amount of 0.
      const amount = await formulaAt('amounts[0].amount');
      await waitFor(() => expect(amount.field()).toMatch(/amounts\[0\]\.amount/));
      await typeFormula('amounts[0].amount', '300 * pop_total + nn', true);
      await waitFor(() => expect(amount.field()).toContain('expr-unknown-identifier'));
      await typeFormula('amounts[0].amount', '300 * pop_total', true);
      await waitFor(() => expect(amount.field()).not.toContain('expr-unknown-identifier'));
      expect(
        screen.getByTestId('amount-0').querySelector('[data-testid="expression-words"]')
          ?.textContent,
      ).toBe('读作:300 × 总人口');
      cleanup();

      // A certification rule set's certifying levels: each condition in the editor.
      const certification = JSON.parse(
        readFileSync(
          createRequire(import.meta.url).resolve('@kaohe/rulesets/grassroots-certification.json'),
          'utf8',
        ),
      ) as Record<string, unknown>;
      certification['certifiedBy'] = [{ when: 'total >= 90', by: '县计生协' }];
      await openBaotou(JSON.stringify(certification), 'certification.json');
      fireEvent.click(screen.getByRole('tab', { name: '等次' }));
      await screen.findByTestId('page-grades', {}, { timeout: 20_000 });
      const when = await formulaAt('certifiedBy[0].when');
      expect(when.view.state.doc.toString()).toBe('total >= 90');
      await typeFormula('certifiedBy[0].when', 'total >= nn', true);
      await waitFor(() => expect(when.field()).toContain('expr-unknown-identifier'));
    },
  );

  it(
    'edits a per-record stream’s formulas, completing the fields of its cases first',
    { timeout: 60_000 },
    async () => {
      const records = {
        schemaVersion: 1,
        id: 'records',
        title: '逐件计分',
        issuer: '市',
        level: '县',
        year: 2013,
        edition: 1,
        points: 100,
        rounding: { scores: { dp: 2, mode: 'half-up' } },
        inputs: [
          {
            id: 'late',
            label: '逾期上报案件',
            unit: 'cases',
            fields: [{ id: 'months', label: '逾期月数', unit: '月', min: 0 }],
          },
          { id: 'rate', label: '兑现率', unit: '%' },
        ],
        sections: [
          {
            code: '一',
            title: '案件',
            points: 100,
            items: [
              {
                code: '1',
                title: '案件查处',
                points: 100,
                deductions: [{ kind: 'per-record', input: 'late', each: 'min(months, 10) * 0.2' }],
              },
            ],
          },
        ],
      };
      await openBaotou(JSON.stringify(records), 'records.json');
      expect(screen.getByTestId('problem-count').textContent).toBe('0 个错误,0 个提示');
      fireEvent.click(screen.getByTestId('node-一.1'));
      const stream = 'sections[0].items[0].deductions[0]';
      const each = await formulaAt(`${stream}.each`);
      expect(each.view.state.doc.toString()).toBe('min(months, 10) * 0.2');
      expect(each.field()).toContain('每件扣分');
      // Completion offers the case's fields (months 逾期月数) before the inputs.
      each.view.dispatch({ selection: { anchor: 0 } });
      startCompletion(each.view);
      await waitFor(() =>
        expect(
          currentCompletions(each.view.state)
            .map((c) => c.label)
            .slice(0, 3),
        ).toEqual(['months', 'late', 'rate']),
      );
      // A name that is neither a field of the case nor an input: the engine's issue at the field.
      await typeFormula(`${stream}.each`, 'min(month, 10) * 0.2', true);
      await waitFor(() => expect(each.field()).toContain('expr-unknown-identifier'));
      const when = await formulaAt(`${stream}.when`);
      await typeFormula(`${stream}.when`, 'months > 1', true);
      await waitFor(() => expect(when.field()).not.toContain('expr-'));
    },
  );
});
