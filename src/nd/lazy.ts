/**
 * Lazy arrays: a shape and dtype over a source that reads a hyperslab on demand (a NetCDF/HDF5 variable,
 * or several along one axis). `isel` composes selections without reading; `load()` reads only them.
 * @module
 */
import { ValueError } from '../errors.js';
import { NDArray } from './ndarray.js';
import { ctorOf, type NDType, type TypedArray } from './dtype.js';
import { resolveSlice, type AxisSel } from './view.js';
import { alloc } from '../frame/alloc.js';

/** One dimension of a hyperslab: `count` elements from `start` by `step` (step > 0). */
export interface Range {
  start: number;
  step: number;
  count: number;
}

/**
 * How a worker thread can open the same source again (a file variable, or several concatenated):
 * plain data, so it crosses threads where the source object cannot.
 */
export type SourceSpec =
  | { kind: 'h5'; file: string; path: string; shape: number[]; dtype: NDType }
  | { kind: 'concat'; axis: number; parts: SourceSpec[] };

/** The inputs of a LazyArray's decode step (CF decoding), so a worker can plan the same decoding. */
export interface DecodeSpec {
  raw: NDType;
  attrs: Record<string, unknown>;
  maskAndScale?: boolean;
  decodeTimes?: boolean;
}

/** Something that reads hyperslabs of an N-d array. */
export interface ArraySource {
  /** A description a worker can reopen the source from (absent when it cannot, e.g. an in-memory source). */
  spec?(): SourceSpec | null;
  readonly shape: readonly number[];
  readonly dtype: NDType;
  /** Reads the hyperslab (one Range per dimension) as a contiguous NDArray of shape `counts`. */
  read(ranges: readonly Range[]): NDArray;
  /**
   * Optionally, reads the hyperslab in C order straight into `out` from element `at` (no intermediate
   * array); returns false when it cannot (the caller then uses `read`).
   */
  readInto?(ranges: readonly Range[], out: TypedArray, at: number): boolean;
}

/** A lazily read selection of a source, with an optional decode step applied after reading. */
export class LazyArray {
  readonly source: ArraySource;
  /** Per source dimension: selected range, and whether the dimension is kept (false after an integer index). */
  readonly ranges: readonly Range[];
  readonly reversed: readonly boolean[];
  readonly kept: readonly boolean[];
  readonly decode: ((a: NDArray) => NDArray) | null;
  /** The dtype after decoding. */
  readonly dtype: NDType;
  /**
   * Whether a Variable over this array keeps what it read (xarray's `cache=True`, the default when a
   * file is opened without chunks), so a second use does not read the file again.
   */
  readonly cache: boolean;
  /** What the decode step was planned from (null: no decoding, or not reproducible in a worker). */
  readonly decodeSpec: DecodeSpec | null;

  /**
   * @example
   * new LazyArray(source, null, 'float64', { cache: true })
   */
  constructor(source: ArraySource, decode: ((a: NDArray) => NDArray) | null, dtype: NDType, state?: { ranges?: Range[]; reversed?: boolean[]; kept?: boolean[]; cache?: boolean; decodeSpec?: DecodeSpec | null }) {
    this.source = source;
    this.decode = decode;
    this.dtype = dtype;
    this.cache = state?.cache ?? false;
    this.decodeSpec = state?.decodeSpec ?? null;
    this.ranges = state?.ranges ?? source.shape.map((n) => ({ start: 0, step: 1, count: n }));
    this.reversed = state?.reversed ?? source.shape.map(() => false);
    this.kept = state?.kept ?? source.shape.map(() => true);
  }

  /** The shape of what `load()` returns. */
  get shape(): number[] {
    return this.ranges.flatMap((r, i) => (this.kept[i] ? [r.count] : []));
  }
  /** Number of dimensions after selection. */
  get ndim(): number {
    return this.shape.length;
  }

