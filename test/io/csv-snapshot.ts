/**
 * Helpers of the CSV reader tests: a seeded generator, and a comparable snapshot of a frame.
 * @module
 */
import type { DataFrame } from '../../src/frame/dataframe.js';

/**
 * A seeded generator (LCG), so a failure can be replayed from the seed.
 * @example
 * const r = rng(42); r() // a number in [0, 1)
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/**
 * Everything a reader produced: columns, dtypes, dictionary or not, values (NaN and -0 exact, dates as
 * epoch ms), index.
 * @example
 * expect(snapshot(a)).toEqual(snapshot(b));
 */
export function snapshot(df: DataFrame): unknown {
  const value = (v: unknown): unknown => (typeof v === 'number' && Object.is(v, -0) ? '-0' : v instanceof Date ? v.getTime() : v);
  return {
    columns: df.columns,
    index: df.index.toArray(),
    cols: df.columnList.map((c) => ({ dtype: c.dtype, dict: c.isDictionary, nulls: c.nullCount, values: c.toArray().map(value) })),
  };
}
