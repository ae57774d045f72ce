// json-rules-engine with BENCH-30 as JSON rules: one rule per item, decided by the engine's
// conditions through decimal operators; the rule's event names the item's form, and what a
// short item scores is worked out in decimal.js, dividing last. Ratios (cut,
// budget per head) are facts worked out per unit as exact pairs and compared cross-multiplied.
import Decimal from 'decimal.js';
import { Engine, type Almanac, type Event, type RuleProperties } from 'json-rules-engine';
import {
  B,
  BAND_HIGH,
  BAND_LOW,
  BAND_POINTS,
  BONUS_CAP,
  BONUS_X1,
  BONUS_X2,
  BUD,
  C,
  CEILING_LIMITS,
  CEILING_POINTS,
  CEILING_STEP,
  D,
  E,
  P,
  PER_HEAD_POINTS,
  PER_HEAD_TARGET,
  POP,
  R,
  RATE_POINTS,
  RATE_STEP,
  RATE_STEP_POINTS,
  RATE_TARGETS,
  REDUCTION_POINTS,
  REDUCTION_REQUIRED,
  VETO_BAND,
  Y,
  YESNO_POINTS,
  YESNO_WITHOUT_EVIDENCE,
  type Bench30Unit,
  type EngineOutput,
} from '../spec.ts';

/** A ratio kept as numerator and denominator (denominator > 0): never divided to compare. */
interface Ratio {
  num: Decimal;
  den: Decimal;
}

type Condition = { fact: string; operator: string; value: unknown; params?: object };
const all = (...conditions: Condition[]) => ({ all: conditions });
const rule = (conditions: { all: Condition[] }, type: string, params: object): RuleProperties => ({
  conditions,
  event: { type, params },
});
const fact = (id: string, operator: string, value: unknown): Condition => ({
  fact: id,
  operator,
  value,
});

/**
 * One rule per figured item: its conditions say whether the item is met; its event names the
 * item's form and figures. A met rule's event (in `events`) scores full points; a failed one's
 * (in `failureEvents`) is scored by how far short it is. Yes/no items, the bonus and the vetoes
 * are rules whose events count only when they hold.
 */
function rules(): RuleProperties[] {
  const list: RuleProperties[] = [];
  R.forEach((id, k) => {
    const t = RATE_TARGETS[k] as string;
    list.push(
      rule(all(fact(id, 'decGte', t)), 'floor', {
        fact: id,
        target: t,
        per: RATE_STEP,
        each: RATE_STEP_POINTS,
        points: RATE_POINTS,
      }),
    );
  });
  C.forEach((id, k) => {
    const l = CEILING_LIMITS[k] as string;
    list.push(
      rule(all(fact(id, 'decLte', l)), 'ceiling', {
        fact: id,
        target: l,
        per: CEILING_STEP,
        each: '1',
        points: CEILING_POINTS,
      }),
    );
  });
  for (const id of B)
    list.push(
      rule(all(fact(id, 'decGte', BAND_LOW), fact(id, 'decLte', BAND_HIGH)), 'band', {
        fact: id,
        low: BAND_LOW,
        high: BAND_HIGH,
        per: '1',
        each: '1',
        points: BAND_POINTS,
      }),
    );
  D.forEach((id, k) => {
    const params = { previous: P[k], current: id };
    list.push(
      rule(
        all({ fact: 'cut', params, operator: 'ratioGte', value: REDUCTION_REQUIRED }),
        'pro-rata',
        { ...params, ratio: 'cut', target: REDUCTION_REQUIRED, points: REDUCTION_POINTS },
      ),
    );
  });
  BUD.forEach((id, k) => {
    const params = { amount: id, people: POP[k] };
    list.push(
      rule(
        all({ fact: 'perHead', params, operator: 'ratioGte', value: PER_HEAD_TARGET }),
        'pro-rata',
        { ...params, ratio: 'perHead', target: PER_HEAD_TARGET, points: PER_HEAD_POINTS },
      ),
    );
  });
  Y.forEach((id, k) => {
    const e = E[k] as string;
    list.push(
      rule(all(fact(id, 'equal', true), fact(e, 'equal', true)), 'points', {
        points: YESNO_POINTS,
      }),
    );
    list.push(
      rule(all(fact(id, 'equal', true), fact(e, 'equal', false)), 'points', {
        points: YESNO_WITHOUT_EVIDENCE,
      }),
    );
  });
  list.push(rule(all(fact('x1', 'equal', true)), 'bonus', { points: BONUS_X1 }));
  list.push(rule(all(fact('x2', 'equal', true)), 'bonus', { points: BONUS_X2 }));
  list.push(
    rule(all(fact('b1', 'decGt', VETO_BAND), fact('ineffective', 'equal', true)), 'veto', {}),
  );
  list.push(rule(all(fact('petition', 'equal', true)), 'veto', {}));
  return list;
}

