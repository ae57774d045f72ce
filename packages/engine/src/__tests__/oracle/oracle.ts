// A reference evaluator, for tests only: the rule model of the engine's README worked out
// the plain way, in fraction.js rationals, one function per rule kind and stream. It reads
// the parsed rule set (parseRuleSet's value) and the engine's expression parser, and computes
// every score itself; the property tests hold scoreUnit, scoreCohort and rankCohort to it.
// Slow and obvious on purpose: no caching beyond one memo per unit, no integer tricks.
import Fraction from 'fraction.js';
import type { InputValue, UnitInput } from '../../model/result.ts';
import type { Rounding } from '../../schema/common.ts';
import type { Rule, Slope, Stream } from '../../schema/rules.ts';
import type { Indicator, InputDef, RuleSet, Section } from '../../schema/ruleset.ts';
import {
  Blank,
  CannotCompute,
  evaluate,
  inputsOf,
  oracleDay,
  oracleMonthsStarted,
  parse,
  rateOf,
  type Value,
} from './expr.ts';

type Status =
  | 'met'
  | 'partly-met'
  | 'not-met'
  | 'missing-input'
  | 'cannot-compute'
  | 'missing-evidence'
  | 'not-applicable'
  | 'gated';

interface OracleItem {
  path: string;
  score: string | null;
  max: string;
  status: Status;
}
export interface OracleUnit {
  unitId: string;
  /** Every item, sections then bonus, a parent before its sub-items. */
  items: OracleItem[];
  sections: { code: string; score: string | null; max: string }[];
  bonus: string;
  total: string;
  max: string;
  complete: boolean;
  vetoed: boolean;
  noCommendation: boolean;
  /** Ids of the sanctions that hold, in rule-set order. */
  sanctions: string[];
}
interface OracleRanked {
  unitId: string;
  position: number;
  rank: number;
  total: string;
  vetoed: boolean;
  complete: boolean;
  grade: string | null;
  pending: boolean;
}

const ZERO = new Fraction(0);
const dec = (v: string | number): Fraction => new Fraction(String(v));

// ---- Decimals: rounding and canonical text ----

/** Rounds to dp places by mode; half-up is 四舍五入 (ties away from zero). */
function roundTo(x: Fraction, { dp, mode }: Rounding): Fraction {
  const scale = 10n ** BigInt(dp);
  const n = x.n * scale; // |x| × 10^dp = n / d
  const whole = n / x.d;
  const rest2 = (n % x.d) * 2n; // twice the remainder, against d
  let up = false;
  if (mode === 'up') up = rest2 > 0n;
  if (mode === 'half-up') up = rest2 >= x.d;
  if (mode === 'half-even') up = rest2 > x.d || (rest2 === x.d && whole % 2n === 1n);
  return new Fraction(x.s * (whole + (up ? 1n : 0n)), scale);
}

/** Canonical decimal text ("12.7", "-3", "0.125"); a value with no finite decimal is a bug. */
export function text(x: Fraction): string {
  for (let places = 0; places <= 40; places++) {
    const scaled = x.n * 10n ** BigInt(places);
    if (scaled % x.d !== 0n) continue;
    const digits = (scaled / x.d).toString().padStart(places + 1, '0');
    const int = digits.slice(0, digits.length - places);
    const frac = digits.slice(digits.length - places);
    return (x.s < 0n && x.n !== 0n ? '-' : '') + int + (places > 0 ? '.' + frac : '');
  }
  throw new Error(`oracle: ${x.toFraction()} has no finite decimal form`);
}

// ---- Reading a unit's figures (README, "Inputs") ----

const YES = ['是', '有', '√', '✓', 'y', 'yes', 'true', '1', '已', '已完成'];
const NO = ['否', '无', '×', '✗', 'x', 'n', 'no', 'false', '0', '未', '未完成'];

const isBlankRaw = (raw: InputValue | undefined): boolean =>
  raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');

/** An input's value, or undefined when blank (without a meaning) or not readable. */
function decode(def: InputDef, raw: InputValue | undefined): Value | undefined {
  if (isBlankRaw(raw)) return def.blankMeans === undefined ? undefined : dec(def.blankMeans);
  if (def.unit === 'yesno') {
    if (typeof raw === 'boolean') return raw;
    const t = String(raw).trim().toLowerCase();
    return YES.includes(t) ? true : NO.includes(t) ? false : undefined;
  }
  if (def.unit === 'choice') {
    const t = String(raw).trim();
    const label = (c: { label: string | { zh: string } }) =>
      typeof c.label === 'string' ? c.label : c.label.zh;
    return def.choices?.find((c) => c.value === t || label(c) === t)?.value;
  }
  if (def.unit === 'text') return String(raw).trim();
  if (def.unit === 'date') {
    if (typeof raw !== 'string') return undefined;
    // README "Dates and deadlines": Y-M-D with one separator, Y年M月D日, M月D日 with the input's year.
    const t = raw.normalize('NFKC').replace(/\s+/g, '');
    const m =
      /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t) ??
      /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(t) ??
      /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/.exec(t) ??
      /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/.exec(t);
    const short = m ? null : /^(\d{1,2})月(\d{1,2})[日号]?$/.exec(t);
    const [y, mo, d] = m
      ? [Number(m[1]), Number(m[2]), Number(m[3])]
      : short && def.defaultYear !== undefined
        ? [def.defaultYear, Number(short[1]), Number(short[2])]
        : [0, 0, 0];
    const day = oracleDay(y, mo, d);
    return day === undefined ? undefined : new Fraction(day);
  }
  if (typeof raw === 'boolean') return undefined;
  const t = typeof raw === 'number' ? numberText(raw) : String(raw).trim();
  if (t === undefined || !/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  const v = dec(t);
  // Out of the declared range (912 for a rate in %): a typing error, never a figure.
  if (def.min !== undefined && v.compare(dec(def.min)) < 0) return undefined;
  if (def.max !== undefined && v.compare(dec(def.max)) > 0) return undefined;
  return v;
}
/**
 * blank(id) (README "Expressions"): true for an input left blank without a meaning for blanks;
 * false for one with a value (or a blank that means 0); a figure typed but refused (text, out
 * of range) is neither: what reads it cannot be judged (missing-input).
 */
