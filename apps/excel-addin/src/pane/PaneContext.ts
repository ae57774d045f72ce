import { createContext, useContext } from 'react';
import type { PaneController } from './use-pane-controller.ts';

export const PaneContext = createContext<PaneController | null>(null);

export function usePane(): PaneController {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane outside <PaneContext.Provider>');
  return pane;
}
