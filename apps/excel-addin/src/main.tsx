// Entry: render at once, then find out where the pane runs, pick the language, render the pane.
// Outside Office (a plain browser, or Office.js not reachable) the same pane works on a
// workbook file instead; only a pane Office opened loads Office.js and waits for it.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { createI18n } from './i18n/i18n.ts';
import { createOfficePort } from './office/office-port.ts';
import type { Boot } from './pane/boot.types.ts';
import { detectHost } from './pane/detect-host.ts';
import { hostHints, loadOfficeJs, openedByOffice } from './pane/load-office.ts';
import { browserTrustStorage } from './pane/trust-storage.ts';

const loadKernel: Boot['loadKernel'] = () =>
  import('./core/kernel.ts').then((m) => m.createKernel());
const loadFiles: Boot['loadFiles'] = () =>
  import('./standalone/xlsx-file.ts').then((m) => m.xlsxFiles);

async function start(): Promise<void> {
  // index.html's ES5 check already showed the "unsupported Office" message.
  if ((window as { kaoheUnsupported?: boolean }).kaoheUnsupported) return;
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root');
  const root = createRoot(element);
  const inOffice = openedByOffice(hostHints());
  if (inOffice) {
    // Language unknown until Office answers: both.
    root.render(
      <p role="status" style={{ padding: 16 }}>
        正在连接 Excel…… <span lang="en">Connecting to Excel…</span>
      </p>,
    );
    await loadOfficeJs();
  }
  const host = inOffice
    ? await detectHost(typeof Office === 'undefined' ? undefined : Office)
    : { mode: 'standalone' as const, language: 'zh-CN' as const };
  document.documentElement.lang = host.language;
  const i18n = await createI18n(host.language);
  const trust = browserTrustStorage();
  const boot: Boot =
    host.mode === 'office'
      ? { mode: 'office', port: createOfficePort(), loadKernel, loadFiles, trust }
      : { mode: 'standalone', port: null, loadKernel, loadFiles, trust };
  root.render(
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
