import { describe, expect, it } from 'vitest';
import { decodeParquet, releaseScratch, takeScratch } from '../../src/io/parquet-decode.js';
import { layoutOf, materialize, readFooter, subsetFile } from '../../src/io/parquet-footer.js';
import { parquetBytes } from '../../src/io/parquet-write.js';
import { fromTyped } from '../../src/frame/column-build.js';
import { DataFrame } from '../../src/frame/dataframe.js';

describe('part buffers reused between large reads', () => {
  it('gives back the released buffer when it fits, once; small parts get none', () => {
    const MB = 1 << 20;
    expect(takeScratch(MB)).toBeUndefined();
    const a = takeScratch(20 * MB) as Uint8Array;
    expect(a.length).toBe(25 * MB);
    releaseScratch(a.subarray(0, 20 * MB));
    const b = takeScratch(18 * MB) as Uint8Array;
    expect(b.buffer).toBe(a.buffer);
    // Taken: the next one is new.
    expect((takeScratch(18 * MB) as Uint8Array).buffer).not.toBe(a.buffer);
    // Far larger than needed: not reused.
    releaseScratch(b);
    expect((takeScratch(16 * MB) as Uint8Array).buffer).not.toBe(a.buffer);
  });

  it('a part assembled in a dirty, larger buffer decodes to the same frame (the part fills its own length)', () => {
    const df = new DataFrame({ x: fromTyped(Float64Array.from({ length: 1000 }, (_, i) => i * 0.5)), s: Array.from({ length: 1000 }, (_, i) => `k${i % 7}`) });
    const bytes = parquetBytes(df, { rowGroupSize: 300 });
    const f = readFooter(bytes);
    const layout = layoutOf(f);
    const plan = subsetFile(f, layout, [1, 0], [3, 0], null);
    const dirty = new Uint8Array(plan.size * 2).fill(0xab);
    const part = materialize(plan, (dst, at, r) => dst.set(bytes.subarray(r.start, r.start + r.length), at), dirty);
    expect(part.buffer).toBe(dirty.buffer);
    const { cols } = decodeParquet(part);
    // Row groups 3 (rows 900..999) then 0 (rows 0..299); columns s then x.
    const rows = [...Array.from({ length: 100 }, (_, i) => 900 + i), ...Array.from({ length: 300 }, (_, i) => i)];
    expect(cols[1].toArray()).toEqual(rows.map((i) => i * 0.5));
    expect(cols[0].toArray()).toEqual(rows.map((i) => `k${i % 7}`));
  });
});
