// Where a command's words go. With --json, stdout carries exactly one JSON document and
// human text goes nowhere but stderr; without it, stdout carries the human report.
import type { Msg } from '@kaohe/engine';
import { pick, type Lang } from '../i18n/lang.ts';
import { safeText } from './safe-text.ts';

export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only then). */
  stderrIsTTY: boolean;
  /** Where an absolute path is resolved from: what the user typed is relative to this. */
  cwd: string;
}

export interface Output {
  readonly lang: Lang;
  readonly json: boolean;
  readonly streams: Streams;
  /** A line (or lines) of the human report (stdout), controls escaped; dropped under --json. */
  line(text: string | Msg): void;
  /** A note on stderr (always, also under --json): files written, hints; controls escaped. */
  note(text: string | Msg): void;
  /** The machine-readable result: the one thing on stdout under --json. */
  result(value: unknown): void;
  /** A message in the output's language, on one line: controls (line feeds too) escaped. */
  text(msg: Msg): string;
}

export function createOutput(streams: Streams, lang: Lang, json: boolean): Output {
  const text = (msg: Msg): string => safeText(pick(msg, lang));
  const str = (t: string | Msg): string => safeText(typeof t === 'string' ? t : text(t), true);
  return {
    lang,
    json,
    streams,
    text,
    line: (t) => {
      if (!json) streams.stdout(`${str(t)}\n`);
    },
    note: (t) => streams.stderr(`${str(t)}\n`),
    result: (value) => {
      if (json) streams.stdout(`${JSON.stringify(value, null, 2)}\n`);
    },
  };
}