  /**
   * A further selection, one entry per (kept) dimension; nothing is read.
   * @example
   * lazy.isel([0, { start: 10, stop: 20 }])
   */
  isel(sel: readonly AxisSel[]): LazyArray {
    const ranges = this.ranges.map((r) => ({ ...r }));
    const reversed = [...this.reversed];
    const kept = [...this.kept];
    let k = 0;
    for (let d = 0; d < ranges.length; d++) {
      if (!kept[d]) continue;
      const s = k < sel.length ? sel[k] : null;
      k++;
      if (s === null) continue;
      const r = ranges[d];
      // position p in the current view -> source index
      const at = (p: number): number => (reversed[d] ? r.start + (r.count - 1 - p) * r.step : r.start + p * r.step);
      if (typeof s === 'number') {
        const i = s < 0 ? s + r.count : s;
        if (!(Number.isInteger(i) && i >= 0 && i < r.count)) throw new ValueError(`index ${s} is out of bounds for axis ${k - 1} with size ${r.count}`);
        ranges[d] = { start: at(i), step: 1, count: 1 };
        kept[d] = false;
        reversed[d] = false;
        continue;
      }
      const v = resolveSlice(s, r.count);
      if (v.length === 0) { ranges[d] = { start: r.start, step: 1, count: 0 }; continue; }
      const a = at(v.start);
      const b = at(v.start + (v.length - 1) * v.step);
      ranges[d] = { start: Math.min(a, b), step: Math.abs(v.step) * r.step, count: v.length };
      reversed[d] = a > b;
    }
    if (k < sel.length) throw new ValueError(`Too many indices: array has ${k} dimensions, got ${sel.length}`);
    return new LazyArray(this.source, this.decode, this.dtype, { ranges, reversed, kept, cache: this.cache, decodeSpec: this.decodeSpec });
  }

  /**
   * Reads the selection (and decodes it).
   * @example
   * const arr = lazy.isel([0]).load();
   */
  load(): NDArray {
    return this.loadInto(null);
  }

  /**
   * `load()`, reading into `scratch` when it is large enough and the source can (a reused buffer for
   * chunk-by-chunk work: the result may be a view of `scratch`, valid until it is reused).
   * @example
   * const buf = new Float32Array(12 * 160 * 320);
   * const first = lazy.isel([{ start: 0, stop: 12 }]).loadInto(buf);
   */
  loadInto(scratch: TypedArray | null): NDArray {
    let a: NDArray | null = null;
    const n = this.ranges.reduce((p, r) => p * r.count, 1);
    if (scratch && this.source.readInto && n > 0 && n <= scratch.length && this.ranges.every((r) => r.step === 1)) {
      const view = scratch.subarray(0, n);
      if (this.source.readInto(this.ranges, view, 0)) a = new NDArray(view, this.ranges.map((r) => r.count), { dtype: this.source.dtype });
    }
    a ??= this.source.read(this.ranges);
    if (this.reversed.some((r) => r)) a = a.slice(this.reversed.map((r) => (r ? { step: -1 } : null))).contiguous();
    const drop = this.kept.flatMap((k, i) => (k ? [] : [i]));
    if (drop.length) a = a.squeeze(drop);
    return this.decode ? this.decode(a) : a;
  }
}

/** Several sources concatenated along one axis (openMfDataset). */
export class ConcatSource implements ArraySource {
  readonly shape: readonly number[];
  readonly dtype: NDType;
  readonly parts: readonly ArraySource[];
  readonly axis: number;
  readonly #starts: number[];

