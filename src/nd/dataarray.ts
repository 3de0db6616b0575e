/**
 * DataArray: an N-d array with named dimensions, coordinates, attributes and a name (xarray's DataArray).
 * The class holds state and delegates each verb to its own file.
 * @module
 */
import { inspect } from 'node:util';
import { ValueError, unknownName } from '../errors.js';
import { NDArray } from './ndarray.js';
import type { NDType } from './dtype.js';
import { Variable, toNDArray, type ArrayLikeInput, type Attrs } from './variable.js';
import { normalizeCoords, coordsFor, type CoordInput, type Coords } from './coords.js';
import { iselVariables, selToIsel, checkIselDims, type Indexer, type LabelIndexer, type SelOptions } from './select.js';
import { arith, compareArrays } from './arith.js';
import type { BinaryOp, CompareOp } from './elementwise.js';
import { unary, type MathFn } from './math.js';
import { where } from './where.js';
import type { ReduceOp, ReduceOptions } from './reduce.js';
import { reduceVariable } from './reduce-dims.js';
import { GroupBy, groupKey, groupReduceVariable, type GroupKey } from './groupby.js';
import { resampleKey, type ResampleRule } from './resample.js';
import { dataArrayToSeries, dataArrayToFrame, dataArrayFromSeries } from './to-frame.js';
import { formatDataArray } from './display.js';
import { plotDataArray, type DataArrayPlotOptions } from '../plot/dataarray.js';
import type { Plot } from '../plot/plot.js';
import type { Series } from '../frame/series.js';
import type { DataFrame } from '../frame/dataframe.js';
import { chunkDataArray, type ChunkedDataArray } from '../parallel/chunked.js';
import { Dataset } from './dataset.js';
import { TimeAccessor } from './time-accessor.js';
import type { ToNetcdfOptions } from '../io/netcdf4/write.js';

/** Options of the DataArray constructor. */
export interface DataArrayOptions {
  dims?: readonly string[];
  coords?: Readonly<Record<string, CoordInput>>;
  attrs?: Attrs;
  name?: string | null;
  /** Shape of a flat typed array (else taken from the coords of `dims`). */
  shape?: readonly number[];
}

/** A labelled N-d array. */
export class DataArray {
  /** Dimensions, data, attrs and encoding. */
  readonly variable: Variable;
  /** Coordinates by name. */
  readonly coords: Coords;
  /** The name (the variable name in a Dataset). */
  readonly name: string | null;

  /**
   * @example
   * const da = new DataArray([[1, 2, 3], [4, 5, 6]], { dims: ['x', 'y'], coords: { x: [10, 20], y: ['a', 'b', 'c'] }, name: 'v' });
   */
  constructor(data: ArrayLikeInput | Variable, opts: DataArrayOptions = {}) {
    let variable: Variable;
    if (data instanceof Variable) variable = data;
    else {
      let shape = opts.shape;
      if (!shape && ArrayBuffer.isView(data) && opts.dims && opts.dims.length > 1 && opts.coords) {
        shape = opts.dims.map((d) => {
          const c = opts.coords?.[d];
          if (c === undefined) throw new ValueError(`Cannot infer the shape: no coordinate for dimension '${d}'; pass { shape }`);
          return new Variable([d], toNDArray(c as ArrayLikeInput)).shape[0];
        });
      }
      const arr = toNDArray(data, shape);
      const dims = opts.dims ?? arr.shape.map((_, i) => `dim_${i}`);
      variable = new Variable(dims, arr, opts.attrs ?? {});
    }
    const sizes: Record<string, number> = {};
    variable.dims.forEach((d, i) => { sizes[d] = variable.shape[i]; });
    this.variable = variable;
    this.coords = normalizeCoords(opts.coords, sizes);
    this.name = opts.name ?? null;
  }

  /**
   * Builds a DataArray from a variable and coordinates (only those on its dims are kept).
   * @example
   * DataArray.fromParts(variable, ds.coords, 'tas')
   */
  static fromParts(variable: Variable, coords: Coords, name: string | null): DataArray {
    const da = new DataArray(variable, { name });
    Object.assign(da.coords, coordsFor(coords, variable.dims));
    return da;
  }

  /**
   * From a Series (a MultiIndex becomes the dimensions; missing combinations are NaN).
   * @example
   * DataArray.fromSeries(da.toSeries())
   */
  static fromSeries(s: Series): DataArray {
    return dataArrayFromSeries(s);
  }

  /** Dimension names. */
  get dims(): readonly string[] { return this.variable.dims; }
  /** The shape. */
  get shape(): number[] { return this.variable.shape; }
  /** Dimension sizes by name. */
  get sizes(): Record<string, number> {
    const s: Record<string, number> = {};
    this.dims.forEach((d, i) => { s[d] = this.shape[i]; });
    return s;
  }
  /** Number of dimensions. */
  get ndim(): number { return this.dims.length; }
  /** Number of elements. */
  get size(): number { return this.shape.reduce((a, b) => a * b, 1); }
  /** The dtype. */
  get dtype(): NDType { return this.variable.dtype; }
  /** Attributes. */
  get attrs(): Attrs { return this.variable.attrs; }
  /** The values as an NDArray (read from disk now when lazy). */
  get values(): NDArray { return this.variable.values; }
  /** Alias of `values`. */
  get data(): NDArray { return this.variable.values; }

