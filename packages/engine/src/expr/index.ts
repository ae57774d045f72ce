// The safe expression language: jsep syntax, exact rationals, closures compiled once.
export * from './types.ts';
export { compileExpr } from './compile.ts';
export { ExprEvalError, type ExprEvalCode } from './errors.ts';
export { normaliseSource } from './normalise.ts';
export { clip, ECHO_LIMIT, MAX_EXPR_LENGTH } from './clip.ts';
