// `pnpm fuzz:files`: the file and text fuzzers at length (the test suite runs them briefly).
// Damaged workbooks through the xlsx adapter, hostile text through the CLI's terminal escaping
// and CSV neutralisation. Fixed seed and bounded runs, so a failure reproduces; override with
// KAOHE_FUZZ_SEED and KAOHE_FUZZ_RUNS.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = process.env.KAOHE_FUZZ_SEED ?? '20261201';
const suites = [
  { dir: 'packages/xlsx', file: 'src/fuzz.test.ts', runs: process.env.KAOHE_FUZZ_RUNS ?? '3000' },
  {
    dir: 'apps/cli',
    file: 'src/io/safe-text.test.ts',
    runs: process.env.KAOHE_FUZZ_RUNS ?? '100000',
  },
];
let failed = false;
for (const s of suites) {
  console.log(`fuzz: ${s.dir}/${s.file}, seed ${seed}, ${s.runs} runs`);
  const run = spawnSync('npx', ['vitest', 'run', s.file], {
    cwd: `${root}/${s.dir}`,
    stdio: 'inherit',
    env: { ...process.env, KAOHE_FUZZ_SEED: seed, KAOHE_FUZZ_RUNS: s.runs },
  });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
