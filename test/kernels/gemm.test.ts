/**
 * The blocked product and the two Gram-form kernels (WebAssembly SIMD and plain JS) against naive
 * loops, on odd sizes that exercise the padding and remainder paths, with duplicate rows (the
 * cancellation guard); and cdist's `out`.
 */
import { describe, expect, it } from 'vitest';
import { gemmABt } from '../../src/kernels/distance/gemm.js';
import { wasmGramAvailable } from '../../src/kernels/distance/wasm-gemm.js';
import { euclideanGram, euclideanGramJs } from '../../src/kernels/distance/gram.js';
import { rowSquaredNorms, sqeuclideanDirect } from '../../src/kernels/distance/euclidean.js';
import { cdist } from '../../src/kernels/index.js';
import { cdistRows } from '../../src/kernels/distance/rows-task.js';

function data(len: number, seed: number): Float64Array {
  const a = new Float64Array(len);
  for (let i = 0; i < len; i++) a[i] = Math.sin(seed + i * 0.731) * 3;
  return a;
}
function naive(A: Float64Array, B: Float64Array, m: number, n: number, d: number): Float64Array {
  const G = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < d; k++) s += A[i * d + k] * B[j * d + k];
    G[i * n + j] = s;
  }
  return G;
}
function maxRel(a: Float64Array, b: Float64Array): number {
  let e = 0;
  for (let i = 0; i < a.length; i++) e = Math.max(e, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return e;
}

describe('blocked A Bᵀ', () => {
  for (const [m, n, d] of [[1, 1, 1], [3, 5, 7], [37, 71, 20], [40, 130, 33]]) {
    it(`${m} x ${n}, d = ${d}`, () => {
      const A = data(m * d, 1), B = data(n * d, 2);
      const want = naive(A, B, m, n, d);
      const js = new Float64Array(m * n);
      gemmABt(A, B, d, n, js, 0, m);
      expect(maxRel(js, want)).toBeLessThan(1e-13);
    });
    it(`Gram-form squared distances ${m} x ${n}, d = ${d} (wasm and JS), duplicates exact`, () => {
      const A = data(m * d, 1), B = data(n * d, 2);
      B.set(A.subarray(0, d), 0); // B row 0 = A row 0
      const want = new Float64Array(m * n);
      sqeuclideanDirect(A, B, d, n, want, 0, m);
      const nx = rowSquaredNorms(A, m, d), ny = rowSquaredNorms(B, n, d);
      expect(wasmGramAvailable()).toBe(true);
      for (const k of [euclideanGram, euclideanGramJs]) {
        const got = new Float64Array(m * n);
        const r0 = m > 1 ? 1 : 0; // rows [r0, m): checks the row offset
        k(A, B, d, n, got, r0, m, nx, ny, false);
        if (r0 === 0) expect(got[0]).toBe(0);
        expect(maxRel(got.subarray(r0 * n), want.subarray(r0 * n))).toBeLessThan(1e-12);
      }
    });
  }
});

describe("cdist's out option", () => {
  it('writes into the given buffer and checks its length', () => {
    const out = new Float64Array(2);
    const r = cdist([[0, 0], [1, 1]], [[3, 4]], { out });
    expect(r.data).toBe(out);
    expect(out[0]).toBe(5);
    expect(() => cdist([[0, 0]], [[3, 4]], { out: new Float64Array(3) })).toThrow(/out has 3 values but the result has 1 x 1/);
  });
});

describe('cdistRows (the row-block entry point for workers)', () => {
  it('two row blocks over shared buffers give the full cdist', () => {
    const m = 9, n = 7;
    for (const [metric, d] of [['euclidean', 20], ['cityblock', 3], ['cosine', 5]] as const) {
      const X = new Float64Array(new SharedArrayBuffer(m * d * 8));
      X.set(data(m * d, 3));
      const Y = new Float64Array(new SharedArrayBuffer(n * d * 8));
      Y.set(data(n * d, 4));
      const out = new Float64Array(new SharedArrayBuffer(m * n * 8));
      expect(cdistRows({ X, Y, m, n, d, out, metric, p: 2, r0: 0, r1: 4 })).toBe(4);
      cdistRows({ X, Y, m, n, d, out, metric, p: 2, r0: 4, r1: m });
      const want = cdist({ data: X, shape: [m, d] }, { data: Y, shape: [n, d] }, { metric });
      expect(maxRel(out, want.data)).toBeLessThan(1e-13);
    }
  });
});
