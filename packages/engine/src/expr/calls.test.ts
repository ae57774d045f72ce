import { describe, expect, it } from 'vitest';
import { fmt, q, type Q } from '../exact/exact.ts';
import { compileExpr } from './compile.ts';
import { MissingValue, type ExprEnv, type ExprValue, type HostFunction } from './types.ts';

const received: (readonly ExprValue[])[] = [];
const scores: Record<string, Q> = { '二.1': q('4.5'), '二.2': q(3) };
const functions: Record<string, HostFunction> = {
  score: {
    arity: [1],
    rawArgs: true,
    call([path]) {
      received.push([path as string]);
      const s = scores[path as string];
      if (!s) return new MissingValue(`score:${String(path)}`);
      return s;
    },
  },
  peer_mean: { arity: [1], rawArgs: true, call: ([id]) => (id === 'rate' ? q('90.5') : q(0)) },
  scaled: {
    arity: [1, 2],
    call(args) {
      received.push(args);
      return (args[0] as Q).mul(args[1] === undefined ? q(1) : (args[1] as Q));
    },
  },
};
const env: ExprEnv = { ident: (name) => (name === 'rate' ? q(92) : name === 'k' ? q(2) : 'x') };
const options = { identifiers: new Set(['rate', 'k']), functions };

function compile(source: string) {
  const r = compileExpr(source, options);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.expr;
}

describe('host functions', () => {
  it('passes raw arguments as text, unevaluated', () => {
    received.length = 0;
    const e = compile('score(\'二.1\') + score("二.2")');
    expect(fmt(e.evaluate(env) as Q)).toBe('7.5');
    expect(received).toEqual([['二.1'], ['二.2']]);
    expect(fmt(compile('rate - peer_mean(rate)').evaluate(env) as Q)).toBe('1.5');
  });
  it('evaluates ordinary arguments first', () => {
    received.length = 0;
    expect(fmt(compile('scaled(rate + 1, k)').evaluate(env) as Q)).toBe('186');
    expect(received.map((args) => args.map((a) => fmt(a as Q)))).toEqual([['93', '2']]);
  });
  it('records each call with its first literal or name argument', () => {
    const e = compile(
      "score('二.1') > 4 && peer_mean(rate) < rate + scaled(k) + scaled(2) + score('二.1')",
    );
    expect(e.calls).toEqual([
      { name: 'score', arg: '二.1' },
      { name: 'peer_mean', arg: 'rate' },
      { name: 'scaled', arg: 'k' },
      { name: 'scaled' },
    ]);
    expect(e.identifiers).toEqual(['rate', 'k']);
  });
  it('does not count raw names as identifiers', () => {
    expect(compile('peer_mean(rate)').identifiers).toEqual([]);
  });
  it('returns a host MissingValue as the call’s value', () => {
    const v = compile("score('九.9') + 1").evaluate(env);
    expect(v).toBeInstanceOf(MissingValue);
    expect((v as MissingValue).inputId).toBe('score:九.9');
  });
  it('checks arity and raw argument forms at compile time', () => {
    const r = compileExpr("score('二.1', 2) + score(1 + 1) + scaled()", options);
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.position])).toEqual([
      ['arity', 0],
      ['unsupported', 13],
      ['unsupported', 24],
      ['arity', 33],
    ]);
  });
  it('refuses a host function that shadows a built-in', () => {
    expect(() =>
      compileExpr('1', {
        identifiers: new Set(),
        functions: { min: functions.scaled as HostFunction },
      }),
    ).toThrow(/shadows a built-in/);
  });
});
