// Preloaded into a CLI run by the tests (runCli's `measure`): on exit, writes the process's peak
// resident memory (KiB) to the file named by KAOHE_TEST_RSS_FILE.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

process.on('exit', () => {
  const file = process.env.KAOHE_TEST_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
