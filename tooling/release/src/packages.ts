// The packages Kaohe publishes, where they live, and how to run the pinned pnpm from a test.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  engines?: Record<string, string>;
  repository?: { type: string; url: string; directory: string };
  exports?: unknown;
  bin?: Record<string, string>;
  files?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  publishConfig?: { access?: string; exports?: unknown };
  packageManager?: string;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(repoRoot, dir, 'package.json'), 'utf8')) as Manifest;
}

/** Every workspace package folder (pnpm-workspace.yaml: packages/*, apps/*, tooling/*). */
export function workspaceDirs(): string[] {
  const out = spawnSync('git', ['ls-files', '*/package.json'], { cwd: repoRoot, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`git ls-files failed: ${out.stderr}`);
  return out.stdout
    .split('\n')
    .filter((f) => /^(packages|apps|tooling)\/[^/]+\/package\.json$/.test(f))
    .map((f) => dirname(f))
    .sort();
}

/** The public packages, in the order they depend on each other. */
export const PUBLIC_DIRS = [
  'packages/engine',
  'packages/rulesets',
  'packages/sheet',
  'packages/xlsx',
  'apps/cli',
] as const;

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function run(
  cmd: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = cleanEnv(),
): Run {
  const r: SpawnSyncReturns<string> = spawnSync(cmd, args, {
    cwd,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The environment without what `pnpm run` adds for the package under test. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(npm_package_|npm_lifecycle_|PNPM_SCRIPT_SRC_DIR$|INIT_CWD$)/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

/** pnpm at the version pinned in the root package.json: the running one when run by it. */
export function pnpm(): { cmd: string; pre: string[] } {
  const pinned = readManifest('.').packageManager ?? 'pnpm';
  const execPath = process.env['npm_execpath'];
  const version = pinned.replace(/^pnpm@/, '');
  if (execPath && /pnpm/.test(execPath)) {
    const v = run(process.execPath, [execPath, '--version'], repoRoot);
    if (v.stdout.trim() === version) return { cmd: process.execPath, pre: [execPath] };
  }
  return { cmd: 'npx', pre: ['-y', pinned] };
}
