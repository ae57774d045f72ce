import type { ReactNode } from 'react';
import type { Problem, ProblemCode } from '../../core/kernel.types.ts';

export interface ProblemListProps {
  problems: readonly Problem[];
  /** Called when the user chooses a problem that has a cell. */
  onSelect: (problem: Problem) => void;
  /** The unit these problems are about (review lists one per unit), in the heading. */
  unit?: string;
  /** The cell last chosen: `note` is shown beside the problem that points at it. */
  selected?: { sheet: string; address: string } | null;
  note?: ReactNode;
}

interface ProblemItem {
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
  /** Key of the item the note stands beside (the first that points at the chosen cell). */
  selectedKey: string | null;
  note: ReactNode;
  empty: string | null;
  groups: ProblemGroup[];
  selectLabel: (item: ProblemItem) => string;
  onSelect: (item: ProblemItem) => void;
}
