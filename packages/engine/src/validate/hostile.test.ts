// Hostile rule sets and hostile unit values: bounded, never throwing, every problem named at its
// place. Inputs are generated here (nothing large is committed); the fuzzers stay as properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smallRuleSet } from '@kaohe/test-utils';
import { parseRuleSet, validateRuleSet } from './parse.ts';
import { MAX_ITEM_DEPTH, RESERVED_IDS } from './bounds.ts';
import { MAX_EXPR_LENGTH } from '../expr/clip.ts';
import { compileRuleSet } from '../score/compile.ts';
import { scoreUnit } from '../score/score-unit.ts';
import { scoreCohort } from '../cohort/score-cohort.ts';
import { rankCohort } from '../fast/rank-cohort.ts';
import { withBaselines } from '../cohort/baselines.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';
import type { InputValue, UnitInput } from '../model/result.ts';

type Json = Record<string, unknown>;
const clone = (): Json => structuredClone(smallRuleSet()) as unknown as Json;
const item = (rs: Json, s: number, i: number): Json =>
  ((rs.sections as Json[])[s]!.items as Json[])[i]!;

/** Item 一.2 (4 points, `4 - n`) replaced by a chain of `depth` levels of items below it. */
function nested(depth: number): Json {
  const rs = clone();
  let node = item(rs, 0, 1);
  for (let level = 0; level < depth; level++) {
    const child: Json = {
      code: String(level + 1),
      title: `第${level + 1}层`,
      points: 4,
      rule: { kind: 'expr', score: '4 - n' },
    };
    delete node.rule;
    node.items = [child];
    node = child;
  }
  return rs;
}

describe('nesting', () => {
  it(
    'refuses items nested 1,000 deep with an issue at the path, never a stack overflow',
    { timeout: 10_000 },
    () => {
      const r = parseRuleSet(nested(1000));
      expect(r.ok).toBe(false);
      const issues = r.ok ? [] : r.issues;
      expect(issues.map((i) => i.code)).toEqual(['too-deep']);
      // Section items are level 1 (一.2); MAX_ITEM_DEPTH more levels below it reach one too many.
      const path = `sections[0].items[1]${'.items[0]'.repeat(MAX_ITEM_DEPTH - 1)}.items`;
      expect(issues[0]?.path).toBe(path);
      expect(issues[0]?.message.zh).toContain(`${MAX_ITEM_DEPTH}层`);
    },
  );

  it('refuses JSON nested past any rule set outside items too (a title of arrays in arrays)', () => {
    const rs = clone();
    let deep: unknown = '题';
    for (let i = 0; i < 5000; i++) deep = [deep];
    rs.title = deep;
    expect(validateRuleSet(rs).map((i) => i.code)).toEqual(['too-deep']);
  });

  it('accepts the deepest nesting allowed, and it scores', () => {
    // 一.2 and MAX_ITEM_DEPTH − 1 levels below it: MAX_ITEM_DEPTH levels of items in all.
    const r = parseRuleSet(nested(MAX_ITEM_DEPTH - 1));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const result = scoreUnit(compileRuleSet(r.value), {
      id: 'u',
      name: '单位',
      values: { rate: 95, n: 1 },
    });
    // 一.1: 95 ≥ 90, full 6; the innermost 一.2.1…: 4 − 1 = 3, carried up every level: 6 + 3 = 9.
    expect(result.total).toBe('9');
  });
});

describe('expression length', () => {
  const withScore = (score: string): Json => {
    const rs = clone();
    (item(rs, 0, 1).rule as Json).score = score;
    return rs;
  };

  it(
    'refuses an operand of 200,000 and of 1,000,000 characters at once, without echoing it',
    { timeout: 10_000 },
    () => {
      for (const n of [200_000, 1_000_000]) {
        const started = Date.now();
        const issues = validateRuleSet(withScore('n + '.repeat(n / 4 - 1) + 'n'));
        expect(Date.now() - started).toBeLessThan(2000);
        expect(issues.map((i) => `${i.code}@${i.path}`)).toEqual([
          'expr-syntax@sections[0].items[1].rule.score',
        ]);
        expect(issues[0]?.position).toBe(MAX_EXPR_LENGTH);
        expect(issues[0]?.message.zh).toContain(`最多${MAX_EXPR_LENGTH}`);
        expect(issues[0]?.message.en).toContain(`at most ${MAX_EXPR_LENGTH}`);
        expect(issues[0]!.message.zh.length + issues[0]!.message.en.length).toBeLessThan(400);
      }
    },
  );

  it('accepts an expression of exactly the limit', () => {
    // "4 - n" then " + 0" as often as fits, padded with spaces to exactly the limit.
    const body = '4 - n' + ' + 0'.repeat(Math.floor((MAX_EXPR_LENGTH - 5) / 4));
    const source = body.padEnd(MAX_EXPR_LENGTH, ' ');
    expect(source.length).toBe(MAX_EXPR_LENGTH);
    expect(parseRuleSet(withScore(source)).ok).toBe(true);
  });

  it('cuts a long unknown name short in its message', () => {
    const issues = validateRuleSet(withScore('x'.repeat(MAX_EXPR_LENGTH)));
    expect(issues[0]?.code).toBe('expr-unknown-identifier');
    expect(issues[0]!.message.zh.length).toBeLessThan(200);
    expect(issues[0]!.message.zh).toContain('…');
  });
});

