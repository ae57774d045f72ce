// One scoreUnit run in its own process: `node dist/unit.mjs [rounds]`. Scores the Baotou 2012
// sample units and a generated cohort one by one with every reason in zh and en; prints one
// JSON line with the median µs per unit over the rounds and a digest of every result's JSON.
import { createHash } from 'node:crypto';
import { compileRuleSet, parseRuleSet, scoreUnit } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits, generateUnits } from '@kaohe/rulesets';
import { timeRounds } from './rounds.ts';

const rounds = Number(process.argv[2] ?? '7');
const parsed = parseRuleSet(baotou2012);
if (!parsed.ok)
  throw new Error(`the Baotou rule set does not parse: ${parsed.issues[0]?.message.en}`);
const rules = compileRuleSet(parsed.value);
const units = [...baotou2012SampleUnits, ...generateUnits(1000, 2012)];

let sink = 0;
const t = timeRounds(
  () => {
    for (const u of units) sink += scoreUnit(rules, u).sections.length;
  },
  units.length,
  rounds,
);
// The results' digest, outside the timing: a change that speeds scoring up must leave it as is.
const digest = createHash('sha256');
for (const u of units) digest.update(JSON.stringify(scoreUnit(rules, u)));
console.log(
  JSON.stringify({
    units: units.length,
    rounds,
    wallUs: Math.round(t.wallUs),
    cpuUs: Math.round(t.cpuUs),
    minCpuUs: Math.round(t.minCpuUs),
    sink,
    digest: digest.digest('hex').slice(0, 16),
  }),
);
