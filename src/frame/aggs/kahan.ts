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
 * Kahan-compensated scatter: for each row i with codes[i] >= 0 and x[i] not NaN, adds x[i] into
 * sum[codes[i]] (compensation in comp) and, when `count` is given, counts it.
 */
export function kahanScatter(x: Float64Array, codes: Int32Array, sum: Float64Array, comp: Float64Array, count: Float64Array | null): void {
  const n = x.length;
  if (count !== null) {
    for (let i = 0; i < n; i++) {
      const g = codes[i];
      const v = x[i];
      if (g < 0 || v !== v) continue;
      const y = v - comp[g];
      const s = sum[g];
      const t = s + y;
      const c = t - s - y;
      comp[g] = c === c ? c : 0; // an infinite value makes c NaN (pandas GH#53606)
      sum[g] = t;
      count[g]++;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const g = codes[i];
      const v = x[i];
      if (g < 0 || v !== v) continue;
      const y = v - comp[g];
      const s = sum[g];
      const t = s + y;
      const c = t - s - y;
      comp[g] = c === c ? c : 0;
      sum[g] = t;
    }
  }
}

/** Adds `v` into slot g of a compensated sum. */
export function kahanAdd(sum: Float64Array, comp: Float64Array, g: number, v: number): void {
  const y = v - comp[g];
  const s = sum[g];
  const t = s + y;
  const c = t - s - y;
  comp[g] = c === c ? c : 0;
  sum[g] = t;
}

/** Whole-column sum into slot 0 (pairwise, then compensated into the running state). */
export function wholeSum(x: Float64Array, sum: Float64Array, comp: Float64Array, count: Float64Array | null): void {
  const counter = new Float64Array(1);
  const s = x.length ? pairwiseSum(x, 0, x.length, counter) : 0;
  kahanAdd(sum, comp, 0, s);
  if (count !== null) count[0] += counter[0];
}
