/**
 * Stable MSD radix sort of row positions by 64-bit unsigned keys (two 32-bit words). The first pass
 * splits the rows by their top bits; each bucket is then sorted on its own, so after one or two
 * passes over the whole array the work happens in cache (an LSD sort moves all rows on every one of
 * its 6 passes). Buckets of a few rows finish with an insertion sort. Ping-pong buffers avoid copying
 * a range back after each scatter.
 * @module
 */

const LEAF = 24;

/** Ping-pong buffers of a sort: keys and positions in buffer 0 (input and result) and 1 (scratch). */
export interface Bufs {
  hi: [Uint32Array, Uint32Array];
  lo: [Uint32Array, Uint32Array];
  perm: [Int32Array, Int32Array];
  digits: Uint16Array;
  /** Histogram and bucket-offset buffers, one pair per recursion depth (at most 64 / 4 levels). */
  counts: Uint32Array[];
  pos: Uint32Array[];
}

/**
 * Sorts positions `perm` by the 64-bit keys `hi:lo` (`bits` significant bits in all), stably.
 * `hi`, `lo` and `perm` are overwritten with the sorted keys and positions.
 * @example
 * msdSortPerm(Uint32Array.of(0, 0), Uint32Array.of(5, 2), Int32Array.of(0, 1), 33) // perm [1, 0]
 */
export function msdSortPerm(hi: Uint32Array, lo: Uint32Array, perm: Int32Array, bits: number): Int32Array {
  const n = perm.length;
  const b: Bufs = {
    // Scratch buffers live only during the sort: plain memory, not shared.
    hi: [hi, new Uint32Array(n)],
    lo: [lo, new Uint32Array(n)],
    perm: [perm, new Int32Array(n)],
    digits: new Uint16Array(n),
    counts: [],
    pos: [],
  };
  sortRange(b, 0, 0, n, bits, 0);
  return perm;
}

/** Writes the digit [r - w, r) of each key in [start, end) into `digits` and returns its histogram. */
function digitsOf(hi: Uint32Array, lo: Uint32Array, d: Uint16Array, start: number, end: number, r: number, w: number, counts: Uint32Array): void {
  counts.fill(0, 0, 1 << w);
  const mask = (1 << w) - 1;
  const s = r - w;
  if (s >= 32) {
    const sh = s - 32;
    for (let i = start; i < end; i++) {
      const x = (hi[i] >>> sh) & mask;
      d[i] = x;
      counts[x]++;
    }
  } else if (r <= 32) {
    for (let i = start; i < end; i++) {
      const x = (lo[i] >>> s) & mask;
      d[i] = x;
      counts[x]++;
    }
  } else {
    const up = 32 - s;
    for (let i = start; i < end; i++) {
      const x = ((hi[i] << up) | (lo[i] >>> s)) & mask;
      d[i] = x;
      counts[x]++;
    }
  }
}

/** Histogram of a digit of the high word (no digit array written). */
function highCounts(hi: Uint32Array, start: number, end: number, sh: number, mask: number, counts: Uint32Array): void {
  counts.fill(0, 0, mask + 1);
  for (let i = start; i < end; i++) counts[(hi[i] >>> sh) & mask]++;
}

/**
 * Buffers for sorting up to `n` rows on the calling thread (plain memory: scratch, never shared).
 * @example
 * const b = sortBufs(1024); b.hi[0].set(hiWords); ...; sortRange(b, 0, 0, m, 64, 0);
 */
export function sortBufs(n: number): Bufs {
  return {
    hi: [new Uint32Array(n), new Uint32Array(n)],
    lo: [new Uint32Array(n), new Uint32Array(n)],
    perm: [new Int32Array(n), new Int32Array(n)],
    digits: new Uint16Array(n),
    counts: [],
    pos: [],
  };
}

/**
 * Sorts [start, end), currently in buffer `cur` (0 or 1), stably on the low `r` bits of the keys
 * (the higher bits are equal in the range); leaves the result in buffer 0.
 * @example
 * sortRange(sortBufs(m), 0, 0, m, 64, 0)
 */
