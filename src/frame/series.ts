/**
 * Series: one Column with an Index and a name. Methods are thin: each delegates to the file that
 * implements the operation (ops/, aggs/, accessors/, display/).
 * @module
 */
import { inspect } from 'node:util';
import { Column } from './column.js';
import { fromTyped, fromValues } from './column-build.js';
import { filterColumn, sliceColumn, take } from './column-take.js';
import { Index, RangeIndex, type Label } from './label-index.js';
import { ValueError } from '../errors.js';
import type { DType, NumericArray, Scalar } from './dtypes.js';
import type { AggOptions, ArithOp, CompareOp, MathFn, Slice, SortOptions, VarOptions } from './types.js';
import { arith } from './ops/arith.js';
import { compare } from './ops/compare.js';
import { logical } from './ops/logical.js';
import { mathFn, roundSeries } from './ops/math.js';
import { reduceSeries, quantileSeries } from './aggs/reduce.js';
import { cumulative, diff, shift } from './ops/cumulative.js';
import { isna, notna, fillnaSeries, dropnaSeries, ffillSeries, bfillSeries } from './ops/missing.js';
import { uniqueValues, valueCounts, nunique } from './ops/unique.js';
import { astypeColumn } from './ops/astype.js';
import { argsort } from './ops/sort.js';
import { seriesLoc, seriesIloc, maskOf } from './ops/series-select.js';
import { StringAccessor } from './accessors/str.js';
import { DatetimeAccessor } from './accessors/dt.js';
import { registerSeriesClass } from './accessors/series-class.js';
import { formatSeries } from './display/series.js';
import type { DataFrame } from './dataframe.js';
import { seriesToFrame, describeSeries } from './ops/series-frame.js';
import { plotSeries, type Plot, type SeriesPlotOptions } from '../plot/plot.js';

/** Options of the Series constructor. */
export interface SeriesOptions {
  name?: string | null;
  index?: Index | readonly Scalar[];
  dtype?: DType;
}

/** A labelled, typed column (pandas `Series`). */
export class Series {
  /** The values. */
  readonly column: Column;
  /** The row labels. */
  readonly index: Index;
  /** The name (the column name when taken from a frame). */
  readonly name: string | null;

  /**
   * @example
   * const s = new Series([1, 2, null], { name: 'a', index: ['x', 'y', 'z'] });
   */
  constructor(values: readonly unknown[] | Column | NumericArray, opts: SeriesOptions = {}) {
    let col: Column;
    if (values instanceof Column) col = opts.dtype && opts.dtype !== values.dtype ? astypeColumn(values, opts.dtype, opts.name ?? '') : values;
    else if (ArrayBuffer.isView(values)) col = fromTyped(values as NumericArray, null, opts.dtype);
    else col = fromValues(values as readonly unknown[], opts.dtype, opts.name ?? '');
    const idx = opts.index === undefined ? new RangeIndex(col.length) : opts.index instanceof Index ? opts.index : new Index(opts.index);
    if (idx.length !== col.length) {
      throw new ValueError(`Length of values (${col.length}) does not match length of index (${idx.length})`);
    }
    this.column = col;
    this.index = idx;
    this.name = opts.name ?? null;
  }

  /** The dtype. */
  get dtype(): DType {
    return this.column.dtype;
  }
  /** Number of rows. */
  get length(): number {
    return this.column.length;
  }
  /** [rows]. */
  get shape(): [number] {
    return [this.column.length];
  }
  /** The raw typed buffer (see Column.values). */
  get values(): NumericArray {
    return this.column.values;
  }
  /** Values as a plain array. */
  toArray(): Scalar[] {
    return this.column.toArray();
  }
  /** Values as float64 with nulls as NaN. */
  toFloat64(): Float64Array {
    return this.column.toFloat64();
  }
  /** A Series with the same index and name over another column (used by every operation). */
  withColumn(col: Column, name: string | null = this.name): Series {
    return new Series(col, { index: this.index, name });
  }
  /** The same values under another name. */
  rename(name: string | null): Series {
    return new Series(this.column, { index: this.index, name });
  }

  /** First n rows. */
  head(n = 5): Series {
    const e = n >= 0 ? Math.min(n, this.length) : Math.max(0, this.length + n);
    return new Series(sliceColumn(this.column, 0, e), { index: this.index.slice(0, e), name: this.name });
  }
  /** Last n rows. */
  tail(n = 5): Series {
    const s = n >= 0 ? Math.max(0, this.length - n) : Math.min(this.length, -n);
    return new Series(sliceColumn(this.column, s, this.length), { index: this.index.slice(s, this.length), name: this.name });
  }
  /** Rows at positions. */
  take(idx: Int32Array | readonly number[]): Series {
    return new Series(take(this.column, idx), { index: this.index.take(idx), name: this.name });
  }
  /** Value at a label (pandas `s.at[label]`). */
  at(label: Label): Scalar {
    const p = this.index.getLoc(label);
    return this.column.get(p[0]);
  }
  /** Value at a position (pandas `s.iat[i]`); negative counts from the end. */
  iat(i: number): Scalar {
    const j = i < 0 ? this.length + i : i;
    if (j < 0 || j >= this.length) throw new RangeError(`Position ${i} is out of bounds for a Series of length ${this.length}`);
    return this.column.get(j);
  }
  /** Selection by label: a label gives a value, a list / slice / boolean Series gives a Series. */
  loc(rows: Label | readonly Label[] | Slice | Series | null): Series | Scalar {
    return seriesLoc(this, rows);
  }
  /** Selection by position. */
  iloc(rows: number | readonly number[] | Slice<number> | null): Series | Scalar {
    return seriesIloc(this, rows);
  }
  /** Rows where a boolean Series (aligned on the index) or mask is true (pandas `s[mask]`). */
  filter(mask: Series | Uint8Array | readonly boolean[]): Series {
    const m = maskOf(mask, this.index);
    return new Series(filterColumn(this.column, m), { index: this.index.take(indicesOf(m)), name: this.name });
  }

