/**
 * `da.chunk()` hands a DataArray to the parallel engine (src/parallel/chunked.ts, tested there with workers);
 * here: the hand-off itself and its argument checks.
 */
import { describe, expect, it } from 'vitest';
import { DataArray } from '../../src/nd/index.js';
import { ChunkedDataArray } from '../../src/parallel/chunked.js';

describe('DataArray.chunk', () => {
  it('returns a chunked view of this array and checks the dims', () => {
    const da = new DataArray(Array.from({ length: 24 }, (_, t) => [t, -t, 2 * t]), { dims: ['time', 'x'], coords: { x: [0, 1, 2] } });
    const c = da.chunk({ time: 5 });
    expect(c).toBeInstanceOf(ChunkedDataArray);
    expect(c.source).toBe(da);
    expect(c.chunkSizes).toEqual({ time: 5 });
    expect(() => da.chunk({ t: 2 })).toThrow(/Unknown dimension 't'/);
    expect(() => da.chunk({ time: 0 })).toThrow(/positive integer/);
  });
});
