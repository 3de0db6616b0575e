/**
 * The worker side of a parallel Parquet read: decodes one part (a file of some of the row groups,
 * built by parquet-footer.ts) with the worker's own parquet-wasm instance. Its columns are allocated
 * with `alloc()` (SharedArrayBuffer when large), so they reach the main thread without a copy.
 * @module
 */
import type { Column } from '../frame/column.js';
import { decodeParquet } from './parquet-decode.js';

/**
 * The columns of a Parquet file in memory (run in a worker by `readParquet`).
 * @example
 * decodeParquetPart(partBytes).length // number of columns
 */
export function decodeParquetPart(bytes: Uint8Array): Column[] {
  return decodeParquet(bytes).cols;
}
