// fast-check generators of rule sets and cohorts for the oracle property tests: every rule kind,
// slope, stream, gate, class maximum, rounding mode and blank, with unit figures at the
// boundaries (exactly at a target, one step off, 4–6 places, derived ratios, reductions with
// last year's figure above 450). Every rule set generated passes parseRuleSet (the test checks).
import fc from 'fast-check';
import Fraction from 'fraction.js';
import type { InputValue, UnitInput } from '../../model/result.ts';
import type { IndicatorInput, RuleSetInput } from '../../schema/ruleset.ts';
import { text } from './oracle.ts';

type Item = IndicatorInput;
type Rule = NonNullable<Item['rule']>;
type StreamIn = NonNullable<Item['deductions']>[number];
type SlopeIn = {
  per: number;
  points: number;
  steps: 'each-started' | 'each-full' | 'pro-rata';
  gap?: 'absolute' | 'relative';
  cap?: number;
};

const MODES = ['half-up', 'half-even', 'down', 'up'] as const;

// ---- Figures: a family of operands and the constants their targets are drawn from ----

interface Family {
  values: string[];
  targets: (string | number)[];
  /** Constants a target, band edge or tier bound takes (unit figures cluster around them). */
  constants: number[];
}
const PCT: Family = {
  // `share` is a named derived value (members × 100 ÷ pop, a % rounded by rounding.rates).
  values: ['rate', 'rate2', 'members * 100 / pop', 'rate * 0.999', 'members / pop * 100', 'share'],
  targets: ['rate2', 'peer_mean(rate)', 'peer_max(rate2) * 0.9', 'peer_mean(share)', 'share - 1'],
  constants: [80, 85, 90, 92, 95, 96.5, 99],
};
const PERMILLE: Family = {
  values: ['birth'],
  targets: ['peer_min(birth)'],
  constants: [8, 10, 12.5],
};
/** Money per head (元 a head from 万元 and 人): never a rate. */
const MONEY: Family = {
  // `perHead` is a named derived value with its own rounding (2 places, half even).
  values: ['budget * 10000 / pop', 'perHead'],
  targets: [],
  constants: [20, 22, 25.5],
};
const COUNT: Family = {
  values: ['done'],
  targets: ['assigned', 'assigned * 0.85'],
  constants: [100, 120, 150, 200],
};
/** A change in percentage points (比上年提高): negative targets and a target of 0 (a relative gap
 *  to it cannot be computed), negative values under proportional credit. */
const DIFF: Family = { values: ['rate - rate2'], targets: [], constants: [-1, -0.5, 0, 1.5] };
const FAMILIES = [PCT, PERMILLE, MONEY, COUNT, DIFF];

const family = fc.constantFrom(...FAMILIES);
/** `arb` one time in `every`, else undefined. */
const sometimes = <T>(arb: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 1, arbitrary: arb }, { weight: every - 1, arbitrary: fc.constant(undefined) });
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const slope: fc.Arbitrary<SlopeIn> = fc.record(
  {
    per: pick([1, 0.5, 0.1, 2]),
    points: pick([0.5, 1, 0.2, 0.25, 0.3]),
    steps: pick(['each-started', 'each-full', 'pro-rata'] as const),
    gap: pick(['absolute', 'relative'] as const),
    cap: pick([1, 2, 1.5]),
  },
  { requiredKeys: ['per', 'points', 'steps'] },
);
const OPS = ['>=', '>', '<=', '<', '='] as const;

const operandOf = (f: Family): fc.Arbitrary<string | number> =>
  f.targets.length === 0
    ? pick(f.constants)
    : fc.oneof(
        { weight: 3, arbitrary: pick(f.constants) },
        { weight: 1, arbitrary: pick(f.targets) },
      );

// ---- Rules, one generator per kind ----

const threshold = (points: number): fc.Arbitrary<Rule> =>
  family
    .chain((f) =>
      fc.record(
        {
          kind: fc.constant('threshold' as const),
          value: pick(f.values),
          op: pick(OPS),
          target: operandOf(f),
          below: slope,
          above: slope,
        },
        { requiredKeys: ['kind', 'value', 'op', 'target'] },
      ),
    )
    .map((r) => (points > 0 ? r : r));

const band = fc.oneof(
  family
    .chain((f) =>
      fc.record(
        {
          kind: fc.constant('band' as const),
          value: pick(f.values),
          low: pick(f.constants),
          width: pick([0, 2, 4, 10]),
          outside: slope,
        },
        { requiredKeys: ['kind', 'value', 'low', 'width'] },
      ),
    )
    .map(({ width, low, ...r }): Rule => ({ ...r, low, high: low + width })),
  // A band relative to a target (form 3): 103–107 around an input.
  fc
    .record({ kind: fc.constant('band' as const), outside: fc.option(slope, { nil: undefined }) })
    .map(({ outside, ...r }): Rule => ({
      ...r,
      value: 'rate',
      low: 'rate2 - 2',
      high: 'rate2 + 2',
      ...(outside ? { outside } : {}),
    })),
);

