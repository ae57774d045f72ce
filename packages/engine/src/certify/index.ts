export { certify } from './certify.ts';
export { addDays, isIsoDate } from './dates.ts';
export { certifiedInput, latestCertification } from './history.ts';
export type {
  CertificationOutcome,
  CertificationRecord,
  CertifyOptions,
  FailingClause,
} from './types.ts';
