import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePane } from '../pane/PaneContext.ts';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
    alignItems: 'center',
  },
  note: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    flexBasis: '100%',
  },
  hidden: { display: 'none' },
  wide: { flexBasis: '100%' },
});

/** Browser mode: open a workbook file, download it scored. */
export function StandaloneBar() {
  const { t } = useTranslation();
  const pane = usePane();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <div className={styles.root}>
      <span className={styles.note}>{t('mode.standalone')}</span>
      <input
        ref={input}
        className={styles.hidden}
        type="file"
        accept=".xlsx"
        data-testid="open-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) void pane.openFile(file);
        }}
      />
      <Button onClick={() => input.current?.click()} disabled={pane.busy}>
        {t('mode.open')}
      </Button>
      <Button onClick={() => void pane.download()} disabled={pane.busy || !pane.canDownload}>
        {t('mode.download')}
      </Button>
      {pane.summary && (
        <Button
          appearance="primary"
          onClick={() => void pane.downloadSummary()}
          disabled={pane.busy}
        >
          {t('mode.downloadSummary')}
        </Button>
      )}
      {pane.fileName && <span className={styles.note}>{pane.fileName}</span>}
      {pane.fileName && !pane.canDownload && !pane.summary && (
        <span className={styles.note} data-testid="download-reason">
          {pane.unsaved.summary ? t('mode.summaryFirst') : t('mode.nothingYet')}
        </span>
      )}
      {(pane.unsaved.file || pane.unsaved.summary) && (
        <MessageBar intent="warning" layout="multiline" className={styles.wide}>
          <MessageBarBody>{t('mode.unsaved')}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
