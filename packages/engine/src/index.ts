export * from './schema/index.ts';
export * from './model/result.ts';
export * from './model/context.ts';
export * from './exact/index.ts';
export * from './messages/index.ts';
export * from './validate/index.ts';
export * from './score/index.ts';
