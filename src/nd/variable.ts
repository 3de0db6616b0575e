/**
 * Variable: named dimensions over an NDArray (or a LazyArray not yet read), with attributes and the
 * encoding it was read with (so a round trip writes the same on-disk form).
 * @module
 */
import { ValueError, TypeError_ } from '../errors.js';
import { NDArray, type Nested } from './ndarray.js';
import { LazyArray } from './lazy.js';
import type { NDType, TypedArray } from './dtype.js';
import type { AxisSel } from './view.js';
import type { Calendar } from '../io/cf/calendar.js';

/** An attribute value (what NetCDF and HDF5 attributes hold). */
export type AttrValue = string | number | bigint | boolean | readonly number[] | readonly string[] | TypedArray;
/** Attributes by name, in order. */
export type Attrs = Record<string, AttrValue>;

/** How a variable is stored on disk (CF packing and time units), kept from reading for writing back. */
export interface Encoding {
  dtype?: NDType;
  _FillValue?: number;
  missing_value?: number;
  scale_factor?: number;
  add_offset?: number;
  units?: string;
  calendar?: Calendar;
  source?: string;
}

/** Values accepted where an array is expected: nested arrays, Dates, typed arrays or an NDArray. */
export type ArrayLikeInput = NDArray | TypedArray | Nested | readonly (Date | number | string | boolean | null)[];

/**
 * Converts user input to an NDArray (Date values become a 'datetime' array of epoch milliseconds).
 * @example
 * toNDArray([new Date('2000-01-01')]).dtype // 'datetime'
 */
export function toNDArray(v: ArrayLikeInput, shape?: readonly number[]): NDArray {
  if (v instanceof NDArray) return shape ? v.reshape(shape) : v;
  if (ArrayBuffer.isView(v)) return NDArray.from(v as TypedArray, shape);
  if (Array.isArray(v) && v.length > 0 && v[0] instanceof Date) {
    const ms = Float64Array.from(v as readonly (Date | null)[], (d) => {
      if (d !== null && !(d instanceof Date)) throw new TypeError_('A date array must hold only Dates (or null)');
      return d ? d.getTime() : NaN;
    });
    return new NDArray(ms, shape ?? [ms.length], { dtype: 'datetime' });
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) throw new TypeError_('Expected an array, an NDArray or a typed array');
  return NDArray.from(v as Nested, shape);
}

/** Named dimensions over data. */
export class Variable {
  readonly dims: readonly string[];
  readonly #data: NDArray | LazyArray;
  readonly attrs: Attrs;
  readonly encoding: Encoding;
  /**
   * Chunk lengths by dimension of a variable opened with `chunks` (null otherwise): its reductions
   * read and reduce one chunk at a time (flat memory) while it is not loaded.
   */
  readonly chunks: Readonly<Record<string, number>> | null;
  /** What a caching LazyArray read (see LazyArray.cache). */
  #cache: NDArray | null = null;

  /**
   * @example
   * new Variable(['x'], NDArray.from([1, 2, 3]))
   */
  constructor(dims: readonly string[], data: NDArray | LazyArray, attrs: Attrs = {}, encoding: Encoding = {}, chunks: Readonly<Record<string, number>> | null = null) {
    if (dims.length !== data.shape.length) {
      throw new ValueError(`different number of dimensions on data and dims: ${data.shape.length} vs ${dims.length} ([${dims.join(', ')}])`);
    }
    if (new Set(dims).size !== dims.length) throw new ValueError(`dimension names must be unique, got [${dims.join(', ')}]`);
    this.dims = [...dims];
    this.#data = data;
    this.attrs = attrs;
    this.encoding = encoding;
    this.chunks = chunks;
  }

