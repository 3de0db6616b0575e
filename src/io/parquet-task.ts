/**
 * The worker side of a parallel Parquet read: decodes one part (a file of some of the row groups,
 * built by parquet-footer.ts) with the worker's own parquet-wasm instance. Its columns are allocated
 * with `alloc()` (SharedArrayBuffer when large), so they reach the main thread without a copy.
 * @module
 */
import type { Column } from '../frame/column.js';
import { decodeParquet } from './parquet-decode.js';
import type { ColumnTargets } from './parquet-ffi.js';

/**
 * The columns of a Parquet file in memory (run in a worker by `readParquet`); fixed-width columns are
 * copied into the shared `targets` the main thread allocated for the whole column.
 * @example
 * decodeParquetPart(partBytes).length // number of columns
 */
export function decodeParquetPart(bytes: Uint8Array, targets?: ColumnTargets): { cols: Column[]; inTarget: boolean[] } {
  const cols = decodeParquet(bytes, 'input', targets).cols;
  // Whether a column's values went into its target (told here: shared buffers lose their identity on the way back).
  return { cols, inTarget: cols.map((c, i) => c.values.buffer === targets?.values[i]?.buffer) };
}