const reduction: fc.Arbitrary<Rule> = fc.record(
  {
    kind: fc.constant('reduction' as const),
    value: fc.constant('cur'),
    previous: fc.constant('prev'),
    base: pick([107, 0]),
    required: pick([
      [
        { from: 107, to: 120, pct: 10 },
        { from: 120, pct: 12 },
      ],
      [{ pct: 20 }],
      [
        { to: 450, pct: 5 },
        { from: 450, pct: 8.5 },
      ],
    ]),
    below: slope,
  },
  { requiredKeys: ['kind', 'value', 'previous', 'required'] },
);

const ramp: fc.Arbitrary<Rule> = fc.oneof(
  family.chain((f) =>
    fc
      .tuple(pick(f.values), pick(f.constants), pick([2, 5, 0.5]), fc.boolean(), fc.boolean())
      .map(([value, c, w, lower, say]): Rule => {
        const [full, zero] = lower ? [c, c + w] : [c + w, c];
        return {
          kind: 'ramp',
          value,
          full,
          zero,
          ...(say ? { better: lower ? 'lower' : 'higher' } : {}),
        };
      }),
  ),
  // A full end worked out from the cohort: it may fall beyond the zero end.
  fc.constant<Rule>({
    kind: 'ramp',
    value: 'birth',
    full: 'peer_min(birth)',
    zero: 12,
    better: 'lower',
  }),
);

const proportional: fc.Arbitrary<Rule> = fc.oneof(
  family.chain((f) =>
    fc.record({
      kind: fc.constant('proportional' as const),
      value: pick(f.values),
      target: operandOf(f),
    }),
  ),
  fc.constant<Rule>({ kind: 'proportional', value: 'done', target: 'peer_max(done)' }),
);

const tiers = (points: number): fc.Arbitrary<Rule> =>
  fc.oneof(
    family.chain((f) =>
      fc
        .tuple(
          pick(f.values),
          pick(['>=', '>', '<=', '<'] as const),
          fc.subarray(f.constants, { minLength: 1 }),
          fc.option(pick([0, 0.5]), { nil: undefined }),
          // A bound worked out per unit (a rate target rounded by rounding.rates).
          fc.boolean(),
        )
        .map(([value, op, bounds, otherwise, derived]): Rule => {
          const ordered = op.startsWith('>')
            ? [...bounds].sort((a, b) => b - a)
            : [...bounds].sort((a, b) => a - b);
          const list = ordered.map((than, i) => ({
            op,
            than: derived && i === 0 && f === PCT ? 'rate2 - 0.05' : than,
            points: Math.max(0, points - i),
          }));
          return {
            kind: 'tiers',
            value,
            tiers: list,
            ...(otherwise === undefined ? {} : { otherwise }),
          };
        }),
    ),
    fc.constant<Rule>({
      kind: 'tiers',
      value: 'st',
      tiers: [
        { equals: 'a', points },
        { equals: 'b', points: points / 2 >= 0.5 ? Math.floor(points) / 2 : 0 },
      ],
    }),
    fc.constant<Rule>({
      kind: 'tiers',
      value: 'flag',
      tiers: [{ equals: true, points }],
      otherwise: 0,
    }),
  );

const yesno = (points: number): fc.Arbitrary<Rule> =>
  fc.record(
    {
      kind: fc.constant('yesno' as const),
      input: pick(['yes', 'flag']),
      yes: fc.constant(points),
      no: pick([0, Math.floor(points / 2)]),
    },
    { requiredKeys: ['kind', 'input'] },
  );

const rank = (points: number): fc.Arbitrary<Rule> =>
  family.chain((f) =>
    fc.record(
      {
        kind: fc.constant('rank' as const),
        value: pick(f.values),
        order: pick(['desc', 'asc'] as const),
        points: fc.oneof(
          fc.constant('proportional-to-leader' as const),
          fc.constant<number[]>([points, Math.max(0, points - 1), Math.max(0, points - 2)]),
        ),
        otherwise: pick([0, 0.5]),
      },
      { requiredKeys: ['kind', 'value', 'points'] },
    ),
  );

const expr = (points: number): fc.Arbitrary<Rule> =>
  pick([
    `min(${points}, done / 20)`,
    `${points} * rate / 100`,
    `if(yes, ${points}, ${points} / 2)`,
    `rate / 100 * ${points} - cases * 0.5`,
    `0.7 * ${points} * rate2 / 100 + 0.3 * (budget * 10000 / pop) / 30`,
    `${points} - abs(rate - 92) / 3`,
    // blank() reads a blank without making the item miss it.
    `if(blank(done), 1, min(${points}, done / 20))`,
    `round(rate2, 1) >= 90 ? ${points} : clamp(rate2 / 10, 0, ${points})`,
  ]).map((score): Rule => ({ kind: 'expr', score }));

