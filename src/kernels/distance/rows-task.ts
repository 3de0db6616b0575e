/**
 * A row-block entry point for worker threads: fills rows [r0, r1) of a shared m x n output from
 * shared X and Y buffers, with only plain data as arguments (no closures), so the worker pool
 * (src/parallel) can split a large cdist into row blocks: `{ module: <this file>, name: 'cdistRows' }`.
 * Each block recomputes the row norms it needs (O((m + n)·d), small next to the block's work).
 * @module
 */
import { makeKernel, normsFor, checkMetric } from './kernels.js';

/** Arguments of one row block (Float64Arrays over SharedArrayBuffers when run in workers). */
export interface RowsTask {
  X: Float64Array;
  Y: Float64Array;
  /** Rows of X and Y, and features. */
  m: number;
  n: number;
  d: number;
  out: Float64Array;
  metric: string;
  p: number;
  r0: number;
  r1: number;
}

/**
 * Computes rows [r0, r1) of cdist(X, Y) into `out` (m x n, row-major); returns the rows done.
 * @example
 * cdistRows({ X, Y, m, n, d, out, metric: 'cityblock', p: 2, r0: 0, r1: m / 2 }); // m / 2
 */
export function cdistRows(t: RowsTask): number {
  const metric = checkMetric(t.metric);
  const Xm = { data: t.X, rows: t.m, cols: t.d };
  const Ym = { data: t.Y, rows: t.n, cols: t.d };
  const nx = normsFor(metric, Xm);
  const ny = t.X === t.Y ? nx : normsFor(metric, Ym);
  makeKernel(metric, t.p, t.d, nx, ny)(t.X, t.Y, t.d, t.n, t.out, t.r0, t.r1);
  return t.r1 - t.r0;
}

/** The numbers every cdist block gets (runBlocks' `params`). */
export interface CdistBlockParams {
  m: number;
  n: number;
  d: number;
  metric: string;
  p: number;
}

/**
 * The `runBlocks` form of `cdistRows`: `inputs` holds the shared X, Y and out, `block` the rows.
 * @example
 * await runBlocks({ module: rowsTaskUrl, name: 'cdistBlock' }, { X, Y, out }, m, { params: { m, n, d, metric: 'euclidean', p: 2 } });
 */
export function cdistBlock(inputs: { X: Float64Array; Y: Float64Array; out: Float64Array }, block: { start: number; end: number }, params: CdistBlockParams): number {
  return cdistRows({ ...params, X: inputs.X, Y: inputs.Y, out: inputs.out, r0: block.start, r1: block.end });
}
