import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallRuleSet, smallRuleSetNext } from './fixtures.ts';
import { looksClean, runCli, tempDir } from './run-cli.ts';

let dir = '';

beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, 'old.json'), JSON.stringify(smallRuleSet()));
  await writeFile(join(dir, 'new.json'), JSON.stringify(smallRuleSetNext()));
  await writeFile(
    join(dir, 'bad.json'),
    JSON.stringify({ ...smallRuleSet(), points: null, sections: [] }),
  );
});

describe.concurrent('kaohe diff', () => {
  it('lists what changed in business terms, tightened ones marked: exit 1', async () => {
    const run = await runCli(['diff', 'old.json', 'new.json'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('第 1 版');
    expect(run.stdout).toContain('第 2 版');
    expect(run.stdout).toMatch(/▲ 收紧 .*一\.1/);
    expect(run.stdout).toContain('一.3');
  });

  it('--json carries the engine diff; --lang en speaks English', async () => {
    const run = await runCli(['diff', 'old.json', 'new.json', '--json', '--lang', 'en'], dir);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      changes: { kind: string; path: string; direction?: string }[];
    };
    expect(doc.changes).toContainEqual(expect.objectContaining({ kind: 'item-added' }));
    expect(doc.changes.some((c) => c.path.startsWith('一.1') && c.direction === 'tightened')).toBe(
      true,
    );
    const human = await runCli(['diff', 'old.json', 'new.json', '--lang', 'en'], dir);
    expect(human.stdout).toContain('Comparing:');
  });

  it('exit 0 when the two editions are the same', async () => {
    const run = await runCli(['diff', 'old.json', 'old.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('没有差别');
  });

  it('exit 3 for an invalid rule set, listing its errors by path', async () => {
    const run = await runCli(['diff', 'old.json', 'bad.json'], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('规则集 bad.json 有');
    expect(run.stderr).toContain('sections');
    expect(run.stdout).toBe('');
    expect(looksClean(run.stderr)).toBe(true);
  });
});
