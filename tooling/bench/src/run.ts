// `pnpm bench`: each cohort size in a fresh process pinned to one core (taskset, where the
// machine has it), so peak memory and time are that size's own. Goal: 500,000 units ≤ 5 s.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runBench30 } from './bench30/launch.ts';

const sizes = (process.env.KAOHE_BENCH_SIZES ?? '1000,40000,500000').split(',').map(Number);
const script = fileURLToPath(new URL('./cohort.mjs', import.meta.url));
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

interface Row {
  units: number;
  generateMs: number;
  rankMs: number;
  cpuMs: number;
  unitsPerSecond: number;
  peakRssMiB: number;
  vetoed: number;
  top: string;
  grades: string;
}

const rows: Row[] = [];
for (const size of sizes) {
  const args = ['--max-old-space-size=16384', script, String(size)];
  const out = hasTaskset
    ? execFileSync('taskset', ['-c', '0', process.execPath, ...args])
    : execFileSync(process.execPath, args);
  rows.push(JSON.parse(out.toString().trim().split('\n').pop() ?? '{}') as Row);
}
console.log(
  `Cohort benchmark, Baotou 2012 rule set, rankCohort (score + rank + grade)${hasTaskset ? ', one core' : ''}`,
);
console.table(
  rows.map((r) => ({
    units: r.units,
    'rank+grade ms': r.rankMs,
    'cpu ms': r.cpuMs,
    'units/s': r.unitsPerSecond,
    'peak RSS MiB': r.peakRssMiB,
    'generate ms': r.generateMs,
    vetoed: r.vetoed,
    grades: r.grades,
  })),
);
const big = rows.find((r) => r.units === 500000);
if (big) console.log(`500,000 units: ${(big.rankMs / 1000).toFixed(2)} s (goal ≤ 5 s)`);

// BENCH-30: one rule set, every engine side by side (src/bench30.ts).
runBench30(hasTaskset);
