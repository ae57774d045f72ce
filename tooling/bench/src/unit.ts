// One scoreUnit run in its own process: `node dist/unit.mjs [rounds]`. Scores the Baotou 2012
// sample units and a generated cohort one by one with every reason in zh and en; prints one
// JSON line with the median µs per unit over the rounds and a digest of every result's JSON.
import { createHash } from 'node:crypto';
import { compileRuleSet, parseRuleSet, scoreUnit } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits, generateUnits } from '@kaohe/rulesets';

const rounds = Number(process.argv[2] ?? '7');
const parsed = parseRuleSet(baotou2012);
if (!parsed.ok)
  throw new Error(`the Baotou rule set does not parse: ${parsed.issues[0]?.message.en}`);
const rules = compileRuleSet(parsed.value);
const units = [...baotou2012SampleUnits, ...generateUnits(1000, 2012)];

let sink = 0;
/** One round: wall-clock and CPU µs per unit (CPU time counts less of a shared machine's load). */
const once = (): { wall: number; cpu: number } => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const u of units) sink += scoreUnit(rules, u).sections.length;
  const c = process.cpuUsage(c0);
  return {
    wall: ((performance.now() - t0) * 1000) / units.length,
    cpu: (c.user + c.system) / units.length,
  };
};
once(); // warm-up
const runs = Array.from({ length: rounds }, once);
const median = (xs: number[]): number =>
  Math.round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);
// The results' digest, outside the timing: a change that speeds scoring up must leave it as is.
const digest = createHash('sha256');
for (const u of units) digest.update(JSON.stringify(scoreUnit(rules, u)));
console.log(
  JSON.stringify({
    units: units.length,
    rounds,
    wallUs: median(runs.map((r) => r.wall)),
    cpuUs: median(runs.map((r) => r.cpu)),
    minCpuUs: Math.round(Math.min(...runs.map((r) => r.cpu))),
    sink,
    digest: digest.digest('hex').slice(0, 16),
  }),
);
