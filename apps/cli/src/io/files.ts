// Reading inputs with errors that name the file, and writing outputs all-or-nothing:
// every output goes to a temp file beside its target first, and is renamed only when all are ready.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CliError } from '../errors.ts';
import { common } from '../i18n/common.ts';
import { findJsonError } from './json-error.ts';

function errno(e: unknown): string | undefined {
  return e && typeof e === 'object' && 'code' in e && typeof e.code === 'string'
    ? e.code
    : undefined;
}

function why(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reads a whole file; `shown` is the name as the user typed it, for messages. */
export async function readBytes(path: string, shown = path): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (e) {
    switch (errno(e)) {
      case 'ENOENT':
      case 'ENOTDIR':
        throw new CliError('input-missing', common.fileMissing(shown));
      case 'EISDIR':
        throw new CliError('input-unreadable', common.fileIsDir(shown));
      case 'EACCES':
      case 'EPERM':
        throw new CliError('input-unreadable', common.fileNoAccess(shown));
      default:
        throw new CliError('input-unreadable', common.fileUnreadable(shown, why(e)));
    }
  }
}

export async function readJson(path: string, shown = path): Promise<unknown> {
  const bytes = await readBytes(path, shown);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new CliError('input-corrupt', common.notJson(shown, 'not UTF-8 text'));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const at = findJsonError(text);
    if (!at) throw new CliError('input-corrupt', common.notJson(shown, why(e)));
    throw new CliError('input-corrupt', common.jsonSyntax(shown, at.line, at.column, at.reason));
  }
}

export interface PendingFile {
  path: string;
  /** The name as shown to the user. */
  shown: string;
  data: Uint8Array | string;
}

/**
 * Writes every file or none: temp files first (same folder, so the rename is atomic), then
 * renames. On any failure the temp files are removed and a `write-failed` error names the file.
 */
export async function writeAll(files: readonly PendingFile[]): Promise<void> {
  const temps: { temp: string; file: PendingFile }[] = [];
  let current: PendingFile | undefined;
  try {
    for (const file of files) {
      current = file;
      await mkdir(dirname(file.path), { recursive: true });
      const temp = join(
        dirname(file.path),
        `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`,
      );
      temps.push({ temp, file });
      await writeFile(temp, file.data, { flag: 'wx' });
    }
    for (const { temp, file } of temps) {
      current = file;
      await rename(temp, file.path);
    }
  } catch (e) {
    await Promise.all(temps.map(({ temp }) => rm(temp, { force: true })));
    const shown = current?.shown ?? '';
    throw new CliError(
      'write-failed',
      common.writeFailed(shown, common.writeWhy(errno(e), why(e))),
    );
  }
}