  /**
   * A coordinate as a DataArray.
   * @example
   * da.coord('time').values
   */
  coord(name: string): DataArray {
    const c = this.coords[name];
    if (!c) throw unknownName('coordinate', name, Object.keys(this.coords));
    return DataArray.fromParts(c, coordsFor(this.coords, c.dims), name);
  }

  /**
   * Calendar fields of a time array, in its CF calendar (xarray's `.dt`).
   * @example
   * ds.get('time').dt.month.values
   */
  get dt(): TimeAccessor {
    return new TimeAccessor(this, (v) => DataArray.fromParts(v, this.coords, this.name));
  }

  /** This array with its data read into memory. */
  load(): DataArray {
    const coords: Coords = {};
    for (const [k, v] of Object.entries(this.coords)) coords[k] = v.load();
    return DataArray.fromParts(this.variable.load(), coords, this.name);
  }

  /** Same data, new name. */
  rename(name: string): DataArray {
    return DataArray.fromParts(this.variable, this.coords, name);
  }

  /**
   * Selects by position along named dimensions (lazy arrays read only the selection later).
   * @example
   * da.isel({ time: 0, lat: { start: 0, stop: 10 } })
   */
  isel(indexers: Readonly<Record<string, Indexer>>): DataArray {
    checkIselDims(indexers, this.dims);
    const { v } = iselVariables({ v: this.variable }, indexers);
    return DataArray.fromParts(v, iselVariables(this.coords, indexers), this.name);
  }

  /**
   * Selects by label: exact, `{ method: 'nearest' }`, lists, or inclusive `{ start, stop }` slices.
   * @example
   * da.sel({ lat: 59.33, lon: 18.07 }, { method: 'nearest' })
   */
  sel(indexers: Readonly<Record<string, LabelIndexer>>, opts: SelOptions = {}): DataArray {
    return this.isel(selToIsel(this.coords, this.dims, indexers, opts));
  }

  /**
   * Reorders dimensions.
   * @example
   * da.transpose('lon', 'lat', 'time')
   */
  transpose(...dims: string[]): DataArray {
    const order = dims.length ? dims : [...this.dims].reverse();
    for (const d of order) if (!this.dims.includes(d)) throw unknownName('dimension', d, this.dims);
    return DataArray.fromParts(this.variable.transpose(order), this.coords, this.name);
  }

  /** `this + other` (aligned, broadcast by dim name). */
  add(other: DataArray | number): DataArray { return arith('add', this, other); }
  /** `this - other`. */
  sub(other: DataArray | number): DataArray { return arith('sub', this, other); }
  /** `this * other`. */
  mul(other: DataArray | number): DataArray { return arith('mul', this, other); }
  /** `this / other`. */
  div(other: DataArray | number): DataArray { return arith('div', this, other); }
  /** `this ** other`. */
  pow(other: DataArray | number): DataArray { return arith('pow', this, other); }
  /** Any binary operator by name. */
  binary(op: BinaryOp, other: DataArray | number): DataArray { return arith(op, this, other); }
  /** Elementwise comparison (a bool DataArray). */
  compare(op: CompareOp, other: DataArray | number): DataArray { return compareArrays(op, this, other); }
  /** Elementwise math function. */
  math(fn: MathFn): DataArray {
    return DataArray.fromParts(new Variable(this.dims, unary(fn, this.values)), this.coords, this.name);
  }
  /** A bool DataArray, true where NaN. */
  isnull(): DataArray {
    return DataArray.fromParts(new Variable(this.dims, this.values.isnan()), this.coords, this.name);
  }
  /** Converted values. */
  astype(dtype: NDType): DataArray {
    return DataArray.fromParts(new Variable(this.dims, this.values.astype(dtype), this.attrs), this.coords, this.name);
  }
  /**
   * Keeps values where `cond` is true, `other` (default NaN) elsewhere.
   * @example
   * tas.where(tas.compare('gt', 273.15))
   */
  where(cond: DataArray, other = NaN): DataArray {
    const c = cond.variable.broadcastTo(this.dims, { ...cond.sizes, ...this.sizes });
    for (const d of cond.dims) if (!this.dims.includes(d)) throw unknownName('dimension', d, this.dims);
    return DataArray.fromParts(new Variable(this.dims, where(c, this.values, other), this.attrs), this.coords, this.name);
  }

