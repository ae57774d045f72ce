// Entry: find out where the pane runs, pick the language, render. Outside Office (a plain
// browser, or Office.js not reachable) the same pane works on a workbook file instead.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';
import { createOfficePort } from './office/office-port.ts';
import type { Boot } from './pane/boot.types.ts';
import { detectHost } from './pane/detect-host.ts';

const loadKernel: Boot['loadKernel'] = () =>
  import('./core/kernel.ts').then((m) => m.createKernel());
const loadFiles: Boot['loadFiles'] = () =>
  import('./standalone/xlsx-file.ts').then((m) => m.xlsxFiles);

async function start(): Promise<void> {
  // index.html's ES5 check already showed the "unsupported Office" message.
  if ((window as { kaoheUnsupported?: boolean }).kaoheUnsupported) return;
  const host = await detectHost(typeof Office === 'undefined' ? undefined : Office);
  document.documentElement.lang = host.language;
  const i18n = await createI18n(host.language);
  const boot: Boot =
    host.mode === 'office'
      ? { mode: 'office', port: createOfficePort(), loadKernel, loadFiles }
      : { mode: 'standalone', port: null, loadKernel, loadFiles };
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <FluentProvider theme={webLightTheme}>
          <App boot={boot} />
        </FluentProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
