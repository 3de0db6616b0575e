/**
 * The blocked gather plan (gather-plan.ts) built and applied on the thread team. Splitting the output
 * rows among threads would make each thread read every source block sparsely (each cache line
 * brought in for one value); here every step splits the work the way its memory is laid out:
 * 1. `gplan.count` (row ranges): each part counts its positions per source block, and per
 *    (source range q, destination block).
 * 2. `gplan.scatter` (row ranges): each part writes its (source row, destination row) entries in
 *    source-block order (parts in row order inside a block).
 * 3. `gplan.phase1` (source ranges q, whole source blocks): each part reads its source blocks (in
 *    cache) into a buffer ordered by destination block (its slots in each destination block follow
 *    those of the ranges before it) and writes the destination row of each slot.
 * 4. `gplan.phase2` (destination block ranges): each part writes its output blocks (in cache) from
 *    the buffer. Columns of 1 or 2 bytes are gathered directly here.
 * Every part writes only its own entries, slots or rows, from inputs no part of the same job writes.
 * This module is loaded by the team workers: it imports only light modules.
 * @module
 */
import { defineKernel, partRange, type TeamTyped } from '../../parallel/team-kernel.js';
import { F64, gatherRange, I32, PAIRS } from './gather-par.js';

/** Rows per block (log2), as in gather-plan.ts. */
export const BLOCK = 15;

/** Arguments of `gplan.count`. `q(S) = floor(S * Q / nbS)`. */
export type CountArgs = { idx: Int32Array; nbS: number; nbD: number; Q: number; countS: Uint32Array; countQD: Uint32Array };

export const gplanCount = defineKernel('gplan.count', (a: CountArgs, part: number, parts: number) => {
  const [s, e] = partRange(a.idx.length, part, parts);
  const { idx, nbS, nbD, Q } = a;
  const cS = new Uint32Array(nbS);
  const cQD = new Uint32Array(Q * nbD);
  const qOf = new Int32Array(nbS);
  for (let b = 0; b < nbS; b++) qOf[b] = Math.floor((b * Q) / nbS) * nbD;
  for (let i = s; i < e; i++) {
    const j = idx[i];
    if (j < 0) continue;
    const S = j >> BLOCK;
    cS[S]++;
    cQD[qOf[S] + (i >> BLOCK)]++;
  }
  a.countS.set(cS, part * nbS);
  a.countQD.set(cQD, part * Q * nbD);
});

/** Arguments of `gplan.scatter`: part p's first entry in source block S is `posS[p * nbS + S]`. */
export type ScatterArgs = { idx: Int32Array; nbS: number; posS: Uint32Array; src: Int32Array; dstOf: Int32Array };

export const gplanScatter = defineKernel('gplan.scatter', (a: ScatterArgs, part: number, parts: number) => {
  const [s, e] = partRange(a.idx.length, part, parts);
  const { idx, src, dstOf } = a;
  const pos = a.posS.slice(part * a.nbS, (part + 1) * a.nbS);
  for (let i = s; i < e; i++) {
    const j = idx[i];
    if (j < 0) continue;
    const k = pos[j >> BLOCK]++;
    src[k] = j;
    dstOf[k] = i;
  }
});

/**
 * Arguments of `gplan.phase1`: range q holds entries [kStart[q], kStart[q + 1]); its first slot in
 * destination block D is `offQD[q * nbD + D]`. Fixed-width columns `srcs[c]` (layout `kinds[c]`:
 * F64, PAIRS or I32; others are skipped) are read into `tmps[c]`.
 */
export type Phase1Args = {
  src: Int32Array; dstOf: Int32Array; dst: Int32Array; kStart: Int32Array; nbD: number; offQD: Uint32Array;
  srcs: readonly TeamTyped[]; tmps: readonly TeamTyped[]; kinds: readonly number[];
};

