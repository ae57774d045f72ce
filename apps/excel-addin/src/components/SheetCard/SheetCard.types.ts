import type { SheetState } from '../../core/kernel.types.ts';

export interface SheetCardProps {
  state: SheetState | null;
  onRefresh: () => void;
  busy: boolean;
}

export interface SheetCardField {
  label: string;
  value: string;
  /** Shown as a warning badge (integrity broken). */
  alert?: boolean;
}

export interface SheetCardState {
  heading: string;
  notice: string | null;
  fields: SheetCardField[];
  refreshLabel: string;
  busy: boolean;
  onRefresh: () => void;
}