describe('reserved ids', () => {
  const named = (id: string): Json => {
    const rs = clone();
    (rs.inputs as Json[]).push({ id, label: '保留', unit: 'count' });
    return rs;
  };

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'total',
    'class',
    // An input `grade` was read as the unit's grade by scoreUnit and as the input by rankCohort.
    'grade',
    'rank',
    'none',
    'true',
    'false',
    'null',
    'and',
  ])('refuses an input named %s at inputs[i].id, in zh and en', (id) => {
    // JSON.parse makes `__proto__` an own key, as a rule-set file would.
    const issues = validateRuleSet(JSON.parse(JSON.stringify(named(id))));
    const reserved = issues.filter((i) => i.code === 'reserved-id');
    expect(reserved.map((i) => i.path)).toEqual(['inputs[2].id']);
    expect(reserved[0]?.message.zh).toContain(`「${id}」是保留字`);
    expect(reserved[0]?.message.en).toContain(`"${id}" is reserved`);
  });

  it('refuses reserved ids of counters, sanctions, classes and grades as well', () => {
    const rs = clone();
    rs.sanctions = [{ id: 'valueOf', level: 'veto', when: 'n > 9', reason: '否决' }];
    rs.counters = [{ id: 'constructor', label: '次数', when: 'n > 1' }];
    expect(
      validateRuleSet(rs)
        .filter((i) => i.code === 'reserved-id')
        .map((i) => i.path),
    ).toEqual(['counters[0].id', 'sanctions[0].id']);
  });

  it('reserves every name a plain object already has', () => {
    for (const name of Object.getOwnPropertyNames(Object.prototype))
      expect(RESERVED_IDS.has(name)).toBe(true);
  });
});

// A rule set with a yes/no, a choice, a text state, a count and a rate, for the value fuzzer.
const rich: RuleSetInput = {
  schemaVersion: 1,
  id: 'rich',
  title: '多种输入',
  issuer: '市',
  level: '县',
  year: 2016,
  edition: 1,
  points: 20,
  rounding: { scores: { dp: 1, mode: 'half-up' } },
  inputs: [
    { id: 'rate', label: '比率', unit: '%' },
    { id: 'n', label: '件数', unit: 'count', blankMeans: 0 },
    { id: 'yes', label: '有无', unit: 'yesno' },
    {
      id: 'pick',
      label: '选项',
      unit: 'choice',
      choices: [
        { value: 'a', label: '甲' },
        { value: 'b', label: '乙' },
      ],
    },
    { id: 'state', label: '状态', unit: 'text' },
  ],
  sections: [
    {
      code: '一',
      title: '甲',
      points: 20,
      items: [
        {
          code: '1',
          title: '比率',
          points: 6,
          rule: {
            kind: 'threshold',
            value: 'rate',
            op: '>=',
            target: 90,
            below: { per: 1, points: 1, steps: 'each-full' },
          },
        },
        {
          code: '2',
          title: '件数',
          points: 4,
          deductions: [{ kind: 'per-case', input: 'n', each: 1 }],
        },
        { code: '3', title: '有无', points: 4, rule: { kind: 'yesno', input: 'yes' } },
        {
          code: '4',
          title: '选项',
          points: 3,
          rule: { kind: 'tiers', value: 'pick', tiers: [{ equals: 'a', points: 3 }], otherwise: 1 },
        },
        {
          code: '5',
          title: '状态',
          points: 3,
          rule: { kind: 'expr', score: "if(state == '逾期', 1, 3)" },
        },
      ],
    },
  ],
  sanctions: [{ id: 'v', level: 'veto', when: 'n > 3', reason: '否决' }],
  ranking: { tieBreak: ['input:rate'], ties: 'shared', vetoedLast: true },
};
const parsedRich = parseRuleSet(rich);
if (!parsedRich.ok) throw new Error(JSON.stringify(parsedRich.issues));
const compiledRich = compileRuleSet(parsedRich.value);
const unitOf = (values: Record<string, unknown>, i = 0): UnitInput => ({
  id: `u${i}`,
  name: `单位${i}`,
  values: values as Record<string, InputValue>,
});

