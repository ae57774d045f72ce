// A thrown evaluation problem as a message (a rule that cannot apply, an expression that cannot be
// evaluated); undefined for anything else, which the caller rethrows.
import { ExprEvalError } from '../expr/errors.ts';
import type { Msg } from '../model/result.ts';
import { RuleProblem } from './base-rules.ts';

export function asProblem(e: unknown): Msg | undefined {
  if (e instanceof RuleProblem) return e.detail;
  if (e instanceof ExprEvalError) return e.msg;
  if (e && typeof e === 'object' && 'message' in e) {
    const m = e.message;
    if (m && typeof m === 'object' && 'zh' in m && 'en' in m) return m as Msg;
    if ('code' in e && typeof m === 'string') return { zh: m, en: m };
  }
  return undefined;
}
