import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { fromTyped } from '../../src/frame/column-build.js';
import { DataFrame } from '../../src/frame/dataframe.js';
import { Index } from '../../src/frame/label-index.js';
import { GridframeError, KeyError, ParseError } from '../../src/errors.js';
import { parquetBytesToFrame, readParquet } from '../../src/io/parquet-read.js';
import { parquetBytes, toParquet } from '../../src/io/parquet-write.js';
import { layoutOf, readFooter } from '../../src/io/parquet-footer.js';
import { decodeStruct, encodeStruct } from '../../src/io/parquet-thrift.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gridframe-pqsel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 3,000 rows: a = i, b = i / 4, c = 'c' + (i % 7); uncompressed, 3 row groups of 1,000. */
function abc(): DataFrame {
  const n = 3000;
  return new DataFrame({
    a: fromTyped(Float64Array.from({ length: n }, (_, i) => i)),
    b: fromTyped(Float64Array.from({ length: n }, (_, i) => i / 4)),
    c: Array.from({ length: n }, (_, i) => `c${i % 7}`),
  });
}

/** The file bytes with every byte of column `col`'s chunks overwritten with garbage. */
function corruptColumn(bytes: Uint8Array, col: number): Uint8Array {
  const layout = layoutOf(readFooter(bytes));
  const out = Uint8Array.from(bytes);
  for (const g of layout.rowGroups) {
    const r = g.chunks[col];
    for (let i = r.start; i < r.start + r.length; i++) out[i] = (i * 167 + 13) & 0xff;
  }
  return out;
}

describe('readParquet columns: only the selected column chunks are read and decoded', () => {
  it('an unselected corrupt column does not break a selected read (it breaks a full read)', async () => {
    const df = abc();
    const bytes = parquetBytes(df, { rowGroupSize: 1000, compression: 'none' });
    const bad = corruptColumn(bytes, 1);
    const p = path.join(dir, 'bad-b.parquet');
    writeFileSync(p, bad);
    await expect(readParquet(p)).rejects.toThrow(ParseError);
    const sel = await readParquet(p, { columns: ['c', 'a'] });
    expect(sel.columns).toEqual(['c', 'a']);
    expect(sel.column('a').toArray()).toEqual(df.column('a').toArray());
    expect(sel.column('c').toArray()).toEqual(df.column('c').toArray());
    // The same from bytes in memory.
    expect(parquetBytesToFrame(bad, { columns: ['a'] }).column('a').toArray()).toEqual(df.column('a').toArray());
    expect(() => parquetBytesToFrame(bad, { columns: ['b'] })).toThrow(ParseError);
  });

  it('reads the selected chunks only: progress counts their bytes, far fewer than the file', async () => {
    const p = path.join(dir, 'abc.parquet');
    await toParquet(abc(), p, { rowGroupSize: 1000, compression: 'none' });
    const bytes = readFileSync(p);
    const layout = layoutOf(readFooter(bytes));
    const seen: number[] = [];
    await readParquet(p, { columns: ['a'], onProgress: (done) => seen.push(done) });
    const aBytes = layout.rowGroups.reduce((s, g) => s + g.chunks[0].length, 0);
    expect(seen.at(-1)).toBe(aBytes);
    // Column a holds 3,000 doubles, about 24 kB, of a file of about 56 kB.
    expect(aBytes).toBeGreaterThan(24000);
    expect(aBytes).toBeLessThan(bytes.length / 2);
  });

  it('keeps the stored index, combines with rowGroups, and names bad requests', async () => {
    const df = abc();
    const ix = new DataFrame({ v: df.column('b') }, { index: new Index(fromTyped(Float64Array.from({ length: 3000 }, (_, i) => 10 * i)), { name: 'k' }) });
    const p = path.join(dir, 'ix.parquet');
    await toParquet(ix, p, { rowGroupSize: 1000 });
    const back = await readParquet(p, { columns: ['v'], rowGroups: [2, 0] });
    expect(back.columns).toEqual(['v']);
    expect(back.index.name).toBe('k');
    expect(back.length).toBe(2000);
    // Row groups come back in the order asked for: rows 2000..2999, then 0..999.
    expect(back.index.toArray().slice(0, 2)).toEqual([20000, 20010]);
    expect(back.index.toArray()[1000]).toBe(0);
    await expect(readParquet(p, { columns: ['nope'] })).rejects.toThrow(KeyError);
    await expect(readParquet(p, { rowGroups: [3] })).rejects.toThrow(/row groups \[3\].*has 3 row groups/);
  });

  it('a file written by DuckDB (no Arrow schema; a DECIMAL column) reads by column', async () => {
    const p = path.join(dir, 'duck.parquet');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    await con.run(`COPY (SELECT i::BIGINT AS i, i * 0.25 - 1 AS dec, 'k' || (i % 3) AS s FROM range(5000) r(i)) TO '${p}' (FORMAT parquet, ROW_GROUP_SIZE 2048)`);
    con.closeSync();
    const sel = await readParquet(p, { columns: ['dec', 's'] });
    expect(sel.dtypes).toEqual({ dec: 'float64', s: 'string' });
    expect(sel.column('dec').toArray().slice(0, 3)).toEqual([-1, -0.75, -0.5]);
    expect(sel.column('s').toArray()[4999]).toBe('k1');
  });
});

describe('Parquet footers (Thrift compact protocol)', () => {
  it('decode then encode gives the same bytes, for our files and DuckDB files', async () => {
    const mine = parquetBytes(abc(), { rowGroupSize: 1000 });
    const p = path.join(dir, 'duck2.parquet');
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    await con.run(`COPY (SELECT i, i::DOUBLE / 3 AS x, 'k' || i AS s FROM range(100) r(i)) TO '${p}' (FORMAT parquet)`);
    con.closeSync();
    for (const bytes of [mine, new Uint8Array(readFileSync(p))]) {
      const f = readFooter(bytes);
      const raw = bytes.subarray(f.start, bytes.length - 8);
      expect(Buffer.from(encodeStruct(f.meta)).equals(Buffer.from(raw))).toBe(true);
    }
  });

  it('mutated footers give a GridframeError or a frame, never a crash or a hang', () => {
    const bytes = parquetBytes(abc(), { rowGroupSize: 1000 });
    const f = readFooter(bytes);
    let seed = 11;
    const rnd = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    let errors = 0;
    for (let i = 0; i < 200; i++) {
      const m = Uint8Array.from(bytes);
      for (let j = 0; j < 3; j++) m[f.start + Math.floor(rnd() * (bytes.length - 8 - f.start))] = Math.floor(rnd() * 256);
      try {
        decodeStruct(m, f.start, m.length - 8);
        parquetBytesToFrame(m, { columns: ['a'] });
      } catch (e) {
        if (!(e instanceof GridframeError)) throw e;
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(50);
    expect(parquetBytesToFrame(bytes, { columns: ['a'] }).length).toBe(3000);
  });
});
