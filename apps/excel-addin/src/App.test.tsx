import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';
import { createMemoryPort } from './standalone/memory-port.ts';
import type { MemoryWorkbook } from './standalone/memory-workbook.ts';
import { FAKE_META, fakeKernel } from './testing/fake-kernel.ts';

afterEach(cleanup);

function workbook(unit = '昆都仑区'): MemoryWorkbook {
  return {
    sheets: [
      {
        name: '单位',
        state: 'visible',
        numberFormats: [],
        values: [
          ['考核单位', unit],
          ['一.1', '政策', 10, 95],
          ['一.2', '出生', 5, null],
          ['一.3', '性别比', 5, '约90'],
        ],
      },
      { name: FAKE_META, state: 'veryHidden', numberFormats: [], values: [['meta']] },
    ],
    active: '单位',
    charts: [],
    selection: null,
  };
}

async function renderPane(book: MemoryWorkbook, language: 'zh-CN' | 'en' = 'zh-CN') {
  const port = createMemoryPort(book);
  const i18n = await createI18n(language);
  render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <App
          boot={{
            mode: 'office',
            port,
            loadKernel: async () => fakeKernel,
            loadFiles: () => Promise.reject(new Error('unused')),
          }}
        />
      </FluentProvider>
    </I18nextProvider>,
  );
  return port;
}

describe('task pane', () => {
  it('shows the rule set, unit and state of the sheet', async () => {
    await renderPane(workbook());
    expect(await screen.findByText('示例考核办法')).toBeTruthy();
    expect(screen.getByText('示例市')).toBeTruthy();
    expect(screen.getByText('昆都仑区')).toBeTruthy();
    expect(screen.getByText('已填报,未评分')).toBeTruthy();
  });

  it('scores, writes back, lists problems and selects a problem cell', async () => {
    const port = await renderPane(workbook());
    fireEvent.click(await screen.findByRole('button', { name: '评分并写回' }));
    await waitFor(() => expect(screen.getByTestId('total').textContent).toBe('10'));
    expect(screen.getByText('已自评')).toBeTruthy();
    expect(port.workbook.sheets[0]?.values[1]?.[4]).toBe('scored');
    expect(screen.getByText('一.2 缺少数据')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '定位到 单位!D4' }));
    await waitFor(() => expect(port.workbook.selection).toEqual({ sheet: '单位', address: 'D4' }));
  });

  it('shows a veto prominently', async () => {
    await renderPane(workbook('否决区'));
    fireEvent.click(await screen.findByRole('button', { name: '评分并写回' }));
    const alert = await screen.findByText('一票否决');
    expect(alert).toBeTruthy();
    expect(screen.getByText('重大信访案件')).toBeTruthy();
  });

  it('switches to English', async () => {
    await renderPane(workbook());
    fireEvent.click(await screen.findByRole('button', { name: 'English' }));
    expect(await screen.findByRole('button', { name: 'Score and write back' })).toBeTruthy();
    expect(screen.getByText('Demo rules')).toBeTruthy();
  });

  it('says when the sheet is not an assessment sheet', async () => {
    const book = workbook();
    book.sheets.pop();
    await renderPane(book, 'en');
    expect(
      await screen.findByText('This sheet is not an assessment sheet (no rule set found).'),
    ).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Score and write back' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('makes a summary sheet with a chart', async () => {
    const port = await renderPane(workbook());
    fireEvent.click(await screen.findByRole('tab', { name: '汇总' }));
    fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    expect(await screen.findByText('已写入工作表「汇总」,并插入排名图。')).toBeTruthy();
    expect(port.workbook.charts).toEqual([
      { sheet: '汇总', dataAddress: 'A1:B1', title: '排名', anchor: 'D2' },
    ]);
  });

  it('reviews units: a unit on other rules and a differing score stand out', async () => {
    const book = workbook();
    book.sheets.push({
      name: '青山区旧规则',
      state: 'visible',
      numberFormats: [],
      values: [
        ['考核单位', '青山区'],
        ['一.1', '政策', 10, 95],
      ],
    });
    await renderPane(book);
    fireEvent.click(await screen.findByRole('tab', { name: '审核' }));
    fireEvent.click(screen.getByRole('button', { name: '复核全部单位并写回' }));
    const row = (await screen.findByText('青山区旧规则')).closest('tr');
    expect(row?.textContent).toContain('规则不一致');
    // Reported 1 point on the old rules; recomputed, its one row (10 points, value 95) gives 10.
    const cells = within(row!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1)).toEqual(['1', '10']);
    const rows = screen.getAllByRole('row').map((r) => r.textContent ?? '');
    expect(rows.filter((r) => r.includes('规则不一致'))).toHaveLength(1);
  });
});
