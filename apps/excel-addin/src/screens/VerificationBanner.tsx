import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../i18n/msg.ts';
import type { VerificationLine } from '../pane/verification-lines.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  detail: { display: 'block', wordBreak: 'break-word' },
  hint: {
    display: 'block',
    marginTop: tokens.spacingVerticalXXS,
    fontSize: tokens.fontSizeBase200,
  },
});

/** At the top of the pane: whose rules these are (and, later, whether the targets are intact). */
export function VerificationBanner({
  lines,
  onImportKey,
}: {
  lines: readonly VerificationLine[];
  onImportKey: () => void;
}) {
  const { t } = useTranslation();
  const msg = useMsg();
  const styles = useStyles();
  if (lines.length === 0) return null;
  return (
    <section className={styles.root} aria-label={t('verify.region')} data-testid="verification">
      {lines.map((line) => (
        <MessageBar
          key={line.id}
          intent={line.tone}
          layout="multiline"
          role={line.tone === 'error' ? 'alert' : 'status'}
          data-testid={`verify-${line.id}`}
        >
          <MessageBarBody>
            {/* A trusted edition's own words begin with 正式版本: no title repeats them. */}
            {line.tone === 'error' && <MessageBarTitle>{t(line.title)}</MessageBarTitle>}
            <span className={styles.detail}>{msg(line.detail)}</span>
            {line.hints.map((h) => (
              <span key={h} className={styles.hint}>
                {t(h)}
              </span>
            ))}
          </MessageBarBody>
          {line.action === 'import-key' && (
            <MessageBarActions>
              <Button size="small" onClick={onImportKey}>
                {t('verify.importKey')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ))}
    </section>
  );
}
