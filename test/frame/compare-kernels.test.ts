import { describe, expect, it } from 'vitest';
import { eqVS, eqVV, geVS, geVV, gtVS, gtVV, leVS, ltVS } from '../../src/frame/ops/compare-kernels.js';
import { newBits } from '../../src/frame/ops/bool-bits.js';

/** The bits of a kernel's output, one boolean per row. */
const unpack = (bits: Uint8Array, n: number): boolean[] => Array.from({ length: n }, (_, i) => ((bits[i >> 3] >> (i & 7)) & 1) === 1);

// Values with NaN, ±0, ±Infinity and repeats, at lengths around the 8-row unrolled blocks; each kernel
// must agree with the JavaScript operator row by row (NaN compares false everywhere).
const POOL = [NaN, -0, 0, 1, -1, 2.5, Infinity, -Infinity, 2.5, 1e300];

describe('branch-free comparison kernels', () => {
  it('agree with the JavaScript operators, NaN false', () => {
    for (const n of [0, 1, 7, 8, 9, 23, 64]) {
      const a = Float64Array.from({ length: n }, (_, i) => POOL[(i * 7 + 3) % POOL.length]);
      const b = Float64Array.from({ length: n }, (_, i) => POOL[(i * 3 + 1) % POOL.length]);
      for (const x of [0, 2.5, NaN, -Infinity]) {
        const cases: [typeof gtVS, (p: number) => boolean][] = [
          [gtVS, (p) => p > x], [geVS, (p) => p >= x], [ltVS, (p) => p < x], [leVS, (p) => p <= x], [eqVS, (p) => p === x],
        ];
        for (const [k, ref] of cases) {
          const o = newBits(n);
          k(a, x, o, n);
          expect(unpack(o, n)).toEqual(Array.from(a, ref));
        }
      }
      const vv: [typeof gtVV, (p: number, q: number) => boolean][] = [[gtVV, (p, q) => p > q], [geVV, (p, q) => p >= q], [eqVV, (p, q) => p === q]];
      for (const [k, ref] of vv) {
        const o = newBits(n);
        k(a, b, o, n);
        expect(unpack(o, n)).toEqual(Array.from(a, (p, i) => ref(p, b[i])));
      }
    }
  });
});
