/**
 * The worker side of chunked arrays: read one chunk (a strided view of shared memory), apply the
 * elementwise chain, then either write the block into the shared output or return a partial
 * reduction.
 * @module
 */
import { applyOps, gather, partialReduce, type ChunkOp, type ChunkReduceOp, type Partial } from './chunk-kernels.js';

/** One chunk's work. */
export interface ChunkJob {
  data: { readonly length: number; [i: number]: number | bigint };
  shape: number[];
  strides: number[];
  offset: number;
  ops: ChunkOp[];
  reduce: { op: ChunkReduceOp; axes: boolean[] } | null;
  /** Where an elementwise result goes: the shared output, its C strides, the chunk's first element. */
  out: { data: Float64Array; strides: number[]; offset: number } | null;
}

/**
 * Runs one chunk.
 * @example
 * runChunk({ data, shape: [12, 4], strides: [4, 1], offset: 0, ops: [], reduce: { op: 'mean', axes: [true, false] }, out: null })
 */
export function runChunk(job: ChunkJob): Partial | null {
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
