// `node dist/examples.mjs [units]`: every example rule set, and the bench's own rule set of the
// forms they do not use (forms.ts), on a generated cohort whose figures
// have 4–6 places (generateUnitsFor in @kaohe/rulesets), ranked with rankCohort and scored with every reason
// (scoreCohort). Before any time counts, the two are held to each other unit by unit (rank,
// total, grade, veto, completeness); a difference stops the bench. Prints one table: µs a
// unit for each, their ratio, and the share of item evaluations on the integer kernels.
import {
  compileRuleSet,
  parseRuleSet,
  rankCohort,
  scoreCohort,
  type CompiledRuleSet,
  type UnitInput,
} from '@kaohe/engine';
import { exampleRuleSets, generateUnitsFor } from '@kaohe/rulesets';
import { timeRounds } from './rounds.ts';
import { sanctionShare } from './routes.ts';
import { streamsAndRanks } from './forms.ts';

const count = Number(process.argv[2] ?? '20000');
/** scoreCohort builds every reason: timed on fewer units. */
const reasonsCount = Math.min(count, Number(process.argv[3] ?? '2000'));
const RUNS = 5;
/** Runs before the timed ones, so that the JIT has compiled the hot path (small rule sets'
 *  first runs are mostly compilation). */
const WARMUP = 3;

/** Items at every depth. */
type Items = readonly { items?: Items }[];
const leaves = (items: Items): number =>
  items.reduce((n, i) => n + (i.items?.length ? leaves(i.items) : 1), 0);

/** Units whose rank, total, grade, veto or completeness differ between the two paths. */
function differing(rules: CompiledRuleSet, units: readonly UnitInput[]): string[] {
  const full = new Map(scoreCohort(rules, units).units.map((u) => [u.unitId, u]));
  const out: string[] = [];
  for (const u of rankCohort(rules, units).units) {
    const f = full.get(u.unitId);
    const a = [u.rank, u.total, u.grade, u.vetoed, u.complete].join('|');
    const b = f && [f.rank, f.total, f.grade, f.vetoed, f.complete].join('|');
    if (a !== b) out.push(`${u.unitId}: rankCohort ${a}, scoreCohort ${b ?? 'missing'}`);
  }
  return out;
}

const rows = [];
// The example rule sets, then the bench's own of the forms none of them uses (forms.ts).
const ruleSets = [
  ...Object.entries(exampleRuleSets),
  [streamsAndRanks.id, streamsAndRanks] as const,
];
for (const [id, input] of ruleSets) {
  const parsed = parseRuleSet(input);
  if (!parsed.ok) throw new Error(`${id} does not parse: ${parsed.issues[0]?.message.en}`);
  const rules = compileRuleSet(parsed.value);
  const units = generateUnitsFor(input, count, 6);
  const few = units.slice(0, reasonsCount);
  const wrong = differing(rules, few);
  if (wrong.length)
    throw new Error(`${id}: ${wrong.length} units differ between the paths, e.g. ${wrong[0]}`);
  const ranked = rankCohort(rules, units);
  const rank = timeRounds(() => rankCohort(rules, units), units.length, RUNS, WARMUP);
  const reasons = timeRounds(() => scoreCohort(rules, few), few.length, RUNS, WARMUP);
  const rankUs = rank.cpuUs;
  const reasonsUs = reasons.cpuUs;
  const { fast, exact } = ranked.routes;
  rows.push({
    'rule set': id,
    items: leaves(input.sections),
    units: units.length,
    complete: `${((100 * ranked.units.filter((u) => u.complete).length) / units.length).toFixed(1)} %`,
    'rankCohort µs': Number(rank.wallUs.toFixed(2)),
    'CPU µs': Number(rankUs.toFixed(2)),
    'scoreCohort µs (every reason)': Number(reasons.wallUs.toFixed(1)),
    'CPU µs ': Number(reasonsUs.toFixed(1)),
    'reasons ÷ rank': `${(reasonsUs / rankUs).toFixed(1)}×`,
    'fast route': `${((100 * fast) / Math.max(1, fast + exact)).toFixed(2)} %`,
    'sanctions on the integers': sanctionShare(ranked.routes),
  });
}
console.log(
  `Example rule sets, generated cohorts (figures with 4–6 places), ${count.toLocaleString('en')} units ranked, ${reasonsCount.toLocaleString('en')} scored with every reason; medians of ${RUNS} runs after ${WARMUP} not counted; rankCohort and scoreCohort agreed on every unit checked`,
);
console.table(rows);
console.log(
  'The float and decimal references of BENCH-30 (below) are hand-written for its rule set only; here the ratio is the CPU time of scoreCohort with every reason against that of rankCohort.',
);