  /** The shape. */
  get shape(): number[] {
    return [...this.#data.shape];
  }
  /** The dtype (after decoding). */
  get dtype(): NDType {
    return this.#data.dtype;
  }
  /** True until the data is read (and kept). */
  get isLazy(): boolean {
    return this.#data instanceof LazyArray && this.#cache === null;
  }
  /** The raw holder (NDArray, or LazyArray while not read). */
  get raw(): NDArray | LazyArray {
    return this.#cache ?? this.#data;
  }
  /** The values (read now when lazy). */
  get values(): NDArray {
    const d = this.#data;
    if (!(d instanceof LazyArray)) return d;
    if (this.#cache) return this.#cache;
    const a = d.load();
    if (d.cache) this.#cache = a;
    return a;
  }
  /** Size of a dimension by name. */
  sizeOf(dim: string): number {
    const i = this.dims.indexOf(dim);
    return i < 0 ? 1 : this.#data.shape[i];
  }

  /** A copy with the data read into memory. */
  load(): Variable {
    return this.#data instanceof LazyArray ? new Variable(this.dims, this.values, this.attrs, this.encoding) : this;
  }

  /** Positional selection by dimension name (dims not named are kept; integer selections drop the dim). */
  isel(sel: Readonly<Record<string, AxisSel>>): Variable {
    const per = this.dims.map((d) => (d in sel ? sel[d] : null));
    if (per.every((s) => s === null)) return this;
    const dims = this.dims.filter((d) => typeof sel[d] !== 'number');
    const data = this.#cache ? this.#cache.slice(per) : this.#data instanceof LazyArray ? this.#data.isel(per) : this.#data.slice(per);
    const chunks = this.chunks ? Object.fromEntries(Object.entries(this.chunks).filter(([d]) => dims.includes(d))) : null;
    return new Variable(dims, data, this.attrs, this.encoding, chunks);
  }

  /** Takes positions along one dimension (a copy). */
  take(dim: string, positions: ArrayLike<number>): Variable {
    const ax = this.dims.indexOf(dim);
    if (ax < 0) return this;
    const v = this.values;
    const moved = v.transpose([ax, ...v.shape.map((_, i) => i).filter((i) => i !== ax)]);
    const parts: NDArray[] = [];
    for (let i = 0; i < positions.length; i++) parts.push(moved.slice([positions[i]]).contiguous());
    const innerShape = moved.shape.slice(1);
    const inner = innerShape.reduce((a, b) => a * b, 1);
    const first = v.contiguous().data;
    let out: NDArray;
    if (Array.isArray(first)) {
      const all: string[] = [];
      for (const p of parts) all.push(...(p.data as string[]));
      out = new NDArray(all, [positions.length, ...innerShape], { dtype: 'string' });
    } else {
      const buf = new (first.constructor as { new (n: number): Float64Array })(positions.length * inner);
      parts.forEach((p, i) => buf.set(p.data as Float64Array, i * inner));
      out = new NDArray(buf, [positions.length, ...innerShape], { dtype: v.dtype });
    }
    const back = [...Array(v.ndim).keys()].map((i) => (i === ax ? 0 : i < ax ? i + 1 : i));
    return new Variable(this.dims, out.transpose(back), this.attrs, this.encoding);
  }

  /** Reorders dimensions (a view). */
  transpose(dims: readonly string[]): Variable {
    const perm = dims.map((d) => this.dims.indexOf(d));
    if (perm.some((p) => p < 0) || perm.length !== this.dims.length) {
      throw new ValueError(`transpose needs a permutation of [${this.dims.join(', ')}], got [${dims.join(', ')}]`);
    }
    return new Variable(dims, this.values.transpose(perm), this.attrs, this.encoding);
  }

  /** The data as an NDArray broadcast to `dims` with sizes from `sizes` (a view; missing dims get stride 0). */
  broadcastTo(dims: readonly string[], sizes: Readonly<Record<string, number>>): NDArray {
    for (const d of this.dims) if (!dims.includes(d)) throw new ValueError(`dimension '${d}' is not among [${dims.join(', ')}]`);
    const v = this.values;
    const shape = dims.map((d) => sizes[d]);
    const strides = dims.map((d) => {
      const i = this.dims.indexOf(d);
      if (i < 0) return 0;
      if (v.shape[i] !== sizes[d]) throw new ValueError(`conflicting sizes for dimension '${d}': ${v.shape[i]} vs ${sizes[d]}`);
      return v.strides[i];
    });
    return new NDArray(v.data, shape, { strides, offset: v.offset, dtype: v.dtype });
  }
}
