// The pane's edition line and key import (issue 15 points 4–5), against the stand-in kernel:
// its meta sheet's B1 says what the edition is ("signed": trusted once a key is imported).
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { SHEET_NAMES } from '@kaohe/sheet';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';
import { memoryTrustStorage } from './pane/trust-storage.ts';
import { createMemoryPort } from './standalone/memory-port.ts';
import type { MemoryWorkbook } from './standalone/memory-workbook.ts';
import { FAKE_META, fakeKernel } from './testing/fake-kernel.ts';
import { issuerKey, signedTemplate } from './testing/signed-workbook.ts';
import { asGrids, parsed } from './testing/sample-workbook.ts';
import { createKernel } from './core/kernel.ts';

afterEach(cleanup);

const key = issuerKey('包头市人口和计划生育委员会');

function workbook(edition: string): MemoryWorkbook {
  return {
    sheets: [
      {
        name: '单位',
        state: 'visible',
        numberFormats: [],
        values: [
          ['考核单位', '昆都仑区'],
          ['一.1', '政策', 10, 95],
        ],
      },
      { name: FAKE_META, state: 'veryHidden', numberFormats: [], values: [['meta', edition]] },
    ],
    active: '单位',
    charts: [],
    selection: null,
  };
}

async function renderPane(edition: string, trust = memoryTrustStorage()) {
  const port = createMemoryPort(workbook(edition), undefined, { charts: true });
  render(
    <I18nextProvider i18n={await createI18n('zh-CN')}>
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
  await screen.findByText('已填报,未评分');
  return { port, trust };
}

describe('the edition at the top of the pane', () => {
  it('a trusted edition: a calm line with who issued it and the fingerprint', async () => {
    await renderPane('');
    const line = await screen.findByTestId('verify-edition');
    expect(line.textContent).toContain('正式版本:由示例市签发(指纹 9C32 116E 0A1B 2C3D)');
    expect(line.getAttribute('role')).toBe('status');
  });

  it('a missing key: 未导入签发机关的公钥, scoring refused, the import offered; imported once, kept', async () => {
    const { port, trust } = await renderPane('signed');
    const line = await screen.findByTestId('verify-edition');
    expect(line.getAttribute('role')).toBe('alert');
    expect(line.textContent).toContain('未导入签发机关的公钥');
    expect(screen.getByRole('button', { name: '评分并写回' })).toHaveProperty('disabled', true);
    expect(screen.getByText('考核规则未通过验证,不予计分(原因见上方)。')).toBeTruthy();

    fireEvent.click(within(line).getByRole('button', { name: '导入公钥' }));
    const dialog = await screen.findByRole('region', { name: '签发机关的公钥' });
    const confirm = within(dialog).getByRole('button', { name: '确认导入' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: '公钥(一行)' }), {
      target: { value: 'not a key' },
    });
    expect(within(dialog).getByText(/公钥格式不正确/)).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: '公钥(一行)' }), {
      target: { value: key.line },
    });
    // Shown for confirmation before anything is kept.
    const preview = within(dialog).getByTestId('key-preview');
    expect(preview.textContent).toContain('包头市人口和计划生育委员会');
    expect(preview.textContent).toContain(key.fingerprint);
    expect(trust.text).toBeNull();
    fireEvent.click(confirm);
    await within(dialog).findByText(`已导入:包头市人口和计划生育委员会(指纹 ${key.fingerprint})。`);
    expect(JSON.parse(trust.text ?? '{}')).toMatchObject({ kaohe: 'trust', keys: [key.line] });
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    // The sheet is checked again against the key just imported.
    await waitFor(() =>
      expect(screen.getByTestId('verify-edition').textContent).toContain('正式版本'),
    );
    expect(screen.getByRole('button', { name: '评分并写回' })).toHaveProperty('disabled', false);
    expect(port.journal).toEqual([]);
  });

  it('a key kept in the browser is used at once; removed, the pane asks again', async () => {
    const trust = memoryTrustStorage(
      JSON.stringify({ kaohe: 'trust', version: 1, keys: [key.line], revoked: [] }),
    );
    await renderPane('signed', trust);
    await waitFor(() =>
      expect(screen.getByTestId('verify-edition').textContent).toContain('正式版本'),
    );
    fireEvent.click(screen.getByRole('button', { name: '已导入的公钥(1)' }));
    const dialog = await screen.findByRole('region', { name: '签发机关的公钥' });
    fireEvent.click(
      within(dialog).getByRole('button', { name: '移除 包头市人口和计划生育委员会 的公钥' }),
    );
    await within(dialog).findByText('本浏览器还没有导入公钥。');
    expect(JSON.parse(trust.text ?? '{}')).toMatchObject({ keys: [] });
    await waitFor(() =>
      expect(screen.getByTestId('verify-edition').textContent).toContain('未导入签发机关的公钥'),
    );
  });

  it('a stored list that cannot be read is said, not silently empty', async () => {
    await renderPane('signed', memoryTrustStorage('{broken'));
    // In the pane itself, before any panel is opened.
    expect(await screen.findByText(/浏览器中保存的公钥列表无法读取/)).toBeTruthy();
  });

  it('rules altered: a red line naming it; scored only as a draft when asked, and said so', async () => {
    const { port } = await renderPane('rules-altered');
    const line = await screen.findByTestId('verify-edition');
    expect(line.textContent).toContain('考核规则已被改动');
    expect(within(line).queryByRole('button', { name: '导入公钥' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '按草稿计分' }));
    await screen.findByTestId('total');
    expect(screen.getByTestId('scored-as-draft').textContent).toBe(
      '注意:示例:rules-altered;按草稿计分,结果不是正式版本的得分。',
    );
    expect(port.journal).toHaveLength(1);
  });

  it('unsigned rules: a red line; with a trust list (as kaohe score) scored only as a draft when asked', async () => {
    await renderPane('unsigned');
    expect((await screen.findByTestId('verify-edition')).textContent).toContain(
      '规则未签名:不是正式版本',
    );
    fireEvent.click(screen.getByRole('button', { name: '按草稿计分' }));
    await screen.findByTestId('total');
    expect(screen.getByTestId('scored-as-draft').textContent).toContain('结果不是正式版本的得分');
  });
});

