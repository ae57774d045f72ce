import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent } from '@testing-library/react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Path } from '../doc/history.ts';
import type { Json } from '../doc/open.ts';
import { createI18n } from '../i18n/i18n.ts';
import { I18nextProvider } from 'react-i18next';
import { DocText } from './DocFields.tsx';
import { JsonView } from './JsonView.tsx';

const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
const wasAct = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
afterEach(() => {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasAct;
  document.body.innerHTML = '';
});

/** Resolves once the element is in the document: at the mutation, before React's later tasks. */
const appeared = (selector: string) =>
  new Promise<HTMLInputElement>((resolve) => {
    const observer = new MutationObserver(() => {
      const found = document.querySelector<HTMLInputElement>(selector);
      if (found) {
        observer.disconnect();
        resolve(found);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });

describe('a field bound to the draft', () => {
  it('takes what is typed at once after it appears, before React has run its effects', async () => {
    // As in the app: the page is committed by React's scheduler (a lazy page loaded), not
    // inside act, and the official types before React's passive effects have run.
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    const host = document.body.appendChild(document.createElement('div'));
    const writes: [Path, Json | undefined][] = [];
    const root = createRoot(host);
    const input = appeared('[data-field="inputs[0].min"]');
    root.render(
      <FluentProvider theme={webLightTheme}>
        <DocText
          doc={{ inputs: [{ id: 'birth_rate', min: 0 }] }}
          issues={[]}
          onSet={(path, value) => writes.push([path, value])}
          path={['inputs', 0, 'min']}
          label="下限"
          optional
        />
      </FluentProvider>,
    );
    const field = await input;
    expect(field.value).toBe('0');
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.blur(field);
    // The blank removes the key: never a 0 kept because a late effect put it back.
    expect(writes).toEqual([[['inputs', 0, 'min'], undefined]]);
    root.unmount();
  });

  it('the JSON view keeps what is typed at once after it appears', async () => {
    const i18n = await createI18n('zh-CN');
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    const host = document.body.appendChild(document.createElement('div'));
    const applied: Json[] = [];
    const root = createRoot(host);
    const text = appeared('[data-testid="json-text"]');
    root.render(
      <I18nextProvider i18n={i18n}>
        <FluentProvider theme={webLightTheme}>
          <JsonView
            value={{ min: 0 }}
            nodeKey="inputs[0]"
            issues={[]}
            onApply={(v) => applied.push(v)}
          />
        </FluentProvider>
      </I18nextProvider>,
    );
    const area = (await text) as unknown as HTMLTextAreaElement;
    fireEvent.change(area, { target: { value: '{ "min": 1 }' } });
    // React's own later work (the effects) does not put the old text back.
    await new Promise((r) => setTimeout(r, 50));
    expect(area.value).toBe('{ "min": 1 }');
    root.unmount();
  });
});
