import { makeStyles, tokens } from '@fluentui/react-components';
import type { SheetCardState } from './SheetCard.types.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  header: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
  },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    fontSize: tokens.fontSizeBase200,
  },
  label: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, color: tokens.colorNeutralForeground1, wordBreak: 'break-word' },
  notice: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export type SheetCardClasses = ReturnType<typeof useStyles>;

export function useSheetCardStyles(_state: SheetCardState): SheetCardClasses {
  return useStyles();
}
