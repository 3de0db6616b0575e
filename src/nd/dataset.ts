/**
 * Dataset: data variables sharing dimensions and coordinates, with attributes (xarray's Dataset).
 * The class holds state and delegates verbs to DataArray operations per variable.
 * @module
 */
import { inspect } from 'node:util';
import { unknownName, ValueError, TypeError_ } from '../errors.js';
import { Variable, toNDArray, type ArrayLikeInput, type Attrs } from './variable.js';
import { normalizeCoords, dimSizes, coordsFor, type CoordInput, type Coords } from './coords.js';
import { DataArray } from './dataarray.js';
import { selToIsel, iselVariables, checkIselDims, type Indexer, type LabelIndexer, type SelOptions } from './select.js';
import { GroupBy, groupKey, groupReduceVariable, type GroupKey } from './groupby.js';
import { resampleKey, type ResampleRule } from './resample.js';
import type { ReduceOp, ReduceOptions } from './reduce.js';
import type { BinaryOp } from './elementwise.js';
import { reduceVariable } from './reduce-dims.js';
import { formatDataset } from './dataset-display.js';
import { datasetToFrame } from './dataset-frame.js';
import { datasetEquals } from './dataset-equals.js';
import type { DataFrame } from '../frame/dataframe.js';
import { toNetcdf, type ToNetcdfOptions } from '../io/netcdf4/write.js';

/** A data variable as users give it: `[dims, values, attrs?]` or a DataArray. */
export type DataVarInput = DataArray | Variable | readonly [string | readonly string[], ArrayLikeInput, Attrs?];

/** Options of the Dataset constructor. */
export interface DatasetOptions {
  coords?: Readonly<Record<string, CoordInput>>;
  attrs?: Attrs;
}

function toDataVar(name: string, v: DataVarInput): { variable: Variable; coords: Coords } {
  if (v instanceof DataArray) return { variable: v.variable, coords: v.coords };
  if (v instanceof Variable) return { variable: v, coords: {} };
  if (!Array.isArray(v) || v.length < 2) throw new TypeError_(`Data variable '${name}' must be [dims, values] or a DataArray`);
  const dims = typeof v[0] === 'string' ? [v[0]] : [...(v[0] as readonly string[])];
  return { variable: new Variable(dims, toNDArray(v[1] as ArrayLikeInput), (v[2] as Attrs | undefined) ?? {}), coords: {} };
}

/** A collection of labelled arrays on shared dimensions. */
export class Dataset {
  /** Data variables by name. */
  readonly variables: Record<string, Variable>;
  /** Coordinates by name. */
  readonly coords: Coords;
  /** Global attributes. */
  readonly attrs: Attrs;
  /** Releases resources held for lazy reading (set by readers; a no-op otherwise). */
  #onClose: (() => void) | null = null;

  /**
   * @example
   * const ds = new Dataset({ a: [['x', 'y'], [[1, 2], [3, 4]]] }, { coords: { x: [0, 1], y: [-2, -1] } });
   */
  constructor(dataVars: Readonly<Record<string, DataVarInput>> = {}, opts: DatasetOptions = {}) {
    const vars: Record<string, Variable> = {};
    const fromArrays: Coords = {};
    for (const [name, v] of Object.entries(dataVars)) {
      const r = toDataVar(name, v);
      vars[name] = r.variable;
      for (const [k, c] of Object.entries(r.coords)) if (!(k in fromArrays)) fromArrays[k] = c;
    }
    const sizes = dimSizes([...Object.values(vars), ...Object.values(fromArrays)]);
    const userCoords = opts.coords ?? {};
    for (const [k, c] of Object.entries(userCoords)) {
      // a coordinate may introduce a dimension no variable uses
      if (Array.isArray(c) || ArrayBuffer.isView(c)) if (!(k in sizes)) sizes[k] = (c as ArrayLike<unknown>).length;
    }
    this.coords = { ...fromArrays, ...normalizeCoords(userCoords, sizes) };
    dimSizes([...Object.values(vars), ...Object.values(this.coords)]);
    for (const k of Object.keys(vars)) if (k in this.coords) throw new ValueError(`'${k}' is both a data variable and a coordinate`);
    this.variables = vars;
    this.attrs = opts.attrs ?? {};
  }

