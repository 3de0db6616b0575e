/**
 * argsort: the row order that sorts one or more columns, stable, ascending or descending per key,
 * missing values (null, NaN) last by default (pandas). Every dtype becomes unsigned integer keys
 * (sort-keys.ts) sorted by an LSD radix sort on typed arrays (radix.ts); small inputs use a
 * comparison sort on indices instead, where the radix histograms would cost more than they save.
 * @module
 */
import { alloc } from '../alloc.js';
import { ValueError } from '../../errors.js';
import { msdSortPerm } from './radix-msd.js';
import { MSD_MIN, msdOnTeam, PAR_MIN, radixSortPerm, SPLIT, type UintKey } from './radix.js';
import { NB, radixFloatKeys } from './radix-par.js';
import { sharedArray } from '../../parallel/blocks.js';
import { runParts, teamThreads } from '../../parallel/team.js';
import { decodeFloatKey, sortKey } from './sort-keys.js';
import type { Column as Column } from '../column.js';

/** Options of `argsort`: one `ascending` flag per key (one flag applies to all). */
export interface ArgsortOptions {
  ascending: readonly (boolean | undefined)[];
  naPosition?: 'last' | 'first';
}

/** Below this many rows a comparison sort beats the radix passes. */
const SMALL = 256;

/**
 * Positions that sort the rows by `cols` (the first column is the primary key). Stable: equal rows
 * keep their order. Missing values go last (or first with `naPosition: 'first'`) whatever the direction.
 * @example
 * argsort([fromValues([3, 1, null, 2])], { ascending: [true] }) // Int32Array [1, 3, 0, 2]
 */
export function argsort(cols: readonly Column[], opts: ArgsortOptions): Int32Array {
  if (cols.length === 0) throw new ValueError('argsort needs at least one key column');
  const n = cols[0].length;
  for (const c of cols) if (c.length !== n) throw new ValueError(`Sort keys must have the same length (${n} and ${c.length})`);
  const asc = opts.ascending.length === 1 ? cols.map(() => opts.ascending[0] ?? true) : opts.ascending.map((a) => a ?? true);
  if (asc.length !== cols.length) throw new ValueError(`Length of ascending (${opts.ascending.length}) != number of sort keys (${cols.length})`);
  const naLast = (opts.naPosition ?? 'last') === 'last';
  if (opts.naPosition !== undefined && opts.naPosition !== 'last' && opts.naPosition !== 'first') {
    throw new ValueError(`naPosition must be 'last' or 'first', got '${String(opts.naPosition)}'`);
  }
  const keys = combine(cols.map((c, k) => sortKey(c, asc[k], naLast)));
  if (n <= SMALL) return comparisonSort(keys, n);
  let perm: Int32Array = alloc(Int32Array, n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = k === keys.length - 1 ? keys[k] : gatherKey(keys[k], perm);
    if (k === keys.length - 1 && isSorted(key, n)) continue;
    perm = radixSortPerm(key, perm);
  }
  return perm;
}

/** Merges adjacent single-word keys into one word while their bits fit in 32 (fewer radix passes). */
function combine(keys: UintKey[]): UintKey[] {
  const out: UintKey[] = [];
  for (const k of keys) {
    const prev = out[out.length - 1];
    if (prev && prev.hi === null && k.hi === null && prev.loBits + k.loBits <= 32) {
      const lo = prev.lo;
      const b = k.loBits;
      const mul = 2 ** b;
      const src = k.lo;
      // prev * 2^b + k stays below 2^32.
      for (let i = 0; i < lo.length; i++) lo[i] = lo[i] * mul + src[i];
      out[out.length - 1] = { lo, hi: null, hiBits: 0, loBits: prev.loBits + b };
    } else {
      out.push(k);
    }
  }
  return out;
}

/** The key words in the order of `perm`. */
function gatherKey(key: UintKey, perm: Int32Array): UintKey {
  const n = perm.length;
  const lo = alloc(Uint32Array, n);
  const src = key.lo;
  for (let i = 0; i < n; i++) lo[i] = src[perm[i]];
  let hi: Uint32Array | null = null;
  if (key.hi) {
    hi = alloc(Uint32Array, n);
    const h = key.hi;
    for (let i = 0; i < n; i++) hi[i] = h[perm[i]];
  }
  return { lo, hi, hiBits: key.hiBits, loBits: key.loBits };
}

