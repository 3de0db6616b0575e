/**
 * One reusable shared buffer for whole-file reads whose bytes are parsed and then dropped (readCsv).
 * Memory the process touches for the first time is slow to fault in, and in a virtual machine often
 * very slow (measured on the bench machine: a 41 MB read took 14 ms into reused memory and 14-160 ms
 * into fresh memory); reading one file after another into the same memory avoids that. Nothing a
 * reader returns may refer to these bytes (the CSV readers copy every value out). The buffer is
 * dropped after a few idle seconds, and only files up to `MAX_KEEP` bytes keep it.
 * @module
 */

/** Largest buffer kept between reads. */
const MAX_KEEP = 512 << 20;
/** Idle time after which the kept buffer is dropped, ms. */
const KEEP_MS = 5000;

let kept: SharedArrayBuffer | null = null;
let busy = false;
let timer: ReturnType<typeof setTimeout> | null = null;

/**
 * Runs `use` with a provider of shared byte arrays for one file read: the kept buffer when it is free
 * and large enough, else a new one (kept afterwards when small enough). `use` must not let the bytes
 * escape: the next read overwrites them.
 * @example
 * const df = await withReadBuffer(async (into) => parse(await readFileBytes(path, undefined, 0, into)));
 */
export async function withReadBuffer<T>(use: (into: (size: number) => Uint8Array) => Promise<T>): Promise<T> {
  if (busy) return use((size) => new Uint8Array(new SharedArrayBuffer(size)));
  busy = true;
  if (timer !== null) clearTimeout(timer);
  try {
    return await use((size) => {
      if (kept === null || kept.byteLength < size) kept = size <= MAX_KEEP ? new SharedArrayBuffer(size) : null;
      return kept ? new Uint8Array(kept, 0, size) : new Uint8Array(new SharedArrayBuffer(size));
    });
  } finally {
    busy = false;
    timer = setTimeout(() => (kept = null), KEEP_MS);
    timer.unref();
  }
}
