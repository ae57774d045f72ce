// Reading inputs with errors that name the file, and writing outputs all-or-nothing:
// every output goes to a temp file beside its target first, and is renamed only when all are ready.
// An input is read only if it is a regular file (after following links: /dev/zero or a named
// pipe never is), and never past its size limit: at most the limit plus one byte is read.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
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

/** The largest rule set file read (the largest shipped one is a few hundred KB). */
const MAX_JSON_BYTES = 16 * 2 ** 20;

const mib = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MiB`;

/**
 * Reads from an open file until its end, into one buffer sized by what `stat` said (grown only
 * if the file grows meanwhile); more than `maxBytes` is refused as soon as byte `maxBytes + 1`
 * arrives.
 */
async function readAtMost(
  handle: FileHandle,
  size: number,
  maxBytes: number,
  shown: string,
): Promise<Buffer> {
  let buf = Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
  let total = 0;
  for (;;) {
    if (total === buf.length) {
      if (total > maxBytes)
        throw new CliError(
          'input-unreadable',
          common.fileTooLarge(shown, `> ${mib(maxBytes)}`, mib(maxBytes)),
        );
      const bigger = Buffer.allocUnsafe(Math.min(2 * total, maxBytes + 1));
      buf.copy(bigger, 0, 0, total);
      buf = bigger;
    }
    const { bytesRead } = await handle.read(buf, total, buf.length - total, null);
    if (bytesRead === 0) return buf.subarray(0, total);
    total += bytesRead;
  }
}

/**
 * Reads a whole file of at most `maxBytes`; `shown` is the name as the user typed it, for
 * messages. Anything but a regular file is refused before it is opened, and opened without
 * blocking (a pipe swapped in between would otherwise wait for a writer forever).
 */
export async function readBytes(
  path: string,
  shown: string,
  maxBytes: number,
): Promise<Uint8Array> {
  let handle: FileHandle | undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CliError('input-unreadable', common.fileIsDir(shown));
    if (!info.isFile()) throw new CliError('input-unreadable', common.notRegularFile(shown));
    if (info.size > maxBytes)
      throw new CliError(
        'input-unreadable',
        common.fileTooLarge(shown, mib(info.size), mib(maxBytes)),
      );
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const opened = await handle.stat();
    if (!opened.isFile()) throw new CliError('input-unreadable', common.notRegularFile(shown));
    return await readAtMost(handle, opened.size, maxBytes, shown);
  } catch (e) {
    if (e instanceof CliError) throw e;
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
  } finally {
    await handle?.close();
  }
}

export async function readJson(path: string, shown = path): Promise<unknown> {
  const bytes = await readBytes(path, shown, MAX_JSON_BYTES);
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
  /** File mode at creation (a secret key: 0o600, readable by its owner only). */
  mode?: number;
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
      await writeFile(temp, file.data, {
        flag: 'wx',
        ...(file.mode !== undefined ? { mode: file.mode } : {}),
      });
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
