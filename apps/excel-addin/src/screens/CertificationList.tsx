import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { CertificationView } from '../core/kernel.types.ts';
import { useMsg } from '../i18n/msg.ts';
import { usePane } from '../pane/PaneContext.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  unit: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  failed: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  passed: { borderLeft: `3px solid ${tokens.colorPaletteGreenBorder2}` },
  name: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  go: {
    minWidth: 0,
    padding: 0,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  deadline: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  clauses: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  heading: { fontWeight: tokens.fontWeightSemibold },
});

/** 评估认定: each unit passed or not, the clauses not met with their reasons, who certifies and
 *  by when to rectify — what `kaohe review` prints for a certification. */
export function CertificationList({ view }: { view: CertificationView }) {
  const { t } = useTranslation();
  const msg = useMsg();
  const pane = usePane();
  const styles = useStyles();
  return (
    <section
      className={styles.root}
      aria-label={t('review.certHeading', { count: view.units.length, date: view.assessedOn })}
    >
      <span className={styles.heading}>
        {t('review.certHeading', { count: view.units.length, date: view.assessedOn })}
      </span>
      {view.units.map((u) => (
        <article
          key={u.sheet}
          className={`${styles.unit} ${u.passed ? styles.passed : styles.failed}`}
          aria-label={u.unit.name}
        >
          <span className={styles.name}>
            <Button
              className={styles.go}
              appearance="transparent"
              size="small"
              onClick={() => void pane.selectCell({ sheet: u.sheet, address: 'A1' })}
            >
              {u.unit.name}
            </Button>
            <Badge
              color={u.passed === null ? 'warning' : u.passed ? 'success' : 'danger'}
              appearance="filled"
            >
              {t(
                u.passed === null
                  ? 'review.certRefused'
                  : u.passed
                    ? 'review.certPassed'
                    : 'review.certFailed',
              )}
            </Badge>
          </span>
          <span>{msg(u.result)}</span>
          {u.certifier && (
            <span className={styles.muted}>{t('review.certifier', { by: msg(u.certifier) })}</span>
          )}
          {u.rectifyBy && (
            <span className={styles.deadline}>{t('review.rectifyBy', { date: u.rectifyBy })}</span>
          )}
          {u.failing.length > 0 && (
            <>
              <span>{t('review.failing', { count: u.failing.length })}</span>
              <ul className={styles.clauses}>
                {u.failing.map((f, i) => (
                  <li key={i}>
                    <strong>{msg(f.caption)}</strong>
                    {f.cannotJudge && (
                      <>
                        {' '}
                        <Badge color="warning" size="small">
                          {t('review.cannotJudge')}
                        </Badge>
                      </>
                    )}
                    <div>{msg(f.reason)}</div>
                  </li>
                ))}
              </ul>
            </>
          )}
          {u.history && (
            <span className={styles.muted}>
              {t('review.history', { text: msg(u.history).split('\n').join('；') })}
            </span>
          )}
          {u.notes.map((n, i) => (
            <span key={i}>{t('review.note', { text: msg(n) })}</span>
          ))}
        </article>
      ))}
      <span role="status">
        {t('review.certTotals', {
          passed: view.passed,
          failed: view.failed,
          undecided: view.undecided,
          refused: view.refused,
        })}
      </span>
    </section>
  );
}
