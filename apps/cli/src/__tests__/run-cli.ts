// Runs the real CLI as a subprocess, from source, the way `pnpm kaohe` does.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = fileURLToPath(new URL('../bin.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], cwd: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@kaohe/source', '--import', TSX, BIN, ...args],
      {
        cwd,
        env: { ...process.env, npm_lifecycle_event: '', KAOHE_DEBUG: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export function tempDir(prefix = 'kaohe-cli-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** No stack trace, no internal-error wording: an expected failure reads as a message. */
export function looksClean(text: string): boolean {
  return (
    !/\n\s+at .+:\d+:\d+/.test(text) &&
    !text.includes('内部错误') &&
    !text.includes('Internal error')
  );
}
