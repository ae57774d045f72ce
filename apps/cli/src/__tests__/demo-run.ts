// One demo run shared by the workbook tests: its templates, filled and scored workbooks are
// the inputs of the template, score and review tests.
import { join } from 'node:path';
import { runCli, tempDir, type CliRun } from './run-cli.ts';

export interface DemoDir {
  /** The test's working folder; the demo is in `demo/` under it. */
  dir: string;
  run: CliRun;
  rules: string;
  filled: (name: string) => string;
  scored: string;
}

export async function demoDir(): Promise<DemoDir> {
  const dir = await tempDir();
  const run = await runCli(['demo', '--out', 'demo', '--json'], dir);
  return {
    dir,
    run,
    rules: join('demo', 'baotou-2012.json'),
    filled: (name) => join('demo', '2-filled', `${name}.xlsx`),
    scored: join('demo', '3-scored'),
  };
}