  /** Reduces over dims by name (all when omitted). */
  reduce(op: ReduceOp | 'median', dim?: string | readonly string[], opts?: ReduceOptions): DataArray {
    const v = reduceVariable(this.variable, op, dim, opts);
    return DataArray.fromParts(v, this.coords, this.name);
  }
  /** Sum over dims (NaN skipped). @example da.sum(['lat', 'lon']) */
  sum(dim?: string | readonly string[], opts?: ReduceOptions): DataArray { return this.reduce('sum', dim, opts); }
  /** Mean over dims. @example da.mean('time') */
  mean(dim?: string | readonly string[], opts?: ReduceOptions): DataArray { return this.reduce('mean', dim, opts); }
  /** Minimum over dims. */
  min(dim?: string | readonly string[], opts?: ReduceOptions): DataArray { return this.reduce('min', dim, opts); }
  /** Maximum over dims. */
  max(dim?: string | readonly string[], opts?: ReduceOptions): DataArray { return this.reduce('max', dim, opts); }
  /** Standard deviation over dims (ddof 0, as xarray). */
  std(dim?: string | readonly string[], opts?: ReduceOptions): DataArray { return this.reduce('std', dim, opts); }
  /** Variance over dims (ddof 0). */
  var(dim?: string | readonly string[], opts?: ReduceOptions): DataArray { return this.reduce('var', dim, opts); }
  /** Median over dims. */
  median(dim?: string | readonly string[], opts?: ReduceOptions): DataArray { return this.reduce('median', dim, opts); }
  /** Count of non-NaN values over dims. */
  count(dim?: string | readonly string[]): DataArray { return this.reduce('count', dim); }

  /**
   * Groups along a dimension by a coordinate or a time component ('time.year', 'time.month', 'time.day', 'time.season').
   * @example
   * tas.groupby('time.year').mean()
   */
  groupby(key: string): GroupBy<DataArray> {
    const g = groupKey(this.coords, this.dims, key);
    return new GroupBy(g, (op, opts) => groupReduceDataArray(this, g, op, opts));
  }

  /**
   * Resamples a time dimension: `{ time: '1Y' | 'YS' | '1M' | 'MS' | 'QS' | 'D' }` (labels as xarray: period ends for Y/M, starts for YS/MS).
   * @example
   * tas.resample({ time: '1Y' }).mean()
   */
  resample(rule: Readonly<Record<string, ResampleRule>>): GroupBy<DataArray> {
    const g = resampleKey(this.coords, this.dims, rule);
    return new GroupBy(g, (op, opts) => groupReduceDataArray(this, g, op, opts));
  }

  /**
   * A one-variable Dataset (named after this array, or `name`) with the same coordinates.
   * @example
   * tas.toDataset().toNetcdf('tas.nc')
   */
  toDataset(name?: string): Dataset {
    const n = name ?? this.name;
    if (!n) throw new ValueError('Cannot make a Dataset from an unnamed DataArray; pass a name');
    return Dataset.fromParts({ [n]: this.variable }, this.coords, {});
  }

  /**
   * Writes this array as a NetCDF file (see Dataset.toNetcdf).
   * @example
   * await tas.mean('time').toNetcdf('clim.nc');
   */
  toNetcdf(path: string, opts: ToNetcdfOptions = {}): Promise<void> {
    return this.toDataset().toNetcdf(path, opts);
  }

  /**
   * Splits into chunks along named dims for parallel, out-of-core computation (see src/parallel/chunked.ts);
   * without an argument, the chunks the array was opened with (`openDataset(path, { chunks })`).
   * @example
   * const clim = await tas.chunk({ time: 12 }).mean('time').compute();
   */
  chunk(chunks?: Readonly<Record<string, number>>): ChunkedDataArray {
    const c = chunks ?? this.variable.chunks;
    if (!c) throw new ValueError('chunk() needs chunk lengths, e.g. { time: 12 } (this array was not opened with chunks)');
    const whole = Object.fromEntries(Object.entries(c).map(([d, n]) => [d, n === -1 ? Math.max(1, this.sizes[d] ?? 1) : n]));
    return chunkDataArray(this, whole);
  }

  /** A Series with a (Multi)Index of the coordinates of every dimension, in C order. */
  toSeries(): Series { return dataArrayToSeries(this); }
  /**
   * A heatmap (2-D, diverging RdBu) or a line (1-D) to save as SVG/PNG (added by the lead; src/plot/dataarray.ts).
   * @example
   * await da.mean('time').plot({ center: 0 }).save('out/mean.png');
   */
  plot(opts: DataArrayPlotOptions = {}): Plot { return plotDataArray(this, opts); }
  /** A DataFrame with one column (the name, or `name` given) indexed by the dims. */
  toDataFrame(name?: string): DataFrame { return dataArrayToFrame(this, name); }

  /** The xarray-like text shown in the REPL and by console.log. */
  toString(): string { return formatDataArray(this); }
  [inspect.custom](): string { return formatDataArray(this); }
}

/** Reduces each group of a DataArray; coordinates on the grouped dim are replaced by the group labels. */
function groupReduceDataArray(da: DataArray, g: GroupKey, op: ReduceOp | 'median', opts?: ReduceOptions): DataArray {
  const v = groupReduceVariable(da.variable, g, op, opts);
  const coords: Coords = {};
  for (const [k, c] of Object.entries(da.coords)) if (!c.dims.includes(g.dim)) coords[k] = c;
  coords[g.newDim] = g.labels;
  return DataArray.fromParts(v, coords, da.name);
}
