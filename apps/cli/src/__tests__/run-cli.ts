// Runs the real CLI as a subprocess, from source, the way `pnpm kaohe` does.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BIN = fileURLToPath(new URL('../bin.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const RSS = pathToFileURL(fileURLToPath(new URL('./report-rss.mjs', import.meta.url))).href;

export interface CliRun {
  /** null when the run was killed (see `timeoutMs`). */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the run, MiB (only with `measure`). */
  peakMiB?: number;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Kill the run after this long (a hang then ends as code null instead of never). */
  timeoutMs?: number;
  /** Report the run's peak resident memory. */
  measure?: boolean;
}

export function runCli(
  args: readonly string[],
  cwd: string,
  options: RunOptions = {},
): Promise<CliRun> {
  const rssFile = options.measure
    ? join(tmpdir(), `kaohe-rss-${process.pid}-${Math.random().toString(36).slice(2)}`)
    : '';
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@kaohe/source',
        '--import',
        TSX,
        ...(rssFile ? ['--import', RSS] : []),
        BIN,
        ...args,
      ],
      {
        cwd,
        env: {
          ...process.env,
          npm_lifecycle_event: '',
          KAOHE_DEBUG: '',
          KAOHE_TEST_RSS_FILE: rssFile,
          ...options.env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (!rssFile) return resolve({ code, stdout, stderr });
      readFile(rssFile, 'utf8')
        .then((kib) => resolve({ code, stdout, stderr, peakMiB: Number(kib) / 1024 }))
        .catch(() => resolve({ code, stdout, stderr }))
        .finally(() => void rm(rssFile, { force: true }));
    });
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

/**
 * An issuer's key made in `cwd` (`<name>.key`, the passphrase in `env`), a trust list holding it
 * (`<name>-trust.json`) and `rules` published with it (`<name>-e.json`), as `kaohe keys new`,
 * `trust add` and `publish` do; the key's public line.
 */
export async function publishWithKey(
  cwd: string,
  env: Record<string, string>,
  name: string,
  years: string,
  rules: string,
): Promise<string> {
  const run = async (args: string[]) => {
    const r = await runCli(args, cwd, { env, timeoutMs: 60_000 });
    if (r.code !== 0) throw new Error(`kaohe ${args[0]}: ${r.stderr}`);
    return r;
  };
  const made = await run([
    'keys',
    'new',
    '--issuer',
    `${name}人民政府`,
    '--years',
    years,
    '--out',
    `${name}.key`,
  ]);
  const line = made.stdout.split('\n').find((l) => l.startsWith('kaohe-ed25519')) ?? '';
  const trust = ['--trust', `${name}-trust.json`];
  await run(['trust', 'add', line, ...trust]);
  await run(['publish', rules, '--key', `${name}.key`, '--out', `${name}-e.json`, ...trust]);
  return line;
}
