export * as exact from './exact.ts';
export { q, tryQ, fmt, fmtFixed, round, type Q } from './exact.ts';
