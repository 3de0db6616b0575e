// Reference values: pandas 1.5.3 / numpy (/usr/bin/python3), except where a comment says "by hand".
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { fromTyped } from '../../src/frame/column-build.js';
import { ValueError, TypeError_ } from '../../src/errors.js';

const a = () => new Series([5, -7, 0, 12, 3], { name: 'a' });
const b = () => new Series([3, 2, -4, 5, 1], { name: 'b' });

describe('Series arithmetic', () => {
  it('int op int stays int64 (add/sub/mul/mod/floordiv), div is float64', () => {
    const x = a();
    const y = new Series([3, 2, -4, 5, 0], { index: x.index });
    expect(x.add(y).toArray()).toEqual([8, -5, -4, 17, 3]);
    expect(x.add(y).dtype).toBe('int64');
    expect(x.sub(y).toArray()).toEqual([2, -9, 4, 7, 3]);
    expect(x.mul(y).toArray()).toEqual([15, -14, 0, 60, 0]);
    expect(x.div(y).toArray()).toEqual([1.6666666666666667, -3.5, -0, 2.4, Infinity]);
    expect(x.div(y).dtype).toBe('float64');
    const z = b();
    expect(x.mod(z.rename('a')).toArray()).toEqual([2, 1, 0, 2, 0]);
    expect(x.floordiv(z).toArray()).toEqual([1, -4, 0, 2, 3]);
    expect(x.floordiv(z).dtype).toBe('int64');
  });

  it('Python sign convention for mod/floordiv on floats (numpy divmod)', () => {
    const x = new Series([1.5, -2.25, NaN, 7.0, -0.5]);
    expect(x.mod(0.7).toArray()).toEqual([0.10000000000000009, 0.5499999999999998, NaN, 4.440892098500626e-16, 0.19999999999999996]);
    expect(x.floordiv(0.7).toArray()).toEqual([2, -4, NaN, 10, -1]);
    expect(x.mod(-2).toArray()).toEqual([-0.5, -0.25, NaN, -1, -0.5]);
    expect(x.floordiv(-2).toArray()).toEqual([-1, 1, NaN, -4, 0]);
    expect(new Series([1.0]).floordiv(0.1).toArray()).toEqual([9]); // Python: 1.0 // 0.1 == 9.0
    // numpy.floor_divide(0.0, -1.0) == -0.0, floor_divide(-0.0, 1.0) == -0.0, floor_divide(-0.5, 2.0) == -1.0
    expect(new Series([0.0, -0.0, -0.5], { dtype: 'float64' }).floordiv(new Series([-1, 1, 2], { dtype: 'float64' })).toArray()).toEqual([-0, -0, -1]);
  });

  it('division by zero as pandas: ±inf and NaN; int mod/floordiv by 0 become float', () => {
    expect(new Series([1.0, -1.0, 0.0]).div(0).toArray()).toEqual([Infinity, -Infinity, NaN]);
    const r = new Series([1, 0, -1]).floordiv(0);
    expect(r.dtype).toBe('float64');
    expect(r.toArray()).toEqual([Infinity, NaN, -Infinity]);
    expect(new Series([1, 0, -1]).mod(0).toArray()).toEqual([NaN, NaN, NaN]);
  });

  it('pow: int ** int stays int, negative integer power is an error, floats ok', () => {
    expect(new Series([1, 2, 3]).pow(2).toArray()).toEqual([1, 4, 9]);
    expect(new Series([1, 2, 3]).pow(2).dtype).toBe('int64');
    expect(new Series([2, 3]).pow(new Series([0.5, 2])).toArray()).toEqual([1.4142135623730951, 9]);
    expect(() => new Series([2, 3]).pow(-1)).toThrow(ValueError);
  });

  it('nulls propagate through the validity bitmap', () => {
    const x = new Series([1, null, 3, null]);
    const y = new Series([10, 20, null, null]);
    expect(x.add(y).toArray()).toEqual([11, null, null, null]);
    expect(x.mul(2.5).toArray()).toEqual([2.5, null, 7.5, null]);
    expect(x.add(null).toArray()).toEqual([null, null, null, null]);
  });

  it('aligns on labels: sorted union, missing -> NaN; a shared index keeps order', () => {
    const s1 = new Series([1.0, 2.0, 3.0], { index: ['b', 'a', 'd'] });
    const s2 = new Series([10.0, 20.0, 30.0], { index: ['a', 'c', 'b'] });
    const r = s1.add(s2);
    expect(r.index.toArray()).toEqual(['a', 'b', 'c', 'd']);
    expect(r.toArray()).toEqual([12, 31, null, null]);
    const same = new Series([1, 2], { index: ['y', 'x'], name: 'x' });
    const r2 = same.add(new Series([1, 2], { index: ['y', 'x'], name: 'x' }));
    expect(r2.index.toArray()).toEqual(['y', 'x']);
    expect(r2.toArray()).toEqual([2, 4]);
    expect(r2.name).toBe('x');
    expect(a().add(b()).name).toBeNull();
    // Duplicated labels: outer join of the matches (pandas gives [11, 12]).
    expect(new Series([1, 2], { index: ['x', 'x'] }).add(new Series([10], { index: ['x'] })).toArray()).toEqual([11, 12]);
  });

  it('float32 stays float32 with a plain number; bool counts as 0/1', () => {
    const f = new Series(Float32Array.of(1.5, 2.5));
    expect(f.mul(2).dtype).toBe('float32');
    expect(f.mul(2).toArray()).toEqual([3, 5]);
    const t = new Series([true, false, true]);
    expect(t.add(1).toArray()).toEqual([2, 1, 2]);
    expect(t.add(1).dtype).toBe('int64');
  });

  it('int64 beyond 2^53 is exact (BigInt path) and wraps like numpy', () => {
    const big = new Series(fromTyped(BigInt64Array.of(9007199254740993n, 1n), null, 'int64'));
    expect(big.add(1).toArray()).toEqual([9007199254740994n, 2]);
    const max = new Series(fromTyped(BigInt64Array.of(9223372036854775807n), null, 'int64'));
    expect(max.add(1).toArray()).toEqual([-9223372036854775808n]); // numpy int64 wraps
    expect(new Series([2 ** 40]).mul(2 ** 20).toArray()).toEqual([1152921504606846976n]); // 2^60 by hand
  });

  it('dates: datetime - datetime gives ms, datetime + ms stays datetime', () => {
    const d = new Series([new Date('2020-01-01T00:00:00Z'), new Date('2020-03-01T12:00:00Z')]);
    const e = new Series([new Date('2019-12-31T00:00:00Z'), null]);
    expect(d.sub(e).toArray()).toEqual([86400000, null]);
    const later = d.add(3600000);
    expect(later.dtype).toBe('datetime');
    expect((later.toArray()[1] as Date).toISOString()).toBe('2020-03-01T13:00:00.000Z');
    expect(d.sub(new Date('2020-01-01T00:00:00Z')).toArray()).toEqual([0, 5227200000]); // 60.5 days, by hand
    expect(() => d.mul(2)).toThrow(TypeError_);
  });

  it('strings: add concatenates (dictionary columns per distinct value); other ops are TypeErrors', () => {
    const s = new Series(['a', null, 'b']);
    expect(s.add('!').toArray()).toEqual(['a!', null, 'b!']);
    expect(s.add(new Series(['x', 'y', 'z'])).toArray()).toEqual(['ax', null, 'bz']);
    expect(() => s.mul(2)).toThrow(TypeError_);
    expect(() => s.add(1)).toThrow(TypeError_);
  });

  it('math functions and round half to even', () => {
    expect(new Series([-1, 4, null]).abs().toArray()).toEqual([1, 4, null]);
    expect(new Series([-1, 4]).abs().dtype).toBe('int64');
    expect(new Series([4.0, 9.0, -1]).sqrt().toArray()).toEqual([2, 3, NaN]);
    expect(new Series([1, Math.E]).log().toArray()).toEqual([0, 1]);
    expect(new Series([1.5, -2]).neg().toArray()).toEqual([-1.5, 2]);
    expect(new Series([100, 8]).math('log10').toArray()).toEqual([2, 0.9030899869919435]);
    // numpy.round
    expect(new Series([0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1234.5678, -2.5]).round().toArray())
      .toEqual([0, 2, 2, -0, -2, 3, 1235, -2]);
    expect(new Series([2.675, 1.005, 0.125, 0.375]).round(2).toArray()).toEqual([2.68, 1, 0.12, 0.38]);
    expect(new Series([1234.5678, 1250.0, 1350.0]).round(-2).toArray()).toEqual([1200, 1200, 1400]);
    expect(new Series([25, 35, -25, 15]).round(-1).toArray()).toEqual([20, 40, -20, 20]);
    expect(() => new Series(['a']).abs()).toThrow(TypeError_);
  });
});
