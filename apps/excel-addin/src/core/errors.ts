// Typed errors for aborts (not expected problems, which are values). Mapped to text once, at
// the edge: the pane's MessageBar (see screens/ErrorBar.tsx).

export type AddinErrorCode =
  | 'office-call-failed'
  | 'file-unreadable'
  | 'kernel-unavailable'
  | 'nothing-to-download'
  | 'no-workbook'
  | 'cannot-save-new-sheets'
  /** The browser refused to keep the trust list (localStorage blocked or full). */
  | 'trust-not-saved';

export class AddinError extends Error {
  readonly code: AddinErrorCode;
  /** Detail for the message bar, e.g. the Office error text or the file name. */
  readonly detail: string;

  constructor(code: AddinErrorCode, detail: string, options?: { cause?: unknown }) {
    super(`${code}: ${detail}`, options);
    this.name = 'AddinError';
    this.code = code;
    this.detail = detail;
  }
}

export function describeError(error: unknown): {
  code: AddinErrorCode | 'unexpected';
  detail: string;
} {
  if (error instanceof AddinError) return { code: error.code, detail: error.detail };
  if (error instanceof Error) return { code: 'unexpected', detail: error.message };
  return { code: 'unexpected', detail: String(error) };
}
