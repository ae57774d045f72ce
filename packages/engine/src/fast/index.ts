export {
  createLeanScorer,
  kernelCoverage,
  type LeanResult,
  type LeanScorer,
} from './score-lean.ts';
export { scaledText, toScaled } from './fixed.ts';
export { rankCohort, type RankedCohort, type RankedUnit } from './rank-cohort.ts';