export function sortRange(b: Bufs, cur: number, start: number, end: number, r: number, depth: number): void {
  const m = end - start;
  if (m <= LEAF || r <= 0) {
    if (r > 0) insertion(b.hi[cur], b.lo[cur], b.perm[cur], start, end);
    if (cur === 1) {
      // A loop, not set(subarray(...)): leaves are tiny and a subarray is an allocation.
      const h0 = b.hi[0], h1 = b.hi[1], l0 = b.lo[0], l1 = b.lo[1], p0 = b.perm[0], p1 = b.perm[1];
      for (let i = start; i < end; i++) {
        h0[i] = h1[i];
        l0[i] = l1[i];
        p0[i] = p1[i];
      }
    }
    return;
  }
    // Digit width: 16 bits on huge ranges (one pass splits floats by exponent and top mantissa bits,
  // leaving buckets that fit in cache), 11 on large ones, about log2(m) - 2 on small ones.
  const w = Math.min(r, m > 1 << 20 ? 16 : m < 4096 ? Math.max(4, Math.min(8, 29 - Math.clz32(m))) : 11);
  const hi = b.hi[cur];
  const lo = b.lo[cur];
  const perm = b.perm[cur];
  const nb = 1 << w;
  if (b.counts.length <= depth || b.counts[depth].length < nb) {
    b.counts[depth] = new Uint32Array(nb);
    b.pos[depth] = new Uint32Array(nb);
  }
  const counts = b.counts[depth];
  if (m > 1 << 16 && r - w >= 32) highCounts(hi, start, end, r - w - 32, nb - 1, counts);
  else digitsOf(hi, lo, b.digits, start, end, r, w, counts);
  // One bucket holds every row: nothing moves, go to the next digit.
  for (let k = 0; k < nb; k++) {
    if (counts[k] === m) {
      sortRange(b, cur, start, end, r - w, depth + 1);
      return;
    }
    if (counts[k] !== 0) break;
  }
  const pos = b.pos[depth];
  let sum = start;
  for (let k = 0; k < nb; k++) {
    pos[k] = sum;
    sum += counts[k];
  }
  const nxt = 1 - cur;
  const hiO = b.hi[nxt];
  const loO = b.lo[nxt];
  const permO = b.perm[nxt];
  if (m > 1 << 16 && r - w >= 32) {
    // Large range, digit in the high word: recomputing it is cheaper than reading the digit array back.
    const sh = r - w - 32;
    const mask = nb - 1;
    for (let i = start; i < end; i++) {
      const h = hi[i];
      const j = pos[(h >>> sh) & mask]++;
      hiO[j] = h;
      loO[j] = lo[i];
      permO[j] = perm[i];
    }
  } else {
    const d = b.digits;
    for (let i = start; i < end; i++) {
      const j = pos[d[i]]++;
      hiO[j] = hi[i];
      loO[j] = lo[i];
      permO[j] = perm[i];
    }
  }
  let s = start;
  const rest = r - w;
  for (let k = 0; k < nb; k++) {
    const c = counts[k];
    if (c === 1) {
      // Most buckets of a small range hold one row: finish it here, without a call.
      if (nxt === 1) {
        hi[s] = hiO[s];
        lo[s] = loO[s];
        perm[s] = permO[s];
      }
    } else if (c > 1) {
      sortRange(b, nxt, s, s + c, rest, depth + 1);
    }
    s += c;
  }
}

/** Stable insertion sort of a small range by hi:lo. */
function insertion(hi: Uint32Array, lo: Uint32Array, perm: Int32Array, start: number, end: number): void {
  for (let i = start + 1; i < end; i++) {
    const h = hi[i];
    const l = lo[i];
    const p = perm[i];
    let j = i - 1;
    while (j >= start && (hi[j] > h || (hi[j] === h && lo[j] > l))) {
      hi[j + 1] = hi[j];
      lo[j + 1] = lo[j];
      perm[j + 1] = perm[j];
      j--;
    }
    hi[j + 1] = h;
    lo[j + 1] = l;
    perm[j + 1] = p;
  }
}
