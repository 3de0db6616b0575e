/**
 * Fast path of grouped sum/mean/count along one axis of a contiguous float array: every slab (the
 * `inner` elements at one position of the axis) is added into its group's float64 accumulator in one
 * tight loop, without a NaN test per element. NaN propagates through a sum, so a NaN-free result proves
 * the input had no NaN there and the count is the number of slabs; otherwise the caller takes the
 * general NaN-skipping path. One kernel per array type keeps V8's element access monomorphic.
 * @module
 */
import { NDArray } from './ndarray.js';

/** Adds the slabs of a Float32Array into `acc`, counting slabs per (outer, group) in `slabs`. */
function addSlabs32(x: Float32Array, codes: Int32Array, acc: Float64Array, slabs: Float64Array, outer: number, n: number, inner: number, ngroups: number): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n;) {
      const g = codes[i];
      if (g < 0) { i++; continue; }
      const pin = (o * n + i) * inner;
      const pout = (o * ngroups + g) * inner;
      if (i + 7 < n && codes[i + 1] === g && codes[i + 2] === g && codes[i + 3] === g && codes[i + 4] === g && codes[i + 5] === g && codes[i + 6] === g && codes[i + 7] === g) {
        // eight slabs of one group at once: an eighth of the accumulator traffic, pairwise adds
        const p1 = pin + inner;
        const p2 = p1 + inner;
        const p3 = p2 + inner;
        const p4 = p3 + inner;
        const p5 = p4 + inner;
        const p6 = p5 + inner;
        const p7 = p6 + inner;
        for (let j = 0; j < inner; j++) acc[pout + j] += ((x[pin + j] + x[p1 + j]) + (x[p2 + j] + x[p3 + j])) + ((x[p4 + j] + x[p5 + j]) + (x[p6 + j] + x[p7 + j]));
        slabs[o * ngroups + g] += 8;
        i += 8;
      } else if (i + 3 < n && codes[i + 1] === g && codes[i + 2] === g && codes[i + 3] === g) {
        // four slabs at once
        const p1 = pin + inner;
        const p2 = p1 + inner;
        const p3 = p2 + inner;
        for (let j = 0; j < inner; j++) acc[pout + j] += (x[pin + j] + x[p1 + j]) + (x[p2 + j] + x[p3 + j]);
        slabs[o * ngroups + g] += 4;
        i += 4;
      } else {
        for (let j = 0; j < inner; j++) acc[pout + j] += x[pin + j];
        slabs[o * ngroups + g]++;
        i++;
      }
    }
  }
}

/** The same loop for a Float64Array (a separate function so each stays monomorphic). */
function addSlabs64(x: Float64Array, codes: Int32Array, acc: Float64Array, slabs: Float64Array, outer: number, n: number, inner: number, ngroups: number): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < n;) {
      const g = codes[i];
      if (g < 0) { i++; continue; }
      const pin = (o * n + i) * inner;
      const pout = (o * ngroups + g) * inner;
      if (i + 7 < n && codes[i + 1] === g && codes[i + 2] === g && codes[i + 3] === g && codes[i + 4] === g && codes[i + 5] === g && codes[i + 6] === g && codes[i + 7] === g) {
        // eight slabs of one group at once: an eighth of the accumulator traffic, pairwise adds
        const p1 = pin + inner;
        const p2 = p1 + inner;
        const p3 = p2 + inner;
        const p4 = p3 + inner;
        const p5 = p4 + inner;
        const p6 = p5 + inner;
        const p7 = p6 + inner;
        for (let j = 0; j < inner; j++) acc[pout + j] += ((x[pin + j] + x[p1 + j]) + (x[p2 + j] + x[p3 + j])) + ((x[p4 + j] + x[p5 + j]) + (x[p6 + j] + x[p7 + j]));
        slabs[o * ngroups + g] += 8;
        i += 8;
      } else if (i + 3 < n && codes[i + 1] === g && codes[i + 2] === g && codes[i + 3] === g) {
        // four slabs at once
        const p1 = pin + inner;
        const p2 = p1 + inner;
        const p3 = p2 + inner;
        for (let j = 0; j < inner; j++) acc[pout + j] += (x[pin + j] + x[p1 + j]) + (x[p2 + j] + x[p3 + j]);
        slabs[o * ngroups + g] += 4;
        i += 4;
      } else {
        for (let j = 0; j < inner; j++) acc[pout + j] += x[pin + j];
        slabs[o * ngroups + g]++;
        i++;
      }
    }
  }
}

function hasNaN(acc: Float64Array): boolean {
  for (let i = 0; i < acc.length; i++) if (acc[i] !== acc[i]) return true;
  return false;
}

/**
 * Grouped sum, mean or count of a contiguous float32/float64 array along `axis`, or null when the
 * fast path does not apply (another dtype, or NaN in the data: the caller then skips NaN per element).
 * The group axis replaces `axis`; float32 input gives float32 sums and means, as numpy (float64 with `out64`).
 * @example
 * slabSum(NDArray.from([[1, 2], [3, 4], [5, 6]]), 0, Int32Array.of(0, 1, 0), 2, 'mean')?.toArray() // [[3, 4], [3, 4]]
 */
export function slabSum(a: NDArray, axis: number, codes: Int32Array, ngroups: number, op: 'sum' | 'mean' | 'count', out64 = false): NDArray | null {
  if ((a.dtype !== 'float32' && a.dtype !== 'float64') || !a.isContiguous || a.offset !== 0) return null;
  const shape = a.shape;
  const n = shape[axis];
  const outer = shape.slice(0, axis).reduce((p, q) => p * q, 1);
  const inner = shape.slice(axis + 1).reduce((p, q) => p * q, 1);
  const m = outer * ngroups * inner;
  const acc = new Float64Array(m);
  const slabs = new Float64Array(outer * ngroups);
  if (a.data instanceof Float32Array) addSlabs32(a.data, codes, acc, slabs, outer, n, inner, ngroups);
  else if (a.data instanceof Float64Array) addSlabs64(a.data, codes, acc, slabs, outer, n, inner, ngroups);
  else return null;
  if (hasNaN(acc)) return null;
  const outShape = [...shape.slice(0, axis), ngroups, ...shape.slice(axis + 1)];
  // finish in place in the float64 accumulator, then convert once (float32 input gives float32 results)
  for (let k = 0; k < outer * ngroups; k++) {
    const c = slabs[k];
    const b = k * inner;
    if (op === 'count') acc.fill(c, b, b + inner);
    else if (op === 'mean' && c === 0) acc.fill(NaN, b, b + inner);
    else if (op === 'mean') for (let q = b; q < b + inner; q++) acc[q] = acc[q] / c;
  }
  if (op === 'count' || a.dtype === 'float64' || out64) return new NDArray(acc, outShape);
  return new NDArray(new Float32Array(acc), outShape, { dtype: 'float32' });
}
