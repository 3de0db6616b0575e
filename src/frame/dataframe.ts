/**
 * DataFrame: named Columns of one length sharing an Index. The class only holds state and delegates:
 * every verb lives in its own file (ops/, display/, ../groupby, ../io, ../parallel).
 * @module
 */
import { inspect } from 'node:util';
import * as arrow from 'apache-arrow';
import { Column } from './column.js';
import { fromValues, fromVector } from './column-build.js';
import { sliceColumn, take } from './column-take.js';
import { Index, RangeIndex, type Label } from './label-index.js';
import { MultiIndex } from './multi-index.js';
import { Series } from './series.js';
import { unknownName, ValueError } from '../errors.js';
import type { DType, Scalar } from './dtypes.js';
import type { AggOptions, FillValue, Slice, SortOptions, VarOptions, ArithOp } from './types.js';
import { frameLoc, frameIloc, filterFrame } from './ops/frame-select.js';
import { setIndex, resetIndex } from './ops/frame-index.js';
import { sortValuesFrame, sortIndexFrame } from './ops/frame-sort.js';
import { isnaFrame, dropnaFrame, fillnaFrame, ffillFrame, bfillFrame } from './ops/frame-missing.js';
import { applyFrame, type ApplyOptions } from './ops/frame-apply.js';
import { merge, type MergeOptions } from './ops/merge.js';
import { describeFrame, infoFrame } from './ops/describe.js';
import { reduceFrame } from './ops/frame-reduce.js';
import { arithFrame } from './ops/frame-arith.js';
import { formatFrame } from './display/frame.js';
import { GroupBy, type GroupByOptions, type GroupKey } from '../groupby/groupby.js';
import { pivot, pivotTable, type PivotOptions, type PivotTableOptions } from '../groupby/pivot.js';
import { stack, unstack } from '../groupby/stack.js';
import { melt, type MeltOptions } from '../groupby/melt.js';
import { toCsv, type ToCsvOptions } from '../io/csv-write.js';
import { toParquet, type ToParquetOptions } from '../io/parquet-write.js';
import { toArrowFile, type ToArrowOptions } from '../io/arrow-ipc.js';
import { toJson, type ToJsonOptions } from '../io/json-write.js';
import { partition, type PartitionedFrame } from '../parallel/partitioned.js';
import { plotFrame, type Plot, type FramePlotOptions } from '../plot/plot.js';

/** Options of the DataFrame constructor. */
export interface DataFrameOptions {
  index?: Index | readonly Scalar[];
  /** Column labels as a MultiIndex (pivot/unstack/agg results); `columns` then joins each tuple with '_'. */
  columnIndex?: Index;
  dtypes?: Record<string, DType>;
}

/** The values of a frame's columns as plain arrays. */
export type ColumnsObject = Record<string, readonly unknown[] | Column | Series>;

/** A table of named, typed columns with row labels (pandas `DataFrame`). */
export class DataFrame {
  readonly #names: string[];
  readonly #cols: Column[];
  readonly #pos: Map<string, number>;
  /** Row labels. */
  readonly index: Index;
  /** Column labels (a flat Index of the names, or a MultiIndex). */
  readonly columnIndex: Index;

