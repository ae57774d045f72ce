import { kaoheVitest } from '../../tooling/scripts/vitest-base.ts';

export default kaoheVitest();
