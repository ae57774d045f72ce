// `pnpm bench` (in apps/admin): the what-if's rescoring at 150 items × 2,000 units — what one
// edit of the draft costs (the last edition's results are kept). Goal: ≤ 1 s on this machine.
import { parseRuleSet } from '@kaohe/engine';
import { bench, describe } from 'vitest';
import { rescore, scoreBase } from '../src/whatif/compare.ts';
import { SCALE, scaleRuleSet, scaleUnits } from './scale.ts';

const units = scaleUnits();
const base = scaleRuleSet(90);
const draft = scaleRuleSet(92); // every target tightened by two points
const before = scoreBase(base, units);
const check = rescore(before, draft, units);
if (check.units !== units.length || check.movers.length === 0)
  throw new Error(`the scale what-if moved no unit (${check.units} scored)`);
console.log(
  `what-if at scale: ${SCALE.items} items, ${units.length} units, ${check.movers.length} move; one rescore ${Math.round(check.ms)} ms`,
);

describe(`what-if rescoring, ${SCALE.items} items × ${units.length} units (goal ≤ 1,000 ms)`, () => {
  bench(
    'rescore under the draft and compare',
    () => {
      rescore(before, draft, units);
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
  // What the worker does for each edit after the pause (service.ts): the draft as sent (plain
  // JSON) parsed and checked, then rescored and compared.
  const sent: unknown = JSON.parse(JSON.stringify(draft));
  bench(
    'the worker’s rescore of an edited draft: parse, rescore, compare',
    () => {
      const parsed = parseRuleSet(sent);
      if (!parsed.ok) throw new Error('the scale draft does not parse');
      rescore(before, parsed.value, units);
    },
    { iterations: 5, warmupIterations: 1, time: 0 },
  );
});
