// The expected ways a command can fail, as one typed error. `src/index.ts` maps each code to an
// exit code and prints the message once; nothing else in the CLI decides an exit code.
import type { Msg } from '@kaohe/engine';

export type CliErrorCode =
  /** Bad arguments or options (exit 2). */
  | 'usage'
  /** An input file does not exist (exit 3). */
  | 'input-missing'
  /** An input exists but cannot be read: a directory, no permission, an I/O error (exit 3). */
  | 'input-unreadable'
  /** An input is not what it claims: bad JSON, not a workbook, not a Kaohe sheet (exit 3). */
  | 'input-corrupt'
  /** A rule set given to a command other than `validate` fails validation (exit 3). */
  | 'input-invalid'
  /** A workbook belongs to another rule set than the one given (exit 3). */
  | 'wrong-rule-set'
  /** An output could not be written (exit 4). */
  | 'write-failed';

/** One line of detail under an error: a rule path or a cell address, and what is wrong there. */
export interface ErrorDetail {
  code: string;
  /** Rule-set path, cell address ("基础数据!E7") or file name. */
  where: string;
  message: Msg;
}

export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: CliErrorCode,
    readonly msg: Msg,
    readonly details: readonly ErrorDetail[] = [],
  ) {
    super(msg.en);
  }
}

/** What a command that ran to the end reports: all clear, or findings (issues, differences). */
export type CommandStatus = 'ok' | 'findings';
