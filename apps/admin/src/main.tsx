// Entry: the admin app runs in a plain browser with no server; Chinese first.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { keepStorage } from './doc/drafts.ts';
import { createI18n } from './i18n/i18n.ts';

async function start(): Promise<void> {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root');
  const i18n = await createI18n('zh-CN');
  void keepStorage(); // drafts kept when storage runs low, where the browser grants it
  createRoot(element).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <FluentProvider theme={webLightTheme}>
          <App />
        </FluentProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
