/**
 * A progress bar on stderr for long reads (only on a terminal, and only for files large enough to
 * take a moment), built on cli-progress.
 * @module
 */
import { stat } from 'node:fs/promises';
import cliProgress from 'cli-progress';
import type { Progress } from './load.js';

/** Bytes under which no bar is drawn. */
const MIN_BYTES = 16 * 1024 * 1024;

/**
 * A progress callback drawing a bar, and a function to finish it; no bar when stderr is not a TTY.
 * @example
 * const { onProgress, done } = await progressFor('big.csv'); await readCsv('big.csv', { onProgress }); done();
 */
export async function progressFor(path: string, force = false): Promise<{ onProgress?: Progress; done: () => void }> {
  let size = 0;
  try {
    size = (await stat(path)).size;
  } catch {
    return { done: () => undefined };
  }
  if (!force && (!process.stderr.isTTY || size < MIN_BYTES)) return { done: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: ' {bar} {percentage}% | {value}/{total} MiB | ETA {eta}s', stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const mib = (b: number): number => Math.round(b / 1048576);
  bar.start(mib(size), 0);
  return {
    onProgress: (done: number, total: number) => {
      bar.setTotal(mib(total));
      bar.update(mib(done));
    },
    done: () => bar.stop(),
  };
}
