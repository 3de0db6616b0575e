/**
 * The worker side of a parallel Parquet read: reads one part (the chunks of some row groups, planned by
 * parquet-footer.ts `subsetFile`) from the file itself and decodes it with the worker's own parquet-wasm
 * instance. Fixed-width columns are copied into the shared buffers the main thread allocated for the
 * whole column; the others are allocated with `alloc()` (shared when large), so nothing is copied on
 * the way back.
 * @module
 */
import { closeSync, openSync } from 'node:fs';
import { readFully } from './file-errors.js';
import type { Column } from '../frame/column.js';
import { decodeParquet, releaseScratch, takeScratch } from './parquet-decode.js';
import type { ColumnTargets } from './parquet-ffi.js';
import { materialize, type SubsetPlan } from './parquet-footer.js';

/** A part to read: the file and the plan of the part. */
export interface PartSource {
  path: string;
  plan: SubsetPlan;
}

function readPlan(src: PartSource): Uint8Array {
  const fd = openSync(src.path, 'r');
  try {
    return materialize(src.plan, (dst, at, r) => readFully(fd, dst, at, r.length, r.start), takeScratch(src.plan.size));
  } finally {
    closeSync(fd);
  }
}

/**
 * The columns of a Parquet part (run in a worker by `readParquet`), and which of them went into their
 * targets (told here: shared buffers lose their identity on the way back).
 * @example
 * decodeParquetPart(partBytes).cols.length // number of columns
 */
export function decodeParquetPart(source: Uint8Array | PartSource, targets?: ColumnTargets): { cols: Column[]; inTarget: boolean[] } {
  const bytes = source instanceof Uint8Array ? source : readPlan(source);
  let cols: Column[];
  try {
    cols = decodeParquet(bytes, 'input', targets).cols;
  } finally {
    if (!(source instanceof Uint8Array)) releaseScratch(bytes);
  }
  return { cols, inTarget: cols.map((c, i) => c.values.buffer === targets?.values[i]?.buffer) };
}
