// One benchmark run in its own process: `node dist/cohort.mjs <units>`. Generates a cohort
// under the Baotou 2012 rule set, then ranks and grades it; prints one JSON line.
import { compileRuleSet, parseRuleSet, rankCohort } from '@kaohe/engine';
import { baotou2012, generateUnits } from '@kaohe/rulesets';

const count = Number(process.argv[2] ?? '1000');
const parsed = parseRuleSet(baotou2012);
if (!parsed.ok)
  throw new Error(`the Baotou rule set does not parse: ${parsed.issues[0]?.message.en}`);
const rules = compileRuleSet(parsed.value);

const g0 = performance.now();
const units = generateUnits(count, 2012);
const generateMs = performance.now() - g0;

const t0 = performance.now();
const c0 = process.cpuUsage();
const cohort = rankCohort(rules, units);
const cpu = process.cpuUsage(c0);
const rankMs = performance.now() - t0;

const vetoed = cohort.units.filter((u) => u.vetoed).length;
console.log(
  JSON.stringify({
    units: count,
    generateMs: Math.round(generateMs),
    rankMs: Math.round(rankMs),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    unitsPerSecond: Math.round((count / rankMs) * 1000),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    vetoed,
    top: cohort.units[0]?.total,
    grades: cohort.grades?.bands.map((b) => `${b.id}:${b.count}`).join(' '),
    routes: cohort.routes,
  }),
);
