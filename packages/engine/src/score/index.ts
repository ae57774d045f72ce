export {
  compileRuleSet,
  CompileError,
  type CompiledRuleSet,
  type CIndicator,
  type CSection,
} from './compile.ts';
export { scoreUnit } from './score-unit.ts';
export { decodeValue } from './env.ts';
export { carryCounters } from './counters.ts';
