/**
 * Chunked N-d arrays (dask arrays behind xarray): `chunkDataArray(da, { time: 12 })` (what
 * `da.chunk({ time: 12 })` returns) splits an array into blocks along the named dimensions.
 * Elementwise chains (`add`, `mul`, `math('sqrt')`, ...) and one final reduction (`mean('time')`,
 * `sum`, `min`, `max`, `var`, `std`, `count`) are recorded lazily; `compute()` runs them chunk by
 * chunk in the worker pool. Chunks read the source's shared memory in place (an in-memory source is
 * copied once into a SharedArrayBuffer when it is not shared already); an elementwise result is
 * written by the workers straight into one shared output; reductions come back as small partial
 * states (count, sum / Welford mean and M2, min, max) merged in chunk order on the calling thread.
 * A lazily opened source (a NetCDF/HDF5 variable, or several files) is read one chunk at a time,
 * with at most two chunks per worker in flight: by the workers themselves (each opens the file with
 * its own h5wasm and reads its hyperslab into a reused buffer) when the source can be reopened from a
 * spec, else on the calling thread.
 *
 * Numbers equal the in-memory reduction exactly for count/min/max and within floating-point
 * reassociation for sum/mean/var/std (chunks change the order of additions; float32 data is
 * accumulated in float64 and rounded once to float32, so it may differ from the in-memory float32
 * result by an ulp). NaN is skipped (xarray's default skipna for floats); var/std use ddof 0
 * unless given.
 * @module
 */
import type { DataArray } from '../nd/dataarray.js';
import { NDArray } from '../nd/ndarray.js';
import { Variable } from '../nd/variable.js';
import { LazyArray } from '../nd/lazy.js';
import type { MathFn } from '../nd/math.js';
import { unknownName, ValueError } from '../errors.js';
import { toShared } from './codec.js';
import { poolInfo, runInWorker } from './pool.js';
import { AbortError } from './errors.js';
import { cStrides } from '../nd/strided.js';
import { finish, mergePartial, type ChunkOp, type ChunkReduceOp, type Partial } from './chunk-kernels.js';
import type { ChunkJob } from './chunk-worker.js';

/** Options of a chunked reduction. */
export interface ChunkReduceOptions {
  /** Delta degrees of freedom of var/std (default 0, as xarray). */
  ddof?: number;
  /** Only true (the default) is supported on chunked arrays. */
  skipna?: boolean;
}

/** Options of `compute`. */
export interface ChunkComputeOptions {
  signal?: AbortSignal;
  /** Called after each chunk: chunks done / total. */
  onProgress?: (p: { done: number; total: number }) => void;
}

interface Reduction {
  op: ChunkReduceOp;
  dims: string[];
  ddof: number;
}

/** A lazily computed, chunked DataArray. */
export class ChunkedDataArray {
  /** The array the chunks are cut from. */
  readonly source: DataArray;
  /** Chunk length along each chunked dimension. */
  readonly chunkSizes: Readonly<Record<string, number>>;
  /** The recorded elementwise chain. */
  readonly ops: readonly ChunkOp[];
  /** The recorded reduction, if any. */
  readonly reduction: Reduction | null;

  constructor(source: DataArray, chunkSizes: Readonly<Record<string, number>>, ops: readonly ChunkOp[] = [], reduction: Reduction | null = null) {
    this.source = source;
    this.chunkSizes = chunkSizes;
    this.ops = ops;
    this.reduction = reduction;
  }

  /** Dimensions of the result. */
  get dims(): string[] {
    const r = this.reduction;
    return this.source.dims.filter((d) => !r || !r.dims.includes(d));
  }

  /** Chunk lengths along every source dimension (xarray's `.chunks`). */
  get chunks(): number[][] {
    return this.source.dims.map((d, i) => ranges(this.source.shape[i], this.chunkSizes[d]).map(([s, e]) => e - s));
  }

