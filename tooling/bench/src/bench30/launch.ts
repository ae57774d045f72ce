// `pnpm bench` runs BENCH-30 in a process of its own (dist/bench30.mjs), on one core where the
// machine has taskset, after the cohort benchmark; its options pass through the environment.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function runBench30(oneCore: boolean): void {
  const script = fileURLToPath(new URL('./bench30.mjs', import.meta.url));
  const env = { ...process.env, ...(oneCore ? { KAOHE_BENCH_ONE_CORE: '1' } : {}) };
  const r = oneCore
    ? spawnSync('taskset', ['-c', '0', process.execPath, script], { stdio: 'inherit', env })
    : spawnSync(process.execPath, [script], { stdio: 'inherit', env });
  if (r.status !== 0) throw new Error(`BENCH-30 failed (exit ${r.status ?? r.signal})`);
}
