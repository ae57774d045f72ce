import { makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { usePane } from '../pane/PaneContext.ts';

const useStyles = makeStyles({
  root: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  address: { fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyMonospace },
});

/** Browser mode: the cell a problem points at, since there is no Excel grid to select it in. */
export function SelectionView() {
  const { t } = useTranslation();
  const { selected } = usePane();
  const styles = useStyles();
  if (!selected) return null;
  return (
    <div className={styles.root} role="status" data-testid="selection">
      {t('selection.cell')}{' '}
      <span className={styles.address}>{`${selected.sheet}!${selected.address}`}</span>
      {selected.row && ` · ${selected.row}`} · {t('selection.value')}{' '}
      {selected.value === null ? t('selection.blank') : String(selected.value)}
    </div>
  );
}
