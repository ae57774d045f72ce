// BENCH-30 (`node dist/bench30.mjs [--units N] [--runs N] [--reasons-units N] [--seed N]`, or the
// KAOHE_BENCH30_* variables; `pnpm bench` runs it after the cohort benchmark): one rule set of
// 30 items scored by every engine in this one process, on one cohort. Before any time counts,
// every engine's totals, vetoes and grades are checked against the exact reference; then each
// is timed (the checking pass warms it up; the median of several runs, taken in turn).
import { GOLDEN_TOTALS, GOLDEN_UNITS, GOLDEN_VETOED } from './bench30/golden.ts';
import { generateCohort } from './bench30/cohort.ts';
import { hundredths, rankAndGrade, type Graded } from './bench30/grade.ts';
import { bench30RuleSet } from './bench30/ruleset.ts';
import type { Bench30Unit, EngineOutput } from './bench30/spec.ts';
import { scoreExact } from './bench30/engines/exact.ts';
import { scoreFloats } from './bench30/engines/floats.ts';
import { jsonRulesEngine, scoreJsonRules } from './bench30/engines/json-rules.ts';
import { sanctionShare } from './routes.ts';
import { kaoheRoutes, scoreKaoheCohort, scoreKaoheReasons } from './bench30/engines/kaohe.ts';
import { scoreZen, zenDecision } from './bench30/engines/zen.ts';

function option(name: string, env: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[env];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`--${name} / ${env}: a whole number ≥ 1, not ${JSON.stringify(raw)}`);
  return n;
}

const UNITS = option('units', 'KAOHE_BENCH30_UNITS', 50_000);
const RUNS = option('runs', 'KAOHE_BENCH30_RUNS', 3);
const REASONS_UNITS = Math.min(UNITS, option('reasons-units', 'KAOHE_BENCH30_REASONS_UNITS', 5000));
const SEED = option('seed', 'KAOHE_BENCH30_SEED', 30);

interface Engine {
  name: string;
  /** Scores the units it is given (the whole cohort, or the reasons sample). */
  score: (units: readonly Bench30Unit[]) => EngineOutput | Promise<EngineOutput>;
  sample: boolean;
}

const rules = bench30RuleSet();
const zen = zenDecision();
const jre = jsonRulesEngine();
const engines: Engine[] = [
  { name: 'hand-written, binary floats', score: scoreFloats, sample: false },
  { name: 'hand-written, decimal.js, divide last', score: scoreExact, sample: false },
  { name: 'GoRules zen-engine 0.54', score: (u) => scoreZen(zen, u), sample: false },
  {
    name: 'json-rules-engine 7.3 + decimal.js',
    score: (u) => scoreJsonRules(jre, u),
    sample: false,
  },
  { name: 'Kaohe rankCohort', score: (u) => scoreKaoheCohort(rules, u), sample: false },
  {
    name: 'Kaohe scoreCohort (every reason)',
    score: (u) => scoreKaoheReasons(rules, u),
    sample: true,
  },
];
const FLOATS = 0;
const EXACT = 1;

/** One engine's whole job, as timed: score, then the shared ranking and grading. */
async function run(e: Engine, units: readonly Bench30Unit[]): Promise<EngineOutput & Graded> {
  const out = await e.score(units);
  return { ...out, ...rankAndGrade(out.totals, out.vetoed) };
}

interface Differing {
  total: number;
  veto: number;
  grade: number;
  any: number;
}

function compare(got: EngineOutput & Graded, ref: EngineOutput & Graded): Differing {
  const d = { total: 0, veto: 0, grade: 0, any: 0 };
  for (let i = 0; i < ref.totals.length; i++) {
    const t = got.hundredths[i] !== ref.hundredths[i];
    const v = got.vetoed[i] !== ref.vetoed[i];
    const g = got.grade[i] !== ref.grade[i];
    if (t) d.total++;
    if (v) d.veto++;
    if (g) d.grade++;
    if (t || v || g) d.any++;
  }
  return d;
}

const cohort = generateCohort(UNITS, SEED);
const sample = cohort.slice(0, REASONS_UNITS);
const unitsOf = (e: Engine) => (e.sample ? sample : cohort);

console.log(
  `\nBENCH-30: 30 items, ${UNITS.toLocaleString('en')} generated units (seed ${SEED}), every engine in one process` +
    `${process.env.KAOHE_BENCH_ONE_CORE ? ', one core' : ''}; Node ${process.version}`,
);

