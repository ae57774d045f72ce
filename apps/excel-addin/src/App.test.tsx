import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';
import type { FileAdapter } from './standalone/file-adapter.types.ts';
import { createMemoryPort, type SheetDecoder } from './standalone/memory-port.ts';
import type { MemoryWorkbook } from './standalone/memory-workbook.ts';
import { FAKE_META, fakeKernel } from './testing/fake-kernel.ts';
import { memoryTrustStorage, type TrustStorage } from './pane/trust-storage.ts';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** Browser mode: the pane opens `book` as a file through a stand-in file adapter. */
async function renderStandalone(book: MemoryWorkbook) {
  // As xlsxFiles.open marks them: the sheets are the opened file's own.
  for (const sheet of book.sheets) sheet.fromFile = true;
  const files = {
    open: vi.fn(async () => book),
    decodeSheets: vi.fn(async () => []),
    save: vi.fn(async () => new Uint8Array([1])),
    summaryWorkbook: vi.fn(async () => new Uint8Array([2])),
  } satisfies FileAdapter;
  const i18n = await createI18n('zh-CN');
  render(
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={webLightTheme}>
        <App
          boot={{
            mode: 'standalone',
            port: null,
            loadKernel: async () => fakeKernel,
            loadFiles: async () => files,
            trust: memoryTrustStorage(),
          }}
        />
      </FluentProvider>
    </I18nextProvider>,
  );
  const input = screen.getByTestId('open-file');
  fireEvent.change(input, { target: { files: [new File(['x'], '昆都仑区.xlsx')] } });
  await screen.findByText('昆都仑区.xlsx');
  await screen.findByText('已填报,未评分');
  return files;
}

/** Would leaving the page ask first? */
function leavingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

const unitFile = (name: string) => [
  {
    name: '单位',
    state: 'visible' as const,
    numberFormats: [],
    values: [
      ['考核单位', name],
      ['一.1', '政策', 10, null],
    ],
  },
  { name: FAKE_META, state: 'veryHidden' as const, numberFormats: [], values: [['meta']] },
];

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

