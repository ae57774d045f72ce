import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n/i18n.ts';
import { WhatIfPanel } from './WhatIfPanel.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('choosing files', () => {
  it('is a Fluent button in the app’s language over a hidden input, never the browser’s own control', async () => {
    const i18n = await createI18n('zh-CN');
    render(
      <FluentProvider theme={webLightTheme}>
        <I18nextProvider i18n={i18n}>
          <WhatIfPanel base={{}} doc={{}} issues={[]} />
        </I18nextProvider>
      </FluentProvider>,
    );
    const input = screen.getByTestId('cohort-files');
    // The native control (its "Choose Files" / "No file chosen") is not shown.
    expect(input.hidden).toBe(true);
    const clicked = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: '选择各单位报回的考核表…' }));
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(clicked.mock.contexts[0]).toBe(input);
  });
});
