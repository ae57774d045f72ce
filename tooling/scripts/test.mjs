// README's test command: formatting, dead code, then typecheck, lint and every test through turbo, then one
// closing line of counts. Every failure shows (turbo --continue; the full log of each failed task
// is printed at the end), the closing line is always printed, and a line per task as it starts
// shows progress. Exit code: 0 only when nothing failed and some test ran.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(import.meta.dirname, '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const started = Date.now();
const clock = () => {
  const s = Math.round((Date.now() - started) / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const workspaces = ['packages', 'apps', 'tooling'].flatMap((dir) =>
  existsSync(join(root, dir))
    ? readdirSync(join(root, dir), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => join(root, dir, d.name))
    : [],
);
const reports = workspaces.map((dir) => join(dir, 'test-results', 'vitest.json'));
for (const file of reports) rmSync(file, { force: true }); // a stale report is never counted

const failures = [];

// 1. Formatting (prettier --check over the whole tree).
console.log(`[${clock()}] prettier --check`);
const fmt = spawnSync(bin('prettier'), ['--check', '--log-level=warn', '.'], {
  cwd: root,
  encoding: 'utf8',
});
if (fmt.status !== 0) {
  process.stdout.write(fmt.stdout + fmt.stderr);
  console.log('Formatting differs in the files above: run `pnpm format`.');
  failures.push('prettier');
}

// 2. Dead code: files, dependencies and exports nobody uses (knip.jsonc).
console.log(`[${clock()}] knip`);
const knip = spawnSync(bin('knip'), ['--reporter', 'compact', '--no-progress'], {
  cwd: root,
  encoding: 'utf8',
});
if (knip.status !== 0) {
  process.stdout.write(knip.stdout + knip.stderr);
  console.log('Unused code above: delete it, or stop exporting what only its own file uses.');
  failures.push('knip');
}

// 3. typecheck, lint and test in every package, and the engine's API report (after its build).
const turboArgs = [
  'run',
  'typecheck',
  'lint',
  'test',
  'api:check',
  '--concurrency=1',
  '--continue',
  '--output-logs=full',
  '--summarize',
  ...process.argv.slice(2),
];
// turbo writes no log file for an uncached task (tests): each task's lines are kept here, a
// line per task is printed as it starts, and a failed task's lines are printed whole at the end.
const turbo = spawn(bin('turbo'), turboArgs, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const logs = new Map(); // "pkg:task" → its lines
let summaryPath;
for await (const line of createInterface({ input: turbo.stdout })) {
  const task = /^(\S+?:[\w:-]+): ?(.*)$/.exec(line); // a task's name may hold a colon (api:check)
  const summary = /^\s*Summary:\s+(\S+\.json)/.exec(line);
  if (summary) summaryPath = summary[1];
  else if (task) {
    const [, id, text] = task;
    if (!logs.has(id)) {
      logs.set(id, []);
      console.log(`[${clock()}] ${id}${/cache hit/.test(text) ? ' (cached)' : ''}`);
    }
    logs.get(id).push(text);
  } else if (/Tasks:|Failed:/.test(line)) console.log(line);
}
const turboStatus = await new Promise((done) => turbo.on('close', done));

// The whole output of every task that failed.
if (summaryPath && existsSync(summaryPath)) {
  const run = JSON.parse(readFileSync(summaryPath, 'utf8'));
  for (const task of run.tasks) {
    const code = task.execution?.exitCode;
    if (code === 0 || code === undefined || code === null) continue;
    failures.push(task.taskId);
    const id = task.taskId.replace('#', ':');
    console.log(`\n──── ${task.taskId} failed (exit ${code}) ────`);
    console.log((logs.get(id) ?? ['(no output)']).join('\n'));
  }
}
if (turboStatus !== 0 && failures.every((f) => f === 'prettier' || f === 'knip'))
  failures.push(`turbo (exit ${turboStatus})`);

// 4. One closing line.
let passed = 0;
let failed = 0;
let skipped = 0;
const skippedTitles = [];
for (const file of reports.filter((f) => existsSync(f))) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  for (const suite of r.testResults)
    for (const t of suite.assertionResults)
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo')
        skippedTitles.push(`${relative(root, suite.name)}: ${t.fullName}`);
}
console.log('');
for (const title of skippedTitles) console.log(`skipped: ${title}`);
if (failures.length > 0) console.log(`failed: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped (${clock()})`);
if (passed + failed === 0) console.log('No test ran.');
process.exit(failures.length > 0 || failed > 0 || passed + failed === 0 ? 1 : 0);
