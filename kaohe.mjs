#!/usr/bin/env node
// The kaohe command from this checkout, with nothing but Node: `node kaohe.mjs <command> …` in the
// repository root, or `node <path to the checkout>/kaohe.mjs <command> …` from any folder (paths
// stay relative to where you typed them). Runs apps/cli from source, as `pnpm kaohe` does.
// Once released: `npm install -g @kaohe/cli`, then `kaohe <command> …`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
let tsx;
try {
  tsx = createRequire(join(root, 'package.json')).resolve('tsx');
} catch {
  console.error(
    '找不到依赖:请先在仓库根目录运行 npx -y pnpm@10.34.8 install --frozen-lockfile\n' +
      'Dependencies are missing: run npx -y pnpm@10.34.8 install --frozen-lockfile in the repository root first.',
  );
  process.exit(3);
}
const bin = join(root, 'apps', 'cli', 'src', 'bin.ts');
if (!existsSync(bin)) throw new Error(`${bin} is missing`);
const env = { ...process.env };
delete env.INIT_CWD; // the CLI reads INIT_CWD only under `pnpm kaohe`; here the folder is ours
const run = spawnSync(
  process.execPath,
  [
    '--conditions=@kaohe/source',
    '--import',
    pathToFileURL(tsx).href,
    bin,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env },
);
if (run.error) throw run.error;
if (run.signal) process.kill(process.pid, run.signal);
process.exit(run.status ?? 70);