  /**
   * Builds a Dataset from variables and coordinates without re-checking them.
   * @example
   * Dataset.fromParts(vars, coords, attrs)
   */
  static fromParts(vars: Record<string, Variable>, coords: Coords, attrs: Attrs, onClose?: () => void): Dataset {
    const ds = new Dataset({}, { attrs });
    Object.assign(ds.variables, vars);
    Object.assign(ds.coords, coords);
    if (onClose) ds.#onClose = onClose;
    return ds;
  }

  /** Dimension sizes by name (xarray's `ds.sizes`/`ds.dims`). */
  get sizes(): Record<string, number> {
    return dimSizes([...Object.values(this.variables), ...Object.values(this.coords)]);
  }
  /** Dimension sizes by name. */
  get dims(): Record<string, number> {
    return this.sizes;
  }
  /** Data variables as DataArrays. */
  get dataVars(): Record<string, DataArray> {
    const out: Record<string, DataArray> = {};
    for (const k of Object.keys(this.variables)) out[k] = this.get(k);
    return out;
  }
  /** Names of the data variables. */
  get names(): string[] {
    return Object.keys(this.variables);
  }

  /**
   * A data variable (or coordinate) as a DataArray.
   * @example
   * ds.get('tas')
   */
  get(name: string): DataArray {
    const v = this.variables[name] ?? this.coords[name];
    if (!v) throw unknownName('variable', name, [...Object.keys(this.variables), ...Object.keys(this.coords)]);
    return DataArray.fromParts(v, coordsFor(this.coords, v.dims), name);
  }

  /** Reads every lazy variable into memory. */
  load(): Dataset {
    const vars: Record<string, Variable> = {};
    const coords: Coords = {};
    for (const [k, v] of Object.entries(this.variables)) vars[k] = v.load();
    for (const [k, v] of Object.entries(this.coords)) coords[k] = v.load();
    return Dataset.fromParts(vars, coords, this.attrs);
  }

  /** Releases what a lazy reader holds (safe to call more than once). */
  close(): void {
    this.#onClose?.();
    this.#onClose = null;
  }

  /**
   * Positional selection on every variable that has the dimension.
   * @example
   * ds.isel({ time: { start: 0, stop: 12 } })
   */
  isel(indexers: Readonly<Record<string, Indexer>>): Dataset {
    checkIselDims(indexers, Object.keys(this.sizes));
    return Dataset.fromParts(iselVariables(this.variables, indexers), iselVariables(this.coords, indexers), this.attrs);
  }

  /**
   * Label selection (see DataArray.sel).
   * @example
   * ds.sel({ lat: 59.33, lon: 18.07 }, { method: 'nearest' })
   */
  sel(indexers: Readonly<Record<string, LabelIndexer>>, opts: SelOptions = {}): Dataset {
    return this.isel(selToIsel(this.coords, Object.keys(this.sizes), indexers, opts));
  }

  /** Applies a function to every data variable (as DataArrays) and collects the results. */
  map(fn: (da: DataArray, name: string) => DataArray): Dataset {
    const vars: Record<string, Variable> = {};
    const coords: Coords = {};
    for (const k of this.names) {
      const r = fn(this.get(k), k);
      vars[k] = r.variable;
      for (const [ck, c] of Object.entries(r.coords)) if (!(ck in coords)) coords[ck] = c;
    }
    for (const [ck, c] of Object.entries(this.coords)) {
      if (!(ck in coords) && c.dims.every((d) => Object.values(vars).some((v) => v.dims.includes(d)) || c.dims.length === 0)) coords[ck] = c;
    }
    return Dataset.fromParts(vars, coords, this.attrs);
  }

  /** Any binary operator applied to every data variable. */
  binary(op: BinaryOp, other: DataArray | number): Dataset { return this.map((da) => da.binary(op, other)); }
  /** Adds to every data variable. */
  add(other: DataArray | number): Dataset { return this.binary('add', other); }
  /** Subtracts from every data variable. @example ds.sub(273.15) */
  sub(other: DataArray | number): Dataset { return this.binary('sub', other); }
  /** Multiplies every data variable. */
  mul(other: DataArray | number): Dataset { return this.binary('mul', other); }
  /** Divides every data variable. */
  div(other: DataArray | number): Dataset { return this.binary('div', other); }

