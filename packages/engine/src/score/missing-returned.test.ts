// A blank travels as a value: reading it returns a MissingValue, which every operator, function
// and rule passes on as its own result; nothing on the scoring path throws one (a blank is
// expected and frequent, never an exception used as control flow).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { q } from '../exact/exact.ts';
import { compileExpr } from '../expr/compile.ts';
import { MissingValue, type CompiledExpr, type ExprEnv, type ExprValue } from '../expr/types.ts';
import { parseRuleSet } from '../validate/parse.ts';
import { compileRuleSet } from './compile.ts';
import { createEnv } from './env.ts';
import { createUnitScorer, scoreUnit, scoreWith } from './score-unit.ts';
import { buildPeerStats } from '../cohort/peers.ts';
import { caseArb } from '../__tests__/oracle/arbitraries.ts';
import type { RuleSetInput } from '../schema/ruleset.ts';

/** An environment whose blanks are returned MissingValues. */
function envOf(values: Record<string, ExprValue | null>): ExprEnv {
  return {
    ident(name) {
      const v = values[name];
      return v === null || v === undefined ? new MissingValue(name) : v;
    },
  };
}

const ids = ['a', 'b', 'f', 's'];
function compile(source: string): CompiledExpr {
  const r = compileExpr(source, { identifiers: new Set(ids) });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.expr;
}

/** Every CompiledExpr reachable from a compiled rule set, its evaluate wrapped to count what a
 *  blank does: a MissingValue returned, or (the old way) thrown. */
function watchExpressions(root: unknown): { returned: number; thrown: number } {
  const counts = { returned: 0, thrown: 0 };
  const seen = new WeakSet<object>();
  const visit = (x: unknown): void => {
    if (x === null || typeof x !== 'object' || seen.has(x)) return;
    seen.add(x);
    const o = x as Record<string, unknown>;
    if (typeof o.evaluate === 'function' && typeof o.source === 'string' && 'micro' in o) {
      const expr = o as unknown as CompiledExpr;
      const evaluate = expr.evaluate.bind(expr);
      expr.evaluate = (env) => {
        try {
          const v = evaluate(env);
          if (v instanceof MissingValue) counts.returned++;
          return v;
        } catch (e) {
          if (e instanceof MissingValue) counts.thrown++;
          throw e;
        }
      };
    }
    if (x instanceof Map) for (const v of x.values()) visit(v);
    else if (x instanceof Set) for (const v of x) visit(v);
    else for (const v of Object.values(o)) visit(v);
  };
  visit(root);
  return counts;
}

describe('a blank is returned as a MissingValue, never thrown', () => {
  it('the unit environment returns a MissingValue for a blank input and a blank under a derived value', () => {
    const json: RuleSetInput = {
      schemaVersion: 1,
      id: 'blank-env',
      title: '空白',
      issuer: '市',
      level: '县',
      year: 2026,
      edition: 1,
      points: 5,
      rounding: { scores: { dp: 2, mode: 'half-up' } },
      inputs: [
        { id: 'done', label: '办结件数', unit: 'number' },
        { id: 'all', label: '受理件数', unit: 'number' },
      ],
      derived: [{ id: 'rate', label: '办结率', expression: 'done / all * 100', unit: '%' }],
      sections: [
        {
          code: '一',
          title: '办结',
          points: 5,
          items: [
            {
              code: '1',
              title: '办结率',
              points: 5,
              rule: { kind: 'threshold', value: 'rate', op: '>=', target: 90 },
            },
          ],
        },
      ],
    };
    const parsed = parseRuleSet(json);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const rs = compileRuleSet(parsed.value);
    const env = createEnv(
      rs.inputs,
      { id: 'u', name: 'u', values: { done: null, all: 10 } },
      {},
      rs.derived,
      rs.constants,
    );
    let read: unknown;
    expect(() => (read = env.ident('done'))).not.toThrow();
    expect(read).toBeInstanceOf(MissingValue);
    expect((read as MissingValue).inputId).toBe('done');
    // Under a derived value, the blank input itself is named.
    expect(() => (read = env.ident('rate'))).not.toThrow();
    expect((read as MissingValue).inputId).toBe('done');
    expect(env.ident('all')).toEqual(q(10));
    expect(() => (read = env.ident('total'))).not.toThrow();
    expect((read as MissingValue).inputId).toBe('total');
    const item = scoreUnit(rs, env.unit).sections[0]?.items[0];
    expect([item?.status, item?.missingInputs]).toEqual(['missing-input', ['done']]);
  });

  it('every operator and function passes a blank operand on as its value', () => {
    const blankA = { a: null, b: q(2), f: true, s: 'x' };
    for (const source of [
      'a',
      'a + 1',
      '1 - a',
      'b * a',
      'b / a',
      '-a',
      '+a',
      'a > 1',
      'b <= a',
      'a == 1',
      's != a',
      'f && a > 1',
      'a > 1 || f',
      '!(a > 1)',
      'a > 1 ? 1 : 2',
      'f ? a : 2',
      'if(f, a, 0)',
      'if(a > 0, 1, 0)',
      'min(b, a)',
      'max(a, b)',
      'abs(a)',
      'round(a, 1)',
      'round(b, a)',
      'clamp(a, 0, 5)',
      'clamp(b, a, 5)',
      'clamp(b, 0, a)',
      'floor(a) + ceil(b)',
    ]) {
      const v = compile(source).evaluate(envOf(blankA));
      expect(v, source).toBeInstanceOf(MissingValue);
      expect((v as MissingValue).inputId, source).toBe('a');
    }
    // Where the blank is never read, nothing changes.
    expect(compile('!f && a > 1').evaluate(envOf(blankA))).toBe(false);
    expect(compile('f || a > 1').evaluate(envOf(blankA))).toBe(true);
    expect(compile('if(f, b, a)').evaluate(envOf(blankA))).toEqual(q(2));
    expect(compile('blank(a)').evaluate(envOf(blankA))).toBe(true);
    expect(compile('blank(b)').evaluate(envOf(blankA))).toBe(false);
  });

  it(
    'scoring generated rule sets with blank figures never throws a MissingValue inside',
    { timeout: 120_000 },
    () => {
      let returned = 0;
      fc.assert(
        fc.property(caseArb({ minLength: 2, maxLength: 8 }), (c) => {
          const p = parseRuleSet(c.ruleSet);
          if (!p.ok) throw new Error(`generated rule set refused: ${p.issues[0]?.message.en}`);
          const rs = compileRuleSet(p.value);
          const counts = watchExpressions(rs);
          const ctx = { peers: buildPeerStats(rs, c.units).stats };
          for (const unit of c.units) {
            scoreWith(rs, createUnitScorer(rs, unit, ctx, { kernels: false }));
            scoreUnit(rs, unit, ctx);
          }
          expect(counts.thrown).toBe(0);
          returned += counts.returned;
        }),
        { numRuns: 60, seed: 7 },
      );
      // The generated figures do have blanks: the check above saw them go by as values.
      expect(returned).toBeGreaterThan(0);
    },
  );
});
