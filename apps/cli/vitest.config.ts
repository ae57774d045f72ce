import { kaoheVitest } from '../../tooling/scripts/vitest-base.ts';

// The end-to-end tests start the real CLI as subprocesses: give each time on a 2-core machine,
// and keep the number running at once small so they do not starve each other.
export default kaoheVitest({ testTimeout: 60_000, hookTimeout: 90_000, maxConcurrency: 3, maxWorkers: 2 });
