import { kaoheVitest } from '../../tooling/scripts/vitest-base.ts';

// The end-to-end tests start the real CLI as subprocesses: one demo run (global setup) feeds
// the workbook tests; each test gets time on a 2-core machine, and few run at once.
export default kaoheVitest({
  globalSetup: ['src/__tests__/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 90_000,
  maxConcurrency: 3,
  maxWorkers: 2,
});
