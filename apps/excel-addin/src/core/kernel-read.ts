// Reading one unit's workbook (a sheet group) through the codec, and the rule-set card.
import { msgOf, type RuleSet } from '@kaohe/engine';
import {
  metaUnhiddenMessage,
  readSheet,
  prefillOk,
  scoringGate,
  trustIsSet,
  type PrefillCheck,
  workbookEdition,
  type SheetRead,
  type TrustStore,
} from '@kaohe/sheet';
import { fromSheetIssue } from './kernel-problems.ts';
import { gridsOf, type SheetGroup } from './kernel-grids.ts';
import type { EditionView, Outcome, RuleSetInfo } from './kernel.types.ts';
import type { SheetGrid } from './workbook-port.ts';

export interface GroupRead {
  group: SheetGroup;
  read: SheetRead;
  problems: ReturnType<typeof fromSheetIssue>[];
}

export function readGroup(
  group: SheetGroup,
  grids: readonly SheetGrid[],
  reviewer?: RuleSet,
): Outcome<GroupRead> {
  const read = readSheet(gridsOf(group, grids), reviewer ? { ruleSet: reviewer } : {});
  if (!read.ok) return { ok: false, problems: read.issues.map((i) => fromSheetIssue(i, group)) };
  return {
    ok: true,
    value: {
      group,
      read: read.value,
      // The rules sheet's visibility is the verification line's to say (规则数据表被取消隐藏, when
      // made visible); merely hidden — as LibreOffice saves a very hidden sheet — is no alarm.
      problems: read.warnings
        .filter((i) => i.code !== 'meta-not-very-hidden')
        .map((i) => fromSheetIssue(i, group)),
    },
  };
}

/** The workbook's edition (meta sheet text and signature) verified against `trust`. */
export function editionView(
  embedded: { embeddedText: string; embeddedSignature?: string },
  trust: TrustStore,
  /** The unit's signed prefill checked (verifyPrefill), for a unit's own sheet. */
  prefill?: PrefillCheck,
  /** The rules sheet's name, when it was made visible (the read's metaUnhidden). */
  metaUnhidden?: string,
): EditionView {
  const edition = workbookEdition(embedded, trust);
  const checked = trustIsSet(trust);
  const signer = 'signer' in edition && edition.signer ? edition.signer : undefined;
  return {
    status: edition.status,
    message: edition.message,
    signer: signer
      ? { keyId: signer.keyId, fingerprint: signer.fingerprint, issuer: signer.issuer ?? null }
      : null,
    gate: scoringGate(edition, {
      draft: false,
      checked,
      ...(prefill ? { prefill } : {}),
      ...(metaUnhidden !== undefined ? { metaUnhidden } : {}),
    }).decision,
    // Said once a trust list is kept (before, nothing can be verified), where something was prefilled.
    ...(metaUnhidden !== undefined && checked
      ? { metaUnhidden: { sheet: metaUnhidden, message: metaUnhiddenMessage(metaUnhidden) } }
      : {}),
    ...(prefill && prefill.status !== 'none' && checked
      ? {
          prefill: {
            status: prefillOk(prefill) ? ('intact' as const) : ('failed' as const),
            message: prefill.message,
          },
        }
      : {}),
  };
}

// What the signature shows changed. A bad signature alone does not say whether the rules or the
// signature were changed: unknown.
const ALTERED = new Set<EditionView['status']>(['rules-altered', 'identity-mismatch']);

export function ruleSetInfo(ruleSet: RuleSet, checksum: string, edition: EditionView): RuleSetInfo {
  // readSheet refuses rules that do not match their checksum; whether they are the issuer's is
  // the signature's to say.
  return {
    id: ruleSet.id,
    kind: ruleSet.kind,
    rollsUp: ruleSet.inputs.some((d) => d.source === 'children'),
    title: msgOf(ruleSet.title),
    issuer: msgOf(ruleSet.issuer),
    year: ruleSet.year,
    edition: ruleSet.edition,
    checksum,
    integrity:
      edition.status === 'trusted' ? 'intact' : ALTERED.has(edition.status) ? 'altered' : 'unknown',
  };
}

/** The rules sheet's name where it was made visible (LibreOffice's merely hidden is no alarm). */
export const unhiddenMeta = (r: SheetRead): string | undefined =>
  r.metaUnhidden ? r.map.meta.sheet : undefined;