async function renderPane(
  book: MemoryWorkbook,
  language: 'zh-CN' | 'en' = 'zh-CN',
  decode?: SheetDecoder,
  trust: TrustStorage = memoryTrustStorage(),
) {
  // Standing in for Excel (mode office), which keeps charts.
  const port = createMemoryPort(book, decode, { charts: true });
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
            trust,
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

  it('shows what choosing a problem did beside that problem', async () => {
    await renderPane(workbook());
    fireEvent.click(await screen.findByRole('button', { name: '评分并写回' }));
    const go = await screen.findByRole('button', { name: '定位到 单位!D3' });
    fireEvent.click(go);
    const note = await screen.findByTestId('selection');
    expect(note.textContent).toBe('已在 Excel 中选中 单位!D3');
    // In the list item of the problem chosen, not somewhere else on the pane.
    expect(note.closest('li')).toBe(go.closest('li'));
  });

  it('imports units: sheets named after the unit, the status counting units', async () => {
    const files = [unitFile('青山区'), unitFile('东河区')];
    let next = 0;
    const port = await renderPane(workbook(), 'zh-CN', async () => files[next++]!);
    fireEvent.click(await screen.findByRole('tab', { name: '审核' }));
    fireEvent.change(screen.getByTestId('import-files'), {
      target: { files: [new File(['a'], 'a.xlsx'), new File(['b'], 'b.xlsx')] },
    });
    expect(await screen.findByText('已导入 2 个单位:青山区、东河区。')).toBeTruthy();
    expect(port.workbook.sheets.map((x) => x.name)).toEqual([
      '单位',
      FAKE_META,
      '单位 (青山区)',
      `${FAKE_META} (青山区)`,
      '单位 (东河区)',
      `${FAKE_META} (东河区)`,
    ]);
  });

  it('lists review problems under the name of their unit', async () => {
    const book = workbook();
    book.sheets.push({
      name: '青山区',
      state: 'visible',
      numberFormats: [],
      values: [
        ['考核单位', '青山区'],
        ['一.1', '政策', 10, '约80'],
      ],
    });
    await renderPane(book);
    fireEvent.click(await screen.findByRole('tab', { name: '审核' }));
    fireEvent.click(screen.getByRole('button', { name: '复核全部单位并写回' }));
    const qsq = await screen.findByRole('region', { name: '青山区:问题(1)' });
    expect(within(qsq).getByText('“约80”不是数值')).toBeTruthy();
    const own = screen.getByRole('region', { name: '单位:问题(2)' });
    expect(within(own).getByText('一.2 缺少数据')).toBeTruthy();
    expect(within(own).queryByText('“约80”不是数值')).toBeNull();
  });

  it('starts a reviewer with the rule set that is theirs', async () => {
    await renderPane(workbook());
    fireEvent.click(await screen.findByRole('tab', { name: '审核' }));
    const start = screen.getByRole('region', { name: '审核方的考核规则' });
    expect(start.textContent).toContain('《示例考核办法》2024 年度 第 2 版(示例市)');
    expect(start.textContent).toContain('取自当前打开的工作簿');
    expect(start.textContent).toContain('① 导入下级上报的工作簿');
  });

  it('disables every action, saying why, when the workbook is not an assessment workbook', async () => {
    const book = workbook();
    book.sheets.pop();
    await renderPane(book);
    const reason = '当前工作簿不是考核表(没有考核规则),无法评分、审核或汇总。';
    const self = await screen.findByRole('button', { name: '评分并写回' });
    expect((self as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(reason)).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: '审核' }));
    for (const name of ['导入下级上报的工作簿', '复核全部单位并写回']) {
      const button = screen.getByRole('button', { name }) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('aria-describedby')).toBeTruthy();
      expect(document.getElementById(button.getAttribute('aria-describedby')!)?.textContent).toBe(
        reason,
      );
    }
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    expect((screen.getByRole('button', { name: '生成汇总表' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(screen.getByText(reason)).toBeTruthy();
  });

  it('browser mode: nothing to download until scored, unsaved until downloaded, the page warns', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:scored');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const files = await renderStandalone(workbook());
    const download = screen.getByRole('button', { name: '下载评分后的文件' }) as HTMLButtonElement;
    expect(download.disabled).toBe(true);
    expect(screen.getByText('还没有评分结果,暂无可下载的内容。')).toBeTruthy();
    expect(leavingAsks()).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: '评分并写回' }));
    expect(
      await screen.findByText(
        '已在本页中写入 3 个单元格,尚未保存:点「下载评分后的文件」才会保存到文件。',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('已写回 3 个单元格。')).toBeNull();
    expect(download.disabled).toBe(false);
    expect(screen.getByText('有尚未下载的结果:关闭或刷新本页会丢失,请先下载。')).toBeTruthy();
    expect(leavingAsks()).toBe(true);

    fireEvent.click(download);
    await waitFor(() => expect(files.save).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(leavingAsks()).toBe(false));
    expect(screen.queryByText('有尚未下载的结果:关闭或刷新本页会丢失,请先下载。')).toBeNull();
  });

  it('browser mode: the summary claims no chart and downloads as the printable summary', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:summary');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const files = await renderStandalone(workbook());
    fireEvent.click(screen.getByRole('tab', { name: '汇总' }));
    fireEvent.click(screen.getByRole('button', { name: '生成汇总表' }));
    const status = await screen.findByText(/汇总表已生成/);
    expect(status.textContent).not.toContain('排名图');
    expect(status.textContent).toContain('不含图表');
    // The unsaved-work guard is set as the summary lands; on a loaded machine one tick later.
    await waitFor(() => expect(leavingAsks()).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: '下载汇总表' }));
    await waitFor(() => expect(files.summaryWorkbook).toHaveBeenCalledTimes(1));
    expect(files.summaryWorkbook.mock.calls[0]).toEqual([
      [expect.objectContaining({ name: '汇总', values: [['单位', '10']] })],
    ]);
    await waitFor(() => expect(leavingAsks()).toBe(false));
  });

  it('disables every action, saying why, when the assessment sheets are damaged', async () => {
    const book = workbook();
    book.sheets[1]!.values = [['损坏']];
    await renderPane(book, 'en');
    const reason =
      'The assessment sheets of this workbook are damaged: no scoring, review or summary (problems above).';
    expect(await screen.findByText(reason)).toBeTruthy();
    expect(
      (screen.getByRole('button', { name: 'Score and write back' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Summary' }));
    expect(
      (screen.getByRole('button', { name: 'Make the summary sheet' }) as HTMLButtonElement)
        .disabled,
    ).toBe(true);
    expect(screen.getByText(reason)).toBeTruthy();
  });
});