/** Piecewise linear (按比例分段): 2–4 breakpoints around a family's constants, points within 0
 *  and the item's (rising, falling or neither), each end clamped, zeroed or carried on. */
const piecewise = (points: number): fc.Arbitrary<Rule> =>
  family.chain((f) =>
    fc
      .record(
        {
          value: pick(f.values),
          start: pick(f.constants),
          gaps: fc.array(pick([0.5, 1, 2.5, 5, 0.1]), { minLength: 1, maxLength: 3 }),
          shares: fc.array(pick([0, 0.25, 0.5, 0.6, 1]), { minLength: 4, maxLength: 4 }),
          beforeFirst: pick(['clamp', 'zero', 'extend'] as const),
          afterLast: pick(['clamp', 'zero', 'extend'] as const),
        },
        { requiredKeys: ['value', 'start', 'gaps', 'shares'] },
      )
      .map(({ value, start, gaps, shares, ...ends }): Rule => {
        const ats = [start];
        for (const g of gaps) ats.push(Number(new Fraction(ats[ats.length - 1] as number).add(g)));
        return {
          kind: 'piecewise',
          value,
          // Halves of a point, within 0 and the item's points.
          breakpoints: ats.map((at, i) => {
            const share = shares[i] ?? 1;
            return { at, points: share === 1 ? points : Math.floor(share * points * 2) / 2 };
          }),
          ...ends,
        };
      }),
  );

const rule = (points: number): fc.Arbitrary<Rule> =>
  fc.oneof(
    piecewise(points),
    threshold(points),
    band,
    reduction,
    ramp,
    proportional,
    tiers(points),
    yesno(points),
    rank(points),
    expr(points),
  );

// ---- Streams, gates, applicability ----

const perCase: fc.Arbitrary<StreamIn> = fc
  .record(
    {
      kind: fc.constant('per-case' as const),
      input: pick(['cases', 'city']),
      each: pick([1, 0.5, 0.3, 2]),
      schedule: pick([[1, 2, 3], [0, 1.5], [0.5]]),
      increment: pick([1, 0.5]),
      zeroAt: pick([3, 5]),
      multiplied: fc.record(
        {
          input: fc.constant('city'),
          factor: pick([2, 1.5]),
          cases: pick(['extra', 'of-which'] as const),
        },
        { requiredKeys: ['input', 'factor'] },
      ),
      direction: pick(['deduct', 'add'] as const),
      cap: pick([2, 3, 1.2]),
    },
    { requiredKeys: ['kind', 'input', 'each'] },
  )
  .map((s) => {
    // An increment escalates beyond a schedule (it means nothing without one).
    const { increment, ...rest } = s;
    const out = s.schedule && increment !== undefined ? { ...rest, increment } : rest;
    // The multiplied input counts other cases than the stream's own.
    if (out.multiplied && out.input === 'city') return { ...out, input: 'cases' };
    return out;
  });
const stateStream: fc.Arbitrary<StreamIn> = fc.oneof(
  fc.record(
    {
      kind: fc.constant('state' as const),
      input: fc.constant('st'),
      amounts: fc.constant({ b: 0.5, c: 1 }),
      cap: pick([0.75]),
    },
    { requiredKeys: ['kind', 'input', 'amounts'] },
  ),
  fc.constant<StreamIn>({ kind: 'state', input: 'flag', amounts: { no: 2.25 } }),
);
const exprStream: fc.Arbitrary<StreamIn> = fc.record(
  {
    kind: fc.constant('expr' as const),
    amount: pick(['cases * 0.3', 'max(0, 90 - rate) * 0.1', 'if(gate, 1, 0)']),
    direction: pick(['deduct', 'add'] as const),
    cap: pick([1, 2]),
  },
  { requiredKeys: ['kind', 'amount'] },
);
/** 报送截止3月31日 (the declared deadline `due`, or a date written in): late −1 or 0.2 a month
 *  from the next month at most 10, missing −3 or not scored; a gap of days by formula. */
const deadlineStream: fc.Arbitrary<StreamIn> = fc
  .record(
    {
      kind: fc.constant('deadline' as const),
      input: fc.constant('filed'),
      due: pick(['due', '2026-03-31', '2026-01-31', '2026-02-15']),
      late: pick([1, 0.5]),
      perMonth: pick([0.2, 0.25]),
      maxMonths: pick([10, 3]),
      missing: pick([3, 0.5, 'missing-input'] as const),
      direction: pick(['deduct', 'add'] as const),
      cap: pick([2, 1.5]),
    },
    { requiredKeys: ['kind', 'input', 'due', 'missing'] },
  )
  .map((s) => {
    const { maxMonths, ...rest } = s;
    const out = s.perMonth !== undefined && maxMonths !== undefined ? { ...rest, maxMonths } : rest;
    return out.late === undefined && out.perMonth === undefined ? { ...out, late: 1 } : out;
  });
