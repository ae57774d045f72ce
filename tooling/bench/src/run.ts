// `pnpm bench`: each cohort size in a fresh process pinned to one core (taskset, where the
// machine has it), so peak memory and time are that size's own; each size twice, the cohort
// held in an array and streamed (src/cohort.ts). Goal: 500,000 units ≤ 3 s, peak memory
// ≤ 600 MB.
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runBench30 } from './bench30/launch.ts';
import type { Routes } from '@kaohe/engine';
import { sanctionShare } from './routes.ts';

const sizes = (process.env.KAOHE_BENCH_SIZES ?? '1000,40000,500000').split(',').map(Number);
const script = fileURLToPath(new URL('./cohort.mjs', import.meta.url));
const hasTaskset = spawnSync('taskset', ['--version']).status === 0;

interface Row {
  units: number;
  mode: 'held' | 'streamed';
  generateMs: number;
  rankMs: number;
  cpuMs: number;
  unitsPerSecond: number;
  peakRssMiB: number;
  vetoed: number;
  top: string;
  grades: string;
  /** Item evaluations (and sanction decisions) on the integer kernels and by the exact evaluator. */
  routes: Routes;
}

/** A route's share of the item evaluations, as a percentage with two places. */
const share = (n: number, routes: Row['routes']): string =>
  `${((100 * n) / Math.max(1, routes.fast + routes.exact)).toFixed(2)} %`;

const rows: Row[] = [];
for (const size of sizes) {
  for (const mode of ['held', 'streamed']) {
    const args = ['--max-old-space-size=16384', script, String(size), mode];
    const out = hasTaskset
      ? execFileSync('taskset', ['-c', '0', process.execPath, ...args])
      : execFileSync(process.execPath, args);
    rows.push(JSON.parse(out.toString().trim().split('\n').pop() ?? '{}') as Row);
  }
}
console.log(
  `Cohort benchmark, Baotou 2012 rule set, rankCohort (score + rank + grade)${hasTaskset ? ', one core' : ''}`,
);
console.table(
  rows.map((r) => ({
    units: r.units,
    cohort: r.mode,
    'rank+grade ms': r.rankMs,
    'cpu ms': r.cpuMs,
    'units/s': r.unitsPerSecond,
    'peak RSS MiB': r.peakRssMiB,
    'generate ms': r.generateMs,
    vetoed: r.vetoed,
    grades: r.grades,
    'fast route': share(r.routes.fast, r.routes),
    'exact route': share(r.routes.exact, r.routes),
    'sanctions on the integers': sanctionShare(r.routes),
  })),
);
console.log(
  'held: generated into an array, then ranked; streamed: ranked as generated, no unit kept (the time of generating alone subtracted; peak memory the whole run)',
);
for (const mode of ['held', 'streamed']) {
  const big = rows.find((r) => r.units === 500000 && r.mode === mode);
  if (big)
    console.log(
      `500,000 units, ${mode}: ${(big.rankMs / 1000).toFixed(2)} s, peak RSS ${big.peakRssMiB} MiB (goal ≤ 3 s, ≤ 600 MB)`,
    );
}

// scoreUnit, one unit at a time with every reason in zh and en (src/unit.ts), its own process.
{
  const unitScript = fileURLToPath(new URL('./unit.mjs', import.meta.url));
  const out = hasTaskset
    ? execFileSync('taskset', ['-c', '0', process.execPath, unitScript])
    : execFileSync(process.execPath, [unitScript]);
  const u = JSON.parse(out.toString().trim().split('\n').pop() ?? '{}') as {
    units: number;
    wallUs: number;
    cpuUs: number;
  };
  console.log(
    `scoreUnit with reasons, Baotou, µs per unit: ${u.wallUs} (CPU ${u.cpuUs}; median of rounds over ${u.units} units; goal ≤ 100)`,
  );
}

// Every example rule set, and the bench's own of the forms they do not use, on a generated
// cohort with figures of 4–6 places (src/examples.ts, src/forms.ts).
{
  const examples = fileURLToPath(new URL('./examples.mjs', import.meta.url));
  const args = [examples, process.env.KAOHE_BENCH_EXAMPLE_UNITS ?? '20000'];
  const out = hasTaskset
    ? execFileSync('taskset', ['-c', '0', process.execPath, ...args])
    : execFileSync(process.execPath, args);
  process.stdout.write(out);
}

// BENCH-30: one rule set, every engine side by side (src/bench30.ts).
runBench30(hasTaskset);
