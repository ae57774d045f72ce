import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
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

/**
 * Renders as the app's lazy pages are: committed by React's scheduler, not inside act, so its
 * passive effects run later. Resolves with the element once it is in the document (at the
 * mutation, before those effects), for the official to type into at once.
 */
function renderOutsideAct<E extends Element>(ui: ReactNode, selector: string) {
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
  const root = createRoot(document.body.appendChild(document.createElement('div')));
  const found = new Promise<E>((resolve) => {
    const observer = new MutationObserver(() => {
      const element = document.querySelector<E>(selector);
      if (element) {
        observer.disconnect();
        resolve(element);
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  root.render(<FluentProvider theme={webLightTheme}>{ui}</FluentProvider>);
  return { found, root };
}

describe('a field bound to the draft', () => {
  it('takes what is typed at once after it appears, before React has run its effects', async () => {
    const writes: [Path, Json | undefined][] = [];
    const { found, root } = renderOutsideAct<HTMLInputElement>(
      <DocText
        doc={{ inputs: [{ id: 'birth_rate', min: 0 }] }}
        issues={[]}
        onSet={(path, value) => writes.push([path, value])}
        path={['inputs', 0, 'min']}
        label="下限"
        optional
      />,
      '[data-field="inputs[0].min"]',
    );
    const field = await found;
    expect(field.value).toBe('0');
    fireEvent.change(field, { target: { value: '' } });
    fireEvent.blur(field);
    // The blank removes the key: never a 0 kept because a late effect put it back.
    expect(writes).toEqual([[['inputs', 0, 'min'], undefined]]);
    root.unmount();
  });

  it('the JSON view keeps what is typed at once after it appears', async () => {
    const i18n = await createI18n('zh-CN');
    const applied: Json[] = [];
    const { found, root } = renderOutsideAct<HTMLTextAreaElement>(
      <I18nextProvider i18n={i18n}>
        <JsonView
          value={{ min: 0 }}
          nodeKey="inputs[0]"
          issues={[]}
          onApply={(v) => applied.push(v)}
        />
      </I18nextProvider>,
      '[data-testid="json-text"]',
    );
    const area = await found;
    fireEvent.change(area, { target: { value: '{ "min": 1 }' } });
    // React's own later work (the effects) does not put the old text back.
    await new Promise((r) => setTimeout(r, 50));
    expect(area.value).toBe('{ "min": 1 }');
    fireEvent.click(screen.getByRole('button', { name: '应用修改' }));
    expect(applied).toEqual([{ min: 1 }]);
    root.unmount();
  });
});
