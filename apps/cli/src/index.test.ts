import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeOf, main } from './index.ts';
import type { Streams } from './io/output.ts';

function capture(): { streams: Streams; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    streams: {
      stdout: (t) => (out += t),
      stderr: (t) => (err += t),
      stderrIsTTY: false,
      cwd: process.cwd(),
    },
    out: () => out,
    err: () => err,
  };
}

describe('exitCodeOf', () => {
  it('maps every outcome to its documented exit code', () => {
    expect(exitCodeOf('ok')).toBe(0);
    expect(exitCodeOf('findings')).toBe(1);
    expect(exitCodeOf('usage')).toBe(2);
    for (const code of [
      'input-missing',
      'input-unreadable',
      'input-corrupt',
      'input-invalid',
      'wrong-rule-set',
    ] as const) {
      expect(exitCodeOf(code)).toBe(3);
    }
    expect(exitCodeOf('write-failed')).toBe(4);
    expect(exitCodeOf('internal')).toBe(EXIT.internal);
  });
});

describe('main', () => {
  it('--help prints the commands in the chosen language and exits 0', async () => {
    const zh = capture();
    expect(await main(['--help'], zh.streams)).toBe(0);
    expect(zh.out()).toContain('校验规则集');
    expect(zh.out()).toContain('显示帮助');
    const en = capture();
    expect(await main(['validate', '--help', '--lang', 'en'], en.streams)).toBe(0);
    expect(en.out()).toContain('rule set JSON file');
  });

  it('a usage error under --json is one JSON document on stdout, the message on stderr', async () => {
    const io = capture();
    expect(await main(['validate', '--json'], io.streams)).toBe(2);
    expect(JSON.parse(io.out())).toMatchObject({
      ok: false,
      error: { code: 'usage', exitCode: 2 },
    });
    expect(io.err()).toContain('用法错误');
  });

  it('no command: help on stderr, usage exit 2; --version prints the package version', async () => {
    const none = capture();
    expect(await main([], none.streams)).toBe(2);
    expect(none.err()).toContain('请指定一个命令');
    const v = capture();
    expect(await main(['--version'], v.streams)).toBe(0);
    expect(v.out().trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects an unknown --lang', async () => {
    const io = capture();
    expect(await main(['validate', 'x.json', '--lang', 'fr'], io.streams)).toBe(2);
  });
});