  /**
   * @example
   * new ConcatSource([a, b], 0)
   */
  constructor(parts: readonly ArraySource[], axis: number) {
    if (parts.length === 0) throw new ValueError('Nothing to concatenate');
    const s0 = parts[0].shape;
    for (const p of parts) {
      if (p.shape.length !== s0.length || p.shape.some((d, i) => i !== axis && d !== s0[i])) {
        throw new ValueError(`Cannot concatenate arrays of shapes (${s0.join(',')}) and (${p.shape.join(',')}) along axis ${axis}`);
      }
    }
    this.parts = parts;
    this.axis = axis;
    this.dtype = parts[0].dtype;
    this.#starts = [];
    let acc = 0;
    for (const p of parts) { this.#starts.push(acc); acc += p.shape[axis]; }
    const shape = [...s0];
    shape[axis] = acc;
    this.shape = shape;
  }

  read(ranges: readonly Range[]): NDArray {
    const subs = this.#pieces(ranges);
    const shape = ranges.map((x) => x.count);
    const direct = this.#readDirect(subs, shape);
    if (direct) return direct;
    return concatArrays(subs.map((s) => s.part.read(s.ranges)), this.axis, shape, this.dtype);
  }

  /** The part and local ranges of each piece of a selection, in order along the axis. */
  #pieces(ranges: readonly Range[]): { part: ArraySource; ranges: Range[] }[] {
    const ax = this.axis;
    const r = ranges[ax];
    const subs: { part: ArraySource; ranges: Range[] }[] = [];
    let i = 0;
    while (i < r.count) {
      const idx = r.start + i * r.step;
      let p = this.#starts.length - 1;
      while (this.#starts[p] > idx) p--;
      const local = idx - this.#starts[p];
      const len = this.parts[p].shape[ax];
      const n = Math.min(r.count - i, Math.floor((len - 1 - local) / r.step) + 1);
      const sub = ranges.map((x, d) => (d === ax ? { start: local, step: r.step, count: n } : x));
      subs.push({ part: this.parts[p], ranges: sub });
      i += n;
    }
    return subs;
  }

  /** A spec of every part, or null when one has none. */
  spec(): SourceSpec | null {
    const parts = this.parts.map((p) => p.spec?.() ?? null);
    return parts.every((p) => p !== null) ? { kind: 'concat', axis: this.axis, parts: parts as SourceSpec[] } : null;
  }

  /** Reads into `out` when every piece is a contiguous block of the result (one outer position). */
  readInto(ranges: readonly Range[], out: TypedArray, at: number): boolean {
    if (ranges.slice(0, this.axis).some((r) => r.count !== 1)) return false;
    let pos = at;
    for (const s of this.#pieces(ranges)) {
      if (!s.part.readInto?.(s.ranges, out, pos)) return false;
      pos += s.ranges.reduce((a, r) => a * r.count, 1);
    }
    return true;
  }

  /** When the pieces are contiguous blocks of the result (one outer position), reads each into place. */
  #readDirect(subs: readonly { part: ArraySource; ranges: Range[] }[], shape: readonly number[]): NDArray | null {
    if (this.dtype === 'string' || subs.length < 2 || shape.slice(0, this.axis).some((c) => c !== 1)) return null;
    if (!subs.every((s) => s.part.readInto)) return null;
    const out = allocTyped(this.dtype, shape.reduce((a, b) => a * b, 1));
    let at = 0;
    for (const s of subs) {
      if (!s.part.readInto?.(s.ranges, out, at)) return null;
      at += s.ranges.reduce((a, r) => a * r.count, 1);
    }
    return new NDArray(out, shape, { dtype: this.dtype });
  }
}

/**
 * A zeroed typed array for `n` elements of a numeric dtype, on a SharedArrayBuffer when large (alloc):
 * besides letting workers read it in place, a shared buffer does not count as V8 external memory
 * pressure, so reading a large variable does not force a full garbage collection of the heap.
 * @example
 * allocTyped('float32', 1 << 20) // Float32Array over a SharedArrayBuffer
 */
export function allocTyped(dtype: NDType, n: number): TypedArray {
  type BufCtor = { new (b: ArrayBufferLike, off?: number, len?: number): TypedArray; BYTES_PER_ELEMENT: number };
  return alloc(ctorOf(dtype) as unknown as BufCtor, n);
}

/**
 * Concatenates contiguous arrays along `axis` into a new contiguous array of `shape`.
 * @example
 * concatArrays([a, b], 0, [4, 3], 'float64')
 */
export function concatArrays(pieces: readonly NDArray[], axis: number, shape: readonly number[], dtype: NDType): NDArray {
  if (pieces.length === 1) return pieces[0];
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const total = outer * shape[axis] * inner;
  const first = pieces[0].contiguous().data;
  if (Array.isArray(first)) throw new ValueError('Cannot concatenate string arrays here');
  const out = new (first.constructor as { new (n: number): Float64Array })(total);
  let off = 0;
  for (const p0 of pieces) {
    const p = p0.contiguous();
    const d = p.data as Float64Array;
    const block = p.shape[axis] * inner;
    for (let o = 0; o < outer; o++) out.set(d.subarray(o * block, (o + 1) * block), o * shape[axis] * inner + off);
    off += block;
  }
  return new NDArray(out, shape, { dtype });
}
