// What the global setup hands to the test files (vitest provide / inject).
import type { CliRun } from './run-cli.ts';

export interface DemoRuns {
  /** The working folder; the demo is in `demo/` under it. */
  dir: string;
  /** `kaohe demo --out demo`, in Chinese. */
  run: CliRun;
  /** `kaohe demo --json --lang en`, into a fresh temp folder. */
  json: CliRun;
}

declare module 'vitest' {
  export interface ProvidedContext {
    demo: DemoRuns;
  }
}
