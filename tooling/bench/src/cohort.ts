// One benchmark run in its own process: `node dist/cohort.mjs <units> [held|streamed]`. Ranks
// and grades a cohort of generated units under the Baotou 2012 rule set; prints one JSON line.
//   held: the cohort is generated into an array first, then ranked (the time is rankCohort's
//     alone; the peak memory holds every unit's figures).
//   streamed: rankCohort reads the units as they are generated, one at a time, and keeps none
//     (as from a file read row by row). The time of generating the same units alone, measured
//     in the same process just before, is subtracted; the peak memory is the whole run's.
import { compileRuleSet, parseRuleSet, rankCohort, type RankedCohort } from '@kaohe/engine';
import { baotou2012, generateUnits, streamUnits } from '@kaohe/rulesets';

const count = Number(process.argv[2] ?? '1000');
const mode = process.argv[3] === 'streamed' ? 'streamed' : 'held';
const parsed = parseRuleSet(baotou2012);
if (!parsed.ok)
  throw new Error(`the Baotou rule set does not parse: ${parsed.issues[0]?.message.en}`);
const rules = compileRuleSet(parsed.value);

let generateMs: number;
let rankMs: number;
let cpuMs: number;
let cohort: RankedCohort;
const cpuNow = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
if (mode === 'held') {
  const g0 = performance.now();
  const units = generateUnits(count, 2012);
  generateMs = performance.now() - g0;
  const t0 = performance.now();
  const c0 = cpuNow();
  cohort = rankCohort(rules, units);
  cpuMs = cpuNow() - c0;
  rankMs = performance.now() - t0;
} else {
  // Generating alone: every unit made and dropped, as the streamed run makes them.
  const g0 = performance.now();
  const gc0 = cpuNow();
  let made = 0;
  for (const unit of streamUnits(count, 2012)) if (unit.id) made++;
  const genCpu = cpuNow() - gc0;
  generateMs = performance.now() - g0;
  if (made !== count) throw new Error(`generated ${made} units, not ${count}`);
  const t0 = performance.now();
  const c0 = cpuNow();
  cohort = rankCohort(rules, streamUnits(count, 2012));
  cpuMs = cpuNow() - c0 - genCpu;
  rankMs = performance.now() - t0 - generateMs;
}

// Read from the columns: `cohort.units` would make an object per unit (and count in the peak).
let vetoed = 0;
for (const v of cohort.columns.vetoed) vetoed += v;
const first = cohort.columns.order[0];
console.log(
  JSON.stringify({
    units: count,
    mode,
    generateMs: Math.round(generateMs),
    rankMs: Math.round(rankMs),
    cpuMs: Math.round(cpuMs),
    unitsPerSecond: Math.round((count / rankMs) * 1000),
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    vetoed,
    top: first === undefined ? undefined : cohort.total(first),
    grades: cohort.grades?.bands.map((b) => `${b.id}:${b.count}`).join(' '),
    routes: cohort.routes,
  }),
);