// 1. Hand-worked units: the reference must get them, or nothing it says counts.
for (const [k, e] of engines.entries()) {
  const out = await e.score(GOLDEN_UNITS);
  const detail = GOLDEN_UNITS.flatMap((u, i) => {
    const total = out.totals[i] as string;
    const right = GOLDEN_TOTALS[i] as string;
    return hundredths(total) === hundredths(right) && out.vetoed[i] === GOLDEN_VETOED[i]
      ? []
      : [
          `${u.id} ${total}${out.vetoed[i] ? ' vetoed' : ''}, by hand ${right}${GOLDEN_VETOED[i] ? ' vetoed' : ''}`,
        ];
  });
  if (k === EXACT && detail.length > 0)
    throw new Error(`the exact reference misses the hand-worked units: ${detail.join('; ')}`);
  console.log(
    `  hand-worked units, ${e.name}: ${detail.length === 0 ? 'both right' : detail.join('; ')}`,
  );
}

// 2. Every engine checked against the exact reference (this pass also warms each one up).
const reference = await run(engines[EXACT] as Engine, cohort);
const sampleReference = await run(engines[EXACT] as Engine, sample);
const differing = new Map<Engine, Differing>();
for (const e of engines) {
  const got = await run(e, unitsOf(e));
  differing.set(e, compare(got, e.sample ? sampleReference : reference));
}

const counts = new Map<string, number>();
for (const g of reference.grade) counts.set(g, (counts.get(g) ?? 0) + 1);
console.log(
  `  grades by the reference: ${[...counts].map(([g, c]) => `${g} ${c.toLocaleString('en')}`).join(', ')}`,
);

// 3. Timed: the runs taken in turn, engine after engine, so a busy moment falls on all alike.
const times = new Map<Engine, number[]>(engines.map((e) => [e, []]));
const cpuTimes = new Map<Engine, number[]>(engines.map((e) => [e, []]));
for (let r = 0; r < RUNS; r++)
  for (const e of engines) {
    const units = unitsOf(e);
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await run(e, units);
    const cpu = process.cpuUsage(c0);
    (times.get(e) as number[]).push(((performance.now() - t0) * 1000) / units.length);
    (cpuTimes.get(e) as number[]).push((cpu.user + cpu.system) / units.length);
  }
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const us = engines.map((e) => median(times.get(e) as number[]));
const cpuUs = engines.map((e) => median(cpuTimes.get(e) as number[]));
const fixed = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const floatsUs = us[FLOATS] as number;
const exactUs = us[EXACT] as number;

const rows = engines.map((e, k) => {
  const d = differing.get(e) as Differing;
  const perUnit = us[k] as number;
  return [
    e.name,
    unitsOf(e).length.toLocaleString('en'),
    fixed(perUnit),
    fixed(cpuUs[k] as number),
    `${(perUnit / floatsUs).toFixed(1)}×`,
    `${(perUnit / exactUs).toFixed(2)}×`,
    `${d.any.toLocaleString('en')} (${d.total.toLocaleString('en')} / ${d.veto} / ${d.grade.toLocaleString('en')})`,
  ];
});
const head = [
  'engine',
  'units',
  'µs per unit',
  'CPU µs',
  '÷ floats',
  '÷ exact',
  'units differing (total / veto / grade)',
];
const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] as string).length)));
const line = (cells: string[]) =>
  cells
    .map((x, c) => (c === 0 ? x.padEnd(widths[c] as number) : x.padStart(widths[c] as number)))
    .join('  ');
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));
{
  const all = Math.max(1, kaoheRoutes.fast + kaoheRoutes.exact);
  const pct = (n: number) => `${((100 * n) / all).toFixed(2)} %`;
  console.log(
    `\nKaohe rankCohort, item evaluations by route: fast (integer kernels) ${pct(kaoheRoutes.fast)},` +
      ` exact evaluator ${pct(kaoheRoutes.exact)} (${kaoheRoutes.exact.toLocaleString('en')});` +
      ` sanctions decided on the integers ${sanctionShare(kaoheRoutes)}.`,
  );
}
console.log(
  `\nTimed from the figures' decimal spellings to totals, vetoes, ranks and grades (ranking and` +
    ` grading: one shared routine); median of ${RUNS} run${RUNS === 1 ? '' : 's'} after a checking pass;` +
    ` ratios from the wall-clock µs; CPU µs is the process's user + system time (all its threads).` +
    `\nKaohe with every reason is timed on the first ${REASONS_UNITS.toLocaleString('en')} units` +
    ` (--reasons-units / KAOHE_BENCH30_REASONS_UNITS) and checked against the reference on the same` +
    ` units, graded among themselves. "Differing": against hand-written decimal.js, divide last.`,
);
