// A write that the system refuses because Excel or WPS holds the file (EBUSY on Windows, EPERM on
// a rename over it) says so in Chinese, and nothing is left behind.
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type * as Fs from 'node:fs/promises';

const busy = vi.hoisted(() => ({ code: 'EBUSY' }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof Fs>();
  return {
    ...fs,
    rename: () =>
      Promise.reject(Object.assign(new Error(`${busy.code}: resource busy or locked`), busy)),
  };
});

const { writeAll } = await import('./files.ts');

describe('writeAll when the target is open in another program', () => {
  for (const code of ['EBUSY', 'EPERM'])
    it(`${code}: 文件可能正被 Excel 或 WPS 打开`, async () => {
      busy.code = code;
      const dir = await mkdtemp(join(tmpdir(), 'kaohe-busy-'));
      const error = await writeAll([
        { path: join(dir, 'a.xlsx'), shown: 'a.xlsx', data: 'x' },
      ]).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'write-failed',
        msg: {
          zh: '无法写入 a.xlsx:文件可能正被 Excel 或 WPS 打开,请关闭后重试(未写入任何文件)',
          en: 'Cannot write a.xlsx: the file may be open in Excel or WPS; close it and try again (nothing was written)',
        },
      });
      expect(await readdir(dir)).toEqual([]);
    });
});
