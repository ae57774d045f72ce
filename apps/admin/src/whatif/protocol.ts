import type { Msg } from '@kaohe/engine';
import type { Doc } from '../doc/open.ts';
import type { WhatIf } from './compare.ts';

export interface WhatIfRequest {
  base: Doc;
  draft: Doc;
  files: { name: string; bytes: ArrayBuffer }[];
}

export type WhatIfReply =
  | { ok: true; result: WhatIf; rejected: { name: string; message: Msg }[] }
  | { ok: false; message: Msg };
