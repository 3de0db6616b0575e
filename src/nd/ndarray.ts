/**
 * NDArray: a dtype, a shape, strides and an offset over a typed array (numpy's memory model).
 * Views (slice, transpose, squeeze, broadcastTo) share the buffer; compute produces new contiguous arrays.
 * @module
 */
import { ValueError, TypeError_ } from '../errors.js';
import { ctorOf, dtypeOfArray, type NDData, type NDType, type TypedArray } from './dtype.js';
import { cStrides, forEachRow, sizeOf } from './strided.js';
import { sliceView, transposeView, squeezeView, broadcastView, expandDimsView, type AxisSel } from './view.js';
import { binary, compare, type BinaryOp, type CompareOp } from './elementwise.js';
import { unary, type MathFn } from './math.js';
import { reduce, type ReduceOp, type ReduceOptions } from './reduce.js';
import { median } from './median.js';
import { isnan } from './isnan.js';
import { astype } from './astype.js';

/** Nested arrays of numbers, booleans or strings. */
export type Nested = number | boolean | string | readonly Nested[];

/** A scalar or array operand of arithmetic. */
export type Operand = NDArray | number;

/** An N-d array over a typed array. */
export class NDArray {
  /** The buffer (shared by views). */
  readonly data: NDData;
  /** Length of each dimension. */
  readonly shape: readonly number[];
  /** Step in elements along each dimension (0 for broadcast dimensions). */
  readonly strides: readonly number[];
  /** Position of element [0, 0, ...] in `data`. */
  readonly offset: number;
  /** The dtype. */
  readonly dtype: NDType;

  /**
   * @example
   * const a = new NDArray(new Float64Array([1, 2, 3, 4, 5, 6]), [2, 3]);
   */
  constructor(data: NDData, shape: readonly number[], opts: { strides?: readonly number[]; offset?: number; dtype?: NDType } = {}) {
    for (const d of shape) if (!Number.isInteger(d) || d < 0) throw new ValueError(`Invalid shape [${shape.join(', ')}]`);
    this.data = data;
    this.shape = [...shape];
    this.strides = opts.strides ? [...opts.strides] : cStrides(shape);
    this.offset = opts.offset ?? 0;
    this.dtype = opts.dtype ?? dtypeOfArray(data);
    if (this.strides.length !== shape.length) throw new ValueError('strides and shape differ in length');
    if (!opts.strides && this.offset + sizeOf(shape) > data.length) {
      throw new ValueError(`Cannot reshape an array of size ${data.length} into shape [${shape.join(', ')}]`);
    }
  }

  /**
   * From nested arrays (float64 for numbers, bool for booleans, string for strings) or a flat typed array.
   * @example
   * NDArray.from([[1, 2], [3, 4]]).shape // [2, 2]
   */
  static from(values: Nested | NDData, shape?: readonly number[]): NDArray {
    if (ArrayBuffer.isView(values)) return new NDArray(values as TypedArray, shape ?? [(values as TypedArray).length]);
    const sh: number[] = [];
    let probe: Nested = values as Nested;
    while (Array.isArray(probe)) {
      sh.push(probe.length);
      probe = (probe as readonly Nested[])[0];
    }
    const flat: Nested[] = sh.length ? (values as readonly Nested[]).flat(sh.length - 1 as 1) as Nested[] : [values as Nested];
    if (flat.length !== sizeOf(sh)) throw new ValueError('Nested arrays are ragged: every row must have the same length');
    let arr: NDArray;
    if (typeof probe === 'string') arr = new NDArray(flat.map(String), sh, { dtype: 'string' });
    else if (typeof probe === 'boolean') arr = new NDArray(Uint8Array.from(flat, (v) => (v ? 1 : 0)), sh, { dtype: 'bool' });
    else {
      const out = new Float64Array(flat.length);
      for (let i = 0; i < flat.length; i++) {
        const v = flat[i];
        if (typeof v !== 'number' && v !== null) throw new TypeError_(`Expected numbers, got ${typeof v}`);
        out[i] = v === null ? NaN : v;
      }
      arr = new NDArray(out, sh);
    }
    if (shape) return arr.reshape(shape);
    return arr;
  }

