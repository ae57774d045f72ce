import { kaoheVitest } from '../../tooling/scripts/vitest-base.ts';

// The end-to-end tests start the real CLI as subprocesses: one demo run (global setup) feeds
// the workbook tests; each test gets time on a 2-core machine, and few run at once. The longest
// take 13–17 s on a quiet machine (three at once): 120 s keeps them from timing out on a shared,
// loaded one (speed is measured by the benchmarks, never by a test's timeout).
export default kaoheVitest({
  globalSetup: ['src/__tests__/global-setup.ts'],
  testTimeout: 120_000,
  hookTimeout: 90_000,
  maxConcurrency: 3,
  maxWorkers: 2,
});
