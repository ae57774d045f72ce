import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { UnitResult } from '../core/kernel.types.ts';
import { useMsg } from '../i18n/msg.ts';

/** Vetoes and sanctions, above everything else: they decide more than the score does. */
export function SanctionsBanner({ result }: { result: UnitResult }) {
  const { t } = useTranslation();
  const msg = useMsg();
  if (result.sanctions.length === 0) return null;
  return (
    <MessageBar intent={result.vetoed ? 'error' : 'warning'} layout="multiline" role="status">
      <MessageBarBody>
        <MessageBarTitle>{result.vetoed ? t('self.vetoed') : t('self.sanctions')}</MessageBarTitle>
        <ul>
          {result.sanctions.map((s) => (
            <li key={s.id}>
              {msg(s.reason)}
              {s.consequence ? t('self.consequence', { text: msg(s.consequence) }) : ''}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
