/**
 * The shape of every CPU distance kernel: a pure function over row-major Float64Arrays that fills
 * rows [r0, r1) of `out` (m x n, row-major) with distances between rows of X (m x d) and Y (n x d).
 * Pure and range-based so a worker can run it on a block of rows over shared memory.
 * @module
 */

/** Fills out[i*n + j] for i in [r0, r1), j in [0, n). */
export type DistanceKernel = (X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number) => void;

/** Metric names `cdist`/`pdist` accept (scipy's names). */
export type Metric = 'euclidean' | 'sqeuclidean' | 'cityblock' | 'cosine' | 'chebyshev' | 'minkowski';

/** All metric names, for messages and validation. */
export const METRICS: readonly Metric[] = ['euclidean', 'sqeuclidean', 'cityblock', 'cosine', 'chebyshev', 'minkowski'];
