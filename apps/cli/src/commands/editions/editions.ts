// kaohe keys new / publish / verify / trust: signed editions (issue 15). The decisions live in
// @kaohe/sheet (editions/): these commands only read and write files.
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Msg } from '@kaohe/engine';
import {
  checkChain,
  embeddedEdition,
  prefillOk,
  readSheet,
  type SheetGrid,
  type TrustStore,
  verifyPrefill,
  workbookEdition,
  createKey,
  type EditionFile,
  fingerprintOf,
  openKey,
  parsePublicKey,
  metaUnhiddenMessage,
  passphraseProblem,
  publishEdition,
  verifyEdition,
  trustAdd,
  trustRevoke,
} from '@kaohe/sheet';
import { CliError, type CommandStatus } from '../../errors.ts';
import { editionText as T } from '../../i18n/editions.ts';
import { readJson, writeAll } from '../../io/files.ts';
import { loadTrust, readTrust } from '../../io/trust.ts';
import { exists, refuseExisting } from '../../io/output-policy.ts';
import type { Output } from '../../io/output.ts';
import { resolveInput } from '../../io/paths.ts';
import { decodeWorkbook, readWorkbookFile } from '../../io/workbook.ts';
import { loadRuleSet } from '../../io/rule-set.ts';

export interface KeyOptions {
  issuer: string;
  years: string;
  out: string;
  passphraseFile?: string;
  force?: boolean;
}

/** The passphrase: --passphrase-file, else KAOHE_PASSPHRASE; too short is refused. */
export async function passphrase(file: string | undefined): Promise<string> {
  const text = file
    ? (await readFile(file, 'utf8')).replace(/\r?\n$/, '')
    : process.env.KAOHE_PASSPHRASE;
  if (text === undefined || text === '') throw new CliError('usage', T.noPassphrase);
  const short = passphraseProblem(text);
  if (short) throw new CliError('usage', short);
  return text;
}

export async function runKeysNew(o: KeyOptions, out: Output): Promise<CommandStatus> {
  const m = /^(\d{4})-(\d{4})$/.exec(o.years);
  if (!m || Number(m[1]) > Number(m[2])) throw new CliError('usage', T.badYears(o.years));
  const pass = await passphrase(o.passphraseFile);
  const file = { path: resolve(o.out), shown: o.out };
  await refuseExisting([{ ...file, data: '' }], o.force);
  const key = createKey(pass, { issuer: o.issuer, validFrom: Number(m[1]), validTo: Number(m[2]) });
  await writeAll([{ ...file, data: `${JSON.stringify(key.file, null, 2)}\n`, mode: 0o600 }]);
  out.note(T.keyMade(o.out, o.issuer));
  out.line(T.publicLine);
  out.line(key.line);
  out.line(T.fingerprint(key.fingerprint));
  out.result({
    command: 'keys new',
    keyFile: o.out,
    publicKey: key.line,
    fingerprint: key.fingerprint,
  });
  return 'ok';
}

export interface PublishCliOptions {
  key: string;
  out: string;
  previous?: string;
  passphraseFile?: string;
  trust?: string;
  force?: boolean;
}

