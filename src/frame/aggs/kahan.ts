/**
 * Accurate summation kernels shared by sum and mean: a blocked scatter per group whose block partial
 * sums are combined with Kahan compensation, and pairwise summation for a whole column (as numpy).
 * @module
 */
import { anyNaNSum, scatterChecked, scatterDense, scatterFast } from './scatter-kernels.js';

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
 * Rows per block of the blocked scatter: 64 rows per group on average (so the flush, one pass over
 * the groups, costs at most a 64th of the block; a group's plain partial sum then spans about as
 * many values as numpy's pairwise base block) and at least 1,024; with many groups, no more than
 * about a million rows (but 16 per group), so the kernels are called, and optimized by V8, several
 * times even on the first large input.
 */
function blockRows(ngroups: number): number {
  return Math.min(Math.max(1024, ngroups * 64), Math.max(1 << 20, ngroups * 16));
}

/**
 * Blocked, compensated scatter-sum. Rows are summed per group in plain float64 within a block of
 * rows (a tight interleaved [sum, count] loop, scatter-kernels.ts), and each block's partial sums
 * are added into the running totals with Kahan compensation. The rounding error of a group's sum
 * grows with its rows per block (plus a compensated term across blocks) instead of with all its
 * rows, as in a plain loop. Group g's totals live at acc[g*stride] (sum), acc[g*stride+1]
 * (compensation) and, with `withCount`, acc[g*stride+2] (count of summed values). Rows with
 * codes[i] < 0 or a NaN value are skipped: blocks go through the kernel that tests nothing until
 * one yields a NaN partial sum; that block is redone, and the rest, with the NaN-testing kernel.
 * `nonNegative`: the caller knows no code is -1 (the first kernel then has no test at all).
 */
export function kahanScatter(x: Float64Array, codes: Int32Array, acc: Float64Array, stride: number, withCount: boolean, nonNegative = false): void {
  const n = x.length;
  const ngroups = Math.floor(acc.length / stride);
  // One spare slot past the groups takes the rows whose code is -1.
  const part = new Float64Array((ngroups + 1) * 2);
  const block = blockRows(ngroups);
  let fast = true;
  for (let start = 0; start < n; start += block) {
    const end = Math.min(n, start + block);
    if (fast) {
      if (nonNegative) scatterDense(x, codes, part, start, end);
      else scatterFast(x, codes, part, ngroups, start, end);
      if (anyNaNSum(part, ngroups)) {
        part.fill(0);
        scatterChecked(x, codes, part, ngroups, start, end);
        fast = false;
      }
    } else scatterChecked(x, codes, part, ngroups, start, end);
    for (let g = 0; g < ngroups; g++) {
      const o = g << 1;
      const c = part[o + 1];
      if (c === 0) continue;
      const q = g * stride;
      kahanAdd(acc, q, part[o]);
      if (withCount) acc[q + 2] += c;
      part[o] = 0;
      part[o + 1] = 0;
    }
    part[2 * ngroups] = 0;
    part[2 * ngroups + 1] = 0;
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
