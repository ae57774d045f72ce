import { clip } from '@kaohe/engine/internal';
import { messages, type SheetIssueCode } from './messages.ts';
import type { SheetIssue } from './types.ts';

type Args<C extends SheetIssueCode> = Parameters<(typeof messages)[C]>;

/** Longest text of one argument quoted in a message: a cell holding a page of text (a key, a
 *  header value) is named by its start, never repeated whole. */
const ARG_LIMIT = 500;

function make<C extends SheetIssueCode>(
  severity: 'error' | 'warning',
  code: C,
  address: string,
  args: Args<C>,
  inputId?: string,
): SheetIssue {
  // tsc needs the cast to spread the arguments of a generic code; the lint cannot see it.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const fn = messages[code] as (...a: string[]) => { zh: string; en: string };
  return {
    code,
    path: address,
    address,
    severity,
    message: fn(...(args as string[]).map((a) => clip(a, ARG_LIMIT))),
    ...(inputId ? { inputId } : {}),
  };
}

export const sheetError = <C extends SheetIssueCode>(
  code: C,
  address: string,
  args: Args<C>,
  inputId?: string,
): SheetIssue => make('error', code, address, args, inputId);

export const sheetWarning = <C extends SheetIssueCode>(
  code: C,
  address: string,
  args: Args<C>,
  inputId?: string,
): SheetIssue => make('warning', code, address, args, inputId);

/** An issue whose arguments differ by language (a label, shown in zh and in en). */
export function sheetIssueIn<C extends SheetIssueCode>(
  severity: 'error' | 'warning',
  code: C,
  address: string,
  args: { zh: Args<C>; en: Args<C> },
  inputId?: string,
): SheetIssue {
  const zh = make(severity, code, address, args.zh, inputId);
  const en = make(severity, code, address, args.en, inputId);
  return { ...zh, message: { zh: zh.message.zh, en: en.message.en } };
}
