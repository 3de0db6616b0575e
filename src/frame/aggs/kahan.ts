/**
 * Accurate summation kernels shared by sum and mean: Kahan-compensated scatter per group (as pandas'
 * grouped sum/mean), and pairwise summation for a whole column (as numpy's `sum`).
 * @module
 */

/** Pairwise base block: summed left to right. */
const BLOCK = 128;

/**
 * Pairwise sum of the non-NaN values of x[lo, hi); `counter[0]` gains the number of values summed.
 * Error grows as O(log n) instead of O(n).
 */
export function pairwiseSum(x: Float64Array, lo: number, hi: number, counter: Float64Array): number {
  if (hi - lo <= BLOCK) {
    let s0 = 0;
    let s1 = 0;
    let c = 0;
    let i = lo;
    for (; i + 1 < hi; i += 2) {
      const a = x[i];
      const b = x[i + 1];
      if (a === a) { s0 += a; c++; }
      if (b === b) { s1 += b; c++; }
    }
    if (i < hi) {
      const a = x[i];
      if (a === a) { s0 += a; c++; }
    }
    counter[0] += c;
    return s0 + s1;
  }
  const mid = lo + (((hi - lo) >> 1) & ~(BLOCK - 1) || (hi - lo) >> 1);
  return pairwiseSum(x, lo, mid, counter) + pairwiseSum(x, mid, hi, counter);
}

/**
 * Kahan-compensated scatter into an interleaved accumulator: group g owns acc[g*stride] (sum),
 * acc[g*stride+1] (compensation) and, when `withCount`, acc[g*stride+2] (count). Interleaving keeps a
 * group's accumulators on one cache line, which matters for many groups (random access).
 * Rows with codes[i] < 0 or a NaN value are skipped.
 */
export function kahanScatter(x: Float64Array, codes: Int32Array, acc: Float64Array, stride: number, withCount: boolean): void {
  const n = x.length;
  if (withCount) {
    for (let i = 0; i < n; i++) {
      const g = codes[i];
      const v = x[i];
      if (g < 0 || v !== v) continue;
      const o = g * stride;
      const y = v - acc[o + 1];
      const s = acc[o];
      const t = s + y;
      const c = t - s - y;
      acc[o + 1] = c === c ? c : 0; // an infinite value makes c NaN (pandas GH#53606)
      acc[o] = t;
      acc[o + 2]++;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const g = codes[i];
      const v = x[i];
      if (g < 0 || v !== v) continue;
      const o = g * stride;
      const y = v - acc[o + 1];
      const s = acc[o];
      const t = s + y;
      const c = t - s - y;
      acc[o + 1] = c === c ? c : 0;
      acc[o] = t;
    }
  }
}

/** Adds `v` into the compensated sum at acc[o] (compensation at acc[o+1]). */
export function kahanAdd(acc: Float64Array, o: number, v: number): void {
  const y = v - acc[o + 1];
  const s = acc[o];
  const t = s + y;
  const c = t - s - y;
  acc[o + 1] = c === c ? c : 0;
  acc[o] = t;
}

/** Whole-column sum into group 0 (pairwise, then compensated into the running state). */
export function wholeSum(x: Float64Array, acc: Float64Array, withCount: boolean): void {
  const counter = new Float64Array(1);
  const s = x.length ? pairwiseSum(x, 0, x.length, counter) : 0;
  kahanAdd(acc, 0, s);
  if (withCount) acc[2] += counter[0];
}
