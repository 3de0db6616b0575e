/**
 * Strided iteration: walk several arrays of one shape (each with its own strides and offset) row by row,
 * so kernels run a tight inner loop over the last (merged) dimension.
 * @module
 */

/** Contiguous (C-order) strides of a shape. */
export function cStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** Product of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/**
 * Merges adjacent dimensions that are contiguous in every operand (and drops length-1 dimensions),
 * so a C-contiguous array becomes one long row.
 */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const sh: number[] = [];
  const st: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const k = sh.length - 1;
    if (k >= 0 && strides.every((s, j) => st[j][k] === s[d] * shape[d])) {
      sh[k] *= shape[d];
      for (let j = 0; j < strides.length; j++) st[j][k] = strides[j][d];
      continue;
    }
    sh.push(shape[d]);
    for (let j = 0; j < strides.length; j++) st[j].push(strides[j][d]);
  }
  if (sh.length === 0) {
    sh.push(1);
    for (const s of st) s.push(0);
  }
  return { shape: sh, strides: st };
}

/**
 * Calls `row(offsets, n, innerStrides)` once per row of the last dimension; `offsets[j]` is where
 * operand j's row starts. The kernel loops `n` times stepping each operand by `innerStrides[j]`.
 * @example
 * forEachRow([2, 3], [[3, 1]], [0], (o, n, s) => { for (let i = 0, p = o[0]; i < n; i++, p += s[0]) out[p] = 0; });
 */
export function forEachRow(
  shape0: readonly number[],
  strides0: readonly (readonly number[])[],
  offsets0: readonly number[],
  row: (offsets: number[], n: number, inner: number[]) => void,
): void {
  if (sizeOf(shape0) === 0) return;
  const { shape, strides } = coalesce(shape0, strides0);
  const nd = shape.length;
  const k = strides.length;
  const inner = strides.map((s) => s[nd - 1]);
  const n = shape[nd - 1];
  const offs = [...offsets0];
  const idx = new Array<number>(nd).fill(0);
  const cur = [...offs];
  while (true) {
    row(cur, n, inner);
    let d = nd - 2;
    while (d >= 0) {
      idx[d]++;
      if (idx[d] < shape[d]) {
        for (let j = 0; j < k; j++) cur[j] += strides[j][d];
        break;
      }
      for (let j = 0; j < k; j++) cur[j] -= strides[j][d] * (shape[d] - 1);
      idx[d] = 0;
      d--;
    }
    if (d < 0) return;
  }
}