describe('a key revoked by a later notice (the real kernel, a signed workbook)', () => {
  it('revoked by its fingerprint as printed: the revoked red line, scoring refused, nothing written', async () => {
    const ruleSet = parsed(baotou2012);
    const kdq = baotou2012SampleUnits.find((u) => u.id === 'kdq')!;
    const book: MemoryWorkbook = {
      sheets: asGrids(signedTemplate(ruleSet, kdq, key)).map((g) => ({
        name: g.name,
        state: g.name === SHEET_NAMES.meta ? 'veryHidden' : 'visible',
        values: g.values,
        numberFormats: g.numberFormats,
      })),
      active: SHEET_NAMES.scoring,
      charts: [],
      selection: null,
    };
    const port = createMemoryPort(book, undefined, { charts: true });
    const trust = memoryTrustStorage(
      JSON.stringify({ kaohe: 'trust', version: 1, keys: [key.line], revoked: [] }),
    );
    render(
      <I18nextProvider i18n={await createI18n('zh-CN')}>
        <FluentProvider theme={webLightTheme}>
          <App
            boot={{
              mode: 'office',
              port,
              loadKernel: async () => createKernel(),
              loadFiles: () => Promise.reject(new Error('unused')),
              trust,
            }}
          />
        </FluentProvider>
      </I18nextProvider>,
    );
    await waitFor(() =>
      expect(screen.getByTestId('verify-edition').textContent).toContain('正式版本'),
    );
    expect(screen.getByRole('button', { name: '评分并写回' })).toHaveProperty('disabled', false);

    fireEvent.click(screen.getByRole('button', { name: '已导入的公钥(1)' }));
    const dialog = await screen.findByRole('region', { name: '签发机关的公钥' });
    const revoke = within(dialog).getByRole('region', { name: '吊销公钥' });
    const idBox = within(revoke).getByRole('textbox', { name: '密钥编号或指纹' });
    const reasonBox = within(revoke).getByRole('textbox', { name: '吊销理由(可选,照通知填写)' });
    const confirm = within(revoke).getByRole('button', { name: '确认吊销' });
    expect(confirm).toHaveProperty('disabled', true);
    // A typo is refused, saying why (@kaohe/sheet's words, as kaohe trust revoke says them).
    fireEvent.change(idBox, { target: { value: '9C32 116E' } });
    expect(within(revoke).getByText('「9C32 116E」不是密钥编号(16 位十六进制)或指纹')).toBeTruthy();
    expect(confirm).toHaveProperty('disabled', true);
    // The fingerprint as the notice prints it, in groups of four: shown for confirmation first.
    fireEvent.change(idBox, { target: { value: key.fingerprint } });
    fireEvent.change(reasonBox, { target: { value: '私钥遗失' } });
    expect(within(revoke).getByTestId('revoke-preview').textContent).toBe(
      `将吊销:包头市人口和计划生育委员会(指纹 ${key.fingerprint})`,
    );
    expect(JSON.parse(trust.text ?? '{}')).toMatchObject({ revoked: [] });
    fireEvent.click(confirm);
    await within(revoke).findByText(`已吊销:包头市人口和计划生育委员会(指纹 ${key.fingerprint})。`);
    // Kept as the CLI's trust list keeps it: the key stays, its id revoked with the reason.
    expect(JSON.parse(trust.text ?? '{}')).toEqual({
      kaohe: 'trust',
      version: 1,
      keys: [key.line],
      revoked: [{ keyId: key.publicKey.keyId, reason: '私钥遗失' }],
    });
    expect(within(dialog).getByText(/已吊销:私钥遗失/, { selector: 'li' })).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    // The sheet checked again: the revoked red line, scoring refused.
    await waitFor(() =>
      expect(screen.getByTestId('verify-edition').textContent).toContain('签名密钥已被吊销'),
    );
    const line = screen.getByTestId('verify-edition');
    expect(line.getAttribute('role')).toBe('alert');
    expect(line.textContent).toContain(`签名密钥(指纹 ${key.fingerprint})已被吊销:私钥遗失`);
    expect(screen.getByRole('button', { name: '评分并写回' })).toHaveProperty('disabled', true);
    expect(screen.getByText('考核规则未通过验证,不予计分(原因见上方)。')).toBeTruthy();
    expect(port.journal).toEqual([]);
  });
});
