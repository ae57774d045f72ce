// What stands at the top of the pane about whose rules these are: one line per check, each calm
// when it holds and red when it does not: the edition (who signed the rules), then — where the
// assessing level prefilled and signed the unit's figures, once a trust list is kept — the
// prefill (责任指标, 上年数据 intact or altered, @kaohe/sheet's verifyPrefill), then a rules sheet
// made visible (said only when it was). The banner renders whatever lines there are, in order.
import type { EditionView, Msg, SheetState } from '../core/kernel.types.ts';

export interface VerificationLine {
  id: 'edition' | 'prefill' | 'meta';
  tone: 'success' | 'error';
  /** i18n key of the line's title (the pane's own words for what is wrong). */
  title: string;
  /** @kaohe/sheet's words: who signed, the fingerprint, the years or reason. */
  detail: Msg;
  /** Further i18n keys said under the detail (what to do). */
  hints: string[];
  /** What the line offers: importing the issuer's public key. */
  action: 'import-key' | null;
}

export function editionLine(edition: EditionView): VerificationLine {
  if (edition.status === 'trusted')
    return {
      id: 'edition',
      tone: 'success',
      title: 'verify.official',
      detail: edition.message,
      hints: [],
      action: null,
    };
  const missingKey = edition.status === 'unknown-key';
  return {
    id: 'edition',
    tone: 'error',
    title: `verify.${edition.status}`,
    detail: edition.message,
    hints: [
      ...(missingKey ? ['verify.importHint'] : []),
      edition.gate === 'refused' ? 'verify.refused' : 'verify.draft',
    ],
    action: missingKey ? 'import-key' : null,
  };
}

/** The unit's prefilled figures (责任指标, 上年数据) as the issuer signed them, or what differs. */
function prefillLine(prefill: NonNullable<EditionView['prefill']>): VerificationLine {
  const intact = prefill.status === 'intact';
  return {
    id: 'prefill',
    tone: intact ? 'success' : 'error',
    title: intact ? 'verify.prefillIntact' : 'verify.prefillBad',
    detail: prefill.message,
    hints: intact ? [] : ['verify.refused'],
    action: null,
  };
}

/** The rules sheet unhidden: very hidden, it was shown on purpose; refused as verify fails it. */
const metaLine = (meta: NonNullable<EditionView['metaUnhidden']>): VerificationLine => ({
  id: 'meta',
  tone: 'error',
  title: 'verify.metaUnhidden',
  detail: meta.message,
  hints: ['verify.refused'],
  action: null,
});

/** The lines for the sheet as read (none where the workbook carries no rules). */
export function verificationLines(state: SheetState | null): VerificationLine[] {
  if (state?.kind !== 'assessment' && state?.kind !== 'summary') return [];
  if (!state.edition) return [];
  return [
    editionLine(state.edition),
    ...(state.edition.prefill ? [prefillLine(state.edition.prefill)] : []),
    ...(state.edition.metaUnhidden ? [metaLine(state.edition.metaUnhidden)] : []),
  ];
}
