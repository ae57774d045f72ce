// Files and folders named on the command line → the workbooks in them, sorted, without
// Excel's lock files (~$…), our backups (….bak.xlsx) and temp files.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError } from '../errors.ts';
import { common } from '../i18n/common.ts';
import { reviewText } from '../i18n/review.ts';
import type { Output } from './output.ts';
import { resolveInput } from './paths.ts';

export interface Found {
  path: string;
  shown: string;
}

const isWorkbook = (name: string): boolean =>
  /\.xlsx$/i.test(name) &&
  !name.startsWith('~$') &&
  !name.startsWith('.') &&
  !/\.bak\.xlsx$/i.test(name);

export async function collectWorkbooks(args: readonly string[], out: Output): Promise<Found[]> {
  const found: Found[] = [];
  for (const arg of args) {
    const path = resolveInput(out, arg);
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new CliError('input-missing', common.fileMissing(arg));
    if (!info.isDirectory()) {
      found.push({ path, shown: arg });
      continue;
    }
    const names = (await readdir(path)).filter(isWorkbook).sort();
    if (names.length === 0) throw new CliError('input-missing', reviewText.noWorkbooks(arg));
    found.push(...names.map((n) => ({ path: join(path, n), shown: join(arg, n) })));
  }
  const seen = new Set<string>();
  return found.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
