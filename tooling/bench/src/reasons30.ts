// BENCH-30 with every reason, alone: `node dist/reasons30.mjs [units] [rounds]`. Scores the
// first units of the BENCH-30 cohort with scoreCohort (every item's reason in zh and en) and
// prints one JSON line: the median and least µs per unit over the rounds and a digest of the
// results' JSON (a change that speeds scoring up must leave it as is).
import { createHash } from 'node:crypto';
import { scoreCohort } from '@kaohe/engine';
import { generateCohort } from './bench30/cohort.ts';
import { bench30RuleSet } from './bench30/ruleset.ts';
import { timeRounds } from './rounds.ts';

const count = Number(process.argv[2] ?? '2000');
const rounds = Number(process.argv[3] ?? '5');
const rules = bench30RuleSet();
const units = generateCohort(count, 30);

let sink = 0;
const t = timeRounds(
  () => {
    sink += scoreCohort(rules, units).units.length;
  },
  count,
  rounds,
);
const digest = createHash('sha256');
for (const u of scoreCohort(rules, units).units) digest.update(JSON.stringify(u));
console.log(
  JSON.stringify({
    units: count,
    rounds,
    wallUs: Math.round(t.wallUs),
    cpuUs: Math.round(t.cpuUs),
    minCpuUs: Math.round(t.minCpuUs),
    sink,
    digest: digest.digest('hex').slice(0, 16),
  }),
);
