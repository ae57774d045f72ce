// Each command's options schema names exactly the options the command tree defines: every option
// given (a flag true, a value its first choice or a text, a repeatable one a list) is taken, and
// an option the schema does not name is an error, never dropped unseen.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { OPTIONS, optionsOf } from './options.ts';
import { buildProgram } from './program.ts';

const SCHEMAS: Record<string, keyof typeof OPTIONS> = {
  template: 'template',
  score: 'score',
  review: 'review',
  combine: 'combine',
  rollup: 'rollup',
  demo: 'demo',
  'keys new': 'keysNew',
  publish: 'publish',
  verify: 'trust',
  'roster check': 'rosterCheck',
  'trust add': 'trust',
  'trust list': 'trust',
  'trust revoke': 'trustRevoke',
};

/** Every option of the command given, as commander would hand it over. */
function allGiven(command: Command): Record<string, unknown> {
  return Object.fromEntries(
    command.options.map((o) => {
      const value = o.isBoolean()
        ? true
        : o.argChoices
          ? o.argChoices[0]
          : o.parseArg
            ? ['x.json']
            : 'x.json';
      return [o.attributeName(), value];
    }),
  );
}

const program = buildProgram(
  { stdout: () => undefined, stderr: () => undefined, stderrIsTTY: false, cwd: process.cwd() },
  'en',
  () => undefined,
);
const commands = (c: Command, prefix = ''): [string, Command][] =>
  c.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`;
    return sub.commands.length > 0 ? commands(sub, `${name} `) : [[name, sub]];
  });

describe('the commands’ options', () => {
  it('each schema takes every option its command defines', () => {
    for (const [name, command] of commands(program)) {
      const key = SCHEMAS[name];
      if (!key) continue;
      const given = allGiven(command);
      const { json: _json, lang: _lang, ...own } = given;
      expect(optionsOf(OPTIONS[key] as never, given), name).toEqual(own);
    }
  });

  it('each command with options has its schema (validate and diff take none of their own)', () => {
    const named = commands(program)
      .filter(([, c]) => c.options.some((o) => !['json', 'lang'].includes(o.attributeName())))
      .map(([n]) => n);
    expect(named.filter((n) => !(n in SCHEMAS))).toEqual([]);
  });

  it('refuses an option the schema does not name', () => {
    expect(() => optionsOf(OPTIONS.demo, { out: 'x', cascade: true, other: true })).toThrow(
      /command tree/,
    );
  });
});
