/**
 * The inner loops of grouped sums: [sum, count] per group, interleaved in `part` (group g at
 * part[2g], part[2g+1]). Both kernels take four rows per iteration and store unconditionally: a row
 * whose code is -1 goes to a spare slot `spare` (part[2*spare], part[2*spare+1]; the caller ignores
 * it), so no store sits inside a branch. V8 then checks `part` once per iteration instead of once
 * per row, which makes these loops about a third faster than a loop that skips rows with `continue`.
 * @module
 */

/**
 * Sums and counts every row's value, NaN included (a NaN turns its group's partial sum NaN; the
 * caller checks and redoes the block with `scatterChecked`).
 * @example
 * const part = new Float64Array(6); // groups 0, 1 and the spare slot 2
 * scatterFast(Float64Array.of(1, 2, 4), Int32Array.of(0, -1, 1), part, 2, 0, 3); // part [1, 1, 4, 1, 2, 1]
 */
export function scatterFast(x: Float64Array, codes: Int32Array, part: Float64Array, spare: number, start: number, end: number): void {
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const g0 = codes[i];
    const g1 = codes[i + 1];
    const g2 = codes[i + 2];
    const g3 = codes[i + 3];
    const o0 = (g0 < 0 ? spare : g0) << 1;
    const o1 = (g1 < 0 ? spare : g1) << 1;
    const o2 = (g2 < 0 ? spare : g2) << 1;
    const o3 = (g3 < 0 ? spare : g3) << 1;
    part[o0] += x[i];
    part[o0 + 1] += 1;
    part[o1] += x[i + 1];
    part[o1 + 1] += 1;
    part[o2] += x[i + 2];
    part[o2 + 1] += 1;
    part[o3] += x[i + 3];
    part[o3 + 1] += 1;
  }
  for (; i < end; i++) {
    const g = codes[i];
    const o = (g < 0 ? spare : g) << 1;
    part[o] += x[i];
    part[o + 1] += 1;
  }
}

/**
 * As `scatterFast`, for codes known to be all >= 0 (no spare slot, no test at all).
 * @example
 * const part = new Float64Array(4);
 * scatterDense(Float64Array.of(1, 2, 4), Int32Array.of(0, 1, 0), part, 0, 3); // part [5, 2, 2, 1]
 */
export function scatterDense(x: Float64Array, codes: Int32Array, part: Float64Array, start: number, end: number): void {
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const o0 = codes[i] << 1;
    const o1 = codes[i + 1] << 1;
    const o2 = codes[i + 2] << 1;
    const o3 = codes[i + 3] << 1;
    part[o0] += x[i];
    part[o0 + 1] += 1;
    part[o1] += x[i + 1];
    part[o1 + 1] += 1;
    part[o2] += x[i + 2];
    part[o2 + 1] += 1;
    part[o3] += x[i + 3];
    part[o3 + 1] += 1;
  }
  for (; i < end; i++) {
    const o = codes[i] << 1;
    part[o] += x[i];
    part[o + 1] += 1;
  }
}

/**
 * Sums and counts the non-NaN values (a NaN adds 0 and counts 0, without a branch around the stores).
 * @example
 * const part = new Float64Array(4); // group 0 and the spare slot 1
 * scatterChecked(Float64Array.of(1, NaN, 4), Int32Array.of(0, 0, 0), part, 1, 0, 3); // part [5, 2, 0, 0]
 */
export function scatterChecked(x: Float64Array, codes: Int32Array, part: Float64Array, spare: number, start: number, end: number): void {
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const g0 = codes[i];
    const g1 = codes[i + 1];
    const g2 = codes[i + 2];
    const g3 = codes[i + 3];
    const o0 = (g0 < 0 ? spare : g0) << 1;
    const o1 = (g1 < 0 ? spare : g1) << 1;
    const o2 = (g2 < 0 ? spare : g2) << 1;
    const o3 = (g3 < 0 ? spare : g3) << 1;
    const v0 = x[i];
    const v1 = x[i + 1];
    const v2 = x[i + 2];
    const v3 = x[i + 3];
    const k0 = v0 === v0 ? 1 : 0;
    const k1 = v1 === v1 ? 1 : 0;
    const k2 = v2 === v2 ? 1 : 0;
    const k3 = v3 === v3 ? 1 : 0;
    part[o0] += k0 ? v0 : 0;
    part[o0 + 1] += k0;
    part[o1] += k1 ? v1 : 0;
    part[o1 + 1] += k1;
    part[o2] += k2 ? v2 : 0;
    part[o2 + 1] += k2;
    part[o3] += k3 ? v3 : 0;
    part[o3 + 1] += k3;
  }
  for (; i < end; i++) {
    const g = codes[i];
    const v = x[i];
    if (g < 0 || v !== v) continue;
    part[g << 1] += v;
    part[(g << 1) + 1] += 1;
  }
}

