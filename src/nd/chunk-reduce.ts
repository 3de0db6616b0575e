/**
 * Reductions of a variable opened with `chunks` (`openDataset(path, { chunks: { time: 12 } })`), one
 * chunk at a time on the calling thread: each chunk is read (a hyperslab of the file), reduced to a
 * float64 partial over its block of the output (count, sum, mean and M2, min or max) and merged into
 * the totals (Chan's formula for the variance). Memory holds one chunk and the output, never the whole
 * variable. `da.chunk()` runs the same chunks in the worker pool instead.
 *
 * Results equal the in-memory reduction within floating-point reassociation (chunks change the order
 * of additions; float32 data is accumulated in float64 and rounded once).
 * @module
 */
import { ValueError } from '../errors.js';
import { NDArray } from './ndarray.js';
import { reduce, type ReduceOp, type ReduceOptions } from './reduce.js';
import { slabSum } from './slab-sum.js';
import { cStrides } from './strided.js';
import type { Variable } from './variable.js';
import { LazyArray } from './lazy.js';
import { ctorOf, type TypedArray } from './dtype.js';

/** Float64 partial results over one block of the output (C order). */
export interface ChunkPartial {
  count: Float64Array;
  /** sum (sum/mean), mean (var/std) or the extreme (min/max). */
  a: Float64Array;
  /** M2 for var/std. */
  m2: Float64Array | null;
}

/**
 * The chunk boundaries along each dimension: [start, stop) pairs, `chunks[d]` long (the whole
 * dimension when absent or -1); the last chunk is shorter when the length does not divide the size.
 * @example
 * chunkBounds([5, 4], ['time', 'x'], { time: 2 }) // [[[0, 2], [2, 4], [4, 5]], [[0, 4]]]
 */
export function chunkBounds(shape: readonly number[], dims: readonly string[], chunks: Readonly<Record<string, number>>): Array<Array<[number, number]>> {
  return dims.map((d, i) => {
    const n = shape[i];
    const size = chunks[d];
    if (size === undefined || size === -1 || size >= n) return [[0, n]];
    if (!Number.isInteger(size) || size < 1) throw new ValueError(`The chunk length of '${d}' must be a positive integer (or -1 for the whole dimension), got ${String(size)}`);
    const out: Array<[number, number]> = [];
    for (let s = 0; s < n; s += size) out.push([s, Math.min(n, s + size)]);
    return out;
  });
}

function* cells(grid: Array<Array<[number, number]>>): Generator<Array<[number, number]>> {
  if (grid.some((g) => g.length === 0)) return;
  const idx = grid.map(() => 0);
  for (;;) {
    yield grid.map((g, d) => g[idx[d]]);
    let d = grid.length - 1;
    while (d >= 0 && ++idx[d] === grid[d].length) idx[d--] = 0;
    if (d < 0) return;
  }
}

const f64 = (a: NDArray): Float64Array => {
  const c = a.contiguous();
  return c.data instanceof Float64Array ? c.data : c.toFloat64();
};

/**
 * The float64 partial of one chunk `x` over `axes` (positions in x's dims): count, and sum (sum,
 * mean), mean and M2 (var, std) or the extreme (min, max), over the kept dims in C order.
 * @example
 * partialOf(NDArray.from([[1, 2], [3, NaN]]), [0], 'mean', true) // { count: [2, 1], a: [4, 2], m2: null }
 */
export function partialOf(x: NDArray, axes: number[], op: ReduceOp, skipna: boolean): ChunkPartial {
  const reduced = axes.reduce((p, ax) => p * x.shape[ax], 1);
  if (op === 'sum' || op === 'mean' || op === 'count') {
    // one pass when the chunk has no NaN (slabSum proves it), else a summing and a counting pass
    if (axes.length === 1 && x.shape.length > 1 && x.isContiguous) {
      const s = slabSum(x, axes[0], new Int32Array(x.shape[axes[0]]), 1, 'sum', true);
      if (s) return { a: s.data as Float64Array, count: new Float64Array(s.size).fill(reduced), m2: null };
    }
    // count counts non-NaN values whatever skipna says (xarray)
    const count = skipna || op === 'count' ? f64(reduce('count', x, axes)) : null;
    const sum = op === 'count' ? new Float64Array(count?.length ?? 0) : f64(reduce('sum', x, axes, { skipna }, true));
    return { a: sum, count: count ?? new Float64Array(sum.length).fill(reduced), m2: null };
  }
  if (op === 'min' || op === 'max') {
    const a = f64(reduce(op, x, axes, { skipna }, true));
    return { a, count: skipna ? f64(reduce('count', x, axes)) : new Float64Array(a.length).fill(reduced), m2: null };
  }
  const count = skipna ? f64(reduce('count', x, axes)) : null;
  const mean = f64(reduce('mean', x, axes, { skipna }, true));
  const m2 = f64(reduce('var', x, axes, { skipna, ddof: 0 }, true));
  const c = count ?? new Float64Array(mean.length).fill(reduced);
  for (let i = 0; i < m2.length; i++) m2[i] = c[i] > 0 ? m2[i] * c[i] : 0;
  return { a: mean, count: c, m2 };
}

