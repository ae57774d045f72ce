export * from './common.ts';
export * from './rules.ts';
export * from './ruleset.ts';
export * from './json-schema.ts';
