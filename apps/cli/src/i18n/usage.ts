// Commander's own words in zh-CN: the help titles and option notes, and its usage errors
// (commander writes them in English; `translateUsage` turns each by its code and quoted parts).
import type { Msg } from '@kaohe/engine';

export const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法:',
  'Arguments:': '参数:',
  'Options:': '选项:',
  'Commands:': '命令:',
  'Global Options:': '全局选项:',
};

/** `[options]` and `[command]` in a usage line. */
export function usageWords(text: string): string {
  return text.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]');
}

/** An option's notes in its help line: its choices and its default. */
export function optionNotes(choices: readonly string[] | undefined, dflt: unknown): string {
  const notes: string[] = [];
  if (choices) notes.push(`可选:${choices.join('、')}`);
  if (typeof dflt === 'string' || typeof dflt === 'number') notes.push(`默认:${dflt}`);
  else if (dflt !== undefined && typeof dflt !== 'boolean')
    notes.push(`默认:${JSON.stringify(dflt)}`);
  return notes.length ? `(${notes.join(';')})` : '';
}

const quoted = (message: string): string[] =>
  [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');

/**
 * A commander error as the CLI's message, by its code. The English stays commander's own text
 * (without its "error: " prefix); the Chinese names the same option, argument or command.
 */
export function translateUsage(code: string, message: string): Msg {
  const en = message.replace(/^error: /, '').trim();
  const q = quoted(en);
  const suggestion = /\(Did you mean (.+?)\?\)/.exec(en)?.[1];
  const hint = suggestion ? `(是不是要用 ${suggestion}?)` : '';
  switch (code) {
    case 'commander.unknownOption':
      return { zh: `未知选项 ${q[0] ?? ''}${hint}`, en };
    case 'commander.unknownCommand':
      return { zh: `未知命令 ${q[0] ?? ''}${hint}`, en };
    case 'commander.missingArgument':
      return { zh: `缺少参数 <${q[0] ?? ''}>`, en };
    case 'commander.missingMandatoryOptionValue':
      return { zh: `缺少必需的选项 ${q[0] ?? ''}`, en };
    case 'commander.optionMissingArgument':
      return { zh: `选项 ${q[0] ?? ''} 缺少取值`, en };
    case 'commander.invalidArgument': {
      const allowed = /Allowed choices are (.+)\.$/.exec(en)?.[1];
      return {
        zh: `选项 ${q[0] ?? ''} 的取值“${q[1] ?? ''}”无效${allowed ? `,可选:${allowed.split(', ').join('、')}` : ''}`,
        en,
      };
    }
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(en);
      return {
        zh: m ? `参数过多:${q[0] ?? 'kaohe'} 需要 ${m[1]} 个参数,实际给了 ${m[2]} 个` : '参数过多',
        en,
      };
    }
    case 'commander.conflictingOption':
      return { zh: `选项 ${q[0] ?? ''} 与 ${q[1] ?? ''} 不能同时使用`, en };
    default:
      return { zh: `命令行有误:${en}`, en };
  }
}
