/**
 * Buffer allocation. New column buffers above a small size live on SharedArrayBuffer so a worker
 * thread can read them without a copy (src/parallel); Arrow `makeData` accepts such views.
 * @module
 */

type Ctor<T> = { new (buffer: ArrayBufferLike, byteOffset?: number, length?: number): T; BYTES_PER_ELEMENT: number };

/** Below this many bytes a plain ArrayBuffer is cheaper than a shared one. */
const SHARED_MIN_BYTES = 1 << 16;

/**
 * Allocates a zeroed typed array of `n` elements, shared when large.
 * @example
 * const out = alloc(Float64Array, 1_000_000); // Float64Array over a SharedArrayBuffer
 */
export function alloc<T>(ctor: Ctor<T>, n: number): T {
  const bytes = n * ctor.BYTES_PER_ELEMENT;
  const buf = bytes >= SHARED_MIN_BYTES ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  return new ctor(buf, 0, n);
}
