// Signed workbooks for tests, made as `kaohe keys new` / `publish` / `template` make them: a key
// pair, an edition of the rule set signed with it, the unit's template carrying that edition.
// And the tampers the issue lists, done to the template's meta sheet as a unit could do them.
import type { InputValue, RuleSet, UnitInput } from '@kaohe/engine';
import {
  createKey,
  openKey,
  publishEdition,
  sha256Hex,
  signPrefill,
  type EditionFile,
  type PublicKeyInfo,
  type Template,
} from '@kaohe/sheet';
import type { Cell } from '../core/workbook-port.ts';
import { filledTemplate } from './sample-workbook.ts';

export interface TestKey {
  line: string;
  fingerprint: string;
  publicKey: PublicKeyInfo;
  secret: Uint8Array;
}

export function issuerKey(issuer: string, years: [number, number] = [2012, 2014]): TestKey {
  const pass = '测试口令-不用于正式';
  // A low scrypt cost keeps tests quick; the file records its own cost.
  const made = createKey(pass, {
    issuer,
    validFrom: years[0],
    validTo: years[1],
    scryptN: 2 ** 10,
  });
  const opened = openKey(made.file, pass);
  if (!opened.ok) throw new Error(opened.message.en);
  return {
    line: made.line,
    fingerprint: made.fingerprint,
    publicKey: made.publicKey,
    secret: opened.value.secret,
  };
}

const signEdition = (ruleSet: RuleSet, key: TestKey): EditionFile =>
  publishEdition(ruleSet, {
    secret: key.secret,
    key: key.publicKey,
    issuedAt: '2013-01-15T08:00:00Z',
  });

/** A unit's filled workbook carrying the edition signed by `key` and, prefilled by the assessing
 *  level, `values` (as a roster gives them) signed by the same key; `edits` as the unit typed. */
export function prefilledTemplate(
  ruleSet: RuleSet,
  unit: UnitInput,
  key: TestKey,
  values: Record<string, InputValue>,
  edits: Record<string, Cell> = {},
): Template {
  const edition = signEdition(ruleSet, key);
  const prefill = { values };
  const identity = { id: unit.id, name: unit.name, ...(unit.class ? { class: unit.class } : {}) };
  const prefillSignature = signPrefill(edition, identity, prefill, {
    secret: key.secret,
    key: key.publicKey,
    issuedAt: '2013-01-15T08:00:00Z',
  });
  return filledTemplate(ruleSet, unit, edits, edition, { prefill, prefillSignature });
}

/** A unit's filled workbook carrying the edition signed by `key`. */
export const signedTemplate = (ruleSet: RuleSet, unit: UnitInput, key: TestKey): Template =>
  filledTemplate(ruleSet, unit, {}, signEdition(ruleSet, key));

const metaRows = (template: Template): unknown[][] => {
  const meta = template.sheets.find((s) => s.role === 'meta');
  if (!meta) throw new Error('template without a meta sheet');
  return meta.values;
};
const field = (template: Template, key: string): unknown[] => {
  const row = metaRows(template).find((r) => r[0] === key);
  if (!row) throw new Error(`meta sheet without ${key}`);
  return row;
};

/** The 先进 threshold lowered (135 → 130) in the embedded rules, every checksum recomputed. */
export function alterRules(template: Template): Template {
  const rows = metaRows(template);
  const chunks = rows.filter((r) => r[0] === 'json');
  const hit = chunks.find((r) => String(r[1]).includes('"maxShare":50,"min":135'));
  if (!hit) throw new Error('the threshold is not in one chunk');
  hit[1] = String(hit[1]).replace('"maxShare":50,"min":135', '"maxShare":50,"min":130');
  const before = String(field(template, 'checksum')[1]);
  const after = sha256Hex(chunks.map((r) => String(r[1])).join(''));
  field(template, 'checksum')[1] = after;
  // The checksum the scoring sheet's header shows (first 12 digits in groups of four) too.
  const shown = (h: string) => (h.slice(0, 12).match(/.{4}/g) ?? []).join(' ');
  for (const sheet of template.sheets)
    for (const r of sheet.values as unknown[][])
      r.forEach((v, i) => {
        if (v === shown(before)) r[i] = shown(after);
      });
  return template;
}

/** One character of the signature changed: not the issuer's signature any more. */
export function breakSignature(template: Template): Template {
  const row = field(template, 'signature');
  const envelope = JSON.parse(String(row[1])) as { signatures: { sig: string }[] };
  const sig = envelope.signatures[0];
  if (!sig) throw new Error('no signature');
  sig.sig = `${sig.sig.startsWith('A') ? 'B' : 'A'}${sig.sig.slice(1)}`;
  row[1] = JSON.stringify(envelope);
  return template;
}

/** The signature row deleted: the rules read as unsigned. */
export function dropSignature(template: Template): Template {
  const meta = template.sheets.find((s) => s.role === 'meta');
  if (!meta) throw new Error('template without a meta sheet');
  meta.values = meta.values.filter((r) => r[0] !== 'signature');
  return template;
}
