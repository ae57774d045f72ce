// json-rules-engine with BENCH-30 as JSON rules: one rule per branch of each item (met, or short
// by so much), decided by the engine's conditions through decimal operators; each rule's event
// names what the branch scores, and the arithmetic is decimal.js, dividing last. Ratios (cut,
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

function rules(): RuleProperties[] {
  const list: RuleProperties[] = [];
  R.forEach((id, k) => {
    const t = RATE_TARGETS[k] as string;
    list.push(rule(all(fact(id, 'decGte', t)), 'points', { points: RATE_POINTS }));
    list.push(
      rule(all(fact(id, 'decLt', t)), 'each-started-short', {
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
    list.push(rule(all(fact(id, 'decLte', l)), 'points', { points: CEILING_POINTS }));
    list.push(
      rule(all(fact(id, 'decGt', l)), 'each-started-over', {
        fact: id,
        target: l,
        per: CEILING_STEP,
        each: '1',
        points: CEILING_POINTS,
      }),
    );
  });
  for (const id of B) {
    list.push(
      rule(all(fact(id, 'decGte', BAND_LOW), fact(id, 'decLte', BAND_HIGH)), 'points', {
        points: BAND_POINTS,
      }),
    );
    const outside = { per: '1', each: '1', points: BAND_POINTS, fact: id };
    list.push(
      rule(all(fact(id, 'decLt', BAND_LOW)), 'each-started-short', {
        ...outside,
        target: BAND_LOW,
      }),
    );
    list.push(
      rule(all(fact(id, 'decGt', BAND_HIGH)), 'each-started-over', {
        ...outside,
        target: BAND_HIGH,
      }),
    );
  }
  D.forEach((id, k) => {
    const cut = { fact: 'cut', params: { previous: P[k], current: id } };
    list.push(
      rule(all({ ...cut, operator: 'ratioGte', value: REDUCTION_REQUIRED }), 'points', {
        points: REDUCTION_POINTS,
      }),
    );
    list.push(
      rule(all({ ...cut, operator: 'ratioLt', value: REDUCTION_REQUIRED }), 'pro-rata', {
        ...cut.params,
        ratio: 'cut',
        target: REDUCTION_REQUIRED,
        points: REDUCTION_POINTS,
      }),
    );
  });
  BUD.forEach((id, k) => {
    const perHead = { fact: 'perHead', params: { amount: id, people: POP[k] } };
    list.push(
      rule(all({ ...perHead, operator: 'ratioGte', value: PER_HEAD_TARGET }), 'points', {
        points: PER_HEAD_POINTS,
      }),
    );
    list.push(
      rule(all({ ...perHead, operator: 'ratioLt', value: PER_HEAD_TARGET }), 'pro-rata', {
        ...perHead.params,
        ratio: 'perHead',
        target: PER_HEAD_TARGET,
        points: PER_HEAD_POINTS,
      }),
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
  engine.addOperator<string, string>('decLt', (a, b) => dec(a).lt(dec(b)));
  engine.addOperator<Ratio, string>('ratioGte', (r, b) => r.num.gte(dec(b).times(r.den)));
  engine.addOperator<Ratio, string>('ratioLt', (r, b) => r.num.lt(dec(b).times(r.den)));
  // cut = (last year − this year) ÷ last year; per head = budget ÷ population.
  engine.addFact<Promise<Ratio>>('cut', (params, almanac) =>
    ratioFact(almanac, params.current as string, params.previous as string, 'minus'),
  );
  engine.addFact<Promise<Ratio>>('perHead', (params, almanac) =>
    ratioFact(almanac, params.amount as string, params.people as string),
  );
  return engine;
}

/** What one event scores, exactly, for the unit's figures `v`. */
function eventScore(event: Event, v: Bench30Unit['values']): Decimal {
  const p = event.params as Record<string, string>;
  const points = dec(p.points);
  switch (event.type) {
    case 'points':
    case 'bonus':
      return points;
    case 'each-started-short':
    case 'each-started-over': {
      const x = dec(v[p.fact as string]);
      const gap =
        event.type === 'each-started-short' ? dec(p.target).minus(x) : x.minus(dec(p.target));
      const s = points.minus(
        gap
          .div(p.per as string)
          .ceil()
          .times(p.each as string),
      );
      return round2(s.isNegative() ? ZERO : s);
    }
    case 'pro-rata': {
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
    default:
      throw new Error(`an event this scorer does not know: ${event.type}`);
  }
}

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
    const { events } = await engine.run(v);
    let total = ZERO;
    let bonus = ZERO;
    let veto = false;
    for (const event of events) {
      if (event.type === 'veto') veto = true;
      else if (event.type === 'bonus') bonus = bonus.plus(eventScore(event, v));
      else total = total.plus(eventScore(event, v));
    }
    totals[i] = total.plus(bonus.gt(cap) ? cap : bonus).toFixed(2);
    vetoed[i] = veto;
  }
  return { totals, vetoed };
}