  /** Reduces every data variable over `dim` (variables without the dim are kept, as xarray). */
  reduce(op: ReduceOp | 'median', dim?: string | readonly string[], opts?: ReduceOptions): Dataset {
    const all = Object.keys(this.sizes);
    const names = dim === undefined ? all : typeof dim === 'string' ? [dim] : [...dim];
    for (const d of names) if (!all.includes(d)) throw unknownName('dimension', d, all);
    const vars: Record<string, Variable> = {};
    for (const [k, v] of Object.entries(this.variables)) {
      const mine = names.filter((d) => v.dims.includes(d));
      vars[k] = mine.length ? reduceVariable(v, op, mine, opts) : v;
    }
    const coords: Coords = {};
    for (const [k, c] of Object.entries(this.coords)) if (!c.dims.some((d) => names.includes(d))) coords[k] = c;
    return Dataset.fromParts(vars, coords, {});
  }
  /** Sum over dims. */
  sum(dim?: string | readonly string[], opts?: ReduceOptions): Dataset { return this.reduce('sum', dim, opts); }
  /** Mean over dims. @example ds.mean('time') */
  mean(dim?: string | readonly string[], opts?: ReduceOptions): Dataset { return this.reduce('mean', dim, opts); }
  /** Minimum over dims. */
  min(dim?: string | readonly string[], opts?: ReduceOptions): Dataset { return this.reduce('min', dim, opts); }
  /** Maximum over dims. */
  max(dim?: string | readonly string[], opts?: ReduceOptions): Dataset { return this.reduce('max', dim, opts); }
  /** Standard deviation over dims (ddof 0). */
  std(dim?: string | readonly string[], opts?: ReduceOptions): Dataset { return this.reduce('std', dim, opts); }
  /** Variance over dims (ddof 0). */
  var(dim?: string | readonly string[], opts?: ReduceOptions): Dataset { return this.reduce('var', dim, opts); }
  /** Median over dims. */
  median(dim?: string | readonly string[], opts?: ReduceOptions): Dataset { return this.reduce('median', dim, opts); }

  /**
   * Groups every variable along a dimension (see DataArray.groupby).
   * @example
   * ds.groupby('time.month').mean()
   */
  groupby(key: string): GroupBy<Dataset> {
    const g = groupKey(this.coords, Object.keys(this.sizes), key);
    return new GroupBy(g, (op, opts) => this.#groupReduce(g, op, opts));
  }

  /**
   * Resamples a time dimension.
   * @example
   * ds.resample({ time: '1Y' }).mean()
   */
  resample(rule: Readonly<Record<string, ResampleRule>>): GroupBy<Dataset> {
    const g = resampleKey(this.coords, Object.keys(this.sizes), rule);
    return new GroupBy(g, (op, opts) => this.#groupReduce(g, op, opts));
  }

  #groupReduce(g: GroupKey, op: ReduceOp | 'median', opts?: ReduceOptions): Dataset {
    const vars: Record<string, Variable> = {};
    for (const [k, v] of Object.entries(this.variables)) vars[k] = v.dims.includes(g.dim) ? groupReduceVariable(v, g, op, opts) : v;
    const coords: Coords = {};
    for (const [k, c] of Object.entries(this.coords)) if (!c.dims.includes(g.dim)) coords[k] = c;
    coords[g.newDim] = g.labels;
    return Dataset.fromParts(vars, coords, {});
  }

  /**
   * Writes a NetCDF file (NETCDF4 by default, or NETCDF3_CLASSIC / NETCDF3_64BIT / NETCDF3_CDF5).
   * @example
   * await ds.toNetcdf('out.nc', { format: 'NETCDF4' });
   */
  toNetcdf(path: string, opts: ToNetcdfOptions = {}): Promise<void> { return toNetcdf(this, path, opts); }

  /** A DataFrame with one column per data variable, indexed by the dimensions. */
  toDataFrame(): DataFrame { return datasetToFrame(this); }

  /** True when both hold the same variables, coordinates and values (NaN equals NaN); attrs are compared too. */
  equals(other: Dataset, opts: { attrs?: boolean } = {}): boolean { return datasetEquals(this, other, opts.attrs ?? false); }

  /** The xarray-like text shown in the REPL. */
  toString(): string { return formatDataset(this); }
  [inspect.custom](): string { return formatDataset(this); }
}
