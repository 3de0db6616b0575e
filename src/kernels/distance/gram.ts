/**
 * Euclidean distances through the Gram form |x|² + |y|² − 2 x·y with a blocked product (the
 * WebAssembly SIMD kernel of wasm-gemm.ts, or gemm.ts in plain JS): it wins at larger d. Cancellation guard: where the
 * result is small next to |x|² + |y|² (closer than GUARD of the norms, e.g. duplicate points) the
 * pair is recomputed directly, so results stay within ~1e-13 relative of the direct form and
 * identical points give exactly 0, as scipy.
 * @module
 */
import { gemmABt } from './gemm.js';
import { gramBlocksWasm, GUARD } from './wasm-gemm.js';
import { sqdiff } from './euclidean.js';


/**
 * Euclidean (root = true) or squared Euclidean distances of rows [r0, r1) of X against Y,
 * given the squared row norms nx (of X) and ny (of Y).
 * @example
 * const X = new Float64Array([0, 0, 0, 0]), Y = new Float64Array([3, 4, 0, 0]);
 * const out = new Float64Array(1);
 * euclideanGram(X, Y, 4, 1, out, 0, 1, new Float64Array([0]), new Float64Array([25]), true); // out[0] === 5
 */
export function euclideanGram(
  X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number,
  nx: Float64Array, ny: Float64Array, root: boolean,
): void {
  const viaWasm = gramBlocksWasm(X, Y, n, d, r0, r1, nx, ny, root, (i0, i1, G, n4, flagged) => {
    for (let i = i0; i < i1; i++) {
      const oi = i * n;
      out.set(G.subarray((i - i0) * n4, (i - i0) * n4 + n), oi);
      if (flagged === 0) continue;
      for (let j = 0; j < n; j++) {
        // −1: cancellation flagged by the kernel; NaN: NaN or ±Infinity inputs (inf − inf in the
        // Gram form, where the direct form gives scipy's Infinity).
        if (!(out[oi + j] >= 0)) {
          const s = sqdiff(X, i * d, Y, j * d, d);
          out[oi + j] = root ? Math.sqrt(s) : s;
        }
      }
    }
  });
  if (!viaWasm) euclideanGramJs(X, Y, d, n, out, r0, r1, nx, ny, root);
}

/**
 * The same in plain JS (gemm.ts + a finishing pass): the fallback where WebAssembly SIMD is missing.
 * @example
 * euclideanGramJs(X, Y, d, n, out, 0, m, nx, ny, true);
 */
export function euclideanGramJs(
  X: Float64Array, Y: Float64Array, d: number, n: number, out: Float64Array, r0: number, r1: number,
  nx: Float64Array, ny: Float64Array, root: boolean,
): void {
  gemmABt(X, Y, d, n, out, r0, r1);
  for (let i = r0; i < r1; i++) {
    const a = nx[i], oi = i * n;
    for (let j = 0; j < n; j++) {
      const t = a + ny[j];
      let s = t - 2 * out[oi + j];
      if (!(s >= GUARD * t)) s = sqdiff(X, i * d, Y, j * d, d);
      out[oi + j] = root ? Math.sqrt(s) : s;
    }
  }
}
