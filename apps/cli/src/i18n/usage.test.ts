// Commander's own words in the CLI's languages: help and usage errors, zh-CN by default.
import { describe, expect, it } from 'vitest';
import { main } from '../index.ts';
import type { Streams } from '../io/output.ts';

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const streams: Streams = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    stderrIsTTY: false,
    cwd: process.cwd(),
  };
  const code = await main(argv, streams);
  return { code, out, err };
}

/** Commander's English, none of which may show in the Chinese interface. */
const ENGLISH =
  /Usage:|Options:|Commands:|Arguments:|\[options\]|choices:|default:|unknown option|missing required|not specified|too many arguments|argument missing|is invalid|Did you mean/;

describe('help in Chinese', () => {
  it('kaohe --help: titles, [选项] and [命令] in Chinese, columns aligned', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('用法: kaohe [选项] [命令]');
    expect(r.out).toContain('\n选项:\n');
    expect(r.out).toContain('\n命令:\n');
    expect(r.out).not.toMatch(ENGLISH);
    // Descriptions start in one column although the terms hold Chinese ([选项] is 6 cells wide).
    const starts = r.out
      .split('\n')
      .filter((l) => /^ {2}(validate|score|demo|help)/.test(l))
      .map(
        (l) =>
          l.search(/ {2}\S/) +
          2 +
          (l.slice(0, l.search(/ {2}\S/)).match(/[选项命令]/g)?.length ?? 0),
      );
    expect(new Set(starts).size).toBe(1);
  });

  it('kaohe score --help: arguments and the choices and default of each option in Chinese', async () => {
    const r = await run(['score', '--help']);
    expect(r.out).toContain('用法: kaohe score [选项] <filled.xlsx>');
    expect(r.out).toContain('参数:');
    expect(r.out).toContain('(可选:self、review、final;默认:self)');
    expect(r.out).toContain('--force');
    expect(r.out).not.toMatch(ENGLISH);
  });

  it('--lang en: commander’s English', async () => {
    const r = await run(['score', '--help', '--lang', 'en']);
    expect(r.out).toContain('Usage: kaohe score [options] <filled.xlsx>');
    expect(r.out).toMatch(/choices:\s+"self", "review", "final", default: "self"/);
  });
});

describe('usage errors in Chinese', () => {
  const cases: [string[], string][] = [
    [['validate', '--bogus', 'x'], '用法错误:未知选项 --bogus'],
    [['validate', 'x', '--jsn'], '用法错误:未知选项 --jsn(是不是要用 --json?)'],
    [['scroe'], '用法错误:未知命令 scroe(是不是要用 score?)'],
    [['score'], '用法错误:缺少参数 <filled.xlsx>'],
    [['template', 'x.json', '--unit', 'a'], '用法错误:缺少必需的选项 --out <path>'],
    [['score', 'x.xlsx', '--as'], '用法错误:选项 --as <stage> 缺少取值'],
    [
      ['score', 'x.xlsx', '--as', 'bad'],
      '用法错误:选项 --as <stage> 的取值“bad”无效,可选:self、review、final',
    ],
    [['validate', 'a', 'b'], '用法错误:参数过多:validate 需要 1 个参数,实际给了 2 个'],
  ];
  for (const [argv, message] of cases)
    it(`kaohe ${argv.join(' ')}`, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`kaohe: ${message}\n`);
      expect(r.err).not.toMatch(ENGLISH);
    });

  it('--lang en keeps commander’s English, --json the same message in both', async () => {
    const en = await run(['score', 'x.xlsx', '--as', 'bad', '--lang', 'en']);
    expect(en.err).toContain(
      "Usage error: option '--as <stage>' argument 'bad' is invalid. Allowed choices are self, review, final.",
    );
    const json = await run(['validate', '--bogus', 'x', '--json']);
    expect(JSON.parse(json.out)).toMatchObject({
      error: {
        code: 'usage',
        message: { zh: '用法错误:未知选项 --bogus', en: "Usage error: unknown option '--bogus'" },
      },
    });
  });
});