  /**
   * Columns keep the object's key order; JS puts integer-like keys ('1', '2') before the others, so
   * pass a Map to keep any order.
   * @example
   * const df = new DataFrame({ a: [1, 2, 3], b: ['x', 'y', null] });
   */
  constructor(columns: ColumnsObject | ReadonlyMap<string, ColumnsObject[string]> = {}, opts: DataFrameOptions = {}) {
    // A Map keeps insertion order for every name; a plain object puts integer-like keys ('1') first.
    const entries = columns instanceof Map ? [...columns.entries()] : Object.entries(columns as ColumnsObject);
    const names = entries.map((e) => e[0]);
    const cols: Column[] = [];
    for (const [name, v] of entries) {
      const want = opts.dtypes?.[name];
      let col: Column;
      if (v instanceof Column) col = v;
      else if (v instanceof Series) col = v.column;
      else if (Array.isArray(v)) col = fromValues(v, want, name);
      else throw new ValueError(`Column '${name}' must be an array, a Series or a Column`);
      if (want && col.dtype !== want) col = new Series(col, { dtype: want, name }).column;
      cols.push(col);
    }
    const n = cols.length ? cols[0].length : opts.index ? opts.index.length : 0;
    cols.forEach((c, i) => {
      if (c.length !== n) {
        throw new ValueError(`All columns must have the same length: '${names[0]}' has ${n} rows but '${names[i]}' has ${c.length}`);
      }
    });
    const index = opts.index === undefined ? new RangeIndex(n) : opts.index instanceof Index ? opts.index : new Index(opts.index);
    if (index.length !== n) throw new ValueError(`Length of index (${index.length}) does not match number of rows (${n})`);
    this.#names = names;
    this.#cols = cols;
    this.#pos = new Map(names.map((nm, i) => [nm, i]));
    if (this.#pos.size !== names.length) throw new ValueError(`Duplicate column names in ${JSON.stringify(names)}`);
    this.index = index;
    this.columnIndex = opts.columnIndex ?? new Index(names, { name: null });
    if (this.columnIndex.length !== names.length) throw new ValueError('columnIndex must have one label per column');
  }

  /**
   * A frame from Columns (no copies).
   * @example
   * DataFrame.fromColumns(['a'], [col], new RangeIndex(col.length))
   */
  static fromColumns(names: readonly string[], cols: readonly Column[], index?: Index, columnIndex?: Index): DataFrame {
    const map = new Map<string, Column>();
    names.forEach((n, i) => {
      map.set(n, cols[i]);
    });
    if (map.size !== names.length) throw new ValueError(`Duplicate column names in ${JSON.stringify(names)}`);
    return new DataFrame(map, { index, columnIndex });
  }

  /**
   * A frame from row objects (keys of the first rows become columns, in order of appearance).
   * @example
   * DataFrame.fromRecords([{ a: 1, b: 'x' }, { a: 2, b: 'y' }])
   */
  static fromRecords(rows: readonly Record<string, unknown>[], opts: DataFrameOptions & { columns?: string[] } = {}): DataFrame {
    const names = opts.columns ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const obj: Record<string, unknown[]> = {};
    for (const n of names) obj[n] = rows.map((r) => r[n] ?? null);
    return new DataFrame(obj, opts);
  }

  /**
   * A frame over an Arrow Table; single-chunk numeric columns are shared, not copied.
   * @example
   * DataFrame.fromArrow(arrow.tableFromArrays({ a: Float64Array.of(1, 2) }))
   */
  static fromArrow(table: arrow.Table, opts: DataFrameOptions = {}): DataFrame {
    const names = table.schema.fields.map((f) => f.name);
    const cols = names.map((_, i) => fromVector(table.getChildAt(i) as arrow.Vector));
    return DataFrame.fromColumns(names, cols, opts.index instanceof Index ? opts.index : undefined);
  }

  /** This frame as an Arrow Table (column buffers shared, not copied; the index is not included). */
  toArrow(): arrow.Table {
    const vecs: Record<string, arrow.Vector> = {};
    this.#names.forEach((n, i) => {
      vecs[n] = this.#cols[i].toVector();
    });
    return new arrow.Table(vecs);
  }

  /** [rows, columns]. */
  get shape(): [number, number] {
    return [this.index.length, this.#cols.length];
  }
  /** Number of rows. */
  get length(): number {
    return this.index.length;
  }
  /** Column names (MultiIndex column labels joined with '_'). */
  get columns(): string[] {
    return [...this.#names];
  }
  /** dtype of each column. */
  get dtypes(): Record<string, DType> {
    const out: Record<string, DType> = {};
    this.#names.forEach((n, i) => {
      out[n] = this.#cols[i].dtype;
    });
    return out;
  }
  /** The Column objects, in order. */
  get columnList(): readonly Column[] {
    return this.#cols;
  }
  /** True when `name` is a column. */
  has(name: string): boolean {
    return this.#pos.has(name);
  }
  /** The Column named `name`, or a KeyError suggesting near names. */
  column(name: string): Column {
    const p = this.#pos.get(name);
    if (p === undefined) throw unknownName('column', name, this.#names);
    return this.#cols[p];
  }

  /**
   * One column as a Series (pandas `df['Age']`).
   * @example
   * df.col('Age').mean()
   */
  col(name: string): Series {
    return new Series(this.column(name), { index: this.index, name });
  }
  /** Same as `col`. */
  get(name: string): Series {
    return this.col(name);
  }
  /**
   * Some columns as a new frame (pandas `df[['a', 'b']]`).
   * @example
   * df.select(['Age', 'Fare'])
   */
  select(names: readonly string[]): DataFrame {
    return DataFrame.fromColumns(names, names.map((n) => this.column(n)), this.index);
  }
  /** A frame with the same columns over new Columns/index (used by verbs). */
  withColumns(cols: readonly Column[], index: Index = this.index): DataFrame {
    return DataFrame.fromColumns(this.#names, cols, index, this.columnIndex);
  }

  /** First n rows. */
  head(n = 5): DataFrame {
    const e = n >= 0 ? Math.min(n, this.length) : Math.max(0, this.length + n);
    return this.withColumns(this.#cols.map((c) => sliceColumn(c, 0, e)), this.index.slice(0, e));
  }
  /** Last n rows. */
  tail(n = 5): DataFrame {
    const s = n >= 0 ? Math.max(0, this.length - n) : Math.min(this.length, -n);
    return this.withColumns(this.#cols.map((c) => sliceColumn(c, s, this.length)), this.index.slice(s, this.length));
  }
  /** Rows at positions (-1 gives a row of nulls). */
  take(idx: Int32Array | readonly number[]): DataFrame {
    return this.withColumns(this.#cols.map((c) => take(c, idx)), this.index.take(idx));
  }

  /**
   * Selection by label: rows as a label, list, inclusive slice, boolean Series or null (all);
   * cols as a name or list. A single row label and a single column give a scalar.
   * @example
   * df.loc({ start: 'a', stop: 'c' }, ['Age'])
   */
  loc(rows: Label | readonly Label[] | Slice | Series | null, cols?: string | readonly string[] | null): DataFrame | Series | Scalar {
    return frameLoc(this, rows, cols);
  }
  /**
   * Selection by position (stop exclusive).
   * @example
   * df.iloc({ start: 0, stop: 10 }, [1, 2])
   */
  iloc(rows: number | readonly number[] | Slice<number> | null, cols?: number | readonly number[] | Slice<number> | null): DataFrame | Series | Scalar {
    return frameIloc(this, rows, cols);
  }
  /** The value at a row label and column (pandas `df.at[label, col]`). */
  at(label: Label, col: string): Scalar {
    const p = this.index.getLoc(label);
    return this.column(col).get(p[0]);
  }
  /** The value at a row and column position (pandas `df.iat[i, j]`). */
  iat(i: number, j: number): Scalar {
    const r = i < 0 ? this.length + i : i;
    const c = j < 0 ? this.#cols.length + j : j;
    if (r < 0 || r >= this.length) throw new RangeError(`Row position ${i} is out of bounds for ${this.length} rows`);
    if (c < 0 || c >= this.#cols.length) throw new RangeError(`Column position ${j} is out of bounds for ${this.#cols.length} columns`);
    return this.#cols[c].get(r);
  }
  /** Rows where a boolean Series (aligned on the index) is true (pandas `df[mask]`). */
  filter(mask: Series | Uint8Array | readonly boolean[]): DataFrame {
    return filterFrame(this, mask);
  }

  /** Columns become the index (MultiIndex for several). */
  setIndex(keys: string | readonly string[], opts: { drop?: boolean } = {}): DataFrame { return setIndex(this, keys, opts); }
  /** The index becomes column(s) again, and a RangeIndex replaces it. */
  resetIndex(opts: { drop?: boolean } = {}): DataFrame { return resetIndex(this, opts); }

  /**
   * New or replaced columns (a Series is aligned on the index, an array must match the length).
   * @example
   * df.assign({ Child: df.col('Age').lt(12) })
   */
  assign(cols: Record<string, Series | Column | readonly unknown[] | ((df: DataFrame) => Series)>): DataFrame {
    const names = [...this.#names];
    const list = [...this.#cols];
    for (const [name, v] of Object.entries(cols)) {
      let col: Column;
      const val = typeof v === 'function' ? v(this) : v;
      if (val instanceof Series) {
        col = val.index === this.index || val.index.equals(this.index) ? val.column : take(val.column, val.index.getIndexer(this.index.toArray()));
      } else if (val instanceof Column) col = val;
      else col = fromValues(val, undefined, name);
      if (col.length !== this.length) throw new ValueError(`Column '${name}' has ${col.length} values but the frame has ${this.length} rows`);
      const p = names.indexOf(name);
      if (p >= 0) list[p] = col;
      else {
        names.push(name);
        list.push(col);
      }
    }
    return DataFrame.fromColumns(names, list, this.index);
  }
  /** Without the named columns (unknown names raise, as pandas). */
  drop(names: string | readonly string[]): DataFrame {
    const del = new Set(typeof names === 'string' ? [names] : names);
    for (const n of del) this.column(n);
    const keep = this.#names.filter((n) => !del.has(n));
    return this.select(keep);
  }
  /** Columns renamed by a mapping (names not in the frame raise). */
  rename(mapping: Record<string, string>): DataFrame {
    for (const k of Object.keys(mapping)) this.column(k);
    const names = this.#names.map((n) => mapping[n] ?? n);
    return DataFrame.fromColumns(names, this.#cols, this.index);
  }

  /** Sorted by one or more columns (stable, missing last, ascending per key). */
  sortValues(by: string | readonly string[], opts: SortOptions = {}): DataFrame { return sortValuesFrame(this, by, opts); }
  /** Sorted by the index. */
  sortIndex(opts: SortOptions = {}): DataFrame { return sortIndexFrame(this, opts); }

  /** Per cell: true where missing. */
  isna(): DataFrame { return isnaFrame(this, false); }
  /** Per cell: true where not missing. */
  notna(): DataFrame { return isnaFrame(this, true); }
  /** Rows without missing values (`how: 'all'` drops only all-missing rows; `subset` limits the columns). */
  dropna(opts: { how?: 'any' | 'all'; subset?: readonly string[] } = {}): DataFrame { return dropnaFrame(this, opts); }
  /** Missing values replaced by a value, or by a value per column. */
  fillna(value: FillValue): DataFrame { return fillnaFrame(this, value); }
  /** Forward fill per column. */
  ffill(opts: { limit?: number } = {}): DataFrame { return ffillFrame(this, opts); }
  /** Backward fill per column. */
  bfill(opts: { limit?: number } = {}): DataFrame { return bfillFrame(this, opts); }

  /** Applies a function per column (axis 0) or per row (axis 1). */
  apply(fn: (v: Series | Scalar[] | Record<string, Scalar>) => Scalar | Series, opts: ApplyOptions = {}): Series | DataFrame {
    return applyFrame(this, fn, opts);
  }
  /** Database-style join. */
  merge(other: DataFrame, opts: MergeOptions = {}): DataFrame { return merge(this, other, opts); }

  /** Elementwise arithmetic with a scalar, a Series (matched to columns by label) or a DataFrame. */
  arith(other: DataFrame | Series | Scalar, op: ArithOp): DataFrame { return arithFrame(this, other, op); }
  /** `df + other`. */
  add(other: DataFrame | Series | Scalar): DataFrame { return arithFrame(this, other, 'add'); }
  /** `df - other`. */
  sub(other: DataFrame | Series | Scalar): DataFrame { return arithFrame(this, other, 'sub'); }
  /** `df * other`. */
  mul(other: DataFrame | Series | Scalar): DataFrame { return arithFrame(this, other, 'mul'); }
  /** `df / other`. */
  div(other: DataFrame | Series | Scalar): DataFrame { return arithFrame(this, other, 'div'); }

  /** Column sums of numeric columns, as a Series indexed by column name. */
  sum(opts?: AggOptions): Series { return reduceFrame(this, 'sum', opts); }
  /** Column means. */
  mean(opts?: AggOptions): Series { return reduceFrame(this, 'mean', opts); }
  /** Column minima. */
  min(opts?: AggOptions): Series { return reduceFrame(this, 'min', opts); }
  /** Column maxima. */
  max(opts?: AggOptions): Series { return reduceFrame(this, 'max', opts); }
  /** Column standard deviations (ddof 1). */
  std(opts?: VarOptions): Series { return reduceFrame(this, 'std', opts); }
  /** Column variances (ddof 1). */
  var(opts?: VarOptions): Series { return reduceFrame(this, 'var', opts); }
  /** Column medians. */
  median(opts?: AggOptions): Series { return reduceFrame(this, 'median', opts); }
  /** Non-missing count per column (all columns). */
  count(): Series { return reduceFrame(this, 'count'); }
  /** Distinct values per column. */
  nunique(): Series { return reduceFrame(this, 'nunique'); }

  /** Summary statistics of numeric columns, laid out as pandas. */
  describe(opts: { percentiles?: number[]; include?: 'number' | 'all' } = {}): DataFrame { return describeFrame(this, opts); }
  /** The pandas `info()` text: index, columns, non-null counts, dtypes, memory. */
  info(): string { return infoFrame(this); }

  /** Group rows by keys (column names, Series, index level or a function of the label). */
  groupby(by: GroupKey | readonly GroupKey[], opts: GroupByOptions = {}): GroupBy { return new GroupBy(this, by, opts); }
  /** Reshape long to wide without aggregation (duplicates raise naming the pair). */
  pivot(opts: PivotOptions): DataFrame { return pivot(this, opts); }
  /** Spreadsheet-style pivot table with aggregation. */
  pivotTable(opts: PivotTableOptions): DataFrame { return pivotTable(this, opts); }
  /** Columns (a column level) moved into the row index. */
  stack(level?: number | string): DataFrame | Series { return stack(this, level); }
  /** A row index level moved into the columns. */
  unstack(level?: number | string): DataFrame { return unstack(this, level); }
  /** Wide to long. */
  melt(opts: MeltOptions = {}): DataFrame { return melt(this, opts); }

  /** Writes CSV to `path`, or returns the text when no path is given. */
  toCsv(path?: string, opts: ToCsvOptions = {}): Promise<string | undefined> { return toCsv(this, path, opts); }
  /** Writes a Parquet file. */
  toParquet(path: string, opts: ToParquetOptions = {}): Promise<void> { return toParquet(this, path, opts); }
  /** Writes an Arrow IPC file (or stream with `format: 'stream'`). */
  toArrowFile(path: string, opts: ToArrowOptions = {}): Promise<void> { return toArrowFile(this, path, opts); }
  /** Writes JSON (records or lines) to `path`, or returns the text. */
  toJson(path?: string, opts: ToJsonOptions = {}): Promise<string | undefined> { return toJson(this, path, opts); }
  /** Splits the rows into `n` partitions for parallel work in worker threads. */
  partition(n: number): PartitionedFrame { return partition(this, n); }

  /**
   * A chart (lines, bars, scatter or histogram) to save as SVG/PNG.
   * @example
   * await df.plot({ x: 'date', y: 'temp_max' }).save('out/temp.svg');
   */
  plot(opts: FramePlotOptions = {}): Plot { return plotFrame(this, opts); }

  /** Rows as objects (slow path). */
  toRecords(): Record<string, Scalar>[] {
    const n = this.length;
    const out: Record<string, Scalar>[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const r: Record<string, Scalar> = {};
      this.#names.forEach((name, j) => {
        r[name] = this.#cols[j].get(i);
      });
      out[i] = r;
    }
    return out;
  }
  /** Columns as plain arrays. */
  toColumns(): Record<string, Scalar[]> {
    const out: Record<string, Scalar[]> = {};
    this.#names.forEach((n, i) => {
      out[n] = this.#cols[i].toArray();
    });
    return out;
  }
  /** Iterates over [name, Series] pairs. */
  *items(): IterableIterator<[string, Series]> {
    for (const n of this.#names) yield [n, this.col(n)];
  }

  /** The box-drawn display. */
  toString(): string { return formatFrame(this); }
  [inspect.custom](): string { return formatFrame(this); }
}

export { MultiIndex };
