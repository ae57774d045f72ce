// BENCH-30 with every reason, alone: `node dist/reasons30.mjs [units] [rounds]`. Scores the
// first units of the BENCH-30 cohort with scoreCohort (every item's reason in zh and en) and
// prints one JSON line: the median and least µs per unit over the rounds and a digest of the
// results' JSON (a change that speeds scoring up must leave it as is).
import { createHash } from 'node:crypto';
import { scoreCohort } from '@kaohe/engine';
import { generateCohort } from './bench30/cohort.ts';
import { bench30RuleSet } from './bench30/ruleset.ts';

const count = Number(process.argv[2] ?? '2000');
const rounds = Number(process.argv[3] ?? '5');
const rules = bench30RuleSet();
const units = generateCohort(count, 30);

let sink = 0;
const once = (): { wall: number; cpu: number } => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  sink += scoreCohort(rules, units).units.length;
  const c = process.cpuUsage(c0);
  return { wall: ((performance.now() - t0) * 1000) / count, cpu: (c.user + c.system) / count };
};
once(); // warm-up
const runs = Array.from({ length: rounds }, once);
const median = (xs: number[]): number =>
  Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
const digest = createHash('sha256');
for (const u of scoreCohort(rules, units).units) digest.update(JSON.stringify(u));
console.log(
  JSON.stringify({
    units: count,
    rounds,
    wallUs: median(runs.map((r) => r.wall)),
    cpuUs: median(runs.map((r) => r.cpu)),
    minCpuUs: Math.round(Math.min(...runs.map((r) => r.cpu))),
    sink,
    digest: digest.digest('hex').slice(0, 16),
  }),
);
