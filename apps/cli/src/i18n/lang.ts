import type { Msg } from '@kaohe/engine';

/** Interface language: Chinese (zh-CN) by default, English on request. */
export type Lang = 'zh' | 'en';

export const LANGS: readonly string[] = ['zh', 'zh-CN', 'en'];

export function toLang(value: string | undefined): Lang {
  return value === 'en' ? 'en' : 'zh';
}

/** Picks the language before commander runs, so even `--help` speaks it. */
export function langFromArgv(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang') return toLang(argv[i + 1]);
    if (arg?.startsWith('--lang=')) return toLang(arg.slice('--lang='.length));
  }
  return 'zh';
}

export function pick(msg: Msg, lang: Lang): string {
  return lang === 'en' ? msg.en : msg.zh;
}
