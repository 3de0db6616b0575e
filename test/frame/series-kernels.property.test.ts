// Property tests (fast-check) of the element-wise kernels against naive per-element definitions:
// bit-packed comparisons at every length and alignment, Python divmod identities, Kleene logic.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Series } from '../../src/frame/series.js';
import { pyFloorDiv, pyMod } from '../../src/frame/ops/arith-kernels.js';

const num = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constant(NaN), fc.double({ min: -100, max: 100, noNaN: true }));
const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });

describe('kernel properties', () => {
  it('comparisons match a naive loop (missing false, ne true) for every length', () => {
    fc.assert(fc.property(fc.array(opt(num), { maxLength: 40 }), fc.integer({ min: -50, max: 50 }), (vals, x) => {
      const s = new Series(vals, { dtype: 'float64' });
      const miss = (v: number | null): boolean => v === null || Number.isNaN(v);
      expect(s.gt(x).toArray()).toEqual(vals.map((v) => !miss(v) && (v as number) > x));
      expect(s.le(x).toArray()).toEqual(vals.map((v) => !miss(v) && (v as number) <= x));
      expect(s.ne(x).toArray()).toEqual(vals.map((v) => miss(v) || v !== x));
      const r = new Series([...vals].reverse(), { dtype: 'float64' });
      expect(s.lt(r).toArray()).toEqual(vals.map((v, i) => {
        const w = vals[vals.length - 1 - i];
        return !miss(v) && !miss(w) && (v as number) < (w as number);
      }));
    }), { numRuns: 150 });
  });

  it('Python divmod identity: a == floordiv(a, b) * b + mod(a, b), |mod| < |b|, sign of b', () => {
    fc.assert(fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1000, max: 1000 }).filter((b) => b !== 0), (a, b) => {
      const q = pyFloorDiv(a, b);
      const m = pyMod(a, b);
      expect(q * b + m).toBe(a);
      expect(Math.abs(m)).toBeLessThan(Math.abs(b));
      expect(m === 0 || Math.sign(m) === Math.sign(b)).toBe(true);
      expect(q).toBe(Math.floor(a / b));
    }), { numRuns: 300 });
  });

  it('int Series mod/floordiv agree with the scalar kernels', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 30 }), (pairs) => {
      const a = new Series(pairs.map((p) => p[0]));
      const b = new Series(pairs.map((p) => -p[1]));
      expect(a.mod(b).toArray()).toEqual(pairs.map((p) => pyMod(p[0], -p[1]) + 0));
      expect(a.floordiv(b).toArray()).toEqual(pairs.map((p) => pyFloorDiv(p[0], -p[1]) + 0));
    }), { numRuns: 100 });
  });

  it('and / or / xor follow Kleene logic row by row', () => {
    const tri = fc.constantFrom(true, false, null);
    fc.assert(fc.property(fc.array(fc.tuple(tri, tri), { maxLength: 30 }), (rows) => {
      const a = new Series(rows.map((r) => r[0]), { dtype: 'bool' });
      const b = new Series(rows.map((r) => r[1]), { dtype: 'bool' });
      const and = (x: boolean | null, y: boolean | null): boolean | null => (x === false || y === false ? false : x === null || y === null ? null : true);
      const or = (x: boolean | null, y: boolean | null): boolean | null => (x === true || y === true ? true : x === null || y === null ? null : false);
      expect(a.and(b).toArray()).toEqual(rows.map(([x, y]) => and(x, y)));
      expect(a.or(b).toArray()).toEqual(rows.map(([x, y]) => or(x, y)));
      expect(a.xor(b).toArray()).toEqual(rows.map(([x, y]) => (x === null || y === null ? null : x !== y)));
    }), { numRuns: 150 });
  });
});
