/**
 * The small float64 array type the numeric kernels return (a flat buffer, a shape and the device
 * that computed it), and the conversion of user inputs (a DataFrame of numeric columns, `number[][]`,
 * or a 2-D array-like with a shape) to a row-major Float64Array.
 * @module
 */
import type { Column } from '../frame/column.js';
import type { Index } from '../frame/label-index.js';
import { TypeError_, ValueError } from '../errors.js';
import { NDArray } from '../nd/ndarray.js';

/** Where a kernel ran: the float64 CPU kernels, or a WebGPU adapter (float32). */
export type Device = 'cpu' | 'gpu';

/**
 * A dense row-major float64 NDArray (src/nd) that also says which device computed it: every
 * NDArray method works on it. `cdist` returns shape `[m, n]`, `pdist` shape `[m*(m-1)/2]`.
 * @example
 * const d = cdist([[0, 0]], [[3, 4]]);
 * d.shape;     // [1, 1]
 * d.get(0, 0); // 5
 * d.device;    // 'cpu'
 */
export class KernelArray extends NDArray {
  /** The values, row-major (contiguous, offset 0). */
  declare readonly data: Float64Array;
  /** Which device computed the values. */
  readonly device: Device;
  /** The adapter's name when `device` is 'gpu' (e.g. 'llvmpipe…' for Mesa on the CPU). */
  readonly adapter: string | null;

  constructor(data: Float64Array, shape: readonly number[], device: Device = 'cpu', adapter: string | null = null) {
    let size = 1;
    for (const s of shape) size *= s;
    if (size !== data.length) throw new ValueError(`Shape [${shape.join(', ')}] needs ${size} values, got ${data.length}`);
    super(data, shape);
    this.device = device;
    this.adapter = adapter;
  }
  /** The value at a position, one index per dimension. */
  override get(...idx: number[]): number {
    if (idx.length !== this.shape.length) throw new ValueError(`Expected ${this.shape.length} indices, got ${idx.length}`);
    let p = 0;
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k];
      if (!Number.isInteger(i) || i < 0 || i >= this.shape[k]) throw new RangeError(`Index ${i} is out of bounds for axis ${k} of size ${this.shape[k]}`);
      p = p * this.shape[k] + i;
    }
    return this.data[p];
  }
  /** Nested plain arrays (rows of a 2-D array, a flat array for 1-D). */
  override toArray(): number[] | number[][] {
    if (this.shape.length !== 2) return Array.from(this.data);
    const [m, n] = this.shape;
    const out: number[][] = [];
    for (let i = 0; i < m; i++) out.push(Array.from(this.data.subarray(i * n, i * n + n)));
    return out;
  }
}

/** The parts of a DataFrame the kernels read (structural, so this layer does not import frame code). */
export interface FrameLike {
  readonly columns: string[];
  readonly length: number;
  readonly index: Index;
  column(name: string): Column;
}

/** A 2-D array-like: a flat buffer (`data` or `values`) with a shape, optionally strided (an NDArray). */
export interface ShapedLike {
  readonly shape: readonly number[];
  readonly data?: ArrayLike<number> | ArrayLike<bigint> | readonly string[];
  readonly values?: ArrayLike<number> | ArrayLike<bigint>;
  readonly strides?: readonly number[];
  readonly offset?: number;
}

/** Anything the distance kernels accept as a matrix of observations (rows) by features (columns). */
export type MatrixInput = FrameLike | ShapedLike | readonly (readonly number[])[];

/** A row-major float64 matrix. */
export interface Mat {
  data: Float64Array;
  rows: number;
  cols: number;
}

/**
 * True for a DataFrame-like object.
 * @example
 * isFrameLike(df) // true; isFrameLike([[1, 2]]) // false
 */
export function isFrameLike(x: unknown): x is FrameLike {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as { columns?: unknown; column?: unknown };
  return Array.isArray(o.columns) && typeof o.column === 'function';
}