  // Arithmetic: aligned on index labels (fast path for a shared index).
  /** `this + other`. @example s.add(1) */
  add(other: Series | Scalar): Series { return arith(this, other, 'add'); }
  /** `this - other`. @example s.sub(s2) */
  sub(other: Series | Scalar): Series { return arith(this, other, 'sub'); }
  /** `this * other`. @example s.mul(2) */
  mul(other: Series | Scalar): Series { return arith(this, other, 'mul'); }
  /** `this / other` (float result; x/0 is ±inf, 0/0 NaN, as pandas). @example s.div(2) */
  div(other: Series | Scalar): Series { return arith(this, other, 'div'); }
  /** `this ** other`. @example s.pow(2) */
  pow(other: Series | Scalar): Series { return arith(this, other, 'pow'); }
  /** `this % other` with Python's sign convention. @example s.mod(3) */
  mod(other: Series | Scalar): Series { return arith(this, other, 'mod'); }
  /** `this // other`. @example s.floordiv(3) */
  floordiv(other: Series | Scalar): Series { return arith(this, other, 'floordiv'); }
  /** Any arithmetic operator by name. */
  arith(other: Series | Scalar, op: ArithOp): Series { return arith(this, other, op); }

  /** `this > other`. @example df.col('Age').gt(30) */
  gt(other: Series | Scalar): Series { return compare(this, other, 'gt'); }
  /** `this >= other`. */
  ge(other: Series | Scalar): Series { return compare(this, other, 'ge'); }
  /** `this < other`. */
  lt(other: Series | Scalar): Series { return compare(this, other, 'lt'); }
  /** `this <= other`. */
  le(other: Series | Scalar): Series { return compare(this, other, 'le'); }
  /** `this == other`. */
  eq(other: Series | Scalar): Series { return compare(this, other, 'eq'); }
  /** `this != other`. */
  ne(other: Series | Scalar): Series { return compare(this, other, 'ne'); }
  /** Any comparison by name. */
  compare(other: Series | Scalar, op: CompareOp): Series { return compare(this, other, op); }
  /** True where the value is in `values`. @example s.isin(['a', 'b']) */
  isin(values: readonly Scalar[]): Series { return compare(this, values, 'isin'); }

  /** Logical and (pandas `&`). */
  and(other: Series | boolean): Series { return logical(this, other, 'and'); }
  /** Logical or (pandas `|`). */
  or(other: Series | boolean): Series { return logical(this, other, 'or'); }
  /** Logical xor (pandas `^`). */
  xor(other: Series | boolean): Series { return logical(this, other, 'xor'); }
  /** Logical not (pandas `~`). */
  not(): Series { return logical(this, null, 'not'); }

  /** Absolute value. */
  abs(): Series { return mathFn(this, 'abs'); }
  /** e^x. */
  exp(): Series { return mathFn(this, 'exp'); }
  /** Natural log. */
  log(): Series { return mathFn(this, 'log'); }
  /** Square root. */
  sqrt(): Series { return mathFn(this, 'sqrt'); }
  /** Negation. */
  neg(): Series { return mathFn(this, 'neg'); }
  /** Any elementwise math function by name. */
  math(fn: MathFn): Series { return mathFn(this, fn); }
  /** Round half to even to `decimals` places (as numpy/pandas). */
  round(decimals = 0): Series { return roundSeries(this, decimals); }