const ZERO = new Decimal(0);
const dec = (x: unknown): Decimal => new Decimal(x as string);
const round2 = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

async function ratioFact(
  almanac: Almanac,
  numId: string,
  denId: string,
  minus?: string,
): Promise<Ratio> {
  const den = dec(await almanac.factValue(denId));
  const num = dec(await almanac.factValue(numId));
  return minus === undefined ? { num, den } : { num: den.minus(num), den };
}

export function jsonRulesEngine(): Engine {
  const engine = new Engine(rules());
  engine.addOperator<string, string>('decGte', (a, b) => dec(a).gte(dec(b)));
  engine.addOperator<string, string>('decGt', (a, b) => dec(a).gt(dec(b)));
  engine.addOperator<string, string>('decLte', (a, b) => dec(a).lte(dec(b)));
  engine.addOperator<Ratio, string>('ratioGte', (r, b) => r.num.gte(dec(b).times(r.den)));
  // cut = (last year − this year) ÷ last year; per head = budget ÷ population.
  // Each is read by one rule: no cache (its key would be a hash of the params, per unit).
  engine.addFact<Promise<Ratio>>(
    'cut',
    (params, almanac) =>
      ratioFact(almanac, params.current as string, params.previous as string, 'minus'),
    { cache: false },
  );
  engine.addFact<Promise<Ratio>>(
    'perHead',
    (params, almanac) => ratioFact(almanac, params.amount as string, params.people as string),
    { cache: false },
  );
  return engine;
}

/** What an item scores that its rule found short, exactly, for the unit's figures `v`. */
function shortScore(event: Event, v: Bench30Unit['values']): Decimal {
  const p = event.params as Record<string, string>;
  const points = dec(p.points);
  if (event.type === 'pro-rata') {
    // points × (num ÷ den) ÷ target, divided once: points × num ÷ (target × den).
    const [num, den] =
      p.ratio === 'cut'
        ? [
            dec(v[p.previous as string]).minus(dec(v[p.current as string])),
            dec(v[p.previous as string]),
          ]
        : [dec(v[p.amount as string]), dec(v[p.people as string])];
    const top = points.times(num);
    return round2((top.isNegative() ? ZERO : top).div(dec(p.target).times(den)));
  }
  // Each started step short costs `each`: below a floor, above a ceiling, outside a band.
  const x = dec(v[p.fact as string]);
  let gap: Decimal;
  if (event.type === 'floor') gap = dec(p.target).minus(x);
  else if (event.type === 'ceiling') gap = x.minus(dec(p.target));
  else if (event.type === 'band')
    gap = x.lt(dec(p.low)) ? dec(p.low).minus(x) : x.minus(dec(p.high));
  else throw new Error(`an event this scorer does not know: ${event.type}`);
  const s = points.minus(gap.div(dec(p.per)).ceil().times(dec(p.each)));
  return round2(s.isNegative() ? ZERO : s);
}

/** Rules whose failure scores something (an item short of its target). */
const SCORED_WHEN_SHORT = new Set(['floor', 'ceiling', 'band', 'pro-rata']);

export async function scoreJsonRules(
  engine: Engine,
  units: readonly Bench30Unit[],
): Promise<EngineOutput> {
  const n = units.length;
  const totals = new Array<string>(n);
  const vetoed = new Array<boolean>(n);
  const cap = dec(BONUS_CAP);
  for (let i = 0; i < n; i++) {
    const v = (units[i] as Bench30Unit).values;
    const { events, failureEvents } = await engine.run(v);
    let total = ZERO;
    let bonus = ZERO;
    let veto = false;
    for (const event of events) {
      const points = dec((event.params as { points?: string }).points ?? '0');
      if (event.type === 'veto') veto = true;
      else if (event.type === 'bonus') bonus = bonus.plus(points);
      else total = total.plus(points);
    }
    for (const event of failureEvents)
      if (SCORED_WHEN_SHORT.has(event.type)) total = total.plus(shortScore(event, v));
    totals[i] = total.plus(bonus.gt(cap) ? cap : bonus).toFixed(2);
    vetoed[i] = veto;
  }
  return { totals, vetoed };
}