/** Folds `p` (over a block whose rows start at `rows` in the total, `len` long) into the totals. */
function merge(t: ChunkPartial, p: ChunkPartial, rows: Int32Array, len: number, op: ReduceOp): void {
  const welford = op === 'var' || op === 'std';
  let i = 0;
  for (let r = 0; r < rows.length; r++) {
    for (let q = rows[r], e = q + len; q < e; q++, i++) {
      const nb = p.count[i];
      if (!(nb > 0)) continue;
      const na = t.count[q];
      const n = na + nb;
      const v = p.a[i];
      if (welford && t.m2 && p.m2) {
        const delta = v - t.a[q];
        t.a[q] += (delta * nb) / n;
        t.m2[q] += p.m2[i] + (delta * delta * na * nb) / n;
      } else if (op === 'min' || op === 'max') {
        // NaN only reaches here with skipna false: it sticks
        const cur = t.a[q];
        if (na === 0 || v !== v || (cur === cur && (op === 'min' ? v < cur : v > cur))) t.a[q] = v;
      } else if (op !== 'count') t.a[q] += v;
      t.count[q] = n;
    }
  }
}

/**
 * Reduces a chunked variable over `names` chunk by chunk (see the module comment).
 * @example
 * const v = (await openDataset('tas.nc', { chunks: { time: 12 } })).get('tas').variable;
 * reduceChunked(v, 'mean', ['time']) // an NDArray over (lat, lon)
 */
export function reduceChunked(v: Variable, op: ReduceOp, names: readonly string[], opts: ReduceOptions = {}): NDArray {
  const skipna = opts.skipna ?? true;
  const ddof = opts.ddof ?? 0;
  const dims = v.dims;
  const shape = v.shape;
  const red = dims.map((d) => names.includes(d));
  const axes = dims.flatMap((_, i) => (red[i] ? [i] : []));
  const outShape = shape.filter((_, i) => !red[i]);
  const outStrides = cStrides(outShape);
  const m = outShape.reduce((a, b) => a * b, 1);
  const welford = op === 'var' || op === 'std';
  const total: ChunkPartial = { count: new Float64Array(m), a: new Float64Array(m), m2: welford ? new Float64Array(m) : null };
  if (op === 'min' || op === 'max') total.a.fill(NaN);
  const grid = chunkBounds(shape, dims, v.chunks ?? {});
  // one buffer for every chunk's raw values (flat memory, and no garbage per chunk)
  const biggest = grid.reduce((a, g) => a * Math.max(0, ...g.map(([s, e]) => e - s)), 1);
  let scratch: TypedArray | null = null;
  for (const cell of cells(grid)) {
    const sel: Record<string, { start: number; stop: number }> = {};
    cell.forEach(([s, e], d) => { sel[dims[d]] = { start: s, stop: e }; });
    const sub = v.isel(sel);
    const raw = sub.raw;
    let x: NDArray;
    if (raw instanceof LazyArray && raw.source.dtype !== 'string') {
      scratch ??= new (ctorOf(raw.source.dtype))(biggest);
      x = raw.loadInto(scratch);
    } else x = sub.values;
    const part = partialOf(x, axes, op, skipna);
    // rows of the chunk's output block in the total: all kept dims but the last, in C order
    const kept = cell.filter((_, d) => !red[d]);
    const len = kept.length ? kept[kept.length - 1][1] - kept[kept.length - 1][0] : 1;
    const nrows = kept.slice(0, -1).reduce((a, [s, e]) => a * (e - s), 1);
    const rows = new Int32Array(nrows);
    const idx = kept.map(([s]) => s);
    for (let r = 0; r < nrows; r++) {
      rows[r] = idx.reduce((a, x, k) => a + x * outStrides[k], 0);
      for (let k = kept.length - 2; k >= 0; k--) {
        if (++idx[k] < kept[k][1]) break;
        idx[k] = kept[k][0];
      }
    }
    merge(total, part, rows, len, op);
  }
  const out = new Float64Array(m);
  for (let q = 0; q < m; q++) {
    const c = total.count[q];
    switch (op) {
      case 'count': out[q] = c; break;
      case 'sum': out[q] = total.a[q]; break;
      case 'mean': out[q] = c > 0 ? total.a[q] / c : NaN; break;
      case 'min': case 'max': out[q] = c > 0 ? total.a[q] : NaN; break;
      default: {
        const s2 = c - ddof > 0 && total.m2 ? total.m2[q] / (c - ddof) : NaN;
        out[q] = op === 'std' ? Math.sqrt(s2) : s2;
      }
    }
  }
  if (op === 'count') return new NDArray(out, outShape);
  if (v.dtype === 'datetime' && (op === 'min' || op === 'max' || op === 'mean')) return new NDArray(out, outShape, { dtype: 'datetime' });
  if (v.dtype === 'float32') return new NDArray(new Float32Array(out), outShape);
  return new NDArray(out, outShape);
}
