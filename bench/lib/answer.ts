/**
 * Answers: small digests of each workload's result, computed the same way by every contender, so the
 * harness can check that all contenders did the same work (same group sums, same join row count).
 *
 * Digests per workload (k: int key, n(s): the number in string key 'k<n>'):
 * - groupby-int: groups, sumOfSums, sumOfCounts, wMean = Σ (k+1)·mean_k, wSum = Σ (k+1)·sum_k
 * - groupby-str: groups, wMean = Σ (n(s)+1)·mean_s
 * - pivot-table: rows, cols, cells (non-NaN), wSum = Σ (a+1)(b+1)·mean_ab
 * - csv-read: rows, idSum, priceSum, nameLenSum, trueCount, daySum (epoch days of the dates)
 * - csv-chunked: rows, xSum (Σ of float column x), trueCount (true values of bool column flag)
 * - parquet-write: rows (read back after timing); parquet-read: rows, ikeySum, vSum
 * - sort: rows, vAt = Σ v at 11 evenly spaced sorted positions, keyAt = Σ ikey at those positions
 * - filter-arith: rows, zSum, ikeySum; join: rows, xSum, vSum; transform: rows, zSq = Σ z², wz = Σ w·z
 * - melt-pivot: longRows, longSum, rows, cols, wSum = Σ (id%7+1)(j+1)·value of column j
 * - cdist-*: sum of all distances, first = D[0,0], last = D[m-1,n-1]
 * - curve-fit: rows, aSum, bSum (fitted a·x^b)
 * - netcdf: meanSum = Σ time-mean grid, annualSum = Σ annual-mean grids, years
 * - netcdf-chunked: meanSum = Σ time-mean grid, cells (lat × lon)
 * @module
 */
import type { WorkloadId } from './config.js';

/** A digest: named numbers. */
export type Answer = Record<string, number>;

/** Relative tolerance of the comparison per workload (iterative fits and float32 data get looser ones). */
export function tolerance(w: WorkloadId): number {
  if (w === 'curve-fit') return 1e-5;
  if (w === 'netcdf' || w === 'netcdf-chunked') return 1e-5;
  return 1e-9;
}

/** Differences between an answer and the reference answer, as readable strings (empty when equal). */
export function compareAnswers(ref: Answer, got: Answer, rel: number): string[] {
  const out: string[] = [];
  for (const key of Object.keys(ref)) {
    const a = ref[key];
    const b = got[key];
    if (b === undefined) {
      out.push(`${key}: missing`);
      continue;
    }
    const ok = (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
    if (!ok) out.push(`${key}: ${b} vs reference ${a}`);
  }
  return out;
}

/** Σ of values at 11 evenly spaced positions of an array (sort digests). */
export function spacedSum(n: number, at: (i: number) => number): number {
  if (n === 0) return 0;
  let s = 0;
  for (let j = 0; j <= 10; j++) s += at(Math.floor((j * (n - 1)) / 10));
  return s;
}

/** The number in a string key 'k<n>'. */
export function keyNumber(s: string): number {
  return Number(s.slice(1));
}

/** Σ of a Float64Array (plain loop). */
export function sumF64(a: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return s;
}
