/**
 * Cache-friendly gathers for large permutations. `out[i] = src[idx[i]]` over tens of millions of rows
 * misses the cache (and the TLB) on nearly every read. A plan computed once per `idx` splits the work
 * into two streaming passes per column: read the source block by block (32k rows, so reads stay in
 * cache) into a buffer ordered by destination block, then write each destination block (again in
 * cache). The plan costs two counting sorts of the positions and pays off from about two columns.
 * @module
 */
import { alloc } from '../alloc.js';

const BLOCK = 15;

/** The reordering of one gather: positions grouped by source block, then by destination block. */
export interface GatherPlan {
  /** Source row of each entry, in source-block order. */
  src: Int32Array;
  /** For each entry in source-block order, its slot in destination-block order. */
  slot: Int32Array;
  /** Destination row of each slot, in destination-block order. */
  dst: Int32Array;
  /** Scratch space (8 bytes per entry) shared by the columns gathered through this plan. */
  scratch?: ArrayBuffer;
}

/** The plan's scratch buffer, allocated on first use (temporary, so not shared memory). */
function scratch(p: GatherPlan): ArrayBuffer {
  if (!p.scratch) p.scratch = new ArrayBuffer(p.src.length * 8);
  return p.scratch;
}

/**
 * The plan for `idx` (negative positions are left out: their outputs stay 0), or for its output rows
 * [start, end) only (a thread's share of a parallel gather; `dst` holds absolute rows).
 * @example
 * const plan = gatherPlan(perm, n); applyF64(plan, src, out);
 */
export function gatherPlan(idx: Int32Array, srcLength: number, start = 0, end = idx.length): GatherPlan {
  const nbS = (srcLength >> BLOCK) + 1;
  const b0 = start >> BLOCK;
  const nbD = end > start ? ((end - 1) >> BLOCK) - b0 + 1 : 0;
  const cS = new Int32Array(nbS + 1);
  // Entries per destination block, counted in the same pass (a position >= 0 is one entry of block i >> BLOCK).
  const cD = new Int32Array(nbD + 1);
  let m = 0;
  for (let i = start; i < end; i++) {
    const j = idx[i];
    if (j >= 0) {
      cS[(j >> BLOCK) + 1]++;
      cD[(i >> BLOCK) - b0 + 1]++;
      m++;
    }
  }
  for (let b = 0; b < nbS; b++) cS[b + 1] += cS[b];
  const src = alloc(Int32Array, m);
  const dstOf = alloc(Int32Array, m);
  for (let i = start; i < end; i++) {
    const j = idx[i];
    if (j < 0) continue;
    const k = cS[j >> BLOCK]++;
    src[k] = j;
    dstOf[k] = i;
  }
  for (let b = 0; b < nbD; b++) cD[b + 1] += cD[b];
  const slot = alloc(Int32Array, m);
  const dst = alloc(Int32Array, m);
  for (let k = 0; k < m; k++) {
    const i = dstOf[k];
    const s = cD[(i >> BLOCK) - b0]++;
    slot[k] = s;
    dst[s] = i;
  }
  return { src, slot, dst };
}

/** `out[i] = src[idx[i]]` for float64 through a plan. */
export function applyF64(p: GatherPlan, src: Float64Array, out: Float64Array): void {
  const m = p.src.length;
  const tmp = new Float64Array(scratch(p), 0, m);
  const s = p.src;
  const sl = p.slot;
  for (let k = 0; k < m; k++) tmp[sl[k]] = src[s[k]];
  const d = p.dst;
  for (let k = 0; k < m; k++) out[d[k]] = tmp[k];
}

/** `out[i] = src[idx[i]]` for 32-bit words through a plan. */
export function applyI32(p: GatherPlan, src: Int32Array, out: Int32Array): void {
  const m = p.src.length;
  const tmp = new Int32Array(scratch(p), 0, m);
  const s = p.src;
  const sl = p.slot;
  for (let k = 0; k < m; k++) tmp[sl[k]] = src[s[k]];
  const d = p.dst;
  for (let k = 0; k < m; k++) out[d[k]] = tmp[k];
}

/** `out[i] = src[idx[i]]` for 64-bit integers (as word pairs) through a plan. */
export function applyPairs(p: GatherPlan, src: Int32Array, out: Int32Array): void {
  const m = p.src.length;
  const tmp = new Int32Array(scratch(p), 0, 2 * m);
  const s = p.src;
  const sl = p.slot;
  for (let k = 0; k < m; k++) {
    const j = s[k] << 1;
    const t = sl[k] << 1;
    tmp[t] = src[j];
    tmp[t + 1] = src[j + 1];
  }
  const d = p.dst;
  for (let k = 0; k < m; k++) {
    const i = d[k] << 1;
    out[i] = tmp[2 * k];
    out[i + 1] = tmp[2 * k + 1];
  }
}
