import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { compileRuleSet, parseRuleSet, scoreUnit } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { Doc } from '../doc/open.ts';
import { createI18n } from '../i18n/i18n.ts';
import { UnitResult } from './UnitResult.tsx';

afterEach(cleanup);

const doc = baotou2012 as unknown as Doc;

async function show(
  units = baotou2012SampleUnits,
  opened?: { name: string; unit: (typeof units)[number] },
  rules: Doc = doc,
) {
  const i18n = await createI18n('zh-CN');
  render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <UnitResult doc={rules} units={units} {...(opened ? { opened } : {})} />
      </FluentProvider>
    </I18nextProvider>,
  );
}

const engine = (unit: (typeof baotou2012SampleUnits)[number]) => {
  const parsed = parseRuleSet(baotou2012);
  if (!parsed.ok) throw new Error('baotou-2012 does not parse');
  return scoreUnit(compileRuleSet(parsed.value), unit);
};

describe('one unit’s full result', () => {
  it(
    'shows every item with the engine’s score and reason, Chinese first',
    { timeout: 30_000 },
    async () => {
      await show();
      const unit = baotou2012SampleUnits[3]!;
      fireEvent.change(screen.getByTestId('unit-pick'), { target: { value: `unit:${unit.id}` } });
      const result = engine(unit);
      expect(screen.getByTestId('unit-total').textContent).toContain(
        `总分 ${result.total} / ${result.max}`,
      );
      const item = result.sections[0]!.items[0]!.children![0]!;
      const row = screen.getByTestId(`result-${item.path}`);
      expect(row.textContent).toContain(`${item.score} / ${item.max}`);
      expect(row.textContent).toContain(item.reason.zh);
      expect(row.textContent).toContain(item.reason.en);
      expect(row.textContent!.indexOf(item.reason.zh)).toBeLessThan(
        row.textContent!.indexOf(item.reason.en),
      );
    },
  );

  it(
    'shows a blank figure as missing, never as 0, and the total as provisional',
    { timeout: 30_000 },
    async () => {
      const unit = baotou2012SampleUnits[0]!;
      const blank = { ...unit, values: { ...unit.values, birth_rate: null } };
      await show([blank]);
      const row = screen.getByTestId('result-一(二).1.(1)');
      expect(row.textContent).toContain('待定 / 5');
      expect(row.textContent).toContain('缺少数据');
      expect(screen.getByTestId('unit-total').textContent).toContain('数据不完整,总分暂定');
    },
  );

  it(
    'shows a unit’s workbook opened alone first, even with no cohort, under the draft',
    { timeout: 30_000 },
    async () => {
      const unit = baotou2012SampleUnits[5]!;
      await show([], { name: '单位.xlsx', unit });
      const pick = screen.getByTestId<HTMLSelectElement>('unit-pick');
      expect([...pick.options].map((o) => o.textContent)).toEqual([
        `${unit.name}(${unit.id})(文件 单位.xlsx)`,
      ]);
      expect(screen.getByTestId('unit-total').textContent).toContain(
        `总分 ${engine(unit).total} / `,
      );
      cleanup();
      // Beside a cohort: the file's unit first, the cohort's after it, by their own keys (the
      // same unit id in both is no clash).
      await show(baotou2012SampleUnits, { name: '单位.xlsx', unit });
      const options = [...screen.getByTestId<HTMLSelectElement>('unit-pick').options];
      expect(options).toHaveLength(baotou2012SampleUnits.length + 1);
      expect(options[0]!.textContent).toContain('文件 单位.xlsx');
    },
  );

  it('says the draft cannot be scored, at its first problem, instead of a result', async () => {
    const broken = JSON.parse(JSON.stringify(baotou2012)) as Doc & {
      sections: { points?: number }[];
    };
    delete broken.sections[0]!.points;
    await show(baotou2012SampleUnits, undefined, broken);
    expect(screen.getByTestId('unit-blocked').textContent).toMatch(
      /^草稿有错误,暂不能计分:sections\[0\]\.points:/,
    );
    expect(screen.queryByTestId('unit-total')).toBeNull();
  });
});
