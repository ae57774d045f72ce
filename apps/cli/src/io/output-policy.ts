// What the CLI does about files already there: an output that exists is refused unless --force
// (every command alike), and a backup never replaces an earlier backup.
import { stat } from 'node:fs/promises';
import { CliError } from '../errors.ts';
import { common } from '../i18n/common.ts';
import type { PendingFile } from './files.ts';

export async function exists(path: string): Promise<'file' | 'dir' | false> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return false;
  }
}

/** Refuses (a usage error naming the first) when any of `files` exists and `force` is not set. */
export async function refuseExisting(
  files: readonly PendingFile[],
  force: boolean | undefined,
): Promise<void> {
  if (force) return;
  for (const f of files)
    if ((await exists(f.path)) !== false) throw new CliError('usage', common.outExists(f.shown));
}

/**
 * The first of `name(1)`, `name(2)`, … whose resolved path does not exist: `x.bak.xlsx`, then
 * `x.bak-2.xlsx`, `x.bak-3.xlsx`: a second `--in-place` keeps the first backup.
 */
export async function freeName(
  name: (n: number) => string,
  resolve: (shown: string) => string,
): Promise<string> {
  for (let n = 1; ; n++) {
    const shown = name(n);
    if ((await exists(resolve(shown))) === false) return shown;
  }
}
