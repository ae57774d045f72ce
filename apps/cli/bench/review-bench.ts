// `pnpm bench` (apps/cli): a 1,000-unit review end to end on real workbooks — templates built,
// figures typed in, each unit self-scored and written back, then every workbook read again,
// recomputed under the reviewer's rules, ranked, graded and summarised. Prints phase times.
import { baotou2012, generateUnits } from '@kaohe/rulesets';
import { buildDemo } from '../src/commands/demo/pipeline.ts';
import { reviewWorkbooks } from '../src/commands/review/review-workbooks.ts';
import { ruleSetFromJson } from '../src/io/rule-set.ts';

const count = Number(process.argv[2] ?? '1000');
const loaded = ruleSetFromJson(baotou2012, 'baotou-2012.json');
const units = generateUnits(count, 2012);

const t0 = performance.now();
const run = await buildDemo(loaded, units, '.', () => undefined);
const t1 = performance.now();
const scored = run.files.flatMap((f) =>
  f.shown.startsWith('3-scored') && typeof f.data !== 'string'
    ? [{ shown: f.shown, bytes: f.data }]
    : [],
);
const review = await reviewWorkbooks(
  scored.map((f) => ({ shown: f.shown, read: () => Promise.resolve(f.bytes) })),
  loaded,
);
const t2 = performance.now();

const bytes = scored.reduce((s, f) => s + f.bytes.length, 0);
console.log(`Review benchmark, Baotou 2012, ${count} units (ExcelJS workbooks in memory)`);
console.table([
  {
    phase: 'template + fill + self-score + write back',
    ms: Math.round(t1 - t0),
    'ms/unit': +((t1 - t0) / count).toFixed(2),
  },
  {
    phase: 'read all + recompute + rank + grade + summary',
    ms: Math.round(t2 - t1),
    'ms/unit': +((t2 - t1) / count).toFixed(2),
  },
]);
console.log(
  `${review.cohort.units.length} units ranked; ${(bytes / count / 1024).toFixed(1)} KiB a workbook; peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`,
);