  #op(op: ChunkOp): ChunkedDataArray {
    if (this.reduction) throw new ValueError('This chunked array is already reduced; compute() it first, then continue on the result');
    return new ChunkedDataArray(this.source, this.chunkSizes, [...this.ops, op], null);
  }

  /** `this + value` (lazy). */
  add(value: number): ChunkedDataArray { return this.#op({ op: 'arith', fn: 'add', value }); }
  /** `this - value` (lazy). */
  sub(value: number): ChunkedDataArray { return this.#op({ op: 'arith', fn: 'sub', value }); }
  /** `this * value` (lazy). */
  mul(value: number): ChunkedDataArray { return this.#op({ op: 'arith', fn: 'mul', value }); }
  /** `this / value` (lazy). */
  div(value: number): ChunkedDataArray { return this.#op({ op: 'arith', fn: 'div', value }); }
  /** `this ** value` (lazy). */
  pow(value: number): ChunkedDataArray { return this.#op({ op: 'arith', fn: 'pow', value }); }
  /**
   * An elementwise function (lazy).
   * @example
   * da.chunk({ time: 12 }).math('sqrt')
   */
  math(fn: MathFn): ChunkedDataArray { return this.#op({ op: 'math', fn }); }

  /**
   * A reduction over dims (all when omitted), run by `compute()`.
   * @example
   * await da.chunk({ time: 12 }).reduce('mean', 'time').compute()
   */
  reduce(op: ChunkReduceOp, dim?: string | readonly string[], opts: ChunkReduceOptions = {}): ChunkedDataArray {
    if (this.reduction) throw new ValueError('This chunked array is already reduced; compute() it first');
    if (opts.skipna === false) throw new ValueError('skipna: false is not supported on chunked arrays; load() the array first');
    const dims = dim === undefined ? [...this.source.dims] : typeof dim === 'string' ? [dim] : [...dim];
    for (const d of dims) if (!this.source.dims.includes(d)) throw unknownName('dimension', d, this.source.dims);
    return new ChunkedDataArray(this.source, this.chunkSizes, this.ops, { op, dims, ddof: opts.ddof ?? 0 });
  }
  /** Sum (lazy). */
  sum(dim?: string | readonly string[]): ChunkedDataArray { return this.reduce('sum', dim); }
  /** Mean (lazy). @example await da.chunk({ time: 12 }).mean('time').compute() */
  mean(dim?: string | readonly string[]): ChunkedDataArray { return this.reduce('mean', dim); }
  /** Minimum (lazy). */
  min(dim?: string | readonly string[]): ChunkedDataArray { return this.reduce('min', dim); }
  /** Maximum (lazy). */
  max(dim?: string | readonly string[]): ChunkedDataArray { return this.reduce('max', dim); }
  /** Variance, ddof 0 by default (lazy). */
  var(dim?: string | readonly string[], opts: ChunkReduceOptions = {}): ChunkedDataArray { return this.reduce('var', dim, opts); }
  /** Standard deviation, ddof 0 by default (lazy). */
  std(dim?: string | readonly string[], opts: ChunkReduceOptions = {}): ChunkedDataArray { return this.reduce('std', dim, opts); }
  /** Count of non-NaN values (lazy). */
  count(dim?: string | readonly string[]): ChunkedDataArray { return this.reduce('count', dim); }

  /**
   * Runs the chain chunk by chunk in the worker pool.
   * @example
   * const clim = await da.chunk({ time: 12 }).sub(273.15).mean('time').compute();
   */
  async compute(opts: ChunkComputeOptions = {}): Promise<DataArray> {
    return computeChunked(this, opts);
  }

  toString(): string {
    const c = Object.entries(this.chunkSizes).map(([d, n]) => `${d}: ${n}`).join(', ');
    return `ChunkedDataArray(dims=[${this.source.dims.join(', ')}], chunks={${c}}, ops=${this.ops.length}${this.reduction ? `, ${this.reduction.op}(${this.reduction.dims.join(', ')})` : ''})`;
  }
}

function ranges(len: number, size: number | undefined): Array<[number, number]> {
  if (!size || size >= len) return [[0, len]];
  const out: Array<[number, number]> = [];
  for (let s = 0; s < len; s += size) out.push([s, Math.min(len, s + size)]);
  return out;
}

/**
 * Splits `da` into chunks of the given lengths along the named dimensions (lazy).
 * @example
 * const c = chunkDataArray(tas, { time: 12 }); // also tas.chunk({ time: 12 })
 * const clim = await c.mean('time').compute();
 */
export function chunkDataArray(da: DataArray, chunks: Readonly<Record<string, number>>): ChunkedDataArray {
  for (const [d, n] of Object.entries(chunks)) {
    if (!da.dims.includes(d)) throw unknownName('dimension', d, da.dims);
    if (!Number.isInteger(n) || n < 1) throw new ValueError(`chunk(): the chunk length of '${d}' must be a positive integer, got ${String(n)}`);
  }
  if (da.dtype === 'string') throw new ValueError('chunk(): only numeric arrays can be chunked');
  return new ChunkedDataArray(da, { ...chunks });
}

type Grid = Array<Array<[number, number]>>;

function* cells(grid: Grid): Generator<Array<[number, number]>> {
  const idx = grid.map(() => 0);
  for (;;) {
    yield grid.map((g, d) => g[idx[d]]);
    let d = grid.length - 1;
    while (d >= 0 && ++idx[d] === grid[d].length) idx[d--] = 0;
    if (d < 0) return;
  }
}

async function computeChunked(c: ChunkedDataArray, opts: ChunkComputeOptions): Promise<DataArray> {
  if (opts.signal?.aborted) throw new AbortError('The chunked computation was aborted before it started');
  const da = c.source;
  const shape = da.shape;
  const dims = da.dims;
  const grid: Grid = dims.map((d, i) => ranges(shape[i], c.chunkSizes[d]));
  const red = c.reduction;
  const axes = dims.map((d) => (red ? red.dims.includes(d) : false));
  const outShape = shape.filter((_, i) => !axes[i]);
  const outStrides = cStrides(outShape);
  const outSize = outShape.reduce((a, b) => a * b, 1);
  const lazy = da.variable.isLazy;
  const whole = lazy ? null : da.values;
  const sharedData = whole ? toShared(whole.data as Float64Array, true) : null;
  const out = red ? null : new Float64Array(new SharedArrayBuffer(Math.max(1, outSize) * 8), 0, outSize);
  const total: Partial | null = red ? { count: new Float64Array(outSize), a: new Float64Array(outSize), m2: new Float64Array(red.op === 'var' || red.op === 'std' ? outSize : 0) } : null;
  const cellList = [...cells(grid)];
  const task = { kind: 'builtin' as const, op: 'chunk', label: 'chunk' };
  const ctl = new AbortController();
  const onAbort = (): void => ctl.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const pending = new Map<number, Partial>();
  let nextMerge = 0;
  let done = 0;
  const mergeReady = (): void => {
    while (total && red && pending.has(nextMerge)) {
      const cell = cellList[nextMerge];
      const part = pending.get(nextMerge) as Partial;
      pending.delete(nextMerge);
      let off = 0;
      let k = 0;
      const block: number[] = [];
      cell.forEach(([s, e], d) => {
        if (axes[d]) return;
        off += s * outStrides[k++];
        block.push(e - s);
      });
      mergePartial(total, part, block, outStrides, off, red.op);
      nextMerge++;
    }
  };
  const job = (cell: Array<[number, number]>): ChunkJob => {
    const cshape = cell.map(([s, e]) => e - s);
    let outInfo: ChunkJob['out'] = null;
    if (out) outInfo = { data: out, strides: outStrides, offset: cell.reduce((a, [s], d) => a + s * outStrides[d], 0) };
    const reduce = red ? { op: red.op, axes } : null;
    if (whole && sharedData) {
      const offset = cell.reduce((a, [s], d) => a + s * whole.strides[d], whole.offset);
      return { data: sharedData, shape: cshape, strides: [...whole.strides], offset, ops: [...c.ops], reduce, out: outInfo };
    }
    const sel: Record<string, { start: number; stop: number }> = {};
    cell.forEach(([s, e], d) => { sel[dims[d]] = { start: s, stop: e }; });
    const sub = da.variable.isel(sel).raw;
    const spec = sub instanceof LazyArray ? sub.source.spec?.() ?? null : null;
    if (sub instanceof LazyArray && spec && (sub.decode === null || sub.decodeSpec) && sub.kept.every((k) => k) && sub.reversed.every((r) => !r) && sub.ranges.every((r) => r.step === 1)) {
      // the worker reads this chunk from the file itself: nothing goes through this thread
      const read = { source: spec, decode: sub.decode ? sub.decodeSpec : null, ranges: sub.ranges.map((r) => ({ ...r })) };
      return { data: new Float64Array(0), read, shape: cshape, strides: cStrides(cshape), offset: 0, ops: [...c.ops], reduce, out: outInfo };
    }
    const part = da.isel(sel).values;
    return { data: toShared(part.data as Float64Array), shape: cshape, strides: [...part.strides], offset: part.offset, ops: [...c.ops], reduce, out: outInfo };
  };
  const limit = lazy ? Math.max(1, poolInfo().workers * 2) : cellList.length;
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const launch = (): void => {
        while (!failed && next < cellList.length && next - done < limit) {
          const i = next++;
          let j: ChunkJob;
          try {
            j = job(cellList[i]);
          } catch (e) {
            failed = true;
            reject(e);
            return;
          }
          runInWorker(task, [j], { signal: ctl.signal }).then((r) => {
            if (failed) return;
            if (red) pending.set(i, r as Partial);
            mergeReady();
            done++;
            opts.onProgress?.({ done, total: cellList.length });
            if (done === cellList.length) resolve();
            else launch();
          }, (e: unknown) => {
            if (failed) return;
            failed = true;
            ctl.abort();
            reject(opts.signal?.aborted ? new AbortError('The chunked computation was aborted', { cause: e }) : e);
          });
        }
      };
      if (cellList.length === 0) resolve();
      else launch();
    });
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }
  const ctor = da.constructor as typeof DataArray;
  const values = red && total ? finish(total, red.op, red.ddof) : (out as Float64Array);
  // Same dtype as the in-memory operations: float32 stays float32 (computed in float64, rounded once), counts and ints give float64.
  const f32 = da.dtype === 'float32' && red?.op !== 'count';
  const v = new Variable(c.dims, new NDArray(f32 ? Float32Array.from(values) : values, outShape));
  return ctor.fromParts(v, da.coords, da.name);
}