function blankOf(inputs: ReadonlyMap<string, InputDef>, unit: UnitInput, id: string): boolean {
  const def = inputs.get(id);
  if (!def) {
    if (id === 'class') return unit.class === undefined;
    throw new Error(`oracle: blank() of ${id}`);
  }
  if (decode(def, unit.values[id]) !== undefined) return false;
  if (isBlankRaw(unit.values[id])) return true;
  throw new Blank(id);
}
function numberText(n: number): string | undefined {
  if (!Number.isFinite(n)) return undefined;
  if (/e/i.test(String(n))) throw new Error(`oracle: give ${n} as decimal text`);
  return String(n);
}

// ---- One unit ----

/** What a unit's score needs from its cohort; absent when a unit is scored alone. */
interface Cohort {
  stat(kind: 'mean' | 'max' | 'min', id: string): Fraction | undefined;
  /** 1-based rank (ties shared), the leader's value; undefined when the unit is not ranked. */
  place(path: string, unitId: string): { rank: number; leader: Fraction } | undefined;
}

interface Judged {
  score: Fraction | null;
  max: Fraction;
  status: Status;
}

/** Thrown by a rule that does not apply to this unit (a reduction with nothing to reduce). */
class NotApplicable {}

const WORST: Status[] = [
  'missing-input',
  'cannot-compute',
  'missing-evidence',
  'gated',
  'not-met',
  'partly-met',
  'met',
  'not-applicable',
];

// ---- Named derived values: a formula over the unit's figures, rounded as declared ----

/** Inputs and derived values, a derived value as an input of its unit (for rates and evidence). */
function shownInputs(rs: RuleSet): Map<string, InputDef> {
  const out = new Map(rs.inputs.map((d) => [d.id, d]));
  for (const d of rs.derived ?? [])
    out.set(d.id, { id: d.id, label: d.label, unit: d.unit, source: 'unit', evidence: false });
  return out;
}

/** A unit's derived value: its formula (inputs decoded, other derived values worked out the
 *  same way, cohort statistics from `peer`), rounded by its own rounding, else rounding.rates
 *  for a % or ‰ value. */
function derivedValue(
  rs: RuleSet,
  unit: UnitInput,
  id: string,
  peer: (kind: 'mean' | 'max' | 'min', id: string) => Fraction,
): Fraction {
  const d = (rs.derived ?? []).find((x) => x.id === id);
  if (!d) throw new Error(`oracle: unknown derived value ${id}`);
  const inputs = new Map(rs.inputs.map((x) => [x.id, x]));
  const none = (what: string) => () => {
    throw new Blank(what);
  };
  const v = evaluate(parse(d.expression), {
    input: (name) => {
      if ((rs.derived ?? []).some((x) => x.id === name)) return derivedValue(rs, unit, name, peer);
      const value = decode(inputs.get(name) as InputDef, unit.values[name]);
      if (value === undefined) throw new Blank(name);
      return value;
    },
    blank: (name) => blankOf(inputs, unit, name),
    total: none('total'),
    unitClass: () => {
      if (unit.class === undefined) throw new Blank('class');
      return unit.class;
    },
    peer,
    score: none('score'),
    met: none('met'),
    status: none('status'),
  });
  if (!(v instanceof Fraction)) throw new CannotCompute('derived value not a number');
  const rounding = d.rounding ?? (d.unit === '%' || d.unit === '‰' ? rs.rounding.rates : undefined);
  return rounding ? roundTo(v, rounding) : v;
}

/** The inputs under the derived values among `read`, in their place (evidence is theirs). */
function underDerived(rs: RuleSet, read: Set<string>): void {
  const shown = shownInputs(rs);
  for (let again = true; again;) {
    again = false;
    for (const d of rs.derived ?? []) {
      if (!read.has(d.id)) continue;
      read.delete(d.id);
      inputsOf(parse(d.expression), shown, read);
      again = true;
    }
  }
}

