import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { smallRuleSet } from './fixtures.ts';
import { looksClean, runCli, tempDir } from './run-cli.ts';

let dir = '';

beforeAll(async () => {
  dir = await tempDir();
  await writeFile(join(dir, 'good.json'), JSON.stringify(smallRuleSet()));
  const bad = smallRuleSet() as { sections: { items: { points: unknown }[] }[] };
  bad.sections[0]!.items[1]!.points = null;
  await writeFile(join(dir, 'bad.json'), JSON.stringify(bad));
  await writeFile(join(dir, 'broken.json'), '{ "schemaVersion": 1, ');
  const expr = smallRuleSet() as { sections: { items: { rule: unknown }[] }[] };
  expr.sections[0]!.items[1]!.rule = { kind: 'expr', score: "4 - 'n'" };
  await writeFile(join(dir, 'expr.json'), JSON.stringify(expr));
});

describe.concurrent('kaohe validate', () => {
  it('accepts a sound rule set: exit 0, says so in Chinese by default', async () => {
    const run = await runCli(['validate', 'good.json'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('规则集有效');
    expect(run.stdout).toContain('cli-small');
  });

  it('reports a blanked number with its code and path: exit 1, in English with --lang en', async () => {
    const run = await runCli(['validate', 'bad.json', '--lang', 'en'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[missing-number] sections[0].items[1].points');
    expect(run.stdout).toContain('The rule set is invalid');
    expect(looksClean(run.stdout + run.stderr)).toBe(true);
  });

  it('places an expression error once, counted from 1, with its span; 0-based in --json', async () => {
    // `4 - 'n'`: the operator "-" is 0-based character 2, the first character is 1.
    const run = await runCli(['validate', 'expr.json'], dir);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n').filter((l) => l.includes('[expr-type]'));
    expect(lines).toEqual([
      '错误 [expr-type] sections[0].items[1].rule.score:一.2 rule.score:表达式第3个字符处:“-” 需要数值，这里给的是文本',
    ]);
    const json = await runCli(['validate', 'expr.json', '--json'], dir);
    const doc = JSON.parse(json.stdout) as {
      issues: { code: string; position?: number; end?: number }[];
    };
    expect(doc.issues.filter((i) => i.code === 'expr-type')).toEqual([
      expect.objectContaining({ position: 2, end: 3 }),
    ]);
  });

  it('prints one JSON document on stdout with --json', async () => {
    const run = await runCli(['validate', 'bad.json', '--json'], dir);
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout) as {
      valid: boolean;
      errors: number;
      issues: { code: string; path: string }[];
    };
    expect(doc.valid).toBe(false);
    expect(doc.errors).toBeGreaterThan(0);
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'missing-number', path: 'sections[0].items[1].points' }),
    );
  });

  it('exit 3 for text that is not JSON, naming the file, no stack trace', async () => {
    const run = await runCli(['validate', 'broken.json'], dir);
    expect(run.code).toBe(3);
    // '{ "schemaVersion": 1, ' is 22 characters: the text ends where column 23 would be.
    expect(run.stderr).toContain('broken.json 第 1 行第 23 列不是有效的 JSON:文件在此意外结束');
    expect(run.stdout).toBe('');
    expect(looksClean(run.stderr)).toBe(true);
  });

  it('exit 3 for a missing file; the --json error document is the only stdout', async () => {
    const run = await runCli(['validate', 'nowhere.json', '--json', '--lang', 'en'], dir);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('File not found: nowhere.json');
    const doc = JSON.parse(run.stdout) as {
      ok: boolean;
      error: { code: string; exitCode: number };
    };
    expect(doc).toMatchObject({ ok: false, error: { code: 'input-missing', exitCode: 3 } });
  });

  it('exit 2 for usage errors: a missing argument, an unknown option, an unknown command', async () => {
    for (const args of [['validate'], ['validate', 'good.json', '--bogus'], ['bogus']]) {
      const run = await runCli(args, dir);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('用法错误');
      expect(looksClean(run.stderr)).toBe(true);
    }
    expect((await readdir(dir)).sort()).toEqual([
      'bad.json',
      'broken.json',
      'expr.json',
      'good.json',
    ]);
  });
});
