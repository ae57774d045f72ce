export { assignGrades, assignGradesScaled } from './assign.ts';
export type {
  BandSummary,
  GradeAssignment,
  GradeOutcome,
  GradeRow,
  ScaledGradeRow,
} from './assign.ts';