describe('values that are not values', () => {
  it.each([
    ['an object', { value: 92 }],
    ['an array', [92]],
    ['a Date', new Date(Date.UTC(2016, 0, 1))],
  ])('reports %s as bad-value naming the input, on every path', (_, bad) => {
    for (const id of ['rate', 'yes', 'pick', 'state']) {
      const unit = unitOf({ rate: 95, n: 0, yes: true, pick: 'a', state: '按时', [id]: bad });
      const result = scoreUnit(compiledRich, unit);
      const issue = result.issues.find((i) => i.code === 'bad-value');
      expect(issue?.inputId).toBe(id);
      expect(issue?.message.zh).toContain(
        `「${parsedRich.value.inputs.find((d) => d.id === id)!.label as string}」`,
      );
      expect(result.complete).toBe(false);
      const cohort = scoreCohort(compiledRich, [unit]);
      expect(cohort.units[0]?.result.issues.map((i) => i.code)).toContain('bad-value');
      expect(rankCohort(compiledRich, [unit]).units[0]?.total).toBe(cohort.units[0]?.total);
    }
  });
});

describe('values by id', () => {
  it('keeps a baseline keyed __proto__ as a value, never as the prototype', () => {
    const baselines = JSON.parse('{"previous": {"u1": {"__proto__": "5", "rate": "1"}}}');
    const { units } = withBaselines([unitOf({}, 1)], baselines);
    expect(Object.hasOwn(units[0]!.values, '__proto__')).toBe(true);
    expect(units[0]!.values.__proto__).toBe('5');
    expect(units[0]!.values.rate).toBe('1');
  });
});

describe('fuzzed', () => {
  // Any JSON-ish value, including the keys and values that break naive code, and an indicator
  // nested 1,000 deep.
  const deepItem = (item(nested(1000), 0, 1).items as Json[])[0];
  const hostile = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(
      '__proto__',
      'constructor',
      'toString',
      null,
      '',
      'n'.repeat(MAX_EXPR_LENGTH + 1),
      '((((((((((',
      { __proto__: null },
      [],
      deepItem,
      [deepItem],
    ),
  );

  it(
    'parseRuleSet never throws on a mutated rule set, and every issue has a path',
    { timeout: 60_000 },
    () => {
      // Replace, at a random place of the sound rule set, one value with anything.
      const places = (node: unknown, path: (string | number)[] = []): (string | number)[][] => {
        if (node === null || typeof node !== 'object') return [path];
        const keys = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
        return [path, ...keys.flatMap((k) => places((node as Json)[k], [...path, k]))];
      };
      const all = places(rich).filter((p) => p.length > 0);
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...all), hostile), { minLength: 1, maxLength: 4 }),
          (changes) => {
            const rs = JSON.parse(JSON.stringify(rich)) as Json;
            for (const [path, value] of changes) {
              let node: unknown = rs;
              for (const key of path.slice(0, -1)) node = (node as Json | undefined)?.[key];
              if (node !== null && typeof node === 'object')
                (node as Json)[path.at(-1) as string] = value;
            }
            const r = parseRuleSet(rs);
            const issues = r.ok ? r.warnings : r.issues;
            for (const i of issues) {
              expect(typeof i.path).toBe('string');
              expect(i.path.length).toBeGreaterThan(0);
              expect(i.message.zh.length).toBeGreaterThan(0);
              expect(i.message.en.length).toBeGreaterThan(0);
            }
            if (r.ok) compileRuleSet(r.value);
          },
        ),
        { numRuns: 400, seed: 20161 },
      );
    },
  );

  it(
    'scoring never throws on any values, and the cohort path and the unit path agree',
    { timeout: 60_000 },
    () => {
      const value = fc.oneof(
        fc.integer({ min: -5, max: 120 }),
        fc.double({ noNaN: false }),
        fc.constantFrom(
          '是',
          '否',
          '甲',
          '乙',
          'a',
          '逾期',
          ' ',
          '',
          '92%',
          '1,234',
          'constructor',
        ),
        fc.string({ maxLength: 6 }),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.constantFrom({}, [1], new Date(0), { toString: 'x' }),
      );
      const values = fc.record(
        { rate: value, n: value, yes: value, pick: value, state: value },
        { requiredKeys: [] },
      );
      fc.assert(
        fc.property(fc.array(values, { minLength: 1, maxLength: 6 }), (rows) => {
          const units = rows.map((v, i) => unitOf(v, i));
          const single = units.map((u) => scoreUnit(compiledRich, u));
          const full = scoreCohort(compiledRich, units);
          const lean = rankCohort(compiledRich, units);
          const byId = new Map(full.units.map((u) => [u.unitId, u]));
          for (const [i, u] of units.entries()) {
            expect(byId.get(u.id)?.result.total).toBe(single[i]?.total);
            expect(byId.get(u.id)?.result.complete).toBe(single[i]?.complete);
          }
          expect(lean.units.map((u) => [u.unitId, u.rank, u.total, u.vetoed])).toEqual(
            full.units.map((u) => [u.unitId, u.rank, u.total, u.vetoed]),
          );
        }),
        { numRuns: 300, seed: 20162 },
      );
    },
  );
});
