/**
 * Team kernels of the parallel MSD radix sort (radix.ts drives them): the rows are split on one
 * 16-bit digit of their 64-bit keys — each thread counts its range of rows (`radix.hist`), then
 * scatters that range into the digit's buckets (`radix.scatter`; a thread's rows of a bucket follow
 * those of the threads before it, so the split is stable) — and the buckets, now independent, are
 * sorted by the threads in parallel (`radix.buckets`) with the single-thread MSD sort on private
 * buffers. Every kernel reads inputs that no part writes, and writes its own rows only, so a part
 * can run again on the calling thread (team.ts) with the same result. The buckets step can decode
 * float64 keys straight into the sorted values.
 * This module is loaded by the team workers: it imports only light modules.
 * @module
 */
import { defineKernel, partRange } from '../../parallel/team-kernel.js';
import { sortBufs, sortRange } from './radix-msd.js';
import { decodeFloatKeysInto } from './sort-keys.js';

/** Buckets of the split digit. */
export const NB = 1 << 16;

/** The split digit of row i: bits [s, s + 16) of the key hi:lo. */
function digitLoop(hi: Uint32Array, lo: Uint32Array, s: number, start: number, end: number, counts: Uint32Array): void {
  if (s >= 32) {
    const sh = s - 32;
    for (let i = start; i < end; i++) counts[(hi[i] >>> sh) & 0xffff]++;
  } else {
    const up = 32 - s;
    for (let i = start; i < end; i++) counts[((hi[i] << up) | (lo[i] >>> s)) & 0xffff]++;
  }
}

/** Arguments of `radix.hist`: part p writes the digit histogram of its rows to `counts[p * NB ...]`. */
export type HistArgs = { hi: Uint32Array; lo: Uint32Array; s: number; counts: Uint32Array };

export const radixHist = defineKernel('radix.hist', (a: HistArgs, part: number, parts: number) => {
  const [start, end] = partRange(a.hi.length, part, parts);
  // Counted privately, then copied: a part run twice writes the same counts.
  const c = new Uint32Array(NB);
  digitLoop(a.hi, a.lo, a.s, start, end, c);
  a.counts.set(c, part * NB);
});

/**
 * Arguments of `radix.scatter`: part p moves its rows of (hi, lo, perm) to (hiO, loO, permO) at the
 * bucket offsets `offs[p * NB + digit]` (its first slot in each bucket). `perm` null: row i is position i.
 */
export type ScatterArgs = {
  hi: Uint32Array; lo: Uint32Array; perm: Int32Array | null;
  hiO: Uint32Array; loO: Uint32Array; permO: Int32Array;
  s: number; offs: Uint32Array;
};

export const radixScatter = defineKernel('radix.scatter', (a: ScatterArgs, part: number, parts: number) => {
  const [start, end] = partRange(a.hi.length, part, parts);
  const pos = a.offs.slice(part * NB, (part + 1) * NB);
  if (a.s >= 32) scatterHigh(a, pos, a.s - 32, start, end);
  else scatterBoth(a, pos, start, end);
});

/** Scatter on a digit inside the high word. */
function scatterHigh(a: ScatterArgs, pos: Uint32Array, sh: number, start: number, end: number): void {
  const { hi, lo, perm, hiO, loO, permO } = a;
  if (perm === null) {
    for (let i = start; i < end; i++) {
      const h = hi[i];
      const j = pos[(h >>> sh) & 0xffff]++;
      hiO[j] = h;
      loO[j] = lo[i];
      permO[j] = i;
    }
    return;
  }
  for (let i = start; i < end; i++) {
    const h = hi[i];
    const j = pos[(h >>> sh) & 0xffff]++;
    hiO[j] = h;
    loO[j] = lo[i];
    permO[j] = perm[i];
  }
}

/** Scatter on a digit across both words. */
function scatterBoth(a: ScatterArgs, pos: Uint32Array, start: number, end: number): void {
  const { hi, lo, perm, hiO, loO, permO, s } = a;
  const up = 32 - s;
  for (let i = start; i < end; i++) {
    const h = hi[i];
    const l = lo[i];
    const j = pos[((h << up) | (l >>> s)) & 0xffff]++;
    hiO[j] = h;
    loO[j] = l;
    permO[j] = perm === null ? i : perm[i];
  }
}

