import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { PaneError } from '../pane/use-pane-controller.ts';

/** The one place an error becomes text: its code picks the message, its detail fills it in. */
export function ErrorBar({ error }: { error: PaneError | null }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {t(`errors.${error.code}`, { detail: error.detail, address: error.detail })}
        </MessageBarTitle>
      </MessageBarBody>
    </MessageBar>
  );
}
