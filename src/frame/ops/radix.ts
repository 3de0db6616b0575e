/**
 * LSD radix sort of row positions by unsigned integer keys of up to 64 bits (a `lo` word and an
 * optional `hi` word per row). Stable, so several sort keys are handled by sorting on the least
 * significant key first. All digit histograms are counted in one read pass; digits where every row
 * falls into one bucket are skipped (a float column of small integers sorts in two passes, not six).
 * @module
 */
import { alloc } from '../alloc.js';
import { msdSortPerm } from './radix-msd.js';
import { NB, radixBuckets, radixHist, radixScatter, type BucketArgs } from './radix-par.js';
import { sharedArray } from '../../parallel/blocks.js';
import { runParts, teamThreads } from '../../parallel/team.js';

/** Unsigned sort keys of one column, in row order: `hi` (may be null) then `lo`, `bits` significant bits in all. */
export interface UintKey {
  lo: Uint32Array;
  hi: Uint32Array | null;
  /** Significant bits of `hi` (0 when null); `lo` always uses its full 32 bits unless `loBits` says less. */
  hiBits: number;
  loBits: number;
  /** True when the keys lost information the values had (float -0 keyed as 0), so they cannot be decoded back. */
  lossy?: boolean;
}

const MAX_DIGIT = 11;
/** From this many rows, 64-bit keys take the MSD path (which leaves the key words sorted in place). */
export const MSD_MIN = 4096;
/** From this many rows, 64-bit keys sort on the thread team (radix-par.ts) when it is up. */
export const PAR_MIN = 1 << 18;

/** Digit layout of a word of `bits` bits: [shift, width] pairs, balanced, each at most 11 bits. */
function digitsOf(bits: number): Array<[number, number]> {
  if (bits <= 0) return [];
  const passes = Math.ceil(bits / MAX_DIGIT);
  const width = Math.ceil(bits / passes);
  const out: Array<[number, number]> = [];
  for (let s = 0; s < bits; s += width) out.push([s, Math.min(width, bits - s)]);
  return out;
}

/** Counts, for each digit, how many keys fall in each bucket. */
function histogram(words: Uint32Array, n: number, shift: number, width: number): Uint32Array {
  const counts = new Uint32Array(1 << width);
  const mask = (1 << width) - 1;
  for (let i = 0; i < n; i++) counts[(words[i] >>> shift) & mask]++;
  return counts;
}

/** True when one bucket holds every row (the pass would not move anything). */
function trivial(counts: Uint32Array, n: number): boolean {
  for (let b = 0; b < counts.length; b++) {
    if (counts[b] === n) return true;
    if (counts[b] !== 0) return false;
  }
  return true;
}

/** Exclusive prefix sums in place. */
function offsets(counts: Uint32Array): void {
  let sum = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b];
    counts[b] = sum;
    sum += c;
  }
}

/**
 * Sorts `perm` (row positions, in the order the keys are given) stably by the keys. `key.lo[i]` and
 * `key.hi[i]` belong to row `perm[i]`. Returns the sorted positions (may be a different array).
 * @example
 * radixSortPerm({ lo: Uint32Array.of(3, 1, 2), hi: null, hiBits: 0, loBits: 2 }, Int32Array.of(0, 1, 2)) // [1, 2, 0]
 */
export function radixSortPerm(key: UintKey, perm: Int32Array): Int32Array {
  const n = perm.length;
  // Wide keys: MSD passes keep the work in cache (see radix-msd.ts); `key` words are overwritten.
  if (key.hi !== null && key.hiBits > 0 && n > MSD_MIN) {
    if (n >= PAR_MIN && parallelMsd(key.hi, key.lo, perm, 32 + key.hiBits)) return perm;
    return msdSortPerm(key.hi, key.lo, perm, 32 + key.hiBits);
  }
  const loDigits = digitsOf(key.loBits).map(([s, w]) => ({ s, w, counts: histogram(key.lo, n, s, w) })).filter((d) => !trivial(d.counts, n));
  const hiDigits = key.hi === null ? [] : digitsOf(key.hiBits).map(([s, w]) => ({ s, w, counts: histogram(key.hi as Uint32Array, n, s, w) })).filter((d) => !trivial(d.counts, n));
  const total = loDigits.length + hiDigits.length;
  if (total === 0) return perm;
  let p: Int32Array = perm;
  let pTmp: Int32Array = alloc(Int32Array, n);
  let lo: Uint32Array = key.lo;
  let hi: Uint32Array | null = hiDigits.length ? (key.hi as Uint32Array) : null;
  let loTmp: Uint32Array | null = loDigits.length > 1 ? alloc(Uint32Array, n) : null;
  let hiTmp: Uint32Array | null = hi ? alloc(Uint32Array, n) : null;
  let pass = 0;
  for (const d of loDigits) {
    pass++;
    offsets(d.counts);
    const last = pass === total;
    const moveLo = loTmp !== null && pass < loDigits.length;
    const moveHi = hi !== null && hiTmp !== null && !last;
    scatterLo(d.counts, d.s, (1 << d.w) - 1, lo, moveLo ? loTmp : null, moveHi ? hi : null, moveHi ? hiTmp : null, p, pTmp, n);
    [p, pTmp] = [pTmp, p];
    if (moveLo && loTmp) [lo, loTmp] = [loTmp, lo];
    if (moveHi && hi && hiTmp) [hi, hiTmp] = [hiTmp, hi];
  }
  for (const d of hiDigits) {
    pass++;
    offsets(d.counts);
    const last = pass === total;
    scatterLo(d.counts, d.s, (1 << d.w) - 1, hi as Uint32Array, last ? null : hiTmp, null, null, p, pTmp, n);
    [p, pTmp] = [pTmp, p];
    if (!last && hiTmp) [hi, hiTmp] = [hiTmp, hi];
  }
  return p;
}

