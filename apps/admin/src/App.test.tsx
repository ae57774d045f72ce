import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';

afterEach(cleanup);

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
});
