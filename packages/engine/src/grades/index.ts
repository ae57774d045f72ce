export { assignGrades, assignGradesScaled } from './assign.ts';
export type { GradeOutcome } from './outcome.ts';
export type { BandSummary, GradeAssignment, GradeRow, ScaledGradeRow } from './assign.ts';
