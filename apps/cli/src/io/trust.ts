// The trust list file: read and written here; what it may hold is @kaohe/sheet's (parseTrustFile).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { EMPTY_TRUST_FILE, parseTrustFile, type TrustFile, type TrustStore } from '@kaohe/sheet';
import { CliError } from '../errors.ts';
import { editionText as T } from '../i18n/editions.ts';
import { readJson } from './files.ts';
import { exists } from './output-policy.ts';

/** The trust list file: `--trust`, else KAOHE_TRUST_FILE, else the user's own config folder. */
const trustPath = (file: string | undefined): string =>
  resolve(
    file ?? process.env.KAOHE_TRUST_FILE ?? join(homedir(), '.config', 'kaohe', 'trust.json'),
  );

/**
 * The trust list file and what it trusts. A list named with `--trust` must exist (a mistyped name
 * is never an empty list), unless `creating` (trust add / revoke make it); the default list may
 * be absent: nothing is trusted then.
 */
export async function readTrust(
  file: string | undefined,
  creating = false,
): Promise<{ file: TrustFile; store: TrustStore; path: string; shown: string }> {
  const path = trustPath(file);
  const shown = file ?? path;
  if ((await exists(path)) === false) {
    if (file !== undefined && !creating) throw new CliError('input-missing', T.trustMissing(shown));
    return { file: EMPTY_TRUST_FILE, store: { keys: [], revoked: [] }, path, shown };
  }
  const parsed = parseTrustFile(await readJson(path, shown));
  if (!parsed.ok) throw new CliError('input-corrupt', T.badTrustStore(shown, parsed.message));
  return { ...parsed.value, path, shown };
}

export const loadTrust = async (file: string | undefined): Promise<TrustStore> =>
  (await readTrust(file)).store;

/** The trust list when one is given or the default one exists; else none (no signature check). */
export async function trustIfAny(file: string | undefined): Promise<TrustStore | undefined> {
  if (file === undefined && (await exists(trustPath(undefined))) === false) return undefined;
  return loadTrust(file);
}
