// Every issue the engine finds in the draft — code, path and message — errors first as the
// engine sorts them; choosing one selects the item it is in.
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '@kaohe/engine';
import { useTranslation } from 'react-i18next';
import { useMsg } from '../i18n/msg.ts';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  item: {
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  go: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto' },
});

export function ProblemsPanel(props: {
  issues: readonly Issue[];
  onSelect: (issue: Issue) => void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const msg = useMsg();
  const errors = props.issues.filter((i) => i.severity === 'error').length;
  return (
    <section aria-label={t('problems.heading')} data-testid="problems">
      <h2>
        {t('problems.heading')}{' '}
        <span data-testid="problem-count">
          {t('problems.count', { errors, warnings: props.issues.length - errors })}
        </span>
      </h2>
      {props.issues.length === 0 && <p>{t('problems.none')}</p>}
      <ul className={styles.list}>
        {props.issues.map((issue, i) => (
          <li key={`${issue.code}@${issue.path}#${i}`} className={styles.item}>
            <Button
              appearance="transparent"
              className={styles.go}
              onClick={() => props.onSelect(issue)}
            >
              <span>
                <span className={issue.severity === 'error' ? styles.error : styles.warning}>
                  {t(`problems.${issue.severity}`)}
                </span>{' '}
                {msg(issue.message)}
                <br />
                <Caption1>
                  <code>{issue.code}</code> · <code>{issue.path}</code>
                </Caption1>
              </span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
