// README.md's `kaohe` examples, run exactly as written, from a folder outside the checkout, on a
// machine where only Node is assumed (no pnpm on PATH): `node kaohe.mjs …`.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, repoRoot, run } from './packages.ts';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
/** The indented command lines of README.md that run the CLI through the shim. */
const commands = readme
  .split('\n')
  .filter((line) => /^ {4}node kaohe\.mjs /.test(line))
  .map((line) => line.trim());

const work = mkdtempSync(join(tmpdir(), 'kaohe-readme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** PATH without any folder that holds pnpm: the examples must not need it. */
function pathWithoutPnpm(): string {
  return (process.env['PATH'] ?? '')
    .split(':')
    .filter((dir) => dir && !existsSync(join(dir, 'pnpm')))
    .join(':');
}

describe('README.md: the kaohe examples', () => {
  it('are there to run', () => {
    expect(commands.length).toBeGreaterThanOrEqual(5);
  });

  it('run as written, in order, from a folder outside the checkout, without pnpm', () => {
    // The folder a clerk would work in: the example rule sets and the shim at the paths the
    // README uses, two editions for `diff`, nothing else.
    symlinkSync(join(repoRoot, 'packages'), join(work, 'packages'));
    symlinkSync(join(repoRoot, 'kaohe.mjs'), join(work, 'kaohe.mjs'));
    const rules = JSON.parse(
      readFileSync(join(repoRoot, 'packages/rulesets/src/baotou-2012.json'), 'utf8'),
    ) as { edition: number };
    writeFileSync(join(work, 'old.json'), JSON.stringify(rules));
    writeFileSync(join(work, 'new.json'), JSON.stringify({ ...rules, edition: rules.edition + 1 }));
    const env: NodeJS.ProcessEnv = { ...cleanEnv(), PATH: pathWithoutPnpm() };
    delete env['npm_execpath'];
    delete env['INIT_CWD'];
    for (const command of commands) {
      const [, ...args] = command.split(/\s+/); // node kaohe.mjs …
      const r = run(process.execPath, args, work, env);
      // 0: done; 1: done with findings (a blank sheet scored, editions that differ).
      expect([0, 1], `${command}\n${r.stdout}\n${r.stderr}`).toContain(r.status);
      expect(r.stderr, command).not.toMatch(/pnpm|command not found|Error:/);
    }
    for (const out of ['sheets/昆都仑区.xlsx', 'sheets/青山区.xlsx', 'scored.xlsx', 'summary.xlsx'])
      expect(existsSync(join(work, out)), out).toBe(true);
  }, 180_000);
});