export const gplanPhase1 = defineKernel('gplan.phase1', (a: Phase1Args, q: number) => {
  const k0 = a.kStart[q];
  const k1 = a.kStart[q + 1];
  const row = a.offQD.subarray(q * a.nbD, (q + 1) * a.nbD);
  // Slots first (the same for every column), then each column through them.
  const slot = new Int32Array(k1 - k0);
  const off = row.slice();
  const { dstOf, dst } = a;
  for (let k = k0; k < k1; k++) {
    const i = dstOf[k];
    const t = off[i >> BLOCK]++;
    slot[k - k0] = t;
    dst[t] = i;
  }
  for (let c = 0; c < a.srcs.length; c++) {
    const kind = a.kinds[c];
    if (kind === F64) readF64(a.srcs[c] as Float64Array, a.src, slot, k0, k1, a.tmps[c] as Float64Array);
    else if (kind === PAIRS) readPairs(a.srcs[c] as Int32Array, a.src, slot, k0, k1, a.tmps[c] as Int32Array);
    else if (kind === I32) readI32(a.srcs[c] as Int32Array, a.src, slot, k0, k1, a.tmps[c] as Int32Array);
  }
});

function readF64(v: Float64Array, src: Int32Array, slot: Int32Array, k0: number, k1: number, tmp: Float64Array): void {
  for (let k = k0; k < k1; k++) tmp[slot[k - k0]] = v[src[k]];
}

function readI32(v: Int32Array, src: Int32Array, slot: Int32Array, k0: number, k1: number, tmp: Int32Array): void {
  for (let k = k0; k < k1; k++) tmp[slot[k - k0]] = v[src[k]];
}

function readPairs(v: Int32Array, src: Int32Array, slot: Int32Array, k0: number, k1: number, tmp: Int32Array): void {
  for (let k = k0; k < k1; k++) {
    const j = src[k] << 1;
    const t = slot[k - k0] << 1;
    tmp[t] = v[j];
    tmp[t + 1] = v[j + 1];
  }
}

/**
 * Arguments of `gplan.phase2`: part r writes destination blocks [dBlock[r], dBlock[r + 1]) — slots
 * [dStart[D0], dStart[D1]) — of every column; columns of other layouts are gathered directly from
 * `idx` for those rows.
 */
export type Phase2Args = {
  idx: Int32Array; srcLength: number; dst: Int32Array; dStart: Uint32Array; dBlock: Int32Array;
  srcs: readonly TeamTyped[]; tmps: readonly TeamTyped[]; outs: readonly TeamTyped[]; kinds: readonly number[];
};

export const gplanPhase2 = defineKernel('gplan.phase2', (a: Phase2Args, r: number) => {
  const D0 = a.dBlock[r];
  const D1 = a.dBlock[r + 1];
  const s0 = a.dStart[D0];
  const s1 = a.dStart[D1];
  const { dst } = a;
  for (let c = 0; c < a.srcs.length; c++) {
    const kind = a.kinds[c];
    if (kind === F64) writeF64(a.tmps[c] as Float64Array, dst, s0, s1, a.outs[c] as Float64Array);
    else if (kind === PAIRS) writePairs(a.tmps[c] as Int32Array, dst, s0, s1, a.outs[c] as Int32Array);
    else if (kind === I32) writeI32(a.tmps[c] as Int32Array, dst, s0, s1, a.outs[c] as Int32Array);
    else {
      const e = Math.min(a.idx.length, D1 << BLOCK);
      gatherRange({ idx: a.idx, srcLength: a.srcLength, srcs: [a.srcs[c]], outs: [a.outs[c]], kinds: [kind] }, D0 << BLOCK, e);
    }
  }
});

function writeF64(tmp: Float64Array, dst: Int32Array, s0: number, s1: number, out: Float64Array): void {
  for (let s = s0; s < s1; s++) out[dst[s]] = tmp[s];
}

function writeI32(tmp: Int32Array, dst: Int32Array, s0: number, s1: number, out: Int32Array): void {
  for (let s = s0; s < s1; s++) out[dst[s]] = tmp[s];
}

function writePairs(tmp: Int32Array, dst: Int32Array, s0: number, s1: number, out: Int32Array): void {
  for (let s = s0; s < s1; s++) {
    const i = dst[s] << 1;
    out[i] = tmp[2 * s];
    out[i + 1] = tmp[2 * s + 1];
  }
}
