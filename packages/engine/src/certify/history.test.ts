import { describe, expect, it } from 'vitest';
import { certifiedInput, latestCertification } from './history.ts';
import type { CertificationRecord } from './types.ts';

const rec = (
  unitId: string,
  assessedOn: string,
  attempt: number,
  passed: boolean,
): CertificationRecord => ({
  unitId,
  ruleSetId: 'cert',
  edition: 1,
  assessedOn,
  attempt,
  passed,
  failing: [],
  rectifyBy: passed ? null : '2027-01-01',
});

describe('latestCertification', () => {
  const history = [
    rec('a', '2026-06-01', 1, false),
    rec('a', '2026-07-01', 2, true),
    rec('b', '2026-06-01', 1, true),
  ];

  it('takes the latest record on or before the date', () => {
    expect(latestCertification(history, 'a', 'cert', '2026-06-30')?.attempt).toBe(1);
    expect(latestCertification(history, 'a', 'cert', '2026-07-01')?.attempt).toBe(2);
    expect(latestCertification(history, 'a', 'other', '2026-07-01')).toBeUndefined();
  });

  it('gives a yes/no input; a unit never assessed is blank, not "no"', () => {
    expect(certifiedInput(history, 'a', 'cert', '2026-06-30')).toBe(false);
    expect(certifiedInput(history, 'a', 'cert', '2026-12-31')).toBe(true);
    expect(certifiedInput(history, 'c', 'cert', '2026-12-31')).toBeNull();
  });
});
