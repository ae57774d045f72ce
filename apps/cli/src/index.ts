// The CLI's edge: parses argv, runs one command, and maps every outcome to an exit code here
// and nowhere else. Expected failures print one clear message (no stack trace); anything else
// is a bug (exit 70), with the stack shown only under KAOHE_DEBUG=1.
import { CommanderError } from 'commander';
import { CliError, type CliErrorCode, type CommandStatus } from './errors.ts';
import { common } from './i18n/common.ts';
import { langFromArgv } from './i18n/lang.ts';
import { translateUsage } from './i18n/usage.ts';
import { createOutput, type Output, type Streams } from './io/output.ts';
import { safeText } from './io/safe-text.ts';
import { buildProgram } from './program.ts';

export type { CliErrorCode, CommandStatus } from './errors.ts';
export { CliError } from './errors.ts';

/** Documented in README.md: the exit codes of `kaohe`. */
export const EXIT = { ok: 0, findings: 1, usage: 2, input: 3, write: 4, internal: 70 } as const;

export function exitCodeOf(outcome: CommandStatus | CliErrorCode | 'internal'): number {
  switch (outcome) {
    case 'ok':
      return EXIT.ok;
    case 'findings':
      return EXIT.findings;
    case 'usage':
      return EXIT.usage;
    case 'input-missing':
    case 'input-unreadable':
    case 'input-corrupt':
    case 'input-invalid':
    case 'wrong-rule-set':
      return EXIT.input;
    case 'write-failed':
      return EXIT.write;
    case 'internal':
      return EXIT.internal;
  }
}

/** `pnpm kaohe` runs in the repo root; paths the user typed are relative to where they typed them. */
function userCwd(): string {
  const viaScript =
    process.env.npm_lifecycle_event === 'kaohe' || process.env.npm_lifecycle_event === 'demo';
  return viaScript && process.env.INIT_CWD ? process.env.INIT_CWD : process.cwd();
}

export function processStreams(): Streams {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    cwd: userCwd(),
  };
}

function fail(
  out: Output,
  error: CliError | 'internal',
  message: string,
  exitCode: number,
): number {
  const code = error === 'internal' ? 'internal' : error.code;
  const msg = error === 'internal' ? common.internal(message) : error.msg;
  const details = error === 'internal' ? [] : error.details;
  out.note(`kaohe: ${out.text(msg)}`);
  for (const d of details) {
    const text = out.text(d.message);
    // The place once: not in front of a message that already opens with it.
    out.note(
      d.where && !text.startsWith(d.where)
        ? `  ${safeText(d.where)} [${d.code}] ${text}`
        : d.where
          ? `  [${d.code}] ${text}`
          : `  ${text}`,
    );
  }
  out.result({ ok: false, error: { code, exitCode, message: msg, details } });
  return exitCode;
}

export async function main(
  argv: readonly string[],
  streams: Streams = processStreams(),
): Promise<number> {
  const lang = langFromArgv(argv);
  const out = createOutput(streams, lang, argv.includes('--json'));
  let status: CommandStatus = 'ok';
  try {
    await buildProgram(streams, lang, (s) => (status = s)).parseAsync([...argv], { from: 'user' });
    return exitCodeOf(status);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return EXIT.ok;
      const detail =
        e.code === 'commander.help' ? common.noCommand : translateUsage(e.code, e.message);
      const command =
        e.code === 'commander.unknownCommand' ? undefined : argv.find((a) => !a.startsWith('-'));
      const usage = new CliError('usage', common.usage(detail), [
        { code: e.code, where: 'argv', message: common.seeHelp(command ? `${command} ` : '') },
      ]);
      return fail(out, usage, detail.en, exitCodeOf('usage'));
    }
    if (e instanceof CliError) return fail(out, e, e.message, exitCodeOf(e.code));
    if (process.env.KAOHE_DEBUG === '1' && e instanceof Error) out.note(e.stack ?? e.message);
    return fail(
      out,
      'internal',
      e instanceof Error ? e.message : String(e),
      exitCodeOf('internal'),
    );
  }
}