export async function runPublish(
  rulesFile: string,
  o: PublishCliOptions,
  out: Output,
): Promise<CommandStatus> {
  // Validated first: an edition is never published from rules with errors.
  const { ruleSet } = await loadRuleSet(resolveInput(out, rulesFile), rulesFile);
  const opened = openKey(
    await readJson(resolveInput(out, o.key), o.key),
    await passphrase(o.passphraseFile),
  );
  if (!opened.ok) throw new CliError('input-invalid', T.keyRefused(o.key, opened.message));
  let previous: EditionFile | undefined;
  if (o.previous) {
    const raw = await readJson(resolveInput(out, o.previous), o.previous);
    // The previous edition is chained to only once it verifies (with the publisher's own key too).
    const store = await loadTrust(o.trust);
    const check = verifyEdition(raw, { ...store, keys: [...store.keys, opened.value.publicKey] });
    if (check.status !== 'trusted')
      throw new CliError('input-invalid', T.previousNotTrusted(o.previous, check.message));
    if (check.statement?.id !== ruleSet.id)
      throw new CliError('input-invalid', T.previousOtherRules(o.previous));
    if ((check.statement?.edition ?? 0) >= ruleSet.edition)
      throw new CliError('input-invalid', T.previousNotEarlier(o.previous));
    previous = raw as EditionFile;
  }
  const file = { path: resolve(o.out), shown: o.out };
  await refuseExisting([{ ...file, data: '' }], o.force);
  const edition = publishEdition(ruleSet, {
    secret: opened.value.secret,
    key: opened.value.publicKey,
    issuedAt: new Date().toISOString(),
    ...(previous ? { previous } : {}),
  });
  await writeAll([{ ...file, data: `${JSON.stringify(edition, null, 2)}\n` }]);
  out.line(T.published(o.out, ruleSet.year, ruleSet.edition, previous !== undefined));
  out.result({ command: 'publish', out: o.out, year: ruleSet.year, edition: ruleSet.edition });
  return 'ok';
}

/** One workbook's signatures: the rules (before anything is parsed), then the prefill. */
async function verifyWorkbook(
  path: string,
  shown: string,
  trust: TrustStore,
): Promise<{ ok: boolean; lines: Msg[]; row: Record<string, unknown> }> {
  let grids: SheetGrid[];
  try {
    grids = await decodeWorkbook(await readWorkbookFile(path, shown), shown);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    return {
      ok: false,
      lines: [T.refused(shown, e.msg)],
      row: { file: shown, status: 'unreadable', message: e.msg },
    };
  }
  const texts = embeddedEdition(grids);
  if (!texts) {
    const missing = {
      zh: '找不到规则数据表(kaohe_meta)',
      en: 'the rules sheet (kaohe_meta) is missing',
    };
    return {
      ok: false,
      lines: [T.refused(shown, missing)],
      row: { file: shown, status: 'meta-missing', message: missing },
    };
  }
  const edition = workbookEdition(texts, trust);
  const lines: Msg[] = [
    edition.status === 'trusted'
      ? T.verified(shown, edition.message)
      : T.refused(shown, edition.message),
  ];
  const row: Record<string, unknown> = {
    file: shown,
    status: edition.status,
    message: edition.message,
    ...('signer' in edition && edition.signer ? { fingerprint: edition.signer.fingerprint } : {}),
  };
  // Only rules that verified are read by; else the sheet is read by its own rules, strictly.
  const read = readSheet(
    grids,
    edition.status === 'trusted' && edition.ruleSet ? { ruleSet: edition.ruleSet } : {},
  );
  if (!read.ok) {
    const first = read.issues.find((i) => i.severity === 'error') ?? read.issues[0];
    const why = first
      ? T.sheetUnreadable(first.address, first.message)
      : T.sheetUnreadable('', { zh: '', en: '' });
    lines.push(why);
    return { ok: false, lines, row: { ...row, sheet: why } };
  }
  const prefill = verifyPrefill(read.value, trust);
  lines.push(T.prefillLine(prefillOk(prefill), prefill.message));
  // LibreOffice saves a very hidden sheet as hidden: only a visible one was unhidden on purpose.
  const meta = grids.find((g) => g.name === read.value.map.meta.sheet);
  const visible = meta?.state === 'visible';
  if (visible) lines.push(T.metaVisible(metaUnhiddenMessage(read.value.map.meta.sheet)));
  return {
    ok: edition.status === 'trusted' && prefillOk(prefill) && !visible,
    lines,
    row: {
      ...row,
      prefill: { status: prefill.status, message: prefill.message, changes: prefill.changes },
      metaVisible: visible,
    },
  };
}

