import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { compileRuleSet, parseRuleSet, scoreUnit, type UnitResult } from '@kaohe/engine';
import { baotou2012, baotou2012SampleUnits } from '@kaohe/rulesets';
import { applyWrites, readWorkbook } from '@kaohe/xlsx';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDir, type DemoDir } from './demo-run.ts';
import { looksClean, runCli } from './run-cli.ts';

let d: DemoDir;
const files = async (sub = ''): Promise<string[]> => (await readdir(join(d.dir, sub))).sort();
const bytes = (file: string): Promise<Buffer> => readFile(join(d.dir, file));

/** What the engine gives a demo unit directly, to compare with what the CLI reports. */
function expected(name: string): UnitResult {
  const parsed = parseRuleSet(baotou2012);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const unit = baotou2012SampleUnits.find((u) => u.name === name);
  if (!unit) throw new Error(`no sample unit ${name}`);
  const result = scoreUnit(compileRuleSet(parsed.value), unit);
  expect(result.complete).toBe(true);
  return result;
}

beforeAll(() => {
  d = demoDir();
});

describe('kaohe demo', () => {
  it('prints the ranking of the twelve Baotou units in Chinese, vetoed unit last', () => {
    expect(d.run.code).toBe(0);
    const lines = d.run.stdout.split('\n');
    const header = lines.findIndex((l) => l.startsWith('名次'));
    expect(lines[header]).toMatch(/名次\s+单位\s+总分\s+等次\s+否决\s+主要扣分/);
    const rows = lines.slice(header + 2, header + 14);
    expect(rows.every((r) => /^\s*=?\d+\s/.test(r))).toBe(true);
    expect(rows[11]).toContain('一票否决');
    expect(d.run.stdout).toContain('仅供参考');
    expect(lines.filter((l) => l.trim()).at(-1)).toBe('演示文件在:demo');
    // The one unit that changed an issued figure in its data sheet is caught by the review.
    expect(d.run.stdout).toMatch(
      /演示作弊:固阳县把下达的上年数据 基础数据!E\d+ 由 106\.1 改为 126\.1——复核已发现\(预填指标被改动\)/,
    );
    expect(d.run.stdout).toMatch(
      /预填指标未通过验证:固阳县\(3-scored\/固阳县\.xlsx\):预填指标已被改动/,
    );
  });

  it('writes the rules signed, the roster, 12 templates, 12 filled and 12 scored workbooks and the summary', async () => {
    expect(await files('demo')).toEqual([
      '0-edition.json',
      '0-roster.csv',
      '0-trust.json',
      '1-templates',
      '2-filled',
      '3-scored',
      '4-summary.xlsx',
      'baotou-2012.json',
    ]);
    // Signed: the edition, the roster its prefills came from, and the demo key's trust list.
    const edition = JSON.parse((await bytes('demo/0-edition.json')).toString()) as {
      kaohe: string;
    };
    expect(edition.kaohe).toBe('edition');
    // The demo key is issued as the rules' issuer (包头市人民政府, as baotou-2012.json names it), so
    // verify says who issued them once, with no second issuer named by the rules.
    const issuer = typeof baotou2012.issuer === 'string' ? baotou2012.issuer : baotou2012.issuer.zh;
    const trust = JSON.parse((await bytes('demo/0-trust.json')).toString()) as { keys: string[] };
    expect(trust.keys).toHaveLength(1);
    expect(trust.keys[0]?.endsWith(` ${issuer}`)).toBe(true);
    const verified = await runCli(
      [
        'verify',
        join('demo', '3-scored', '昆都仑区.xlsx'),
        '--trust',
        join('demo', '0-trust.json'),
      ],
      d.dir,
    );
    expect(verified.stdout).toContain(`正式版本:由${issuer}签发`);
    expect(verified.stdout).not.toContain('规则写明的发布单位');
    for (const sub of ['1-templates', '2-filled', '3-scored'])
      expect(await files(join('demo', sub))).toHaveLength(12);
    const summary = await readWorkbook(await bytes('demo/4-summary.xlsx'));
    expect(summary.sheets[0]?.name).toBe('排名');
  });

  it('--json: one document, ranks in order, into a fresh temp folder it names', async () => {
    expect(d.json.code).toBe(0);
    const doc = JSON.parse(d.json.stdout) as {
      outDir: string;
      ranking: { rank: number; vetoed: boolean }[];
      findings: { differences: number };
    };
    expect(doc.ranking).toHaveLength(12);
    const ranks = doc.ranking.map((r) => r.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(doc.ranking.at(-1)?.vetoed).toBe(true);
    expect(doc.findings.differences).toBe(0);
    expect(await readdir(doc.outDir)).toContain('4-summary.xlsx');
    await rm(doc.outDir, { recursive: true });
  });
});

describe.concurrent('kaohe template', () => {
  it('makes one workbook per unit into a folder; refuses to overwrite without --force', async () => {
    const run = await runCli(
      ['template', d.rules, '--unit', 'kdq=昆都仑区', '--unit', '青山区', '--out', 'tpl'],
      d.dir,
    );
    expect(run.code).toBe(0);
    expect(await files('tpl')).toEqual(['昆都仑区.xlsx', '青山区.xlsx']);
    const before = await bytes('tpl/昆都仑区.xlsx');
    const again = await runCli(['template', d.rules, '--unit', '昆都仑区', '--out', 'tpl'], d.dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('已存在');
    expect((await bytes('tpl/昆都仑区.xlsx')).equals(before)).toBe(true);
  });

  it('writes a single .xlsx with --json naming it; a class on a rule set without classes is a usage error', async () => {
    const run = await runCli(
      ['template', d.rules, '--unit', '九原区', '--out', 'one.xlsx', '--json'],
      d.dir,
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ command: 'template', files: ['one.xlsx'] });
    const bad = await runCli(
      ['template', d.rules, '--unit', 'x=九原区@town', '--out', 'two.xlsx', '--lang', 'en'],
      d.dir,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('declares no unit classes');
    expect(await files()).not.toContain('two.xlsx');
  });

  it('exit 3 for a malformed rule set, listing its errors by path, nothing written', async () => {
    const rules = JSON.parse(await readFile(join(d.dir, d.rules), 'utf8')) as {
      sections: { points: unknown }[];
    };
    rules.sections[0]!.points = null;
    await writeFile(join(d.dir, 'malformed.json'), JSON.stringify(rules));
    const run = await runCli(
      ['template', 'malformed.json', '--unit', '九原区', '--out', 'malformed-out'],
      d.dir,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('规则集 malformed.json 有');
    expect(run.stderr).toContain('sections[0].points [missing-number]');
    expect(looksClean(run.stderr)).toBe(true);
    expect(await files()).not.toContain('malformed-out');
  });

  it('exit 4 when the output cannot be written, and nothing is left behind', async () => {
    await writeFile(join(d.dir, 'a-file'), 'not a folder');
    const run = await runCli(
      ['template', d.rules, '--unit', '九原区', '--out', 'a-file/sub', '--lang', 'en'],
      d.dir,
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('Cannot write a-file/sub/九原区.xlsx');
    expect(run.stderr).toContain('nothing was written');
    expect(looksClean(run.stderr)).toBe(true);
  });
});

describe.concurrent('kaohe score', () => {
  it('scores a filled workbook next to the input, never touching the input', async () => {
    await copyFile(join(d.dir, d.filled('九原区')), join(d.dir, 'jyq.xlsx'));
    const before = await bytes('jyq.xlsx');
    const run = await runCli(['score', 'jyq.xlsx', '--json'], d.dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      out: string;
      result: { total: string; complete: boolean };
    };
    expect(doc.out).toBe('jyq.scored.xlsx');
    expect(doc.result).toMatchObject({ total: expected('九原区').total, complete: true });
    expect((await bytes('jyq.xlsx')).equals(before)).toBe(true);
    expect(await files()).toContain('jyq.scored.xlsx');
  });

  it('--in-place keeps a backup first; --as review in English', async () => {
    await copyFile(join(d.dir, d.filled('固阳县')), join(d.dir, 'gyx.xlsx'));
    const before = await bytes('gyx.xlsx');
    const run = await runCli(
      ['score', 'gyx.xlsx', '--in-place', '--as', 'review', '--lang', 'en'],
      d.dir,
    );
    expect(run.code).toBe(0);
    const gyx = expected('固阳县');
    expect(run.stdout).toContain(`total ${gyx.total} / ${gyx.max} (written to the review column)`);
    expect((await bytes('gyx.bak.xlsx')).equals(before)).toBe(true);
    expect((await bytes('gyx.xlsx')).equals(before)).toBe(false);
  });

  it('exit 1 when a blank figure leaves items unscored, naming the cell', async () => {
    const run = await runCli(['score', d.filled('石拐区'), '--out', 'sgq.xlsx'], d.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('未能计分');
    expect(run.stdout).toMatch(/基础数据!E\d+/);
  });

  it('names a figure out of range at its cell, the items it leaves unscored and those short of evidence', async () => {
    // 九原区 as filled, then: 105% in the 0–100 rate policy_rate (typed into its percent cell:
    // 1.05), 7 where reform_mechanisms allows 0–6, 92 stored as a number in the percent cell of
    // highrisk_followup (shows 9200%), and the evidence of coop_meetings taken away.
    const src = new Uint8Array(await bytes(d.filled('九原区')));
    const data = (await readWorkbook(src)).sheets.find((s) => s.name === '基础数据');
    const row = (id: string): number => (data?.values.findIndex((r) => r[0] === id) ?? -2) + 1;
    const put = (id: string, col: string, value: number | string) => ({
      sheet: '基础数据',
      address: `${col}${row(id)}`,
      values: [[value]],
    });
    await writeFile(
      join(d.dir, 'ranged.xlsx'),
      await applyWrites(src, [
        put('policy_rate', 'E', 1.05),
        put('reform_mechanisms', 'E', 7),
        put('highrisk_followup', 'E', 92),
        put('coop_meetings', 'G', ''),
      ]),
    );
    const run = await runCli(['score', 'ranged.xlsx', '--out', 'ranged.out.xlsx'], d.dir);
    expect(run.code).toBe(1);
    const rate = `基础数据!E${row('policy_rate')}`;
    expect(run.stdout).toContain(`错误 ${rate}:105% 超出允许范围 0–100%`);
    expect(run.stdout).toContain(
      `错误 基础数据!E${row('reform_mechanisms')}:7个 超出允许范围 0–6个`,
    );
    expect(run.stdout).toContain(`未计分 一(二).2 符合政策生育率达到92%以上:数据有误:${rate} 105%`);
    expect(run.stdout).not.toContain('因缺数据');
    // Three leaves unscored, each by its 序号: 一(二).2 and 二(一).1 use the rate, 一(五).1 the count.
    expect(run.stdout).toContain('有 3 项未能计分(一(二).2、一(五).1、二(一).1)');
    // The total and the sections those items are in are said to be parts, not scores.
    const lineOf = (start: string) => run.stdout.split('\n').find((l) => l.startsWith(start));
    expect(lineOf('九原区:总分')).toMatch(/ \/ 150\(不完整,仅供参考\)/);
    expect(lineOf('  一(二) ')).toMatch(/ \/ 13\(不完整:1 项未计分\)$/);
    expect(lineOf('  二(一) ')).toContain('(不完整:1 项未计分)');
    expect(lineOf('  一(三) ')).not.toContain('不完整');
    const evidenceLine = run.stdout.split('\n').find((l) => l.includes('缺佐证 二(四).(7)'));
    expect(evidenceLine).toContain(`得 0 / 1,佐证材料未填(基础数据!G${row('coop_meetings')})`);
    expect(run.stdout).toContain(`基础数据!E${row('highrisk_followup')}:单元格显示为“9200%”`);
    // The scored sheet says the same at the item and marks the total.
    const scored = (await readWorkbook(new Uint8Array(await bytes('ranged.out.xlsx')))).sheets[0];
    const reasonOf = (key: string) => {
      const r = scored?.values.find((line) => line[0] === key);
      return String(r?.[8] ?? '');
    };
    expect(reasonOf('一(二).2')).toBe(`数据有误:${rate} 105% 超出允许范围 0–100%,未能计分`);
    expect(reasonOf('合计')).toContain('不完整:有 3 项未能计分');
    const en = await runCli(
      ['score', 'ranged.xlsx', '--out', 'ranged.en.xlsx', '--lang', 'en'],
      d.dir,
    );
    expect(en.stdout).toContain(`${rate}: 105% is outside the allowed range 0–100%`);
    expect(en.stdout).toContain('3 item(s) not scored (一(二).2, 一(五).1, 二(一).1)');
  });

  it('refuses --out equal to the input without --in-place', async () => {
    const run = await runCli(['score', d.filled('东河区'), '--out', d.filled('东河区')], d.dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--in-place');
  });
});

describe.concurrent(
  'unusable inputs: exit 3, a clear message, no stack trace, nothing written',
  () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const cases: [string, Buffer | string | undefined, RegExp][] = [
      ['random.xlsx', random, /random\.xlsx.*(不是 Excel|已损坏)/],
      ['text.xlsx', '单位,得分\n昆都仑区,150\n', /text\.xlsx.*不是 Excel 工作簿/],
      ['missing.xlsx', undefined, /找不到文件:bad-missing\.xlsx\/missing\.xlsx/],
    ];
    for (const [file, content, message] of cases) {
      it(`score ${file}`, async () => {
        const sub = `bad-${file}`;
        await mkdir(join(d.dir, sub));
        if (content !== undefined) await writeFile(join(d.dir, sub, file), content);
        const before = await files(sub);
        const run = await runCli(['score', join(sub, file), '--out', join(sub, 'out.xlsx')], d.dir);
        expect(run.code).toBe(3);
        expect(run.stderr).toMatch(message);
        expect(looksClean(run.stderr)).toBe(true);
        expect(run.stdout).toBe('');
        expect(await files(sub)).toEqual(before);
      });
    }
  },
);
