// Run as a child process (memory tests): reads one workbook file, prints what happened and the
// process's peak resident memory, so a test can bound it.
import { readFileSync } from 'node:fs';
import { readWorkbook, XlsxError } from '../index.ts';

const file = process.argv[2] ?? '';
let outcome: string;
try {
  outcome = `ok ${(await readWorkbook(readFileSync(file))).sheets.length}`;
} catch (e) {
  outcome = e instanceof XlsxError ? e.code : `crash ${String(e)}`;
}
process.stdout.write(JSON.stringify({ outcome, maxRssKiB: process.resourceUsage().maxRSS }));
