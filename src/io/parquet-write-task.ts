/**
 * The worker side of a parallel Parquet write: encodes rows [start, end) of the columns as a Parquet
 * file of its own, with the worker's parquet-wasm instance and the main thread's encoding plan; the
 * main thread joins it after its own part (parquet-footer.ts `joinFiles`).
 * @module
 */
import type { Column } from '../frame/column.js';
import { encodeRows, type WritePlan } from './parquet-write.js';

/**
 * Parquet bytes of rows [start, end) (run in a worker by `toParquet`).
 * @example
 * encodeParquetPart(['a'], [col], [], plan, 0, col.length)
 */
export function encodeParquetPart(names: string[], cols: Column[], indexNames: string[], plan: WritePlan, start: number, end: number): Uint8Array {
  return encodeRows(names, cols, indexNames, plan, [start, end]);
}
