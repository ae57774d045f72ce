export { createLeanScorer, type LeanResult, type LeanScorer, type Routes } from './score-lean.ts';
export { scaledText, toScaled } from './fixed.ts';
export { rankCohort, type RankedCohort, type RankedUnit } from './rank-cohort.ts';
