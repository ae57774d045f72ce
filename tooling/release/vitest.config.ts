import { kaoheVitest } from '../../tooling/scripts/vitest-base.ts';

// Packing, attw and an install into an empty project: minutes on a loaded 2-core machine.
export default kaoheVitest({ testTimeout: 120_000, hookTimeout: 600_000 });
