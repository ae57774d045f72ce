import type { Msg, UnitInput } from '@kaohe/engine';
import type { Doc } from '../doc/open.ts';
import type { SummaryCheck, WhatIf } from './compare.ts';

export interface WhatIfRequest {
  base: Doc;
  draft: Doc;
  files: { name: string; bytes: ArrayBuffer }[];
}

export type WhatIfReply =
  | {
      ok: true;
      result: WhatIf;
      rejected: { name: string; message: Msg }[];
      /** The units read from the returned workbooks: one can be shown item by item. */
      units: UnitInput[];
      /** Last year's review summaries chosen with the workbooks, checked against them. */
      summaries: (SummaryCheck & { name: string })[];
    }
  | { ok: false; message: Msg };
