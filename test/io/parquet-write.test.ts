import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { fromCodes } from '../../src/frame/column-build.js';
import { DataFrame } from '../../src/frame/dataframe.js';
import { readParquet } from '../../src/io/parquet-read.js';
import { toParquet } from '../../src/io/parquet-write.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gridframe-pqw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2,000 rows over `distinct` keys k0..k{distinct-1} (row i has key (i * 7) % distinct), row 5 null. */
function keyed(distinct: number): DataFrame {
  const codes = Int32Array.from({ length: 2000 }, (_, i) => (i === 5 ? -1 : (i * 7) % distinct));
  return DataFrame.fromColumns(['s'], [fromCodes(codes, Array.from({ length: distinct }, (_, k) => `k${k}`))]);
}

describe('toParquet dictionary columns', () => {
  // 2,000 rows in one row group: dictionary encoding up to 2000 / 20 = 100 distinct keys.
  it.each([
    [10, true],
    [500, false],
  ])('%i distinct keys: dictionary-encoded in the file = %s, read back as the same dictionary strings', async (distinct, dict) => {
    const df = keyed(distinct);
    const p = path.join(dir, `k${distinct}.parquet`);
    await toParquet(df, p);
    const back = await readParquet(p);
    expect(back.column('s').isDictionary).toBe(true);
    expect(back.column('s').toArray()).toEqual(df.column('s').toArray());
    expect(back.column('s').get(5)).toBeNull();
    expect(back.column('s').get(3)).toBe(`k${21 % distinct}`);
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    const enc = (await con.runAndReadAll(`SELECT encodings FROM parquet_metadata('${p}')`)).getRowsJS().map((r) => String(r[0]));
    con.closeSync();
    expect(enc.every((e) => e.includes('RLE_DICTIONARY') === dict)).toBe(true);
  });
});
