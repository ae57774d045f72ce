// The contract of the safe expression language. The implementation parses with jsep
// (never eval / new Function) and evaluates in exact rationals (../exact/exact.ts).
import type { Q } from '../exact/exact.ts';
import type { Msg } from '../model/result.ts';
import type { MicroBinder, MicroExpr } from './micro.ts';
import type { Naming, OperandRef } from './words.ts';

/** A value inside an expression: an exact number, a boolean, or a string (choices, codes). A
 *  date is a whole number of days from 1970-01-01 (../exact/calendar.ts), kept apart from other
 *  numbers by the compile-time kind `date`. */
export type ExprValue = Q | boolean | string;

/** The kind of a value, for compile-time type checks. A `date` is held as a number of days:
 *  dates compare with dates, date − date is days, date ± days is a date, nothing else mixes. */
export type ExprKind = 'number' | 'boolean' | 'string' | 'date';

/** Returned (never thrown) when an identifier's input is blank: every operator and function
 *  passes it on as its own result, and the caller turns it into status missing-input for the
 *  item. A blank is expected and frequent: it travels as a value, not as an exception. */
export class MissingValue {
  // Not an Error on purpose: nothing throws it, and it needs no stack trace.
  readonly name = 'MissingValue';
  constructor(
    readonly inputId: string,
    /** Where inside the input, when it is a list of cases: 违法生育案件第2件「出生孩次」. */
    readonly detail?: Msg,
  ) {}
  get message(): string {
    return `missing input ${this.inputId}`;
  }
}

/**
 * blank(id): whether reading the identifier finds it blank. A figure typed but refused (text in a
 * number cell, out of the declared range) is no blank: it cannot be judged, so what reads it is
 * not scored (its MissingValue is returned, passed on), never scored as if the cell were empty.
 */
export function isBlank(env: ExprEnv, id: string): boolean | MissingValue {
  const v = env.ident(id);
  if (!(v instanceof MissingValue)) return false;
  // The input that is missing decides: under a derived value it is not `id` itself.
  return env.refused?.(v.inputId) ? v : true;
}

export interface HostFunction {
  /** Allowed argument counts, e.g. [1] or [1, 2]. */
  arity: readonly number[];
  /** Arguments that are names (an input id, an indicator path string) and are not evaluated. */
  rawArgs?: boolean;
  /** What it returns, when always the same kind: lets compile-time checks see through it. */
  returns?: ExprKind;
  /** Its value, or a MissingValue when what it reads is blank (returned, never thrown). */
  call(args: readonly ExprValue[], env: ExprEnv): ExprValue | MissingValue;
}

export interface ExprEnv {
  /** The value of an identifier (an input id, `total`, `class`…); a MissingValue if blank. */
  ident(name: string): ExprValue | MissingValue;
  /** Whether an input was typed but refused (text, out of range): no value, yet not blank. */
  refused?(name: string): boolean;
}

export interface CompileOptions {
  /** Identifiers the expression may use (input ids and host names). */
  identifiers: ReadonlySet<string>;
  /** Host functions beyond the built-ins (score(), met(), peer_mean()…). */
  functions?: Readonly<Record<string, HostFunction>>;
  /** Kinds of identifiers when known (yes/no inputs are booleans, choices strings…): lets
   *  compileExpr report `rate == '达标'` as a type error before any unit is scored. */
  types?: ReadonlyMap<string, ExprKind>;
  /** The values an identifier of kind string can take (a choice's values, the grade band ids):
   *  `grade == 'exellent'` is reported at the literal before any unit is scored. */
  domains?: ReadonlyMap<string, readonly string[]>;
}

export interface CompiledExpr {
  source: string;
  /** Identifiers referenced, in order of first use. */
  identifiers: readonly string[];
  /** Names of host functions called, with their first (string) argument when literal. */
  calls: readonly { name: string; arg?: string }[];
  /** Its value, or the MissingValue of the first blank it needed (returned, never thrown);
   *  real evaluation errors (division by zero, a type mismatch) throw ExprEvalError. */
  evaluate(env: ExprEnv): ExprValue | MissingValue;
  /** The same expression on rationals of safe integers for the hot path; its status says
   *  EXACT whenever only the exact evaluation can answer (see micro.ts). */
  micro: MicroExpr;
  /** The same, rounded to `dp` places as a derived value is before comparison; `bind` reads
   *  identifiers straight from the host's slots. */
  microRounded(
    dp: number,
    mode: 'half-up' | 'half-even' | 'down' | 'up',
    bind?: MicroBinder,
  ): MicroExpr;
  /** `micro` with identifiers bound once to the host's readers (see MicroBinder). */
  microBound(bind: MicroBinder): MicroExpr;
  /** The formula as an official reads it: labels for names, × ÷ ≥, functions in words. */
  inWords(naming: Naming): Msg;
  /** The inputs and cohort / result figures it reads, each once, in order of first use. */
  operands: readonly OperandRef[];
}

export interface ExprError {
  /** 0-based character offset in the source where the problem starts. */
  position: number;
  /** 0-based offset just past its end (exclusive): [position, end) is the text to underline. */
  end: number;
  code: 'syntax' | 'unknown-identifier' | 'unknown-function' | 'arity' | 'unsupported' | 'type';
  message: Msg;
}

export type CompileResult = { ok: true; expr: CompiledExpr } | { ok: false; errors: ExprError[] };