const dateExprStream: fc.Arbitrary<StreamIn> = fc.record({
  kind: fc.constant('expr' as const),
  amount: pick([
    'months_started(due, filed) * 0.1',
    "max(0, months_between(date('2026-01-15'), filed)) * 0.25",
    'if(filed > due, days_between(due, filed) * 0.01, 0)',
  ]),
});
const streams = fc.array(
  fc.oneof(perCase, stateStream, exprStream, deadlineStream, dateExprStream),
  {
    maxLength: 2,
  },
);
const gates = sometimes(
  // `gate || rate < 60` is decided on a blank rate when the gate holds (short-circuit). Two
  // gates now and then: the first that holds decides, a blank in a later one is not read.
  fc
    .shuffledSubarray(
      [
        'gate',
        'cases >= 5',
        'rate < 60',
        'gate || rate < 60',
        // dates on the integer kernels: a date compared, whole months and days counted
        "filed > date('2026-06-30')",
        'months_between(due, filed) >= 2',
        'days_between(filed, due) < 0 && gate',
      ],
      {
        minLength: 1,
        maxLength: 2,
      },
    )
    .map((whens) => whens.map((when) => ({ when, reason: '事件不记分' }))),
  6,
);
const applicable = sometimes(pick(['yes', '!gate', 'pop > 3000', "class == 'town'"]), 8);

// ---- Items, sections, the rule set ----

const pointsOf = (dp: number) =>
  pick([1, 2, 3, 4, 5, 6, 10, ...(dp >= 1 ? [1.5, 2.5] : []), ...(dp >= 2 ? [0.75, 2.25] : [])]);

interface Shape {
  dp: number;
  classes: boolean;
}

/** Capped accrual (0.4 a case, at most the cap or the item's points), from 0 (`start: 'zero'`). */
const accrual: fc.Arbitrary<StreamIn> = fc.record(
  {
    kind: fc.constant('per-case' as const),
    input: pick(['cases', 'city']),
    each: pick([0.4, 1, 0.5]),
    direction: fc.constant('add' as const),
    cap: pick([1.2, 2]),
  },
  { requiredKeys: ['kind', 'input', 'each', 'direction'] },
);
/** What an item keeps without evidence, over the rule set's policy now and then. */
const evidencePolicy = (points: number): fc.Arbitrary<Item['evidencePolicy']> =>
  sometimes(
    fc.oneof(
      pick(['zero', 'flag'] as const),
      pick([0, Math.min(1, points)]).map((keep) => ({ keep })),
    ),
    4,
  );

const leaf = (shape: Shape, code: string, top: boolean): fc.Arbitrary<Item> =>
  pointsOf(shape.dp).chain((points) =>
    fc
      .record({
        rule: fc.oneof(
          { weight: 8, arbitrary: rule(points) },
          { weight: 1, arbitrary: fc.constant(undefined) },
        ),
        // An item without a rule: full points less deductions (unsaid or `start: 'full'`, which
        // also serves a gate-only item), or from 0 with credits that accrue.
        start: pick([undefined, 'full', 'zero'] as const),
        accrual,
        deductions: streams,
        gates,
        applicable,
        min: pick([0, 0, 0, -2, 'none'] as const),
        evidencePolicy: evidencePolicy(points),
        byClass:
          top && shape.classes
            ? sometimes(fc.oneof(pointsOf(shape.dp), fc.constant('not-assessed' as const)), 3)
            : fc.constant(undefined),
      })
      .map(
        ({
          rule,
          start,
          accrual,
          deductions,
          gates,
          applicable,
          min,
          evidencePolicy,
          byClass,
        }): Item => {
          const from = rule ? undefined : start;
          const ds =
            from === 'zero'
              ? [accrual, ...deductions]
              : rule || from === 'full' || deductions.length > 0
                ? deductions
                : [{ kind: 'per-case' as const, input: 'cases', each: 1 }];
          return {
            code,
            title: `项${code}`,
            points,
            ...(rule ? { rule } : {}),
            ...(from ? { start: from } : {}),
            ...(ds.length > 0 ? { deductions: ds } : {}),
            ...(gates ? { gates } : {}),
            ...(applicable ? { applicable } : {}),
            ...(min !== 0 ? { min } : {}),
            ...(evidencePolicy !== undefined ? { evidencePolicy } : {}),
            ...(byClass !== undefined ? { pointsByClass: { farm: byClass } } : {}),
          };
        },
      ),
  );

/** A bonus item without a cap (加分不设上限): accrual from 0, or a rule that gives its points. */
const uncappedLeaf = (code: string): fc.Arbitrary<Item> =>
  fc
    .record({
      base: fc.oneof(fc.constant(undefined), tiers(3), expr(3)),
      accrual,
      gates,
      min: pick([0, 'none'] as const),
      evidencePolicy: evidencePolicy(1),
    })
    .map(({ base, accrual, gates, min, evidencePolicy }): Item => ({
      code,
      title: `项${code}`,
      points: 'uncapped',
      ...(base ? { rule: base } : { start: 'zero' as const }),
      deductions: [accrual],
      ...(gates ? { gates } : {}),
      ...(min !== 0 ? { min } : {}),
      ...(evidencePolicy !== undefined ? { evidencePolicy } : {}),
    }));