/** True when the keys are already in non-decreasing order. */
function isSorted(key: UintKey, n: number): boolean {
  const lo = key.lo;
  const hi = key.hi;
  if (hi === null) {
    for (let i = 1; i < n; i++) if (lo[i] < lo[i - 1]) return false;
    return true;
  }
  for (let i = 1; i < n; i++) {
    if (hi[i] < hi[i - 1] || (hi[i] === hi[i - 1] && lo[i] < lo[i - 1])) return false;
  }
  return true;
}

/** Stable comparison sort of positions (small inputs). */
function comparisonSort(keys: UintKey[], n: number): Int32Array {
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => {
    for (const k of keys) {
      if (k.hi !== null && k.hi[a] !== k.hi[b]) return k.hi[a] - k.hi[b];
      if (k.lo[a] !== k.lo[b]) return k.lo[a] - k.lo[b];
    }
    return a - b;
  });
  return Int32Array.from(idx);
}

/**
 * argsort of one float64 column without nulls, also returning the sorted values decoded from the
 * sorted keys when the radix sort leaves them in order (large inputs without -0): the caller then
 * needs no gather for the key column itself. `sorted` is null otherwise. `alongside` is work of the
 * caller run while the thread team sorts (called only when the sort runs on the team).
 * @example
 * const { perm, sorted } = argsortFloat64(fromFloat64(v), true, 'last');
 */
export function argsortFloat64(
  col: Column, ascending: boolean, naPosition: 'last' | 'first' = 'last', alongside?: () => void,
): { perm: Int32Array; sorted: Float64Array | null } {
  const n = col.length;
  const naLast = naPosition === 'last';
  if (col.dtype !== 'float64' || col.validity !== null || n <= MSD_MIN) return { perm: argsort([col], { ascending: [ascending], naPosition }), sorted: null };
  if (n >= PAR_MIN) {
    const threads = teamThreads({ whenIdle: true });
    if (threads > 1) return floatOnTeam(col.values as Float64Array, ascending, naLast, Math.min(SPLIT * threads, 32), alongside);
  }
  const key = sortKey(col, ascending, naLast);
  const perm = alloc(Int32Array, n);
  for (let i = 0; i < n; i++) perm[i] = i;
  // The MSD path (n > MSD_MIN, 64-bit keys) and an already sorted input leave the keys sorted in place.
  const out = isSorted(key, n) ? perm : radixSortPerm(key, perm);
  return { perm: out, sorted: key.lossy ? null : decodeFloatKey(key, ascending, naLast) };
}

/**
 * `argsortFloat64` on the thread team: the keys, their top-digit histogram, the sorted and -0 checks
 * in one parallel pass (radix-par.ts `radix.floatKeys`), then the parallel MSD sort decoding the
 * sorted values per bucket, with the rows split in `parts` ranges. Same result as the single-thread path.
 */
function floatOnTeam(v: Float64Array, ascending: boolean, naLast: boolean, parts: number, alongside?: () => void): { perm: Int32Array; sorted: Float64Array | null } {
  const n = v.length;
  let src = v;
  if (!(v.buffer instanceof SharedArrayBuffer)) {
    // The workers read shared memory only: one streaming copy.
    src = alloc(Float64Array, n);
    src.set(v);
  }
  const hi = alloc(Uint32Array, n);
  const lo = alloc(Uint32Array, n);
  const counts = alloc(Uint32Array, parts * NB);
  const flags = sharedArray(Int32Array, 2 * parts);
  runParts(radixFloatKeys, { v: src, hi, lo, asc: ascending ? 1 : 0, naLast: naLast ? 1 : 0, counts, flags }, parts);
  let sorted = true;
  let lossy = false;
  for (let p = 0; p < parts; p++) {
    if (flags[2 * p] === 0) sorted = false;
    if (flags[2 * p + 1] === 1) lossy = true;
    const b = Math.floor((n * p) / parts);
    // The first key of a part must not be below the last key of the part before.
    if (p > 0 && (hi[b] < hi[b - 1] || (hi[b] === hi[b - 1] && lo[b] < lo[b - 1]))) sorted = false;
  }
  const key: UintKey = { lo, hi, hiBits: 32, loBits: 32, lossy };
  const perm = alloc(Int32Array, n);
  if (!sorted) {
    const decode = lossy ? undefined : { asc: ascending, naLast, values: alloc(Float64Array, n) };
    if (msdOnTeam(hi, lo, null, perm, 64, parts, decode, counts, alongside)) return { perm, sorted: decode ? decode.values : null };
  }
  // Sorted already, or every key in one bucket: on this thread.
  for (let i = 0; i < n; i++) perm[i] = i;
  if (!sorted) msdSortPerm(hi, lo, perm, 64);
  return { perm, sorted: lossy ? null : decodeFloatKey(key, ascending, naLast) };
}
