import type { ProblemListProps } from './ProblemList.types.ts';
import { renderProblemList } from './render-problem-list.tsx';
import { useProblemList } from './use-problem-list.ts';
import { useProblemListStyles } from './use-problem-list-styles.styles.ts';

/** The problems found while scoring, grouped by kind; choosing one selects its cell. */
export function ProblemList(props: ProblemListProps) {
  const state = useProblemList(props);
  const classes = useProblemListStyles(state);
  return renderProblemList(state, classes);
}