/** An item without points of its own ("—", a pool section's): only what it deducts and its
 *  events (every stream kind, each turned to deduct), maybe not applicable. */
const poolLeaf = (code: string): fc.Arbitrary<Item> =>
  fc.record({ deductions: streams, gates, applicable }).map(({ deductions, gates, applicable }) => {
    const ds = deductions.map((d) => {
      const { direction: _taken, ...rest } = d as StreamIn & { direction?: string };
      return rest as StreamIn;
    });
    const taking =
      ds.length > 0 || gates ? ds : [{ kind: 'per-case' as const, input: 'cases', each: 1 }];
    return {
      code,
      title: `项${code}`,
      points: 'none',
      ...(taking.length > 0 ? { deductions: taking } : {}),
      ...(gates ? { gates } : {}),
      ...(applicable ? { applicable } : {}),
    };
  });
const SUB = ['(1)', '(2)', '(3)'];
const SUBSUB = ['①', '②'];
const sumPoints = (items: readonly Item[]): number =>
  Number(items.reduce((s, i) => s.add(new Fraction(String(i.points))), new Fraction(0)).toString());

const parent = (shape: Shape, code: string): fc.Arbitrary<Item> =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: 2, maxLength: 3 }),
      sometimes(fc.oneof(perCase, stateStream), 3),
      gates,
      pick([0, 0, 0, -1, 'none'] as const),
    )
    .chain(([kinds, stream, g, min]) =>
      fc
        .tuple(
          ...kinds.map((nested, i) =>
            nested && i === 0
              ? fc.tuple(...SUBSUB.map((c) => leaf(shape, c, false))).map((kids): Item => ({
                  code: SUB[i] as string,
                  title: '小计',
                  points: sumPoints(kids),
                  items: kids,
                }))
              : leaf(shape, SUB[i] as string, false),
          ),
        )
        .map((kids): Item => ({
          code,
          title: `父项${code}`,
          points: sumPoints(kids),
          items: kids,
          ...(stream ? { deductions: [stream] } : {}),
          ...(g ? { gates: g } : {}),
          ...(min !== 0 ? { min } : {}),
        })),
    );

const CODES = ['一', '二', '三'];

/** The points an item counts for a class in the sums: its own for that class, else its points. */
const classPoints = (item: Item): number => {
  const v = item.pointsByClass?.farm;
  return typeof v === 'number' ? v : Number(item.points);
};

export interface Case {
  ruleSet: RuleSetInput;
  units: UnitInput[];
}

