export * as exact from './exact.ts';
export { q, fmt, fmtFixed, round, type Q } from './exact.ts';
