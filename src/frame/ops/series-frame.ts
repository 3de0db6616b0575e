/**
 * A Series as a one-column DataFrame, and `describe` for one Series: count, mean, std, min, 25%, 50%,
 * 75%, max for numbers (float64; quantiles interpolate linearly, std has ddof 1, as pandas); count,
 * unique, top, freq for strings and bools; count, mean, min, quartiles, max for dates. The last two
 * mix numbers and text, which pandas holds in an object Series; we give a string Series.
 * @module
 */
import { fromStrings, fromTyped } from '../column-build.js';
import { DataFrame } from '../dataframe.js';
import { Index } from '../label-index.js';
import { isFloatDtype, isIntegerDtype } from '../dtypes.js';
import { Series } from '../series.js';
import { formatUtc } from './civil.js';
import { columnToStrings } from './astype-text.js';
import { valueCounts } from './unique.js';

/**
 * A one-column frame (column named `name`, else the Series' name, else '0' as pandas).
 * @example
 * seriesToFrame(new Series([1, 2], { name: 'a' })).columns // ['a']
 */
export function seriesToFrame(s: Series, name?: string): DataFrame {
  return DataFrame.fromColumns([name ?? s.name ?? '0'], [s.column], s.index);
}

/** Sorted non-missing values of a numeric (or date) Series as float64. */
function sortedValid(s: Series): Float64Array {
  const x = s.column.toFloat64();
  let m = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) m++;
  const out = new Float64Array(m);
  for (let i = 0, j = 0; i < x.length; i++) if (x[i] === x[i]) out[j++] = x[i];
  return out.sort();
}

/** Linear-interpolated quantile of sorted values (pandas' default `interpolation='linear'`). */
function quantileSorted(v: Float64Array, q: number): number {
  if (v.length === 0) return NaN;
  const pos = q * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, v.length - 1);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

/** Mean and sample standard deviation (Welford's update). */
function meanStd(v: Float64Array): [number, number] {
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < v.length; i++) {
    const d = v[i] - mean;
    mean += d / (i + 1);
    m2 += d * (v[i] - mean);
  }
  return v.length === 0 ? [NaN, NaN] : [mean, v.length > 1 ? Math.sqrt(m2 / (v.length - 1)) : NaN];
}

/**
 * Summary statistics of one Series.
 * @example
 * describeSeries(new Series([1, 2, 3, 4])).toArray() // [4, 2.5, 1.2909944487358056, 1, 1.75, 2.5, 3.25, 4]
 */
export function describeSeries(s: Series): Series {
  const d = s.dtype;
  if (isIntegerDtype(d) || isFloatDtype(d)) {
    const v = sortedValid(s);
    const [mean, std] = meanStd(v);
    const vals = Float64Array.of(v.length, mean, std, v.length ? v[0] : NaN,
      quantileSorted(v, 0.25), quantileSorted(v, 0.5), quantileSorted(v, 0.75), v.length ? v[v.length - 1] : NaN);
    return new Series(fromTyped(vals, null, 'float64'), {
      index: new Index(['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max']), name: s.name,
    });
  }
  if (d === 'date' || d === 'datetime') {
    const v = sortedValid(s);
    const [mean] = meanStd(v);
    const fmt = (ms: number): string | null => (ms === ms ? formatUtc(Math.round(ms), d === 'date' ? 'day' : 'seconds') : null);
    const vals = [String(v.length), fmt(mean), fmt(v.length ? v[0] : NaN), fmt(quantileSorted(v, 0.25)),
      fmt(quantileSorted(v, 0.5)), fmt(quantileSorted(v, 0.75)), fmt(v.length ? v[v.length - 1] : NaN)];
    return new Series(fromStrings(vals), { index: new Index(['count', 'mean', 'min', '25%', '50%', '75%', 'max']), name: s.name });
  }
  const vc = valueCounts(s);
  const count = s.column.count();
  const top = vc.length ? columnToStrings(vc.index.column)[0] : null;
  const freq = vc.length ? String(vc.column.get(0)) : null;
  return new Series(fromStrings([String(count), String(vc.length), top, freq]), {
    index: new Index(['count', 'unique', 'top', 'freq']), name: s.name,
  });
}