const ruleSetArb: fc.Arbitrary<RuleSetInput> = fc
  .record({
    dp: fc.integer({ min: 0, max: 3 }),
    mode: pick(MODES),
    rates: fc.option(fc.record({ dp: fc.integer({ min: 0, max: 2 }), mode: pick(MODES) }), {
      nil: undefined,
    }),
    classes: fc.boolean(),
    evidencePolicy: pick(['zero', 'flag'] as const),
    evidence: fc.record({ rate: fc.boolean(), yes: fc.boolean(), city: fc.boolean() }),
    blankMeans: fc.record({ cases: fc.boolean(), city: fc.boolean() }),
    bounded: fc.boolean(),
  })
  .chain((h) => {
    const shape = { dp: h.dp, classes: h.classes };
    /** A pool (form 49): its points less its items' deductions, within its floor. */
    const poolSection = (code: string) =>
      fc
        .record({
          n: fc.integer({ min: 1, max: 4 }),
          points: pick([3, 5, 10, ...(h.dp >= 1 ? [2.5] : [])]),
          min: pick([undefined, undefined, -2, 'none'] as const),
          farm: h.classes ? sometimes(pick([4, 12]), 2) : fc.constant(undefined),
        })
        .chain(({ n, points, min, farm }) =>
          fc
            .tuple(...Array.from({ length: n }, (_, i) => poolLeaf(String(i + 1))))
            .map((items) => ({
              code,
              title: `部分${code}`,
              points,
              pool: true as const,
              ...(min !== undefined ? { min } : {}),
              ...(farm !== undefined ? { pointsByClass: { farm } } : {}),
              items,
            })),
        );
    const plainSection = (code: string) =>
      fc
        .tuple(
          fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
          pick(['shrink', 'rescale'] as const),
        )
        .chain(([kinds, notApplicable]) =>
          fc
            .tuple(
              ...kinds.map((isParent, i) =>
                isParent && i % 2 === 1
                  ? parent(shape, String(i + 1))
                  : leaf(shape, String(i + 1), true),
              ),
            )
            .map((items) => {
              const points = sumPoints(items);
              const farm = items.reduce((s, i) => s + classPoints(i), 0);
              return {
                code,
                title: `部分${code}`,
                points,
                ...(h.classes && farm !== points ? { pointsByClass: { farm: round6(farm) } } : {}),
                notApplicable,
                items,
              };
            }),
        );
    const section = (code: string): fc.Arbitrary<RuleSetInput['sections'][number]> =>
      fc.oneof(
        { weight: 3, arbitrary: plainSection(code) },
        { weight: 1, arbitrary: poolSection(code) },
      );
    return fc
      .record({
        sections: fc
          .integer({ min: 1, max: 3 })
          .chain((n) => fc.tuple(...CODES.slice(0, n).map(section))),
        bonus: fc.option(
          fc.record({
            cap: fc.option(pick([1, 2, 'none'] as const), { nil: undefined }),
            items: fc.tuple(
              leaf(shape, '1', false),
              fc.oneof(leaf(shape, '2', false), uncappedLeaf('2')),
            ),
          }),
          { nil: undefined },
        ),
        sanctions: fc.subarray([
          { id: 'veto', level: 'veto' as const, when: 'gate && cases > 3', reason: '否决' },
          { id: 'low', level: 'notice' as const, when: 'total < 5', reason: '总分过低' },
          {
            id: 'miss',
            level: 'no-commendation' as const,
            when: "!met('一.1')",
            reason: '一.1未满分',
          },
          {
            id: 'sc',
            level: 'interview' as const,
            when: "score('一.1') < 1",
            reason: '一.1低于1分',
          },
          { id: 'bad', level: 'veto' as const, when: 'rate < 55', reason: '比率过低' },
          {
            id: 'gt',
            level: 'notice' as const,
            when: "status('一.1') == 'gated'",
            reason: '一.1不记分',
          },
        ]),
        grades: fc.option(
          fc.record({
            maxShare: pick([30, 50]),
            catchAll: fc.boolean(),
            vetoed: fc.boolean(),
            cap: fc.boolean(),
          }),
          { nil: undefined },
        ),
        ranking: fc.record({
          // Inputs with and without blankMeans and bounds: a tie-break reads the figure as
          // scoring reads it (a blank count with blankMeans 0 is 0 cases, ranking ahead of one
          // case under input:cases:asc; a rate outside 0–100 sorts last).
          tieBreak: fc.subarray([
            'section:一',
            'indicator:一.1',
            'input:rate2',
            'input:done:asc',
            'input:cases:asc',
            'input:rate',
          ]),
          ties: pick(['shared', 'dense'] as const),
          vetoedLast: fc.boolean(),
        }),
      })
      .map(({ sections, bonus, sanctions, grades, ranking }): RuleSetInput => {
        const points = round6(sections.reduce((s, x) => s + Number(x.points), 0));
        const farm = round6(
          sections.reduce((s, x) => s + Number(x.pointsByClass?.farm ?? x.points), 0),
        );
        const inputs: RuleSetInput['inputs'] = [
          {
            id: 'rate',
            label: '比率',
            unit: '%',
            evidence: h.evidence.rate,
            ...(h.bounded ? { min: 0, max: 100 } : {}),
          },
          { id: 'rate2', label: '比率二', unit: '%' },
          { id: 'birth', label: '出生率', unit: '‰' },
          { id: 'members', label: '人数', unit: '人' },
          { id: 'pop', label: '人口', unit: '人' },
          { id: 'budget', label: '经费', unit: '万元' },
          { id: 'done', label: '完成数', unit: 'number' },
          { id: 'assigned', label: '任务数', unit: 'number', source: 'assigned' },
          { id: 'cur', label: '本年', unit: 'number' },
          { id: 'prev', label: '上年', unit: 'number', source: 'previous' },
          {
            id: 'cases',
            label: '例数',
            unit: 'count',
            ...(h.blankMeans.cases ? { blankMeans: 0 } : {}),
          },
          {
            id: 'city',
            label: '市查',
            unit: 'count',
            evidence: h.evidence.city,
            ...(h.blankMeans.city ? { blankMeans: 0 } : {}),
          },
          { id: 'yes', label: '是否', unit: 'yesno', evidence: h.evidence.yes },
          { id: 'flag', label: '标志', unit: 'yesno' },
          { id: 'gate', label: '事件', unit: 'yesno' },
          { id: 'filed', label: '报送日期', unit: 'date', defaultYear: 2026 },
          {
            id: 'st',
            label: '状态',
            unit: 'choice',
            choices: [
              { value: 'a', label: '按时' },
              { value: 'b', label: '逾期' },
              { value: 'c', label: '未报' },
            ],
          },
        ];
        const g = grades && {
          bands: [
            { id: 'adv', label: '先进', min: round6(points * 0.8), maxShare: grades.maxShare },
            { id: 'ok', label: '合格', min: round6(points * 0.5) },
            { id: 'back', label: '后进', min: grades.catchAll ? null : 0 },
          ],
          ...(grades.vetoed ? { vetoed: 'back' } : {}),
          ...(grades.cap ? { noCommendationCap: 'ok' } : {}),
        };
        return {
          schemaVersion: 1,
          id: 'oracle',
          title: '参照',
          issuer: '市',
          level: '县',
          year: 2026,
          deadlines: [{ id: 'due', label: '报送截止', date: '2026-03-31' }],
          edition: 1,
          points,
          ...(h.classes && farm !== points ? { pointsByClass: { farm } } : {}),
          rounding: { scores: { dp: h.dp, mode: h.mode }, ...(h.rates ? { rates: h.rates } : {}) },
          derived: [
            { id: 'share', label: '会员占比', unit: '%', expression: 'members * 100 / pop' },
            {
              id: 'perHead',
              label: '人均经费',
              unit: '元',
              expression: 'budget * 10000 / pop',
              rounding: { dp: 2, mode: 'half-even' },
            },
          ],
          evidencePolicy: h.evidencePolicy,
          ...(h.classes
            ? {
                classes: [
                  { id: 'town', label: '乡镇' },
                  { id: 'farm', label: '农场' },
                ],
              }
            : {}),
          inputs,
          sections,
          ...(bonus
            ? {
                bonus: {
                  ...(bonus.cap === undefined ? {} : { cap: bonus.cap }),
                  items: [...bonus.items],
                },
              }
            : {}),
          sanctions,
          ...(g ? { grades: g } : {}),
          ranking,
        };
      });
  });

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

