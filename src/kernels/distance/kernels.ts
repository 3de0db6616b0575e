/**
 * Metric name -> CPU kernel, choosing the direct or the Gram form for Euclidean distances by the
 * number of features (the Gram form's blocked product wins from about 16 features here).
 * @module
 */
import { suggest, ValueError } from '../../errors.js';
import type { Mat } from '../array.js';
import { euclideanDirect, rowSquaredNorms, sqeuclideanDirect } from './euclidean.js';
import { euclideanGram } from './gram.js';
import { chebyshevKernel, cityblockKernel, minkowskiKernel } from './minkowski.js';
import { cosineKernel, rowNorms } from './cosine.js';
import { METRICS, type DistanceKernel, type Metric } from './types.js';
import { smallKernel } from './wasm-small.js';

/** From this many features on, Euclidean distances use the Gram form. */
export const GRAM_MIN_FEATURES = 16;

/**
 * Checks a metric name, suggesting near names.
 * @example
 * checkMetric('euclidian') // throws: Unknown metric 'euclidian'. Did you mean 'euclidean'?
 */
export function checkMetric(metric: string): Metric {
  if ((METRICS as readonly string[]).includes(metric)) return metric as Metric;
  const near = suggest(metric, METRICS);
  throw new ValueError(`Unknown metric '${metric}'.${near.length ? ` Did you mean '${near[0]}'?` : ''} Available: ${METRICS.join(', ')}`);
}

/**
 * Row norms a metric needs: squared norms for the Gram form, norms for cosine, none otherwise.
 * @example
 * normsFor('cityblock', X) // null
 */
export function normsFor(metric: Metric, M: Mat): Float64Array | null {
  if ((metric === 'euclidean' || metric === 'sqeuclidean') && M.cols >= GRAM_MIN_FEATURES) return rowSquaredNorms(M.data, M.rows, M.cols);
  if (metric === 'cosine') return rowNorms(M.data, M.rows, M.cols);
  return null;
}

/**
 * The kernel for a metric, given the row norms `normsFor` gave for X (nx, indexed by X row) and
 * Y (ny, indexed by Y row; a subarray when Y is a slice of rows, as in pdist).
 * @example
 * makeKernel('cityblock', 2, 3, null, null)(X, Y, 3, n, out, 0, m);
 */
export function makeKernel(metric: Metric, p: number, d: number, nx: Float64Array | null, ny: Float64Array | null): DistanceKernel {
  switch (metric) {
    case 'euclidean':
    case 'sqeuclidean': {
      const root = metric === 'euclidean';
      if (d >= GRAM_MIN_FEATURES && nx && ny) return (A, B, dd, n, out, r0, r1) => euclideanGram(A, B, dd, n, out, r0, r1, nx, ny, root);
      return smallKernel(metric, d) ?? (root ? euclideanDirect : sqeuclideanDirect);
    }
    case 'cityblock':
      return smallKernel('cityblock', d) ?? cityblockKernel;
    case 'chebyshev':
      return smallKernel('chebyshev', d) ?? chebyshevKernel;
    case 'cosine':
      if (!nx || !ny) throw new ValueError('cosine needs row norms');
      return cosineKernel(nx, ny);
    case 'minkowski':
      if (p === 1) return makeKernel('cityblock', p, d, nx, ny);
      if (p === 2) return makeKernel('euclidean', p, d, null, null);
      if (p === Infinity) return makeKernel('chebyshev', p, d, nx, ny);
      return minkowskiKernel(p);
  }
}

/**
 * The kernel for a metric over these X and Y (row norms it needs are computed here, once).
 * @example
 * kernelFor('cityblock', 2, X, Y)(X.data, Y.data, X.cols, Y.rows, out, 0, X.rows);
 */
export function kernelFor(metric: Metric, p: number, X: Mat, Y: Mat): DistanceKernel {
  const nx = normsFor(metric, X);
  const ny = X.data === Y.data ? nx : normsFor(metric, Y);
  return makeKernel(metric, p, X.cols, nx, ny);
}
