// Adds up the vitest JSON reports of every workspace package into one closing line.
// `--clean` removes old reports first so a stale file can never be counted.
import { readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['packages', 'apps', 'tooling'];
const reports = roots.flatMap((root) =>
  existsSync(root)
    ? readdirSync(root).map((d) => join(root, d, 'test-results', 'vitest.json'))
    : [],
);
if (process.argv.includes('--clean')) {
  for (const file of reports) rmSync(file, { force: true });
  process.exit(0);
}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports.filter((f) => existsSync(f))) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
}
if (passed + failed === 0) {
  console.error('No test ran.');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