/** True when one of the groups' partial sums (part[2g], g < ngroups) is NaN. */
export function anyNaNSum(part: Float64Array, ngroups: number): boolean {
  let bad = false;
  for (let g = 0; g < ngroups; g++) {
    const s = part[g << 1];
    if (s !== s) bad = true;
  }
  return bad;
}

/**
 * Adds (x - mean)² of rows [start, end) into mm[2g+1], with group g's mean at mm[2g]. For rows that
 * are all counted (no code -1, no NaN value: the caller knows it from the group counts), so nothing
 * is tested.
 * @example
 * const mm = Float64Array.of(2, 0); // group 0: mean 2
 * deviationsFast(Float64Array.of(1, 3), Int32Array.of(0, 0), mm, 0, 2); // mm [2, 2]
 */
export function deviationsFast(x: Float64Array, codes: Int32Array, mm: Float64Array, start: number, end: number): void {
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const o0 = codes[i] << 1;
    const o1 = codes[i + 1] << 1;
    const o2 = codes[i + 2] << 1;
    const o3 = codes[i + 3] << 1;
    const d0 = x[i] - mm[o0];
    const d1 = x[i + 1] - mm[o1];
    const d2 = x[i + 2] - mm[o2];
    const d3 = x[i + 3] - mm[o3];
    mm[o0 + 1] += d0 * d0;
    mm[o1 + 1] += d1 * d1;
    mm[o2 + 1] += d2 * d2;
    mm[o3 + 1] += d3 * d3;
  }
  for (; i < end; i++) {
    const o = codes[i] << 1;
    const d = x[i] - mm[o];
    mm[o + 1] += d * d;
  }
}

/**
 * As `deviationsFast`, skipping NaN values and rows of code -1 (sent to the spare slot `spare`).
 * @example
 * const mm = Float64Array.of(2, 0, 0, 0); // group 0: mean 2; spare slot 1
 * deviationsChecked(Float64Array.of(1, NaN, 3), Int32Array.of(0, 0, -1), mm, 1, 0, 3); // mm[1] == 1
 */
export function deviationsChecked(x: Float64Array, codes: Int32Array, mm: Float64Array, spare: number, start: number, end: number): void {
  let i = start;
  for (; i + 4 <= end; i += 4) {
    const g0 = codes[i];
    const g1 = codes[i + 1];
    const g2 = codes[i + 2];
    const g3 = codes[i + 3];
    const o0 = (g0 < 0 ? spare : g0) << 1;
    const o1 = (g1 < 0 ? spare : g1) << 1;
    const o2 = (g2 < 0 ? spare : g2) << 1;
    const o3 = (g3 < 0 ? spare : g3) << 1;
    const v0 = x[i];
    const v1 = x[i + 1];
    const v2 = x[i + 2];
    const v3 = x[i + 3];
    const d0 = v0 === v0 ? v0 - mm[o0] : 0;
    const d1 = v1 === v1 ? v1 - mm[o1] : 0;
    const d2 = v2 === v2 ? v2 - mm[o2] : 0;
    const d3 = v3 === v3 ? v3 - mm[o3] : 0;
    mm[o0 + 1] += d0 * d0;
    mm[o1 + 1] += d1 * d1;
    mm[o2 + 1] += d2 * d2;
    mm[o3 + 1] += d3 * d3;
  }
  for (; i < end; i++) {
    const g = codes[i];
    const v = x[i];
    if (g < 0 || v !== v) continue;
    const d = v - mm[g << 1];
    mm[(g << 1) + 1] += d * d;
  }
}