// ---- Unit figures ----

const q = (x: number | string) => new Fraction(String(x));
const DELTAS = ['1', '0.5', '0.1', '0.01', '0.0001', '0.000001'];

/** A figure near the boundaries (at, one step off, a hair off) or anywhere in [lo, hi] with 0–6 places. */
const figure = (boundaries: readonly number[], lo: number, hi: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: pick(boundaries).map((b) => text(q(b))) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(pick(boundaries), pick(DELTAS), fc.boolean())
        .map(([b, d, up]) => text(up ? q(b).add(q(d)) : q(b).sub(q(d)))),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: 6 }), fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([dp, t]) =>
          text(new Fraction(Math.round((lo + (hi - lo) * t) * 10 ** dp), 10 ** dp)),
        ),
    },
  );
/** A figure as a sheet may hand it over: decimal text, a JS number when that spells it
 *  exactly, or text with spaces around it. */
const asTyped = (arb: fc.Arbitrary<string>): fc.Arbitrary<InputValue> =>
  fc
    .tuple(arb, pick(['text', 'text', 'number', 'spaced'] as const))
    .map(([t, how]) =>
      how === 'number' && String(Number(t)) === t ? Number(t) : how === 'spaced' ? ` ${t} ` : t,
    );
const maybe = <T>(arb: fc.Arbitrary<T>, blank = 1): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: 40, arbitrary: arb }, { weight: blank, arbitrary: fc.constant(null) });

/** The rule set's own constants, so that unit figures fall on its boundaries. */
interface Hints {
  constants: number[];
  /** Reductions' bases (0 when absent) and required percentages. */
  bases: number[];
  pcts: number[];
}
function hintsOf(rs: RuleSetInput): Hints {
  const h: Hints = { constants: [], bases: [0], pcts: [0] };
  const walk = (items: readonly Item[]): void => {
    for (const item of items) {
      const r = item.rule as (Rule & Record<string, unknown>) | undefined;
      for (const key of ['target', 'low', 'high', 'full', 'zero'])
        if (typeof r?.[key] === 'number') h.constants.push(r[key]);
      if (r?.kind === 'tiers')
        for (const t of r.tiers)
          if ('than' in t && typeof t.than === 'number') h.constants.push(t.than);
      if (r?.kind === 'reduction') {
        if (typeof r.base === 'number') h.bases.push(r.base);
        for (const t of r.required) h.pcts.push(Number(t.pct));
      }
      walk(item.items ?? []);
    }
  };
  for (const s of rs.sections) walk(s.items);
  if (rs.bonus) walk(rs.bonus.items);
  return h;
}
const within = (xs: readonly number[], lo: number, hi: number) =>
  xs.filter((x) => x >= lo && x <= hi);

const pop = fc.oneof(
  pick(['2500', '4000', '3', '7', '12345', '1000', '0', '98765432']),
  fc.integer({ min: 1, max: 50000 }).map(String),
);
const count = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 8 }) as fc.Arbitrary<InputValue> },
  { weight: 1, arbitrary: pick<InputValue>(['1.5', '2', 999]) },
);
const yesNo = fc.oneof(
  { weight: 6, arbitrary: fc.boolean() as fc.Arbitrary<InputValue> },
  { weight: 1, arbitrary: pick<InputValue>(['是', '否', '未']) },
);

/** Last year's figure (above 450 now and then) and this year's: often exactly the required
 *  reduction over a base of the rule set, or a hair off it. */
