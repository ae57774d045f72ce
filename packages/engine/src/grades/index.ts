export { assignGrades } from './assign.ts';
export type { BandSummary, GradeAssignment, GradeOutcome, GradeRow } from './assign.ts';
