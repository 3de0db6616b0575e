/**
 * Reading whole files with clear errors (missing file, a directory, no permission) and progress.
 * @module
 */
import { readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { ParseError } from '../errors.js';
import type { ProgressCallback } from './progress.js';

/** A Node system error (has a `code` such as 'ENOENT'). */
function isErrno(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/**
 * Turns a file-system error into a ParseError that names the file and what went wrong.
 * @example
 * try { await open(p) } catch (e) { throw fileError(e, p) }
 */
export function fileError(e: unknown, path: string): Error {
  if (!isErrno(e)) return e instanceof Error ? e : new ParseError(String(e));
  switch (e.code) {
    case 'ENOENT': return new ParseError(`File not found: '${path}'`);
    case 'EISDIR': return new ParseError(`'${path}' is a directory, not a file`);
    case 'EACCES': case 'EPERM': return new ParseError(`Permission denied reading '${path}'`);
    default: return new ParseError(`Cannot read '${path}': ${e.message}`);
  }
}

/** Bytes read per call while reading a whole file with progress. */
const READ_STEP = 16 << 20;

/**
 * Reads a whole file into memory, calling `onProgress(bytesRead, total)` as it goes. Files of at
 * least `sharedFrom` bytes are read into shared memory (so workers can read them without a copy).
 * `into(size)`, when given, provides the array to read into (of exactly `size` bytes).
 * @example
 * const bytes = await readFileBytes('data.csv', (r, t) => console.log(r / t));
 */
export async function readFileBytes(path: string, onProgress?: ProgressCallback, sharedFrom = Infinity, into?: (size: number) => Uint8Array): Promise<Uint8Array> {
  let fh;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (st.size > 0x7fffffff) throw new ParseError(`'${path}' is ${st.size} bytes, over the 2 GiB a single read can hold (for CSV use readCsvChunks)`);
    fh = await open(path, 'r');
    const total = st.size;
    const out = into ? into(total) : new Uint8Array(total >= sharedFrom ? new SharedArrayBuffer(total) : new ArrayBuffer(total));
    let pos = 0;
    onProgress?.(0, total);
    while (pos < total) {
      const { bytesRead } = await fh.read(out, pos, Math.min(READ_STEP, total - pos), pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      onProgress?.(pos, total);
    }
    return pos === total ? out : out.subarray(0, pos);
  } catch (e) {
    if (e instanceof ParseError) throw e;
    throw fileError(e, path);
  } finally {
    await fh?.close();
  }
}

/**
 * Reads `len` bytes at file position `pos` into `dst[at..)`, synchronously (positioned reads: several
 * threads may read one descriptor at once). A file shorter than expected is a ParseError.
 * @example
 * readFully(fd, buf, 0, 4096, 0);
 */
export function readFully(fd: number, dst: Uint8Array, at: number, len: number, pos: number): void {
  for (let done = 0; done < len; ) {
    const n = readSync(fd, dst, at + done, len - done, pos + done);
    if (n === 0) throw new ParseError(`unexpected end of file at byte ${pos + done}`);
    done += n;
  }
}