export async function runVerify(
  paths: readonly string[],
  o: { trust?: string },
  out: Output,
): Promise<CommandStatus> {
  const trust = await loadTrust(o.trust);
  const files: string[] = [];
  const isWorkbook = (f: string): boolean => /\.xlsx$/i.test(f);
  for (const p of paths) {
    const abs = resolveInput(out, p);
    if ((await exists(abs)) === 'dir')
      files.push(
        ...(await readdir(abs))
          // Excel's lock files (~$name.xlsx) are not workbooks.
          .filter((f) => f.endsWith('.json') || (isWorkbook(f) && !f.startsWith('~$')))
          .sort()
          .map((f) => join(p, f)),
      );
    else files.push(p);
  }
  const rows: Record<string, unknown>[] = [];
  const trusted: EditionFile[] = [];
  let bad = 0;
  for (const f of files) {
    if (isWorkbook(f)) {
      const w = await verifyWorkbook(resolveInput(out, f), f, trust);
      for (const l of w.lines) out.line(l);
      if (!w.ok) bad++;
      rows.push(w.row);
      continue;
    }
    const raw = await readJson(resolveInput(out, f), f);
    const check = verifyEdition(raw, trust);
    out.line(
      check.status === 'trusted' ? T.verified(f, check.message) : T.refused(f, check.message),
    );
    if (check.status === 'trusted') trusted.push(raw as EditionFile);
    else bad++;
    rows.push({
      file: f,
      status: check.status,
      message: check.message,
      ...(check.signer ? { fingerprint: check.signer.fingerprint } : {}),
    });
  }
  const chain = trusted.length > 1 ? checkChain(trusted) : undefined;
  if (chain) out.line(chain.ok ? T.chainIntact(trusted.length) : T.chainBroken(chain.breaks));
  out.line(T.summary(rows.length - bad, bad));
  out.result({ command: 'verify', files: rows, chain: chain ?? null });
  return bad > 0 || (chain && !chain.ok) ? 'findings' : 'ok';
}

export async function runTrustAdd(
  line: string,
  o: { trust?: string },
  out: Output,
): Promise<CommandStatus> {
  // What a trust list takes is @kaohe/sheet's (trustAdd): the task pane imports keys the same way.
  // A bad line is a usage error before the list is even read.
  const parsed = parsePublicKey(line);
  if (!parsed.ok) throw new CliError('usage', parsed.message);
  const t = await readTrust(o.trust, true);
  const added = trustAdd(t.file, line);
  if (!added.ok) throw new CliError('usage', added.message);
  const { key, file: next } = added.value;
  const fp = fingerprintOf(key.keyId);
  if (added.value.already) {
    out.line(T.trustAlready(key.issuer, fp));
    return 'ok';
  }
  await writeAll([{ path: t.path, shown: t.shown, data: `${JSON.stringify(next, null, 2)}\n` }]);
  out.line(T.trustAdded(key.issuer, fp, t.shown));
  out.result({ command: 'trust add', keyId: key.keyId, fingerprint: fp });
  return 'ok';
}

export async function runTrustRevoke(
  typed: string,
  o: { trust?: string; reason?: string },
  out: Output,
): Promise<CommandStatus> {
  // The fingerprint as printed in a notice ("9C32 116E …") or the key id: @kaohe/sheet's
  // trustRevoke, as the pane's key panel revokes.
  const t = await readTrust(o.trust, true);
  const revoked = trustRevoke(t.file, typed, o.reason);
  if (!revoked.ok) throw new CliError('usage', revoked.message);
  const { keyId, key, file: next } = revoked.value;
  if (!key) out.note(T.revokedUnknown(keyId));
  await writeAll([{ path: t.path, shown: t.shown, data: `${JSON.stringify(next, null, 2)}\n` }]);
  out.line(T.revokedNow(keyId, t.shown));
  out.result({ command: 'trust revoke', keyId });
  return 'ok';
}

export async function runTrustList(o: { trust?: string }, out: Output): Promise<CommandStatus> {
  const t = await loadTrust(o.trust);
  if (t.keys.length === 0) out.line(T.trustEmpty);
  for (const k of t.keys) {
    const r = t.revoked.find((x) => x.keyId === k.keyId);
    out.line(
      T.trustEntry(
        k.issuer,
        fingerprintOf(k.keyId),
        k.validFrom,
        k.validTo,
        r ? (r.reason ?? '') : undefined,
      ),
    );
  }
  out.result({ command: 'trust list', keys: t.keys, revoked: t.revoked });
  return 'ok';
}
