// A progress bar on stderr, only when a person is watching (a terminal) and not under --json.
import { Presets, SingleBar } from 'cli-progress';
import type { Output } from './output.ts';
import { safeText } from './safe-text.ts';

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

const silent: Progress = { tick: () => undefined, stop: () => undefined };

export function startProgress(out: Output, total: number, verb: string): Progress {
  if (!out.streams.stderrIsTTY || out.json || total < 2) return silent;
  const bar = new SingleBar(
    {
      stream: process.stderr,
      format: `${verb} {bar} {value}/{total} {file}`,
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  return {
    tick: (label) => bar.increment(1, { file: safeText(label) }),
    stop: () => bar.stop(),
  };
}
