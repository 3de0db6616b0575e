/**
 * Reading a CSV file's chunks where they are parsed: with a file job (ChunkJob.file), the thread
 * that claims chunk k reads the chunk's bytes itself (positioned reads on the shared file descriptor,
 * into the shared buffer), so the file is read by all parsing threads at once instead of by the
 * calling thread before any parsing starts. Chunk bounds are then plain byte offsets: chunk k holds
 * the rows that start in [bounds[k], bounds[k+1]), found from the line feed before its first row, and
 * its last row is read on to its line feed (bytes another thread also writes, with the same values).
 * A row start found inside a quoted field that spans lines is caught by the caller (the next chunk
 * does not start where this one ended, and is parsed again once the whole file is in memory).
 * @module
 */
import { readFully } from './file-errors.js';
import type { ChunkJob } from './csv-parallel-types.js';

/** Bytes read at a time past a chunk's end while looking for its last row's line feed. */
const TAIL_STEP = 64 << 10;

/**
 * Reads file bytes [from, to) into buf[from, to) (positions are the same in the file and the buffer).
 * @example
 * readRange(fd, buf, 0, 1 << 20);
 */
export function readRange(fd: number, buf: Uint8Array, from: number, to: number): void {
  if (from < to) readFully(fd, buf, from, to - from, from);
}

/**
 * Reads chunk k of a file job and finds its rows: `from` (the first row start at or after bounds[k])
 * and `limit` (just past the line feed that ends the last row starting before bounds[k+1]); null when
 * no row starts in the chunk.
 * @example
 * const at = loadChunk(job, k); if (at) parseChunk(job, na, k, at.from, at.limit);
 */
export function loadChunk(job: ChunkJob, k: number): { from: number; limit: number } | null {
  const file = job.file;
  if (!file) throw new Error('loadChunk needs a file job');
  const { buf, bounds } = job;
  const size = buf.length;
  const lo = Math.max(file.head, k === 0 ? bounds[0] : bounds[k] - 1);
  const hi = bounds[k + 1];
  readRange(file.fd, buf, lo, hi);
  Atomics.store(file.done, k, 1);
  let from = bounds[k];
  if (k > 0) {
    const lf = buf.subarray(bounds[k] - 1, hi).indexOf(10);
    if (lf < 0) return null;
    from = bounds[k] + lf;
    if (from >= hi) return null;
  }
  if (hi >= size || buf[hi - 1] === 10) return { from, limit: hi };
  let end = hi;
  for (;;) {
    const next = Math.min(size, end + TAIL_STEP);
    readRange(file.fd, buf, Math.max(end, file.head), next);
    const lf = buf.subarray(end, next).indexOf(10);
    if (lf >= 0) return { from, limit: end + lf + 1 };
    if (next >= size) return { from, limit: size };
    end = next;
  }
}

/**
 * Reads every chunk of a file job that no thread has read (a failed worker), so that the whole file
 * is in the buffer.
 * @example
 * loadMissing(job); // before re-parsing any chunk from another start
 */
export function loadMissing(job: ChunkJob): void {
  const file = job.file;
  if (!file) return;
  for (let k = 0; k + 1 < job.bounds.length; k++) {
    if (Atomics.load(file.done, k) === 1) continue;
    readRange(file.fd, job.buf, Math.max(file.head, k === 0 ? job.bounds[0] : job.bounds[k] - 1), job.bounds[k + 1]);
    Atomics.store(file.done, k, 1);
  }
}

/**
 * `count` chunk bounds over [start, end) at even byte offsets (no line feeds needed: see loadChunk).
 * @example
 * evenBounds(10, 110, 4) // [10, 35, 60, 85, 110]
 */
export function evenBounds(start: number, end: number, count: number): number[] {
  const b = [start];
  for (let i = 1; i < count; i++) b.push(start + Math.floor(((end - start) * i) / count));
  b.push(end);
  return b;
}