export function oracleUnit(rs: RuleSet, unit: UnitInput, cohort?: Cohort): OracleUnit {
  const inputs = new Map(rs.inputs.map((d) => [d.id, d]));
  const derivedIds = new Set((rs.derived ?? []).map((d) => d.id));
  const shown = shownInputs(rs);
  const classes = new Set((rs.classes ?? []).map((c) => c.id));
  const judged = new Map<string, Judged>();
  /** Parents that were scored: only those list their sub-items in the result. */
  const opened = new Set<string>();
  const byPath = new Map<string, Indicator>();
  /** Set once every item is judged: undefined while the total is incomplete. */
  const known: { total?: Fraction } = {};

  const deadlineDay = (id: string): number | undefined => {
    const iso = rs.deadlines?.find((d) => d.id === id)?.date ?? id;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? oracleDay(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  };
  const read = (id: string): Value => {
    if (derivedIds.has(id)) return derivedValue(rs, unit, id, scope.peer);
    const def = inputs.get(id);
    if (!def && rs.deadlines?.some((d) => d.id === id)) return new Fraction(deadlineDay(id) ?? NaN);
    if (!def) throw new Error(`oracle: unknown input ${id}`);
    if (def.unit === 'cases') return new Fraction(casesOf(def).length);
    const v = decode(def, unit.values[id]);
    if (v === undefined) throw new Blank(id);
    return v;
  };
  const scope = {
    input: read,
    blank: (id: string) => blankOf(inputs, unit, id),
    total: () => {
      if (known.total === undefined) throw new Blank('total');
      return known.total;
    },
    unitClass: () => {
      if (unit.class === undefined) throw new Blank('class');
      return unit.class;
    },
    peer: (kind: 'mean' | 'max' | 'min', id: string) => {
      const v = cohort?.stat(kind, id);
      if (v === undefined) throw new Blank(`peer_${kind}(${id})`);
      return v;
    },
    score: (path: string) => {
      const r = judge(path);
      if (r.score === null) throw new Blank(`score(${path})`);
      return r.score;
    },
    met: (path: string) => {
      const r = judge(path);
      if (r.status === 'missing-input' || r.status === 'cannot-compute')
        throw new Blank(`met(${path})`);
      return r.status === 'met';
    },
    status: (path: string) => judge(path).status,
  };
  const run = (source: string): Value => evaluate(parse(source), scope);
  const number = (v: Value): Fraction => {
    if (v instanceof Fraction) return v;
    throw new CannotCompute('not a number');
  };
  /** A rule's operand: a decimal, a bare input, or an expression (a rate one is rounded). */
  const operand = (op: string | number): Fraction => {
    if (typeof op === 'number' || /^-?\d+(\.\d+)?$/.test(op.trim())) return dec(op);
    const ast = parse(op);
    const v = number(evaluate(ast, scope));
    // A derived value by its id is rounded where it is declared.
    const isInput = shown.has(op.trim());
    return !isInput && rs.rounding.rates && rateOf(ast, shown) ? roundTo(v, rs.rounding.rates) : v;
  };

  const judge = (path: string): Judged => {
    const done = judged.get(path);
    if (done) return done;
    const item = byPath.get(path);
    if (!item) throw new Error(`oracle: unknown item ${path}`);
    const r = judgeItem(item, path);
    judged.set(path, r);
    return r;
  };

  const judgeItem = (item: Indicator, path: string): Judged => {
    // 加分不设上限: an uncapped bonus item has no maximum (its result's max is its score).
    const uncapped = item.points === 'uncapped';
    const points = uncapped || item.points === 'none' ? ZERO : dec(item.points as number | string);
    // Maxima by class: the unit's declared class picks its maximum; 'not-assessed' is n/a.
    if (item.pointsByClass && !(unit.class !== undefined && classes.has(unit.class)))
      return { score: null, max: points, status: 'missing-input' };
    const byClass = unit.class === undefined ? undefined : item.pointsByClass?.[unit.class];
    if (byClass === 'not-assessed') return notApplicable;
    let max = byClass === undefined || byClass === null ? points : dec(byClass);
    let children: Judged[] = [];
    try {
      if (item.applicable !== undefined && run(item.applicable) === false) return notApplicable;
      // "—": no points of its own (a pool section's item): what it deducts, as a negative figure;
      // nothing deducted is met, an event that holds zeroes the section (it is gated).
      if (item.points === 'none') {
        const { sum: taken, zeroed } = applyStreams(item.deductions ?? []);
        const gated = (item.gates ?? []).some((g) => run(g.when) === true);
        const score = roundTo(taken, rs.rounding.scores);
        const status: Status = zeroed || gated ? 'gated' : score.compare(0) < 0 ? 'not-met' : 'met';
        return { score, max: ZERO, status };
      }
      // The sub-items are judged (and listed) only once the parent itself applies.
      children = (item.items ?? []).map((c) => judge(`${path}.${c.code}`));
      let base: Fraction;
      let upper: Fraction | undefined;
      if (children.length > 0) {
        const applying = children.filter((c) => c.status !== 'not-applicable');
        if (applying.length === 0) return notApplicable;
        // Sub-items that do not apply take their points with them.
        const childMax = applying.reduce((s, c) => s.add(c.max), ZERO);
        if (childMax.compare(max) < 0) max = childMax;
        base = children.reduce((s, c) => s.add(c.score ?? ZERO), ZERO);
      } else if (!item.rule)
        base = item.start === 'zero' ? ZERO : max; // from 0: credits accrue
      else ({ base, upper } = baseScore(item.rule, max, path));
      const { sum: streams, zeroed } = applyStreams(item.deductions ?? []);
      // min 'none' (该项可负分): no floor at all; uncapped: no top.
      const min = item.min === undefined ? ZERO : item.min === 'none' ? undefined : dec(item.min);
      const top = upper !== undefined && upper.compare(max) > 0 ? upper : max;
      let raw = base.add(streams);
      if (min !== undefined && raw.compare(min) < 0) raw = min;
      if (!uncapped && raw.compare(top) > 0) raw = top;
      let score = roundTo(raw, rs.rounding.scores);
      // Without a maximum, an item that earned something has met it.
      let status: Status = uncapped
        ? score.compare(0) > 0
          ? 'met'
          : 'not-met'
        : score.compare(max) >= 0
          ? 'met'
          : score.compare(0) <= 0 && max.compare(0) > 0
            ? 'not-met'
            : 'partly-met';
      for (const c of children)
        if (WORST.indexOf(c.status) < WORST.indexOf(status)) status = c.status;
      const gated = (item.gates ?? []).some((g) => run(g.when) === true);
      if (zeroed || gated) {
        const negative = min === undefined || min.compare(0) < 0;
        score = negative && score.compare(0) < 0 ? score : ZERO;
        status = 'gated';
      }
      if (status !== 'gated' && score.compare(0) > 0 && lacksEvidence(item)) {
        status = 'missing-evidence';
        // The item's own policy, else the rule set's: nothing, at most `keep`, or all of it.
        const policy = item.evidencePolicy ?? rs.evidencePolicy;
        if (policy === 'zero') score = ZERO;
        else if (policy !== 'flag' && score.compare(dec(policy.keep)) > 0) score = dec(policy.keep);
      }
      if (uncapped) max = score;
      // A parent lists its sub-items with its own score (not when it cannot be judged).
      if (children.length > 0) opened.add(path);
      return { score, max, status };
    } catch (e) {
      if (e instanceof Blank) return { score: null, max, status: 'missing-input' };
      if (e instanceof CannotCompute) return { score: null, max, status: 'cannot-compute' };
      if (e instanceof NotApplicable) return notApplicable;
      throw e;
    }
  };
  const notApplicable: Judged = { score: null, max: ZERO, status: 'not-applicable' };

  /** Evidence backs what the unit typed (not a blank, not "no", not 0) for the item's points. */
  const lacksEvidence = (item: Indicator): boolean => {
    const read = new Set<string>();
    const sources: string[] = [];
    const rule = item.rule as (Rule & Record<string, unknown>) | undefined;
    if (rule) {
      for (const key of ['value', 'target', 'low', 'high', 'previous', 'base', 'full', 'zero'])
        if (typeof rule[key] === 'string') sources.push(rule[key]);
      if (rule.kind === 'tiers')
        for (const t of rule.tiers)
          if ('than' in t && typeof t.than === 'string') sources.push(t.than);
      if (rule.kind === 'expr') sources.push(rule.score);
      if (rule.kind === 'yesno') read.add(rule.input);
    }
    for (const s of item.deductions ?? []) {
      if (s.kind === 'expr') sources.push(s.amount);
      else read.add(s.input);
      if (s.kind === 'per-case' && s.multiplied) read.add(s.multiplied.input);
    }
    for (const g of item.gates ?? []) sources.push(g.when);
    for (const src of sources)
      if (!/^-?\d+(\.\d+)?$/.test(src.trim())) inputsOf(parse(src), shown, read);
    underDerived(rs, read);
    return [...read].some((id) => {
      if (!inputs.get(id)?.evidence || unit.evidence?.[id]) return false;
      if (isBlankRaw(unit.values[id])) return false;
      const v = decode(inputs.get(id) as InputDef, unit.values[id]);
      return v !== undefined && v !== false && !(v instanceof Fraction && v.n === 0n);
    });
  };

  // ---- Rule kinds: each gives the base score (and, above a target, a higher ceiling) ----

  const baseScore = (rule: Rule, points: Fraction, path: string) => {
    switch (rule.kind) {
      case 'threshold':
        return threshold(rule, points);
      case 'band':
        return { base: band(rule, points) };
      case 'reduction':
        return { base: reduction(rule, points) };
      case 'ramp':
        return { base: ramp(rule, points) };
      case 'proportional':
        return { base: proportional(rule, points) };
      case 'tiers':
        return { base: tiers(rule) };
      case 'yesno':
        return { base: yesno(rule, points) };
      case 'rank':
        return { base: rank(rule, points, path) };
      case 'piecewise':
        return { base: piecewise(rule) };
      case 'expr':
        // An expr item's score is not a rate: rounded once, with the item, by rounding.scores.
        return { base: number(run(rule.score)) };
    }
  };

  const holds = (value: Fraction, op: string, target: Fraction): boolean => {
    const c = value.compare(target);
    if (op === '>=') return c >= 0;
    if (op === '>') return c > 0;
    if (op === '<=') return c <= 0;
    if (op === '<') return c < 0;
    return c === 0;
  };

  /** Points a slope gives for a gap (≥ 0); `strict`: a gap of 0 that fails still counts a step. */
  const slopePoints = (gap: Fraction, slope: Slope, target: Fraction, strict = false): Fraction => {
    let g = gap;
    if (slope.gap === 'relative') {
      if (target.n === 0n) throw new CannotCompute('gap relative to a target of 0');
      g = gap.mul(100).div(target.abs());
    }
    const ratio = g.div(dec(slope.per));
    let steps: Fraction;
    if (slope.steps === 'pro-rata') steps = ratio;
    else if (slope.steps === 'each-full') steps = ratio.floor();
    else steps = strict && g.n === 0n ? new Fraction(1) : ratio.ceil();
    const amount = steps.mul(dec(slope.points));
    return slope.cap !== undefined && amount.compare(dec(slope.cap)) > 0 ? dec(slope.cap) : amount;
  };

  const threshold = (rule: Extract<Rule, { kind: 'threshold' }>, points: Fraction) => {
    const v = operand(rule.value);
    const t = operand(rule.target);
    if (holds(v, rule.op, t)) {
      const beyond = rule.op === '<=' || rule.op === '<' ? t.sub(v) : v.sub(t);
      if (!rule.above || beyond.compare(0) <= 0) return { base: points };
      const credit = slopePoints(beyond, rule.above, t);
      return { base: points.add(credit), upper: points.add(credit) };
    }
    if (!rule.below) return { base: ZERO };
    const strict = rule.op === '>' || rule.op === '<';
    return { base: points.sub(slopePoints(t.sub(v).abs(), rule.below, t, strict)) };
  };

  const band = (rule: Extract<Rule, { kind: 'band' }>, points: Fraction): Fraction => {
    const v = operand(rule.value);
    const low = operand(rule.low);
    const high = operand(rule.high);
    if (v.compare(low) >= 0 && v.compare(high) <= 0) return points;
    if (!rule.outside) return ZERO;
    const edge = v.compare(low) < 0 ? low : high;
    return points.sub(slopePoints(edge.sub(v).abs(), rule.outside, edge));
  };

  const reduction = (rule: Extract<Rule, { kind: 'reduction' }>, points: Fraction): Fraction => {
    const v = operand(rule.value);
    const prev = operand(rule.previous);
    const base = rule.base === undefined ? ZERO : operand(rule.base);
    const tier = rule.required.find(
      (t) =>
        (t.from === undefined || prev.compare(dec(t.from)) >= 0) &&
        (t.to === undefined || prev.compare(dec(t.to)) < 0),
    );
    const excess = prev.sub(base);
    // No tier holds last year's figure, or nothing above the base to reduce: not applicable.
    if (!tier || excess.compare(0) <= 0) throw new NotApplicable();
    const pct = dec(tier.pct);
    const achieved = prev.sub(v).mul(100).div(excess); // the reduction made, in % of the excess
    if (achieved.compare(pct) >= 0) return points;
    if (!rule.below) return ZERO;
    return points.sub(slopePoints(pct.sub(achieved), rule.below, pct));
  };

  const ramp = (rule: Extract<Rule, { kind: 'ramp' }>, points: Fraction): Fraction => {
    const v = operand(rule.value);
    const full = operand(rule.full);
    const zero = operand(rule.zero);
    const lower =
      rule.better === undefined
        ? dec(rule.full).compare(dec(rule.zero)) < 0
        : rule.better === 'lower';
    if (lower ? v.compare(zero) >= 0 : v.compare(zero) <= 0) return ZERO;
    if (lower ? v.compare(full) <= 0 : v.compare(full) >= 0) return points;
    return points.mul(zero.sub(v)).div(zero.sub(full));
  };

  /** Linear interpolation on the segment that holds the value; beyond an end as declared. */
  const piecewise = (rule: Extract<Rule, { kind: 'piecewise' }>): Fraction => {
    const v = operand(rule.value);
    const pts = rule.breakpoints.map((b) => ({ x: dec(b.at), y: dec(b.points) }));
    const line = (p: (typeof pts)[number], r: (typeof pts)[number]): Fraction =>
      p.y.add(r.y.sub(p.y).mul(v.sub(p.x)).div(r.x.sub(p.x)));
    const [first, second] = [pts[0], pts[1]] as [(typeof pts)[number], (typeof pts)[number]];
    const [last, penult] = [pts[pts.length - 1], pts[pts.length - 2]] as [
      (typeof pts)[number],
      (typeof pts)[number],
    ];
    const end = (how: string | undefined, p: Fraction, extended: Fraction): Fraction =>
      how === 'zero' ? ZERO : how === 'extend' ? extended : p;
    if (v.compare(first.x) < 0) return end(rule.beforeFirst, first.y, line(first, second));
    if (v.compare(last.x) > 0) return end(rule.afterLast, last.y, line(penult, last));
    for (let i = 0; i + 1 < pts.length; i++) {
      const [p, r] = [pts[i], pts[i + 1]] as [(typeof pts)[number], (typeof pts)[number]];
      if (v.compare(p.x) >= 0 && v.compare(r.x) <= 0) return line(p, r);
    }
    throw new Error('unreachable: a value between the ends lies on a segment');
  };

  const proportional = (
    rule: Extract<Rule, { kind: 'proportional' }>,
    points: Fraction,
  ): Fraction => {
    const v = operand(rule.value);
    const t = operand(rule.target);
    if (t.compare(0) <= 0) throw new CannotCompute('proportional target not above 0');
    const share = points.mul(v).div(t);
    return share.compare(0) < 0 ? ZERO : share.compare(points) > 0 ? points : share;
  };

  const tiers = (rule: Extract<Rule, { kind: 'tiers' }>): Fraction => {
    // A number is read as an operand (a derived rate rounded); a yes/no or choice as it is.
    const raw =
      typeof rule.value === 'number' || /^-?\d+(\.\d+)?$/.test(rule.value.trim())
        ? dec(rule.value)
        : run(rule.value);
    const value = raw instanceof Fraction ? operand(rule.value) : raw;
    for (const tier of rule.tiers) {
      const ok =
        'equals' in tier
          ? value === tier.equals
          : holds(number(value), tier.op, operand(tier.than));
      if (ok) return dec(tier.points);
    }
    return rule.otherwise === undefined ? ZERO : dec(rule.otherwise);
  };

  const yesno = (rule: Extract<Rule, { kind: 'yesno' }>, points: Fraction): Fraction => {
    const v = read(rule.input);
    if (typeof v !== 'boolean') throw new CannotCompute('yes/no expected');
    if (v) return rule.yes === undefined ? points : dec(rule.yes);
    return rule.no === undefined ? ZERO : dec(rule.no);
  };

  const rank = (rule: Extract<Rule, { kind: 'rank' }>, points: Fraction, path: string) => {
    if (!cohort) throw new CannotCompute('rank needs the cohort');
    const place = cohort.place(path, unit.id);
    if (!place) {
      operand(rule.value); // a blank value is a missing input
      throw new CannotCompute('not ranked');
    }
    if (rule.points !== 'proportional-to-leader') {
      const p = rule.points[place.rank - 1];
      return p !== undefined ? dec(p) : rule.otherwise === undefined ? ZERO : dec(rule.otherwise);
    }
    const v = operand(rule.value);
    const [num, den] = rule.order === 'desc' ? [v, place.leader] : [place.leader, v];
    if (den.n === 0n) return points;
    const share = points.mul(num).div(den);
    return share.compare(0) < 0 ? ZERO : share.compare(points) > 0 ? points : share;
  };

  // ---- Streams: each gives a signed amount; a case count at zeroAt zeroes the item ----

  const cases = (id: string): Fraction => {
    const v = read(id);
    if (!(v instanceof Fraction) || v.d !== 1n || v.s < 0n)
      throw new CannotCompute('a whole number of cases expected');
    return v;
  };

  const perCase = (s: Extract<Stream, { kind: 'per-case' }>) => {
    const n = Number(cases(s.input).toString());
    const each = dec(s.each);
    const schedule = (s.schedule ?? []).map(dec);
    let amount = ZERO;
    // Case k costs schedule[k−1]; beyond the schedule, the last listed + increment per case
    // further, or `each` without an increment.
    let last = schedule.at(-1) ?? each;
    for (let k = 1; k <= n; k++) {
      if (k <= schedule.length) amount = amount.add(schedule[k - 1] as Fraction);
      else if (s.schedule && s.increment !== undefined) {
        last = last.add(dec(s.increment));
        amount = amount.add(last);
      } else amount = amount.add(each);
    }
    if (s.multiplied) {
      const m = Number(cases(s.multiplied.input).toString());
      const factor = dec(s.multiplied.factor);
      if ((s.multiplied.cases ?? 'extra') === 'extra') amount = amount.add(each.mul(factor).mul(m));
      else {
        if (m > n) throw new CannotCompute('more of-which cases than cases');
        amount = amount.add(each.mul(factor.sub(1)).mul(m));
      }
    }
    return { amount, zeroed: s.zeroAt !== undefined && n >= s.zeroAt };
  };

  const state = (s: Extract<Stream, { kind: 'state' }>): Fraction => {
    const v = read(s.input);
    const key = typeof v === 'boolean' ? (v ? 'yes' : 'no') : v instanceof Fraction ? text(v) : v;
    const found = s.amounts[key];
    return found === undefined ? ZERO : dec(found);
  };

  /** README "Dates and deadlines": blank → `missing`; on or before the due date 0; after it
   *  late + perMonth × min(months begun, maxMonths). A date refused is not a blank. */
  const deadline = (s: Extract<Stream, { kind: 'deadline' }>): Fraction => {
    const due = deadlineDay(s.due);
    if (due === undefined) throw new Error(`oracle: due ${s.due}`);
    if (blankOf(inputs, unit, s.input)) {
      if (s.missing === 'missing-input') throw new Blank(s.input);
      return dec(s.missing);
    }
    const filed = Number(number(read(s.input)).toString());
    if (filed <= due) return ZERO;
    let months = oracleMonthsStarted(due, filed);
    if (s.maxMonths !== undefined) months = Math.min(months, s.maxMonths);
    const late = s.late === undefined ? ZERO : dec(s.late);
    return late.add(s.perMonth === undefined ? ZERO : dec(s.perMonth).mul(months));
  };

  /** README "Per-case records": absent is blank (no cases under blankMeans 0), a list of
   *  records of the declared fields, anything else cannot be read. */
  const casesOf = (def: InputDef): readonly Record<string, InputValue | undefined>[] => {
    const raw: unknown = unit.records?.[def.id];
    if (raw === undefined || raw === null) {
      if (def.blankMeans !== undefined) return [];
      throw new Blank(def.id);
    }
    if (!Array.isArray(raw)) throw new Blank(def.id);
    const names = new Set((def.fields ?? []).map((f) => f.id));
    for (const r of raw as unknown[])
      if (typeof r !== 'object' || r === null || Object.keys(r).some((k) => !names.has(k)))
        throw new Blank(def.id);
    return raw as Record<string, InputValue | undefined>[];
  };

  /** Each case that `when` admits: `each` (or the escalation step its field reaches, then
   *  `increment` per one beyond the last), at most `eachCap`, × factor where `multiplied.when`
   *  holds; summed. */
  const perRecord = (
    s: Extract<Stream, { kind: 'per-record' }>,
  ): { amount: Fraction; zeroed: boolean } => {
    const def = inputs.get(s.input) as InputDef;
    let amount = ZERO;
    let zeroed = false;
    for (const rec of casesOf(def)) {
      const field = (id: string): Value => {
        const f = def.fields?.find((x) => x.id === id);
        if (!f) return read(id);
        const v = decode(f as unknown as InputDef, rec[id]);
        if (v === undefined) throw new Blank(`${def.id}.${id}`);
        return v;
      };
      const own = { ...scope, input: field };
      const test = (src: string): boolean => {
        const v = evaluate(parse(src), own);
        if (typeof v !== 'boolean') throw new CannotCompute('a test that is not yes/no');
        return v;
      };
      if (s.when !== undefined && !test(s.when)) continue;
      let base: Fraction;
      if (s.escalation) {
        const v = number(field(s.escalation.by));
        if (v.d !== 1n) throw new CannotCompute('escalation by a whole number');
        if (s.escalation.zeroAt !== undefined && v.compare(s.escalation.zeroAt) >= 0) zeroed = true;
        const steps = s.escalation.schedule.filter((x) => v.compare(x.at) >= 0);
        const top = steps.at(-1);
        const last = s.escalation.schedule.at(-1);
        base = top === undefined ? ZERO : dec(top.points);
        if (top && top === last && s.escalation.beyondLast)
          base = base.add(dec(s.escalation.beyondLast.increment).mul(v.sub(top.at)));
      } else if (typeof s.each === 'number' || /^-?\d+(\.\d+)?$/.test(String(s.each).trim()))
        base = dec(s.each as number | string);
      else base = number(evaluate(parse(String(s.each)), own));
      if (base.compare(0) < 0) throw new CannotCompute('a case priced below 0');
      if (s.eachCap !== undefined && base.compare(dec(s.eachCap)) > 0) base = dec(s.eachCap);
      if (s.multiplied && test(s.multiplied.when)) base = base.mul(dec(s.multiplied.factor));
      amount = amount.add(base);
    }
    return { amount, zeroed };
  };

  const applyStreams = (streams: readonly Stream[]) => {
    let sum = ZERO;
    let zeroed = false;
    for (const s of streams) {
      let amount: Fraction;
      if (s.kind === 'per-case') {
        const r = perCase(s);
        amount = r.amount;
        zeroed ||= r.zeroed;
      } else if (s.kind === 'per-record') {
        const r = perRecord(s);
        amount = r.amount;
        zeroed ||= r.zeroed;
      } else if (s.kind === 'state') amount = state(s);
      else if (s.kind === 'deadline') amount = deadline(s);
      else amount = number(run(s.amount));
      if (s.cap !== undefined && amount.compare(dec(s.cap)) > 0) amount = dec(s.cap);
      sum = s.direction === 'add' ? sum.add(amount) : sum.sub(amount);
    }
    return { sum, zeroed };
  };

  // ---- The unit: sections, bonus, total, sanctions ----

  const index = (items: readonly Indicator[], parent: string): void => {
    for (const item of items) {
      const path = parent ? `${parent}.${item.code}` : item.code;
      byPath.set(path, item);
      index(item.items ?? [], path);
    }
  };
  for (const s of rs.sections) index(s.items, s.code);
  if (rs.bonus) index(rs.bonus.items, '加分');

  const listed: OracleItem[] = [];
  const list = (items: readonly Indicator[], parent: string): Judged[] =>
    items.map((item) => {
      const path = `${parent}.${item.code}`;
      const r = judge(path);
      listed.push({
        path,
        score: r.score === null ? null : text(r.score),
        max: text(r.max),
        status: r.status,
      });
      if (opened.has(path)) list(item.items ?? [], path);
      return r;
    });

  const sections = rs.sections.map((section: Section) => {
    const items = list(section.items, section.code);
    if (section.pool) return poolSection(section, items);
    let score = items.reduce((s, i) => s.add(i.score ?? ZERO), ZERO);
    let max = items
      .filter((i) => i.status !== 'not-applicable')
      .reduce((s, i) => s.add(i.max), ZERO);
    const byClass = unit.class === undefined ? undefined : section.pointsByClass?.[unit.class];
    const full = dec((byClass ?? section.points) as number | string);
    if (section.notApplicable === 'rescale' && max.compare(0) > 0 && !max.equals(full)) {
      score = roundTo(score.mul(full).div(max), rs.rounding.scores);
      max = full;
    }
    return { code: section.code, score: score as Fraction | null, max };
  });
  /** A pool: the section's points (its class's) less the items' deductions, between its floor
   *  (0 unless declared; 'none': none) and its points; an event on an item leaves 0 (or the
   *  score below 0 a floor under 0 allows). Not scored while an item is not, or the class of a
   *  unit is not known for points by class; no item applies: 0 of 0. */
  function poolSection(section: Section, items: Judged[]) {
    let full = dec(section.points as number | string);
    if (section.pointsByClass) {
      const c = unit.class;
      if (c === undefined || !classes.has(c)) return { code: section.code, score: null, max: full };
      const own = section.pointsByClass[c];
      if (own !== undefined && own !== null) full = dec(own);
    }
    if (items.some((i) => i.status === 'missing-input' || i.status === 'cannot-compute'))
      return { code: section.code, score: null, max: full };
    const applying = items.filter((i) => i.status !== 'not-applicable');
    if (applying.length === 0) return { code: section.code, score: ZERO, max: ZERO };
    let score = applying.reduce((s, i) => s.add(i.score ?? ZERO), full);
    const min =
      section.min === undefined ? ZERO : section.min === 'none' ? undefined : dec(section.min);
    if (min !== undefined && score.compare(min) < 0) score = min;
    if (score.compare(full) > 0) score = full;
    score = roundTo(score, rs.rounding.scores);
    if (applying.some((i) => i.status === 'gated')) {
      const negative = min === undefined || min.compare(0) < 0;
      score = negative && score.compare(0) < 0 ? score : ZERO;
    }
    return { code: section.code, score: score as Fraction | null, max: full };
  }
  const bonusItems = rs.bonus ? list(rs.bonus.items, '加分') : [];
  let bonus = bonusItems.reduce((s, i) => s.add(i.score ?? ZERO), ZERO);
  const cap = rs.bonus?.cap;
  if (cap !== undefined && cap !== 'none' && bonus.compare(dec(cap)) > 0) bonus = dec(cap);
  const sum = sections.reduce((s, x) => s.add(x.score ?? ZERO), ZERO).add(bonus);

  const itemsComplete =
    !listed.some((r) => r.status === 'missing-input' || r.status === 'cannot-compute') &&
    sections.every((s) => s.score !== null);
  // An incomplete total is no total: a sanction that reads it is undecided.
  if (itemsComplete) known.total = sum;
  const held: { id: string; level: string }[] = [];
  let undecided = false;
  for (const s of rs.sanctions) {
    try {
      if (run(s.when) === true) held.push({ id: s.id, level: s.level });
    } catch (e) {
      if (!(e instanceof Blank) && !(e instanceof CannotCompute)) throw e;
      undecided = true;
    }
  }
  const vetoed = held.some((s) => s.level === 'veto');
  return {
    unitId: unit.id,
    items: listed,
    sections: sections.map((s) => ({
      code: s.code,
      score: s.score === null ? null : text(s.score),
      max: text(s.max),
    })),
    bonus: text(bonus),
    total: text(sum),
    max: text(sections.reduce((s, x) => s.add(x.max), ZERO)),
    complete: itemsComplete && !undecided,
    vetoed,
    noCommendation: vetoed || held.some((s) => s.level === 'no-commendation'),
    sanctions: held.map((s) => s.id),
  };
}

// ---- A cohort: peers, rank places, then every unit, the ranking and the grades ----

function rankValue(rs: RuleSet, rule: Extract<Rule, { kind: 'rank' }>, unit: UnitInput) {
  // The value a unit is ranked by: its operand, alone (no peers), a rate rounded; else unranked.
  try {
    const r = oracleOperand(rs, unit, rule.value);
    return r;
  } catch (e) {
    if (e instanceof Blank || e instanceof CannotCompute) return undefined;
    throw e;
  }
}

/** One operand for one unit outside any item (the rank rules' values). */
function oracleOperand(rs: RuleSet, unit: UnitInput, op: string | number): Fraction {
  if (typeof op === 'number' || /^-?\d+(\.\d+)?$/.test(op.trim())) return dec(op);
  const inputs = new Map(rs.inputs.map((d) => [d.id, d]));
  const none = (what: string) => () => {
    throw new Blank(what);
  };
  const ast = parse(op);
  const v = evaluate(ast, {
    input: (id) => {
      if ((rs.derived ?? []).some((d) => d.id === id))
        return derivedValue(rs, unit, id, (k) => {
          throw new Blank(`peer_${k}`);
        });
      const v = decode(inputs.get(id) as InputDef, unit.values[id]);
      if (v === undefined) throw new Blank(id);
      return v;
    },
    blank: (id) => blankOf(inputs, unit, id),
    total: none('total'),
    unitClass: () => {
      if (unit.class === undefined) throw new Blank('class');
      return unit.class;
    },
    peer: none('peer'),
    score: none('score'),
    met: none('met'),
    status: none('status'),
  });
  if (!(v instanceof Fraction)) throw new CannotCompute('not a number');
  const shown = shownInputs(rs);
  return !shown.has(op.trim()) && rs.rounding.rates && rateOf(ast, shown)
    ? roundTo(v, rs.rounding.rates)
    : v;
}

function oracleCohortContext(rs: RuleSet, units: readonly UnitInput[]): Cohort {
  const inputs = new Map(rs.inputs.map((d) => [d.id, d]));
  const stat = (kind: 'mean' | 'max' | 'min', id: string): Fraction | undefined => {
    const values: Fraction[] = [];
    const derived = (rs.derived ?? []).some((d) => d.id === id);
    for (const u of units) {
      let v: Value | undefined;
      if (!derived) v = decode(inputs.get(id) as InputDef, u.values[id]);
      else
        try {
          // Blank or not worked out under it: not counted (a blank is never 0).
          v = derivedValue(rs, u, id, (k) => {
            throw new Blank(`peer_${k}`);
          });
        } catch (e) {
          if (!(e instanceof Blank) && !(e instanceof CannotCompute)) throw e;
        }
      if (v instanceof Fraction) values.push(v);
    }
    if (values.length === 0) return undefined;
    if (kind === 'mean') return values.reduce((s, v) => s.add(v), ZERO).div(values.length);
    return values.reduce((a, b) =>
      (kind === 'max' ? b.compare(a) > 0 : b.compare(a) < 0) ? b : a,
    );
  };
  const rules = new Map<string, Extract<Rule, { kind: 'rank' }>>();
  const walk = (items: readonly Indicator[], parent: string) => {
    for (const item of items) {
      const path = `${parent}.${item.code}`;
      if (item.rule?.kind === 'rank') rules.set(path, item.rule);
      walk(item.items ?? [], path);
    }
  };
  for (const s of rs.sections) walk(s.items, s.code);
  if (rs.bonus) walk(rs.bonus.items, '加分');
  // Each rank rule's values, worked out once per cohort.
  const valuesByPath = new Map<string, (Fraction | undefined)[]>();
  const place = (path: string, unitId: string) => {
    const rule = rules.get(path);
    const at = units.findIndex((u) => u.id === unitId);
    if (!rule || at < 0) return undefined;
    let values = valuesByPath.get(path);
    if (!values) {
      values = units.map((u) => rankValue(rs, rule, u));
      valuesByPath.set(path, values);
    }
    const mine = values[at];
    if (mine === undefined) return undefined;
    const better = (a: Fraction, b: Fraction) =>
      rule.order === 'desc' ? a.compare(b) > 0 : a.compare(b) < 0;
    // Ties shared: the rank is one more than the number of units strictly better.
    let ahead = 0;
    let leader = mine;
    for (const v of values) {
      if (v === undefined) continue;
      if (better(v, mine)) ahead++;
      if (better(v, leader)) leader = v;
    }
    return { rank: ahead + 1, leader };
  };
  return { stat, place };
}

export function oracleCohort(
  rs: RuleSet,
  units: readonly UnitInput[],
): { results: OracleUnit[]; ranked: OracleRanked[] } {
  const cohort = oracleCohortContext(rs, units);
  const results = units.map((u) => oracleUnit(rs, u, cohort));
  return { results, ranked: rankAndGrade(rs, units, results) };
}

/** Tie-break keys, larger better (README "ranking"); null (absent) sorts last. */
function keysOf(rs: RuleSet, unit: UnitInput, r: OracleUnit): (Fraction | null)[] {
  return rs.ranking.tieBreak.map((entry) => {
    const [kind, ref, order] = entry.split(':') as [string, string, string | undefined];
    let v: Fraction | null = null;
    if (kind === 'section') {
      // A section not scored (a pool an item of which is not) has no key: it sorts last.
      const s = r.sections.find((x) => x.code === ref)?.score;
      v = s === null || s === undefined ? null : dec(s);
    }
    if (kind === 'indicator') {
      const s = r.items.find((i) => i.path === ref)?.score;
      v = s === null || s === undefined ? null : dec(s);
    }
    if (kind === 'input') {
      const x = decode(rs.inputs.find((d) => d.id === ref) as InputDef, unit.values[ref]);
      v = x instanceof Fraction ? x : null;
    }
    return v === null ? null : order === 'asc' ? v.neg() : v;
  });
}

function rankAndGrade(
  rs: RuleSet,
  units: readonly UnitInput[],
  results: readonly OracleUnit[],
): OracleRanked[] {
  const rows = results.map((r, i) => ({
    r,
    seq: i,
    keys: [dec(r.total), ...keysOf(rs, units[i] as UnitInput, r)],
  }));
  const vetoedLast = rs.ranking.vetoedLast;
  const compare = (a: (typeof rows)[number], b: (typeof rows)[number]): number => {
    if (vetoedLast && a.r.vetoed !== b.r.vetoed) return a.r.vetoed ? 1 : -1;
    for (let k = 0; k < a.keys.length; k++) {
      const [x, y] = [a.keys[k] ?? null, b.keys[k] ?? null];
      if (x === null && y === null) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      const c = y.compare(x);
      if (c !== 0) return c;
    }
    return 0;
  };
  const sorted = [...rows].sort(
    (a, b) =>
      compare(a, b) || (a.r.unitId < b.r.unitId ? -1 : a.r.unitId > b.r.unitId ? 1 : a.seq - b.seq),
  );
  const ranked: OracleRanked[] = [];
  let rank = 0;
  sorted.forEach((row, i) => {
    const prev = sorted[i - 1];
    if (!prev || compare(prev, row) !== 0) rank = rs.ranking.ties === 'shared' ? i + 1 : rank + 1;
    ranked.push({
      unitId: row.r.unitId,
      position: i + 1,
      rank,
      total: row.r.total,
      vetoed: row.r.vetoed,
      complete: row.r.complete,
      grade: null,
      pending: false,
    });
  });
  if (rs.grades)
    grade(
      rs.grades,
      ranked,
      sorted.map((row) => row.r),
    );
  return ranked;
}

/** Grades by band, with quotas passed down (README "Sanctions, grades, ranking"). */
function grade(
  grades: NonNullable<RuleSet['grades']>,
  ranked: OracleRanked[],
  results: readonly OracleUnit[],
): void {
  const bands = grades.bands;
  const bandIndex = (id: string | undefined) =>
    id === undefined ? -1 : bands.findIndex((b) => b.id === id);
  const vetoedBand = bandIndex(grades.vetoed);
  const capBand = bandIndex(grades.noCommendationCap);
  const placed: { unit: OracleRanked; band: number; forced: boolean }[] = [];
  ranked.forEach((unit, i) => {
    const r = results[i] as OracleUnit;
    if (r.vetoed) {
      if (vetoedBand >= 0) placed.push({ unit, band: vetoedBand, forced: true });
      return;
    }
    if (!r.complete) {
      unit.pending = true;
      return;
    }
    const total = dec(r.total);
    let band = bands.findIndex(
      (b, k) =>
        (b.min === null && k === bands.length - 1) ||
        (b.min !== null && total.compare(dec(b.min)) >= 0),
    );
    if (band < 0) return;
    if (r.noCommendation && capBand >= 0 && band < capBand) band = capBand;
    placed.push({ unit, band, forced: false });
  });
  const graded = placed.length;
  bands.forEach((b, k) => {
    if (b.maxShare === undefined || k === bands.length - 1) return;
    const allowed = Number(dec(b.maxShare).mul(graded).div(100).floor().toString());
    const members = placed.filter((p) => p.band === k);
    const excess = members.length - allowed;
    if (excess <= 0) return;
    // The lowest-ranked of those the total placed go down one band (and may cascade further);
    // every unit ranked at or below the cut goes, so a tie across the line goes down whole.
    const movable = members.filter((p) => !p.forced);
    const cut = movable[Math.max(0, movable.length - excess)];
    if (!cut) return;
    for (const p of movable) if (p.unit.rank >= cut.unit.rank) p.band = k + 1;
  });
  for (const p of placed) p.unit.grade = bands[p.band]?.id ?? null;
}