  /** Sum (0 for an empty or all-missing Series, as pandas). @example s.sum() */
  sum(opts?: AggOptions): number { return reduceSeries(this, 'sum', opts) as number; }
  /** Product. */
  prod(opts?: AggOptions): number { return reduceSeries(this, 'prod', opts) as number; }
  /** Mean. @example s.mean() */
  mean(opts?: AggOptions): number { return reduceSeries(this, 'mean', opts) as number; }
  /** Minimum (numbers, strings or dates). */
  min(opts?: AggOptions): Scalar { return reduceSeries(this, 'min', opts); }
  /** Maximum. */
  max(opts?: AggOptions): Scalar { return reduceSeries(this, 'max', opts); }
  /** Sample standard deviation (ddof 1). */
  std(opts?: VarOptions): number { return reduceSeries(this, 'std', opts) as number; }
  /** Sample variance (ddof 1; Welford). */
  var(opts?: VarOptions): number { return reduceSeries(this, 'var', opts) as number; }
  /** Median. */
  median(opts?: AggOptions): number { return reduceSeries(this, 'median', opts) as number; }
  /** Quantile with linear interpolation (pandas' default); an array of q gives a Series. */
  quantile(q: number): number;
  quantile(q: readonly number[]): Series;
  quantile(q: number | readonly number[] = 0.5): number | Series { return quantileSeries(this, q); }
  /** Number of non-missing values. */
  count(): number { return reduceSeries(this, 'count') as number; }
  /** Number of distinct non-missing values. */
  nunique(opts: { dropna?: boolean } = {}): number { return nunique(this, opts); }
  /** Distinct values in order of appearance. */
  unique(): Scalar[] { return uniqueValues(this); }
  /** Counts of each value, most frequent first. */
  valueCounts(opts: { normalize?: boolean; dropna?: boolean; sort?: boolean; ascending?: boolean } = {}): Series { return valueCounts(this, opts); }

  /** Cumulative sum (missing stay missing). */
  cumsum(opts?: AggOptions): Series { return cumulative(this, 'cumsum', opts); }
  /** Cumulative product. */
  cumprod(opts?: AggOptions): Series { return cumulative(this, 'cumprod', opts); }
  /** Cumulative maximum. */
  cummax(opts?: AggOptions): Series { return cumulative(this, 'cummax', opts); }
  /** Cumulative minimum. */
  cummin(opts?: AggOptions): Series { return cumulative(this, 'cummin', opts); }
  /** Difference with the value `periods` rows earlier. */
  diff(periods = 1): Series { return diff(this, periods); }
  /** Values moved by `periods` rows (missing where nothing moves in). */
  shift(periods = 1, opts: { fillValue?: Scalar } = {}): Series { return shift(this, periods, opts); }

  /** True where missing (null, or NaN in a float column). */
  isna(): Series { return isna(this); }
  /** True where not missing. */
  notna(): Series { return notna(this); }
  /** Missing values replaced by `value`. */
  fillna(value: Scalar): Series { return fillnaSeries(this, value); }
  /** Rows without missing values. */
  dropna(): Series { return dropnaSeries(this); }
  /** Missing values replaced by the last valid one. */
  ffill(opts: { limit?: number } = {}): Series { return ffillSeries(this, opts); }
  /** Missing values replaced by the next valid one. */
  bfill(opts: { limit?: number } = {}): Series { return bfillSeries(this, opts); }

  /** String methods (pandas `s.str`). */
  get str(): StringAccessor { return new StringAccessor(this.column, this.index, this.name); }
  /** Datetime fields (pandas `s.dt`). */
  get dt(): DatetimeAccessor { return new DatetimeAccessor(this.column, this.index, this.name); }

  /** Cast to another dtype; a value that cannot be held throws naming the value and its row. */
  astype(dtype: DType): Series { return this.withColumn(astypeColumn(this.column, dtype, this.name ?? '')); }

  /** Sorted by value (stable; missing last). */
  sortValues(opts: SortOptions = {}): Series {
    const asc = Array.isArray(opts.ascending) ? opts.ascending[0] : opts.ascending;
    return this.take(argsort([this.column], { ...opts, ascending: [asc ?? true] }));
  }
  /** Sorted by index label. */
  sortIndex(opts: SortOptions = {}): Series {
    const asc = Array.isArray(opts.ascending) ? opts.ascending[0] : opts.ascending;
    return this.take(argsort([this.index.column], { ...opts, ascending: [asc ?? true] }));
  }

  /** Applies `fn` to each value (slow path, like pandas `map`). */
  map(fn: (v: Scalar, label: Label) => Scalar): Series {
    const out = new Array<Scalar>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = fn(this.column.get(i), this.index.get(i));
    return this.withColumn(fromValues(out, undefined, this.name ?? ''));
  }

  /** A one-column DataFrame. */
  toFrame(name?: string): DataFrame { return seriesToFrame(this, name); }
  /** Summary statistics (count, mean, std, min, quartiles, max) as a Series. */
  describe(): Series { return describeSeries(this); }

  /**
   * A chart (line over the index, bar, or histogram) to save as SVG/PNG.
   * @example
   * await s.plot({ kind: 'hist' }).save('out/hist.svg');
   */
  plot(opts: SeriesPlotOptions = {}): Plot { return plotSeries(this, opts); }

  /** The box-drawn display. */
  toString(): string { return formatSeries(this); }
  [inspect.custom](): string { return formatSeries(this); }
}

function indicesOf(mask: Uint8Array): Int32Array {
  let c = 0;
  for (let i = 0; i < mask.length; i++) c += mask[i] ? 1 : 0;
  const out = new Int32Array(c);
  for (let i = 0, j = 0; i < mask.length; i++) if (mask[i]) out[j++] = i;
  return out;
}

// The .str/.dt accessors build Series through this (they cannot import series.ts: Index.str/.dt would
// close an import cycle through MultiIndex; see accessors/series-class.ts).
registerSeriesClass(Series);
