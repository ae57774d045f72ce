import type { Msg, UnitInput } from '@kaohe/engine';
import type { Doc } from '../doc/open.ts';
import type { SummaryCheck, WhatIf } from './compare.ts';

export interface ChosenFile {
  name: string;
  bytes: ArrayBuffer;
}

/** To the what-if's worker. `rev`: the draft's revision, returned with its reply (stale replies
 *  are told by it). The worker keeps the cohort read by `cohort` for the `rescore`s after it. */
export type WhatIfRequest =
  | { type: 'cohort'; rev: number; base: Doc; draft: Doc; files: ChosenFile[] }
  | { type: 'rescore'; rev: number; draft: Doc }
  | { type: 'unit'; base: Doc; file: ChosenFile };

/** The draft's what-if, or why there is none (the draft's first problem, at its path). */
export type Rescored = { ok: true; result: WhatIf } | { ok: false; message: Msg };

export type WhatIfReply =
  | {
      type: 'cohort';
      ok: true;
      rev: number;
      rescored: Rescored;
      rejected: { name: string; message: Msg }[];
      /** The workbooks read with warnings (a blank figure, last year's figure unreadable),
       *  each file's at their cells, in the order chosen. */
      warned: { name: string; warnings: Msg[] }[];
      /** The units read from the returned workbooks: one can be shown item by item. */
      units: UnitInput[];
      /** Last year's review summaries chosen with the workbooks, checked against them. */
      summaries: (SummaryCheck & { name: string })[];
    }
  | { type: 'cohort'; ok: false; rev: number; message: Msg }
  | { type: 'rescore'; rev: number; rescored: Rescored }
  | { type: 'unit'; ok: true; unit: UnitInput; warnings: Msg[] }
  | { type: 'unit'; ok: false; message: Msg };
