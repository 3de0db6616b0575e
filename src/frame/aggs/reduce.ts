/**
 * Whole-Series reductions (`s.sum()`, `s.mean()`, `s.quantile(q)`, ...) through the same aggregation
 * definitions as groupby, with one group. pandas semantics: the sum of an empty or all-missing Series
 * is 0, its mean/min/max NaN; std/var use ddof 1; `skipna: false` propagates a missing value as NaN.
 * @module
 */
import type { Series } from '../series.js';
import type { Scalar } from '../dtypes.js';
import { fromValues } from '../column-build.js';
import { getAggregation, checkInput } from './registry.js';
import { markMissing } from './state.js';
import { groupQuantiles, interpolate, quantile, sortedByGroup, type QuantileState } from './quantile.js';
import { ValueError } from '../../errors.js';

/** Options of `reduceSeries`. */
export interface ReduceOptions {
  /** Skip missing values (default true). */
  skipna?: boolean;
  /** Delta degrees of freedom of std/var (default 1). */
  ddof?: number;
}

/**
 * Reduces a Series with a registered aggregation ('sum', 'mean', 'min', 'std', 'count', ...).
 * @example
 * reduceSeries(new Series([1, 2, null]), 'mean') // 1.5
 * reduceSeries(new Series(['b', 'a']), 'min')    // 'a'
 */
export function reduceSeries(s: Series, name: string, opts: ReduceOptions = {}): Scalar {
  const agg = getAggregation(name);
  const col = s.column;
  checkInput(agg, col, s.name ?? '');
  const st = agg.init(1);
  agg.update(st, col, null, 1);
  if (opts.skipna === false) markMissing(st, col, null);
  const v = agg.value(st, { skipna: opts.skipna, ddof: opts.ddof }).get(0);
  if (v === null && col.dtype !== 'string' && col.dtype !== 'date' && col.dtype !== 'datetime') return NaN;
  return v;
}

/**
 * Quantile(s) with linear interpolation between the nearest ranks (pandas' default). One q gives a
 * number; several give a Series indexed by q, named as `s`.
 * @example
 * quantileSeries(new Series([1, 2, 3, 4]), 0.5)          // 2.5
 * quantileSeries(new Series([1, 2, 3, 4]), [0.25, 0.75]) // Series [1.75, 3.25] indexed by 0.25, 0.75
 */
export function quantileSeries(s: Series, q: number | readonly number[]): number | Series {
  checkInput(quantile, s.column, s.name ?? '');
  const st: QuantileState = quantile.init(1);
  quantile.update(st, s.column, null);
  if (typeof q === 'number') return groupQuantiles(st, q)[0];
  for (const qi of q) if (!(qi >= 0 && qi <= 1)) throw new ValueError(`quantile q must be between 0 and 1, got ${qi}`);
  const { sorted } = sortedByGroup(st);
  const out = Float64Array.from(q, (qi) => interpolate(sorted, 0, sorted.length, qi));
  // The Series class is taken from the instance: no runtime import cycle with series.ts.
  const SeriesCtor = s.constructor as typeof Series;
  return new SeriesCtor(out, { name: s.name, index: fromValues([...q], 'float64').toArray() });
}