/**
 * Arguments of `radix.floatKeys`: part p writes the sort keys of its rows of `v` (sort-keys.ts
 * `floatKey` without nulls: `asc`, `naLast`) to hi/lo, the histogram of their top 16 bits to
 * `counts[p * NB ...]`, and to `flags[2p]` 1 when its keys are in order, `flags[2p + 1]` 1 when it met a -0.
 */
export type FloatKeyArgs = { v: Float64Array; hi: Uint32Array; lo: Uint32Array; asc: number; naLast: number; counts: Uint32Array; flags: Int32Array };

export const radixFloatKeys = defineKernel('radix.floatKeys', (a: FloatKeyArgs, part: number, parts: number) => {
  const [start, end] = partRange(a.v.length, part, parts);
  const w = new Uint32Array(a.v.buffer, a.v.byteOffset, 2 * a.v.length);
  const { hi, lo } = a;
  const c = new Uint32Array(NB);
  const flip = a.asc === 1 ? 0 : 0xffffffff;
  const na = a.naLast === 1 ? 0xffffffff : 0;
  let lossy = 0;
  let sorted = 1;
  let ph = 0;
  let pl = 0;
  for (let i = start; i < end; i++) {
    let h = w[2 * i + 1];
    let l = w[2 * i];
    if ((h & 0x7ff00000) === 0x7ff00000 && ((h & 0xfffff) | l) !== 0) {
      h = na;
      l = na;
    } else {
      if (h === 0x80000000 && l === 0) {
        h = 0; // -0 sorts equal to 0
        lossy = 1;
      }
      const m = h >> 31;
      h = ((h ^ (m | 0x80000000)) ^ flip) >>> 0;
      l = ((l ^ m) ^ flip) >>> 0;
    }
    hi[i] = h;
    lo[i] = l;
    c[h >>> 16]++;
    if (h < ph || (h === ph && l < pl)) sorted = 0;
    ph = h;
    pl = l;
  }
  a.counts.set(c, part * NB);
  a.flags[2 * part] = sorted;
  a.flags[2 * part + 1] = lossy;
});

/**
 * Arguments of `radix.buckets`: bucket b holds rows [starts[b], starts[b + 1]) of (hi, lo, perm),
 * equal on the bits above `s`; part p sorts buckets [bounds[p], bounds[p + 1]) on their low `s` bits
 * and writes the sorted positions to `permO`, and either the sorted keys to (hiO, loO) or, with
 * `decode` 1, the float64 values they encode to `values` (float keys of sort-keys.ts: `asc`, `naLast`).
 */
export type BucketArgs = {
  hi: Uint32Array; lo: Uint32Array; perm: Int32Array;
  hiO: Uint32Array; loO: Uint32Array; permO: Int32Array;
  s: number; starts: Uint32Array; bounds: Int32Array;
  decode: number; asc: number; naLast: number; values: Float64Array;
};

export const radixBuckets = defineKernel('radix.buckets', (a: BucketArgs, part: number) => {
  const { starts, bounds } = a;
  const b0 = bounds[part];
  const b1 = bounds[part + 1];
  let big = 0;
  for (let b = b0; b < b1; b++) big = Math.max(big, starts[b + 1] - starts[b]);
  if (big === 0) return;
  const bufs = sortBufs(big);
  const [h0, l0, p0] = [bufs.hi[0], bufs.lo[0], bufs.perm[0]];
  for (let b = b0; b < b1; b++) {
    const start = starts[b];
    const m = starts[b + 1] - start;
    if (m === 0) continue;
    for (let i = 0; i < m; i++) {
      h0[i] = a.hi[start + i];
      l0[i] = a.lo[start + i];
      p0[i] = a.perm[start + i];
    }
    if (m > 1) sortRange(bufs, 0, 0, m, a.s, 0);
    const permO = a.permO;
    for (let i = 0; i < m; i++) permO[start + i] = p0[i];
    if (a.decode === 1) decodeFloatKeysInto(h0, l0, m, a.values, start, a.asc === 1, a.naLast === 1);
    else {
      a.hiO.set(h0.subarray(0, m), start);
      a.loO.set(l0.subarray(0, m), start);
    }
  }
});
