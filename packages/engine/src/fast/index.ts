export { createLeanScorer, kernelCoverage, type LeanResult, type LeanScorer } from './score-lean.ts';
export { scaledText, toScaled } from './fixed.ts';
