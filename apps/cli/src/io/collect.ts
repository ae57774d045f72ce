// Files and folders named on the command line → the workbooks in them (.xlsx, .xlsm), sorted,
// without Excel's owner files (~$…), lock files, our backups (….bak.xlsx), dot-files and anything
// else: each of those is named in `skipped`, so the reviewer sees what was not read.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../errors.ts';
import { common } from '../i18n/common.ts';
import { reviewText } from '../i18n/review.ts';
import type { Output } from './output.ts';
import { resolveInput } from './paths.ts';

interface Found {
  path: string;
  shown: string;
}

const isWorkbook = (name: string): boolean =>
  /\.xls[xm]$/i.test(name) &&
  !name.startsWith('~$') &&
  !name.startsWith('.') &&
  !/\.bak\.xls[xm]$/i.test(name);

export interface Collected {
  found: Found[];
  /** Entries of the folders named that are not read (shown as folder/name), sorted. */
  skipped: string[];
}

export async function collectWorkbooks(args: readonly string[], out: Output): Promise<Collected> {
  const found: Found[] = [];
  const skipped: string[] = [];
  for (const arg of args) {
    const path = resolveInput(out, arg);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CliError('input-missing', common.fileMissing(arg));
    if (!info.isDirectory()) {
      found.push({ path, shown: arg });
      continue;
    }
    const all = (await readdir(path)).sort();
    const names = all.filter(isWorkbook);
    skipped.push(...all.filter((n) => !isWorkbook(n)).map((n) => join(arg, n)));
    if (names.length === 0) throw new CliError('input-missing', reviewText.noWorkbooks(arg));
    found.push(...names.map((n) => ({ path: join(path, n), shown: join(arg, n) })));
  }
  const seen = new Set<string>();
  return {
    found: found.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true))),
    skipped,
  };
}
