import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ProblemListState } from './ProblemList.types.ts';

export const problemListClassNames = {
  root: 'kh-ProblemList',
  group: 'kh-ProblemList__group',
  item: 'kh-ProblemList__item',
} as const;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
  },
  groupHeading: {
    listStyleType: 'none',
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  item: {
    listStyleType: 'none',
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  error: { borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}` },
  warning: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteMarigoldBorder2}`,
  },
  text: {
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    wordBreak: 'break-word',
  },
  empty: { color: tokens.colorNeutralForeground3 },
  note: {
    gridColumn: '1 / -1',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorBrandBackground2,
    fontSize: tokens.fontSizeBase200,
  },
});

export type ProblemListClasses = ReturnType<typeof useStyles> & { rootClass: string };

export function useProblemListStyles(_state: ProblemListState): ProblemListClasses {
  const styles = useStyles();
  return { ...styles, rootClass: mergeClasses(problemListClassNames.root, styles.root) };
}