const reductionPair = (h: Hints) =>
  fc
    .tuple(
      // Large figures now and then, past where integer kernels overflow safe integers.
      fc.oneof(
        { weight: 6, arbitrary: figure([107, 120, 450, 451.5, 900], 0, 1000) },
        { weight: 1, arbitrary: figure([123456789.123456], 1e6, 1e9) },
      ),
      pick(h.bases),
      fc.oneof(pick(h.pcts).map(String), figure([10], -5, 30)),
      fc.oneof(
        fc.constant('0'),
        pick(DELTAS),
        pick(DELTAS).map((d) => '-' + d),
      ),
    )
    .map(([prev, base, reduce, hair]) => {
      // cur = base + (prev − base) × (1 − r/100) ± a hair.
      const p = q(prev);
      const cur = q(base)
        .add(p.sub(q(base)).mul(q(1).sub(q(reduce).div(100))))
        .add(q(hair));
      return { prev, cur: text(roundTo6(cur)) };
    });
function roundTo6(x: Fraction): Fraction {
  return new Fraction(x.mul(1_000_000).round().toString()).div(1_000_000);
}

const unitValues = (h: Hints) => {
  const pct = figure([...PCT.constants, ...within(h.constants, 40, 100), 100, 50], 40, 100);
  return fc
    .record({
      rate: maybe(
        fc.oneof({ weight: 30, arbitrary: pct }, { weight: 1, arbitrary: pick(['100.5', 'n/a']) }),
      ),
      rate2: maybe(asTyped(pct)),
      birth: maybe(figure([...PERMILLE.constants, ...within(h.constants, 0, 20)], 4, 15)),
      pop: maybe(pop),
      share: pct,
      perHead: figure([...MONEY.constants, ...within(h.constants, 5, 40)], 5, 40),
      done: maybe(
        asTyped(
          fc.oneof(
            {
              weight: 8,
              arbitrary: figure([...COUNT.constants, ...within(h.constants, 0, 250)], 0, 250),
            },
            { weight: 1, arbitrary: figure([9007199254.740993], 1e6, 1e10) },
          ),
        ),
      ),
      assigned: maybe(fc.oneof(figure(COUNT.constants, 0, 250), fc.constant('0'))),
      reduction: maybe(reductionPair(h)),
      cases: maybe(count),
      city: maybe(count),
      yes: maybe(yesNo),
      flag: maybe(yesNo),
      gate: maybe(
        fc.oneof({ weight: 1, arbitrary: yesNo }, { weight: 3, arbitrary: fc.constant(false) }),
      ),
      st: maybe(pick<InputValue>(['a', 'b', 'c', '逾期', 'zzz'])),
      // On the due date, a day after, a month's last and first days, a year on; typed with and
      // without a year, in other spellings, and dates that are not in the calendar.
      filed: maybe(
        pick<InputValue>([
          '2026-03-31',
          '2026-04-01',
          '2026-04-30',
          '2026-05-01',
          '2026-01-31',
          '2026-02-28',
          '2026-03-01',
          '2026-02-15',
          '2026-02-16',
          '2027-01-31',
          '2027-02-01',
          '2026/3/15',
          '2026年4月1日',
          '3月31日',
          '5月1日',
          '2026-02-30',
          '已报送',
        ]),
      ),
    })
    .map(({ share, perHead, reduction, pop, ...v }) => {
      // Members and budget from the population, so the derived ratios hit their boundaries.
      const p = pop === null ? undefined : q(pop);
      const members = p ? text(roundTo6(p.mul(q(share)).div(100))) : '1200';
      const budget = p ? text(roundTo6(p.mul(q(perHead)).div(10000))) : '8.5';
      return {
        ...v,
        pop,
        members,
        budget,
        prev: reduction?.prev ?? null,
        cur: reduction?.cur ?? null,
      } as Record<string, InputValue>;
    });
};

const unitArb = (h: Hints, classes: boolean) =>
  fc.record({
    values: unitValues(h),
    // Evidence as a yes, or a file's name ('' is none).
    evidence: fc.record({
      rate: fc.oneof(fc.boolean(), pick(['材料.pdf', ''])),
      yes: fc.oneof(fc.boolean(), pick(['材料.pdf', ''])),
      city: fc.boolean(),
    }),
    cls: classes ? pick(['town', 'farm', 'farm', 'ranch', undefined]) : fc.constant(undefined),
  });

/** A rule set and `units` units scored under it (a cohort). */
export const caseArb = (units: { minLength: number; maxLength: number }): fc.Arbitrary<Case> =>
  ruleSetArb.chain((ruleSet) =>
    fc
      .tuple(
        fc.array(unitArb(hintsOf(ruleSet), ruleSet.classes !== undefined), units),
        fc.integer({ min: 1, max: 96 }),
      )
      .map(([rows, seed]) => ({
        ruleSet,
        // Ids in an order unrelated to the input order, so that ties by id show.
        units: rows.map(({ values, evidence, cls }, i) => ({
          id: `u${String(((i + 1) * seed) % 97).padStart(2, '0')}-${i}`,
          name: `单位${i}`,
          values,
          evidence,
          ...(cls === undefined ? {} : { class: cls }),
        })),
      })),
  );