/** Reads every column of a frame into a row-major matrix; non-numeric columns are an error naming them. */
function frameToMat(df: FrameLike, what: string): Mat {
  const names = df.columns;
  const m = df.length;
  const d = names.length;
  const cols: Float64Array[] = [];
  for (const name of names) {
    const col = df.column(name);
    if (col.dtype === 'string' || col.dtype === 'date' || col.dtype === 'datetime') {
      throw new TypeError_(`${what}: column '${name}' has dtype ${col.dtype}; distances and fits need numeric columns (select them first, e.g. df.select([...]))`);
    }
    cols.push(col.toFloat64());
  }
  const data = new Float64Array(m * d);
  for (let j = 0; j < d; j++) {
    const c = cols[j];
    for (let i = 0, p = j; i < m; i++, p += d) data[p] = c[i];
  }
  return { data, rows: m, cols: d };
}

/**
 * Converts a matrix input to a row-major Float64Array (copying; inputs are never modified).
 * `what` names the argument in error messages.
 * @example
 * toMat([[1, 2], [3, 4]], 'X') // { data: Float64Array [1, 2, 3, 4], rows: 2, cols: 2 }
 */
export function toMat(x: MatrixInput, what: string): Mat {
  if (isFrameLike(x)) return frameToMat(x, what);
  if (Array.isArray(x)) {
    const rows = x as readonly (readonly number[])[];
    const m = rows.length;
    if (m === 0) return { data: new Float64Array(0), rows: 0, cols: 0 };
    const d = Array.isArray(rows[0]) ? rows[0].length : -1;
    if (d < 0) throw new TypeError_(`${what} must be 2-D (an array of rows); got a 1-D array — wrap a single observation as [[...]]`);
    const data = new Float64Array(m * d);
    for (let i = 0; i < m; i++) {
      const r = rows[i];
      if (!Array.isArray(r) || r.length !== d) {
        throw new ValueError(`${what}: row ${i} has ${Array.isArray(r) ? r.length : 'no'} values but row 0 has ${d}`);
      }
      for (let j = 0; j < d; j++) {
        const v = r[j];
        if (typeof v !== 'number') {
          if (v === null || v === undefined) data[i * d + j] = NaN;
          else throw new TypeError_(`${what}: value at [${i}][${j}] is ${typeof v} (${JSON.stringify(v)}), not a number`);
        } else data[i * d + j] = v;
      }
    }
    return { data, rows: m, cols: d };
  }
  if (typeof x === 'object' && x !== null && Array.isArray((x as ShapedLike).shape)) {
    const s = x as ShapedLike;
    const buf = s.data ?? s.values;
    if (!buf) throw new TypeError_(`${what}: an array with a shape needs a 'data' or 'values' buffer`);
    if (!ArrayBuffer.isView(buf)) throw new TypeError_(`${what}: the array must hold numbers (a typed array); got ${Array.isArray(buf) ? 'strings' : typeof buf}`);
    if (s.shape.length !== 2) throw new ValueError(`${what} must be 2-D; got shape [${s.shape.join(', ')}]`);
    const [m, d] = s.shape;
    const st = s.strides ?? [d, 1];
    const off = s.offset ?? 0;
    const data = new Float64Array(m * d);
    const big = buf instanceof BigInt64Array || buf instanceof BigUint64Array;
    if (!big && st[0] === d && st[1] === 1 && buf.length >= off + m * d) {
      data.set((buf as unknown as Float64Array).subarray(off, off + m * d));
    } else {
      const b = buf as ArrayLike<number | bigint>;
      for (let i = 0; i < m; i++) for (let j = 0; j < d; j++) data[i * d + j] = Number(b[off + i * st[0] + j * st[1]]);
    }
    return { data, rows: m, cols: d };
  }
  throw new TypeError_(`${what} must be a DataFrame of numeric columns, a 2-D array with a shape, or number[][]`);
}