  /**
   * An array of one value.
   * @example
   * NDArray.full([2, 2], NaN)
   */
  static full(shape: readonly number[], value: number, dtype: NDType = 'float64'): NDArray {
    const a = new (ctorOf(dtype))(sizeOf(shape));
    if (a instanceof BigInt64Array || a instanceof BigUint64Array) a.fill(BigInt(value));
    else a.fill(value);
    return new NDArray(a, shape, { dtype });
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }
  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }
  /** True when the elements lie in C order from `offset` without gaps. */
  get isContiguous(): boolean {
    const c = cStrides(this.shape);
    return this.shape.every((d, i) => d <= 1 || c[i] === this.strides[i]);
  }

  /** A C-contiguous copy (or this array when it already is one with offset 0 and no extra elements). */
  contiguous(): NDArray {
    if (this.isContiguous && this.offset === 0 && this.data.length === this.size) return this;
    const n = this.size;
    const src = this.data;
    if (Array.isArray(src)) {
      const out = new Array<string>(n);
      forEachRow(this.shape, [this.strides, cStrides(this.shape)], [this.offset, 0], (o, len, s) => {
        for (let i = 0, p = o[0], q = o[1]; i < len; i++, p += s[0], q += s[1]) out[q] = src[p];
      });
      return new NDArray(out, this.shape, { dtype: 'string' });
    }
    const out = new (ctorOf(this.dtype))(n);
    const dst = out as unknown as Float64Array;
    const from = src as unknown as Float64Array;
    forEachRow(this.shape, [this.strides, cStrides(this.shape)], [this.offset, 0], (o, len, s) => {
      const s0 = s[0];
      let p = o[0];
      let q = o[1];
      if (s0 === 1 && s[1] === 1) {
        dst.set(from.subarray(p, p + len), q);
        return;
      }
      for (let i = 0; i < len; i++, p += s0, q++) dst[q] = from[p];
    });
    return new NDArray(out, this.shape, { dtype: this.dtype });
  }

  /** The values as a new contiguous Float64Array (bool -> 0/1, int64 via Number). */
  toFloat64(): Float64Array {
    if (this.dtype === 'string') throw new TypeError_('Cannot convert a string array to numbers');
    const c = this.contiguous();
    const d = c.data as TypedArray;
    if (d instanceof Float64Array) return c === this ? d.slice() : d;
    const out = new Float64Array(d.length);
    if (d instanceof BigInt64Array || d instanceof BigUint64Array) for (let i = 0; i < d.length; i++) out[i] = Number(d[i]);
    else out.set(d);
    return out;
  }

  /** The values in C order as a contiguous typed array (or string[]); may share memory with this array. */
  flat(): NDData {
    return this.contiguous().data;
  }

  /**
   * One element, by index per dimension (negative counts from the end).
   * @example
   * NDArray.from([[1, 2], [3, 4]]).get(1, 0) // 3
   */
  get(...idx: number[]): number | bigint | string | boolean {
    if (idx.length !== this.ndim) throw new ValueError(`get() needs ${this.ndim} indices, got ${idx.length}`);
    let p = this.offset;
    for (let d = 0; d < idx.length; d++) {
      const i = idx[d] < 0 ? idx[d] + this.shape[d] : idx[d];
      if (!(i >= 0 && i < this.shape[d])) throw new ValueError(`index ${idx[d]} is out of bounds for axis ${d} with size ${this.shape[d]}`);
      p += i * this.strides[d];
    }
    const v = this.data[p];
    return this.dtype === 'bool' ? v === 1 : v;
  }

  /**
   * Nested plain arrays (numbers, booleans or strings).
   * @example
   * NDArray.from([[1, 2], [3, 4]]).toArray() // [[1, 2], [3, 4]]
   */
  toArray(): Nested {
    const flat = this.contiguous().data;
    const vals: (number | string | boolean)[] = Array.isArray(flat) ? flat
      : this.dtype === 'bool' ? Array.from(flat as Uint8Array, (v) => v === 1)
      : Array.from(flat as ArrayLike<number | bigint>, (v) => (typeof v === 'bigint' ? Number(v) : v));
    if (this.ndim === 0) return vals[0];
    const build = (d: number, start: number): Nested => {
      const step = sizeOf(this.shape.slice(d + 1));
      const out: Nested[] = [];
      for (let i = 0; i < this.shape[d]; i++) out.push(d === this.ndim - 1 ? vals[start + i] : build(d + 1, start + i * step));
      return out;
    };
    return build(0, 0);
  }

  /**
   * Same data, a new shape (copies only when this view is not contiguous). One dimension may be -1.
   * @example
   * NDArray.from([1, 2, 3, 4]).reshape([2, 2])
   */
  reshape(shape: readonly number[]): NDArray {
    const sh = [...shape];
    const neg = sh.indexOf(-1);
    if (neg >= 0) sh[neg] = this.size / sizeOf(sh.filter((_, i) => i !== neg));
    if (sizeOf(sh) !== this.size || !sh.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new ValueError(`Cannot reshape an array of size ${this.size} into shape [${shape.join(', ')}]`);
    }
    const c = this.isContiguous ? this : this.contiguous();
    return new NDArray(c.data, sh, { strides: cStrides(sh), offset: c.offset, dtype: this.dtype });
  }

  /** A view selecting along each axis: an index (drops the axis), `{start, stop, step}`, or null (all). */
  slice(sel: readonly AxisSel[]): NDArray {
    return sliceView(this, sel);
  }
  /** A view with axes permuted (reversed when `axes` is omitted). */
  transpose(axes?: readonly number[]): NDArray {
    return transposeView(this, axes);
  }
  /** A view without length-1 axes (or only those given). */
  squeeze(axes?: readonly number[]): NDArray {
    return squeezeView(this, axes);
  }
  /** A view broadcast to `shape` (numpy rules; broadcast axes get stride 0). */
  broadcastTo(shape: readonly number[]): NDArray {
    return broadcastView(this, shape);
  }
  /** A view with a new length-1 axis at `axis`. */
  expandDims(axis: number): NDArray {
    return expandDimsView(this, axis);
  }

  /** Elementwise `this + other` with broadcasting. */
  add(other: Operand): NDArray { return binary('add', this, other); }
  /** Elementwise `this - other`. */
  sub(other: Operand): NDArray { return binary('sub', this, other); }
  /** Elementwise `this * other`. */
  mul(other: Operand): NDArray { return binary('mul', this, other); }
  /** Elementwise `this / other`. */
  div(other: Operand): NDArray { return binary('div', this, other); }
  /** Elementwise `this ** other`. */
  pow(other: Operand): NDArray { return binary('pow', this, other); }
  /** Any binary op by name. */
  binary(op: BinaryOp, other: Operand): NDArray { return binary(op, this, other); }
  /** Elementwise comparison, a bool array. */
  compare(op: CompareOp, other: Operand): NDArray { return compare(op, this, other); }
  /** Elementwise math (abs, exp, log, sqrt, ...). */
  math(fn: MathFn): NDArray { return unary(fn, this); }
  /** A bool array, true where NaN. */
  isnan(): NDArray { return isnan(this); }
  /** A converted copy. */
  astype(dtype: NDType): NDArray { return astype(this, dtype); }

  /** Sum over axes (all when omitted), NaN skipped unless `skipna: false`. */
  sum(axes?: number | readonly number[], opts?: ReduceOptions): NDArray { return reduce('sum', this, axes, opts); }
  /** Mean over axes. */
  mean(axes?: number | readonly number[], opts?: ReduceOptions): NDArray { return reduce('mean', this, axes, opts); }
  /** Minimum over axes. */
  min(axes?: number | readonly number[], opts?: ReduceOptions): NDArray { return reduce('min', this, axes, opts); }
  /** Maximum over axes. */
  max(axes?: number | readonly number[], opts?: ReduceOptions): NDArray { return reduce('max', this, axes, opts); }
  /** Variance over axes (`ddof` default 0, as numpy/xarray). */
  var(axes?: number | readonly number[], opts?: ReduceOptions): NDArray { return reduce('var', this, axes, opts); }
  /** Standard deviation over axes (`ddof` default 0). */
  std(axes?: number | readonly number[], opts?: ReduceOptions): NDArray { return reduce('std', this, axes, opts); }
  /** Count of non-NaN values over axes. */
  count(axes?: number | readonly number[]): NDArray { return reduce('count', this, axes); }
  /** Median over axes, NaN skipped. */
  median(axes?: number | readonly number[], opts?: ReduceOptions): NDArray { return median(this, axes, opts); }
  /** Any reduction by name. */
  reduce(op: ReduceOp | 'median', axes?: number | readonly number[], opts?: ReduceOptions): NDArray {
    return op === 'median' ? median(this, axes, opts) : reduce(op, this, axes, opts);
  }
}
