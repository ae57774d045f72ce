import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { usePane } from '../pane/PaneContext.ts';

const useStyles = makeStyles({
  address: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
});

/**
 * What choosing a problem did, shown beside that problem: in Excel the cell is selected in the
 * grid; in browser mode there is no grid, so the cell's row and value are shown here.
 */
export function SelectionNote() {
  const { t } = useTranslation();
  const { selected } = usePane();
  const styles = useStyles();
  if (!selected) return null;
  const address = `${selected.sheet}!${selected.address}`;
  if (selected.inExcel) return <>{t('selection.inExcel', { address })}</>;
  return (
    <>
      {t('selection.cell')} <span className={styles.address}>{address}</span>
      {selected.row && ` · ${selected.row}`} · {t('selection.value')}{' '}
      {selected.value === null ? t('selection.blank') : String(selected.value)}
    </>
  );
}