/** One counting-sort pass on a digit of `keys`, moving positions and (optionally) the key words. */
function scatterLo(
  pos: Uint32Array, shift: number, mask: number, keys: Uint32Array, keysOut: Uint32Array | null,
  other: Uint32Array | null, otherOut: Uint32Array | null, perm: Int32Array, permOut: Int32Array, n: number,
): void {
  if (keysOut !== null && other !== null && otherOut !== null) {
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const j = pos[(k >>> shift) & mask]++;
      permOut[j] = perm[i];
      keysOut[j] = k;
      otherOut[j] = other[i];
    }
  } else if (keysOut !== null) {
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      const j = pos[(k >>> shift) & mask]++;
      permOut[j] = perm[i];
      keysOut[j] = k;
    }
  } else if (other !== null && otherOut !== null) {
    for (let i = 0; i < n; i++) {
      const j = pos[(keys[i] >>> shift) & mask]++;
      permOut[j] = perm[i];
      otherOut[j] = other[i];
    }
  } else {
    for (let i = 0; i < n; i++) permOut[pos[(keys[i] >>> shift) & mask]++] = perm[i];
  }
}

/** Float keys to decode into sorted values during a parallel sort (sort-keys.ts `floatKey` flags). */
export interface DecodeFloats {
  asc: boolean;
  naLast: boolean;
  values: Float64Array;
}

/** Arrays on shared memory (what the team can read). */
function allShared(arrays: readonly (ArrayBufferView | null | undefined)[]): boolean {
  return arrays.every((a) => a === null || a === undefined || a.buffer instanceof SharedArrayBuffer);
}

/**
 * Sorts `perm` by the keys hi:lo (`bits` significant bits) on the thread team, stably, leaving the
 * sorted positions in `perm` and the sorted keys in hi/lo — or, with `decode`, the float64 values
 * the keys encode in `decode.values` (the key words are then left in an unspecified order). Returns
 * false, having changed nothing, when the team is not up, an array is not shared, or the keys'
 * top 32 bits leave every row in one bucket: the caller then sorts on one thread.
 * @example
 * if (!parallelMsd(hi, lo, perm, 64)) msdSortPerm(hi, lo, perm, 64);
 */
export function parallelMsd(hi: Uint32Array, lo: Uint32Array, perm: Int32Array, bits: number, decode?: DecodeFloats): boolean {
  if (!allShared([hi, lo, perm, decode?.values]) || bits <= 32) return false;
  const threads = teamThreads({ whenIdle: true });
  if (threads < 2) return false;
  return msdOnTeam(hi, lo, perm, perm, bits, Math.min(SPLIT * threads, 32), decode, null);
}

/**
 * Parts per team thread of a parallel step: more parts than threads, claimed as threads come free,
 * so a thread the OS holds back on a busy machine does not hold the whole step back.
 */
export const SPLIT = 4;

/**
 * The parallel sort behind `parallelMsd`: reads positions from `perm` (null: row i is position i),
 * writes them to `out`, with the rows split into `rowParts` ranges. `first` is the histogram of the
 * top 16 bits (one row of NB per range) when already counted; `alongside` is caller work run during
 * the last (longest) step, only when the sort does run on the team.
 */
export function msdOnTeam(
  hi: Uint32Array, lo: Uint32Array, perm: Int32Array | null, out: Int32Array, bits: number, rowParts: number,
  decode: DecodeFloats | undefined, first: Uint32Array | null, alongside?: () => void,
): boolean {
  const n = out.length;
  for (let s = bits - 16; s >= Math.max(0, bits - 32); s -= 16) {
    let counts = s === bits - 16 ? first : null;
    if (counts === null) {
      counts = alloc(Uint32Array, rowParts * NB);
      runParts(radixHist, { hi, lo, s, counts }, rowParts);
    }
    // Bucket starts, and each part's first slot in each bucket (parts in order: stable).
    const starts = alloc(Uint32Array, NB + 1);
    const offs = alloc(Uint32Array, rowParts * NB);
    let sum = 0;
    let full = false;
    for (let b = 0; b < NB; b++) {
      starts[b] = sum;
      for (let p = 0; p < rowParts; p++) {
        offs[p * NB + b] = sum;
        sum += counts[p * NB + b];
      }
      if (sum - starts[b] === n) full = true;
    }
    starts[NB] = sum;
    if (full) continue;
    const hiT = alloc(Uint32Array, n);
    const loT = alloc(Uint32Array, n);
    const permT = alloc(Int32Array, n);
    runParts(radixScatter, { hi, lo, perm, hiO: hiT, loO: loT, permO: permT, s, offs }, rowParts);
    // Buckets grouped into parts of about equal rows.
    const parts = Math.min(2 * rowParts, 64);
    const bounds = sharedArray(Int32Array, parts + 1);
    for (let p = 1, b = 0; p < parts; p++) {
      const goal = (n * p) / parts;
      while (b < NB && starts[b + 1] <= goal) b++;
      bounds[p] = b;
    }
    bounds[parts] = NB;
    const args: BucketArgs = {
      hi: hiT, lo: loT, perm: permT, hiO: hi, loO: lo, permO: out, s, starts, bounds,
      decode: decode ? 1 : 0, asc: decode?.asc ? 1 : 0, naLast: decode?.naLast ? 1 : 0, values: decode?.values ?? sharedArray(Float64Array, 0),
    };
    runParts(radixBuckets, args, parts, alongside);
    return true;
  }
  return false;
}
