import type { Problem, ProblemCode } from '../../core/kernel.types.ts';

export interface ProblemListProps {
  problems: readonly Problem[];
  /** Called when the user chooses a problem that has a cell. */
  onSelect: (problem: Problem) => void;
}

export interface ProblemItem {
  key: string;
  problem: Problem;
  text: string;
  /** "单位!C12", or null when the problem has no cell. */
  location: string | null;
}

export interface ProblemGroup {
  code: ProblemCode;
  label: string;
  severity: 'error' | 'warning';
  items: ProblemItem[];
}

export interface ProblemListState {
  heading: string;
  empty: string | null;
  groups: ProblemGroup[];
  selectLabel: (item: ProblemItem) => string;
  onSelect: (item: ProblemItem) => void;
}
