// The output-file policy of every command (an existing output is refused without --force; a
// backup never replaces an earlier one) and the CLI's words for bad JSON and rule-set issues.
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { baotou2012 } from '@kaohe/rulesets';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDir, type DemoDir } from './demo-run.ts';
import { looksClean, runCli } from './run-cli.ts';

let d: DemoDir;
const bytes = (file: string): Promise<Buffer> => readFile(join(d.dir, file));
const REFUSED = '已存在;如要覆盖请加 --force';

beforeAll(() => {
  d = demoDir();
});

describe.concurrent('an output that exists is refused without --force', () => {
  it('score --in-place twice keeps the first backup and makes a second', async () => {
    await copyFile(join(d.dir, d.filled('东河区')), join(d.dir, 'dhq.xlsx'));
    const original = await bytes('dhq.xlsx');
    expect((await runCli(['score', 'dhq.xlsx', '--in-place'], d.dir)).code).toBe(0);
    const once = await bytes('dhq.xlsx');
    const second = await runCli(['score', 'dhq.xlsx', '--in-place', '--as', 'review'], d.dir);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('已备份原文件为 dhq.bak-2.xlsx');
    expect((await bytes('dhq.bak.xlsx')).equals(original)).toBe(true);
    expect((await bytes('dhq.bak-2.xlsx')).equals(once)).toBe(true);
  });

  it('score --out and the default .scored.xlsx: refused, untouched; --force writes', async () => {
    await writeFile(join(d.dir, 'taken.xlsx'), 'keep me');
    const run = await runCli(['score', d.filled('青山区'), '--out', 'taken.xlsx'], d.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`taken.xlsx ${REFUSED}`);
    expect(looksClean(run.stderr)).toBe(true);
    expect(String(await bytes('taken.xlsx'))).toBe('keep me');
    const forced = await runCli(
      ['score', d.filled('青山区'), '--out', 'taken.xlsx', '--force'],
      d.dir,
    );
    expect(forced.code).toBe(0);
    expect(String(await bytes('taken.xlsx'))).not.toBe('keep me');

    await copyFile(join(d.dir, d.filled('九原区')), join(d.dir, 'jy.xlsx'));
    await writeFile(join(d.dir, 'jy.scored.xlsx'), 'earlier');
    const again = await runCli(['score', 'jy.xlsx', '--lang', 'en'], d.dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('jy.scored.xlsx already exists; add --force to overwrite it');
    expect(String(await bytes('jy.scored.xlsx'))).toBe('earlier');
    // Three scorings of real workbooks: robust on a loaded machine.
  }, 180_000);

  it('review --out and demo --out', async () => {
    await writeFile(join(d.dir, 'summary-taken.xlsx'), 'keep me');
    const review = await runCli(
      ['review', d.scored, '--rules', d.rules, '--out', 'summary-taken.xlsx'],
      d.dir,
    );
    expect(review.code).toBe(2);
    expect(review.stderr).toContain(`summary-taken.xlsx ${REFUSED}`);
    expect(String(await bytes('summary-taken.xlsx'))).toBe('keep me');
    // The demo folder of the global setup already holds a demo.
    const demo = await runCli(['demo', '--out', 'demo'], d.dir);
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain(`${join('demo', 'baotou-2012.json')} ${REFUSED}`);
  });
});

describe.concurrent('rule-set files an official can fix', () => {
  it('a JSON syntax error names its line and column, in Chinese and in English', async () => {
    await mkdir(join(d.dir, 'json'), { recursive: true });
    await writeFile(
      join(d.dir, 'json', 'syntax.json'),
      '{\n  "id": "x",\n  "title": {"zh": "a"}\n  "year": 2012\n}\n',
    );
    const zh = await runCli(['validate', join('json', 'syntax.json')], d.dir);
    expect(zh.code).toBe(3);
    expect(zh.stderr).toContain(
      `${join('json', 'syntax.json')} 第 4 行第 3 列不是有效的 JSON:此处是“"”,属性值后应为逗号“,”或“}”`,
    );
    const en = await runCli(['validate', join('json', 'syntax.json'), '--lang', 'en'], d.dir);
    expect(en.stderr).toContain('is not valid JSON at line 4, column 3');
  });

  it('a validation message that opens with its place is not preceded by it again', async () => {
    await mkdir(join(d.dir, 'json'), { recursive: true });
    const bad = structuredClone(baotou2012) as unknown as { inputs: { unit: string }[] };
    if (bad.inputs[0]) bad.inputs[0].unit = 'xx';
    await writeFile(join(d.dir, 'json', 'unit.json'), JSON.stringify(bad));
    const run = await runCli(['validate', join('json', 'unit.json')], d.dir);
    const line = run.stdout.split('\n').find((l) => l.includes('inputs[0].unit')) ?? '';
    expect(line).toMatch(/^错误 \[schema-invalid_value\] inputs\[0\]\.unit/);
    expect(line.split('inputs[0].unit')).toHaveLength(2);
  });
});
