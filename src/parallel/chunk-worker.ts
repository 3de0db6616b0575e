/**
 * The worker side of chunked arrays: read one chunk (a strided view of shared memory), apply the
 * elementwise chain, then either write the block into the shared output or return a partial
 * reduction.
 * @module
 */
import { applyOps, gather, partialReduce, type ChunkOp, type ChunkReduceOp, type Partial } from './chunk-kernels.js';
import type { DecodeSpec, Range, SourceSpec } from '../nd/lazy.js';
import type { TypedArray } from '../nd/dtype.js';
import { cStrides } from '../nd/strided.js';

/** A chunk the worker reads itself from a file: the source, its CF decoding, the hyperslab. */
export interface ChunkRead {
  source: SourceSpec;
  decode: DecodeSpec | null;
  ranges: Range[];
}

/** One chunk's work. */
export interface ChunkJob {
  /** Values to read the chunk from (ignored when `read` is given). */
  data: { readonly length: number; [i: number]: number | bigint };
  /** Read the chunk from a file in this worker instead (no copy through the calling thread). */
  read?: ChunkRead;
  shape: number[];
  strides: number[];
  offset: number;
  ops: ChunkOp[];
  reduce: { op: ChunkReduceOp; axes: boolean[] } | null;
  /** Where an elementwise result goes: the shared output, its C strides, the chunk's first element. */
  out: { data: Float64Array; strides: number[]; offset: number } | null;
}

/** This worker's buffer for raw chunk values, reused by every chunk it reads (flat memory). */
let scratch: TypedArray | null = null;

/**
 * Reads a chunk from its file here: the source is opened again from its spec (h5wasm loads in this
 * worker on first use), the hyperslab read into the reused buffer and CF-decoded as on the calling thread.
 */
async function readChunk(r: ChunkRead): Promise<import('../nd/ndarray.js').NDArray> {
  const [{ sourceFromSpec }, { planDecode }, { LazyArray }, { ctorOf }] = await Promise.all([
    import('../io/netcdf4/h5-source.js'), import('../io/cf/decode.js'), import('../nd/lazy.js'), import('../nd/dtype.js'),
  ]);
  const source = await sourceFromSpec(r.source);
  const plan = r.decode ? planDecode(r.decode.raw, r.decode.attrs as Parameters<typeof planDecode>[1], r.decode) : null;
  const lazy = new LazyArray(source, plan?.decode ?? null, plan?.dtype ?? source.dtype, { ranges: r.ranges });
  const n = r.ranges.reduce((a, x) => a * x.count, 1);
  if (source.dtype !== 'string' && (!scratch || scratch.length < n || !(scratch instanceof ctorOf(source.dtype)))) scratch = new (ctorOf(source.dtype))(n);
  return lazy.loadInto(scratch);
}

/**
 * Runs one chunk (a Promise when the worker reads it from a file).
 * @example
 * runChunk({ data, shape: [12, 4], strides: [4, 1], offset: 0, ops: [], reduce: { op: 'mean', axes: [true, false] }, out: null })
 */
export function runChunk(job: ChunkJob): Partial | null | Promise<Partial | null> {
  if (job.read) {
    return readChunk(job.read).then(async (x) => {
      if (job.reduce && job.ops.length === 0) {
        // straight from the decoded chunk (float32 stays float32) through nd's one-pass kernels
        const { partialOf } = await import('../nd/chunk-reduce.js');
        const axes = job.reduce.axes.flatMap((r, d) => (r ? [d] : []));
        const p = partialOf(x, axes, job.reduce.op, true);
        return { count: p.count, a: p.a, m2: p.m2 ?? new Float64Array(0) };
      }
      const c = x.contiguous();
      return runChunk({ ...job, read: undefined, data: c.data as Float64Array, strides: cStrides(c.shape), offset: 0 });
    });
  }
  const x = gather(job.data, job.shape, job.strides, job.offset);
  applyOps(x, job.ops);
  if (job.reduce) return partialReduce(x, job.shape, job.reduce.axes, job.reduce.op);
  if (!job.out) return null;
  // Scatter the contiguous block into the output at the chunk's position.
  const { data: out, strides, offset } = job.out;
  const shape = job.shape;
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  let o = offset;
  for (let i = 0; i < x.length; i++) {
    out[o] = x[i];
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      o += strides[d];
      if (idx[d] < shape[d]) break;
      o -= strides[d] * shape[d];
      idx[d] = 0;
    }
  }
  return null;
}
