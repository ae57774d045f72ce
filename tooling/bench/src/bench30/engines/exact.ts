// The exact reference: the same straight-line code in decimal.js, comparing ratios by
// cross-multiplying and dividing once, last, so each score is the true value rounded once.
// decimal.js works to 20 significant digits: a quotient that ends within them (every half-way
// case x.xx5 does) is exact, and one that does not end lies at least 1 ÷ (1000 × its divisor),
// about 10^-11 here, from any half-way point, far beyond the 20th digit.
import Decimal from 'decimal.js';
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

const ZERO = new Decimal(0);
const T = RATE_TARGETS.map((t) => new Decimal(t));
const L = CEILING_LIMITS.map((l) => new Decimal(l));
const RP = new Decimal(RATE_POINTS);
const RSTEP = new Decimal(RATE_STEP);
const REACH = new Decimal(RATE_STEP_POINTS);
const CP = new Decimal(CEILING_POINTS);
const CSTEP = new Decimal(CEILING_STEP);
const LOW = new Decimal(BAND_LOW);
const HIGH = new Decimal(BAND_HIGH);
const BP = new Decimal(BAND_POINTS);
const DP = new Decimal(REDUCTION_POINTS);
const DREQ = new Decimal(REDUCTION_REQUIRED);
const QP = new Decimal(PER_HEAD_POINTS);
const QT = new Decimal(PER_HEAD_TARGET);
const YP = new Decimal(YESNO_POINTS);
const YHALF = new Decimal(YESNO_WITHOUT_EVIDENCE);
const X1 = new Decimal(BONUS_X1);
const X2 = new Decimal(BONUS_X2);
const CAP = new Decimal(BONUS_CAP);
const VETO = new Decimal(VETO_BAND);

const round2 = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const atLeast0 = (x: Decimal): Decimal => (x.isNegative() ? ZERO : x);

/** One unit's total and veto, exactly. */
function exactUnit(v: Bench30Unit['values']): { total: Decimal; vetoed: boolean } {
  let total = ZERO;
  for (let k = 0; k < 10; k++) {
    const r = new Decimal(v[R[k] as string] as string);
    const t = T[k] as Decimal;
    // 0.5 per started step of 0.01 below: ceil(gap ÷ 0.01), exact (0.01 is a power of ten).
    total = total.plus(
      r.gte(t) ? RP : round2(atLeast0(RP.minus(t.minus(r).div(RSTEP).ceil().times(REACH)))),
    );
  }
  for (let k = 0; k < 5; k++) {
    const c = new Decimal(v[C[k] as string] as string);
    const l = L[k] as Decimal;
    total = total.plus(c.lte(l) ? CP : round2(atLeast0(CP.minus(c.minus(l).div(CSTEP).ceil()))));
  }
  for (let k = 0; k < 3; k++) {
    const b = new Decimal(v[B[k] as string] as string);
    const inside = b.gte(LOW) && b.lte(HIGH);
    const gap = b.lt(LOW) ? LOW.minus(b) : b.minus(HIGH);
    total = total.plus(inside ? BP : round2(atLeast0(BP.minus(gap.ceil()))));
  }
  for (let k = 0; k < 4; k++) {
    const p = new Decimal(v[P[k] as string] as string);
    const d = new Decimal(v[D[k] as string] as string);
    // cut = (p − d) ÷ p ≥ 0.2, cross-multiplied (p > 0); else 3 × (p − d) ÷ (0.2 × p), once.
    const kept = p.minus(d);
    total = total.plus(
      kept.gte(DREQ.times(p)) ? DP : round2(atLeast0(DP.times(kept)).div(DREQ.times(p))),
    );
  }
  for (let k = 0; k < 4; k++) {
    const bud = new Decimal(v[BUD[k] as string] as string);
    const pop = new Decimal(v[POP[k] as string] as string);
    // bud ÷ pop ≥ 22, cross-multiplied (pop > 0); else 5 × bud ÷ (22 × pop), once.
    total = total.plus(bud.gte(QT.times(pop)) ? QP : round2(QP.times(bud).div(QT.times(pop))));
  }
  for (let k = 0; k < 4; k++)
    if (v[Y[k] as string]) total = total.plus(v[E[k] as string] ? YP : YHALF);
  const bonus = (v.x1 ? X1 : ZERO).plus(v.x2 ? X2 : ZERO);
  total = total.plus(bonus.gt(CAP) ? CAP : bonus);
  const vetoed =
    (new Decimal(v.b1 as string).gt(VETO) && v.ineffective === true) || v.petition === true;
  return { total, vetoed };
}

export function scoreExact(units: readonly Bench30Unit[]): EngineOutput {
  const n = units.length;
  const totals = new Array<string>(n);
  const vetoed = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const r = exactUnit((units[i] as Bench30Unit).values);
    totals[i] = r.total.toFixed(2);
    vetoed[i] = r.vetoed;
  }
  return { totals, vetoed };
}
