import type { SheetCardProps } from './SheetCard.types.ts';
import { renderSheetCard } from './render-sheet-card.tsx';
import { useSheetCard } from './use-sheet-card.ts';
import { useSheetCardStyles } from './use-sheet-card-styles.styles.ts';

/** The active sheet: its rule set (issuer, year, edition, integrity), unit and state. */
export function SheetCard(props: SheetCardProps) {
  const state = useSheetCard(props);
  return renderSheetCard(state, useSheetCardStyles(state));
}
