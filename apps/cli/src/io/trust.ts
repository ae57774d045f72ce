// The trust list: the public keys a reader trusts and the key ids revoked, in one JSON file.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parsePublicKey, type PublicKeyInfo, type TrustStore } from '@kaohe/sheet';
import { CliError } from '../errors.ts';
import { editionText as T } from '../i18n/editions.ts';
import { readJson } from './files.ts';
import { exists } from './output-policy.ts';

/** The trust list file: `--trust`, else KAOHE_TRUST_FILE, else the user's own config folder. */
export const trustPath = (file: string | undefined): string =>
  resolve(
    file ?? process.env.KAOHE_TRUST_FILE ?? join(homedir(), '.config', 'kaohe', 'trust.json'),
  );

export interface TrustFile {
  kaohe: 'trust';
  version: 1;
  keys: string[];
  revoked: { keyId: string; reason?: string }[];
}

export async function readTrustFile(file: string | undefined): Promise<TrustFile> {
  const path = trustPath(file);
  if ((await exists(path)) === false) return { kaohe: 'trust', version: 1, keys: [], revoked: [] };
  const raw = (await readJson(path, file ?? path)) as Partial<TrustFile>;
  if (raw?.kaohe !== 'trust' || !Array.isArray(raw.keys) || !Array.isArray(raw.revoked))
    throw new CliError('input-corrupt', T.badTrustStore(file ?? path));
  return raw as TrustFile;
}

export async function loadTrust(file: string | undefined): Promise<TrustStore> {
  const t = await readTrustFile(file);
  const keys: PublicKeyInfo[] = [];
  for (const line of t.keys) {
    const k = parsePublicKey(line);
    if (!k.ok) throw new CliError('input-corrupt', T.badTrustStore(file ?? trustPath(file)));
    keys.push(k.value);
  }
  return { keys, revoked: t.revoked };
}

/** The trust list when one is given or the default one exists; else none (no signature check). */
export async function trustIfAny(file: string | undefined): Promise<TrustStore | undefined> {
  if (file === undefined && (await exists(trustPath(undefined))) === false) return undefined;
  return loadTrust(file);
}
