import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv-read.js';
import { toCsv } from '../../src/io/csv-write.js';
import { readParquet } from '../../src/io/parquet-read.js';
import { toParquet } from '../../src/io/parquet-write.js';
import * as arrow from 'apache-arrow';
import { arrowBytesToFrame, readArrow, toArrowFile } from '../../src/io/arrow-ipc.js';
import { readJson } from '../../src/io/json-read.js';
import { toJson } from '../../src/io/json-write.js';
import { DataFrame } from '../../src/frame/dataframe.js';
import { Index } from '../../src/frame/label-index.js';
import { everyDtypeFrame, expectFrameEqual } from './sample-frame.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gridframe-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('round trips of a frame with every dtype and nulls', () => {
  const df = everyDtypeFrame();

  it('CSV: write then read with the same dtypes gives equal values (floats bit-identical)', async () => {
    const p = path.join(dir, 'all.csv');
    expect(await toCsv(df, p)).toBeUndefined();
    const back = await readCsv(p, { dtype: df.dtypes });
    expectFrameEqual(back, df);
  });

  it('CSV text: floats in shortest round-trip form, pandas-style dates and bools', async () => {
    const small = new DataFrame({ x: [0.1, 2, 1e21, -0.5], b: [true, false, null, true] });
    const text = await toCsv(small);
    expect(text).toBe('x,b\n0.1,True\n2.0,False\n1e+21,\n-0.5,True\n');
    const back = await readCsv(text as string);
    expect(back.dtypes).toEqual({ x: 'float64', b: 'bool' });
  });

  it('Parquet: every dtype, nulls, dictionary and int64 beyond 2^53 come back exactly', async () => {
    const p = path.join(dir, 'all.parquet');
    await toParquet(df, p);
    const back = await readParquet(p);
    expectFrameEqual(back, df);
    expect(back.column('cat').isDictionary).toBe(true);
  });

  it('Parquet: column selection, several row groups, compression codecs', async () => {
    const n = 2500;
    const big = new DataFrame({ a: Array.from({ length: n }, (_, i) => i), s: Array.from({ length: n }, (_, i) => `k${i % 7}`) });
    for (const compression of ['snappy', 'zstd', 'gzip', 'none'] as const) {
      const p = path.join(dir, `rg-${compression}.parquet`);
      await toParquet(big, p, { rowGroupSize: 1000, compression });
      const back = await readParquet(p, { columns: ['s'] });
      expect(back.columns).toEqual(['s']);
      expect(back.column('s').strings()).toEqual(big.column('s').strings());
    }
    const progress: [number, number][] = [];
    const all = await readParquet(path.join(dir, 'rg-none.parquet'), { onProgress: (r, t) => progress.push([r, t]) });
    expect(all.column('a').toArray()).toEqual(big.column('a').toArray());
    const size = statSync(path.join(dir, 'rg-none.parquet')).size;
    expect(progress.at(0)).toEqual([0, size]);
    expect(progress.at(-1)).toEqual([size, size]);
    const second = await readParquet(path.join(dir, 'rg-none.parquet'), { rowGroups: [1] });
    expect(second.column('a').get(0)).toBe(1000);
  });

  it('Arrow IPC file and stream', async () => {
    for (const format of ['file', 'stream'] as const) {
      const p = path.join(dir, `all.${format}.arrow`);
      await toArrowFile(df, p, { format });
      expectFrameEqual(await readArrow(p), df);
    }
  });

  it('Arrow: LargeUtf8 and Utf8 in several batches become one Utf8 column (flights-3m writes large strings)', () => {
    const b1 = new arrow.Table({ s: arrow.vectorFromArray(['a', null, 'µg'], new arrow.LargeUtf8()) });
    const b2 = new arrow.Table({ s: arrow.vectorFromArray(['', 'xyz'], new arrow.LargeUtf8()) });
    const t = new arrow.Table([...b1.batches, ...b2.batches]);
    const df = arrowBytesToFrame(arrow.tableToIPC(t, 'stream'));
    expect(df.column('s').dtype).toBe('string');
    expect(df.column('s').toArray()).toEqual(['a', null, 'µg', '', 'xyz']);
  });

  it('a non-default index is stored and restored (Parquet, Arrow)', async () => {
    const ix = new DataFrame({ v: [1.5, 2.5] }, { index: new Index(['a', 'b'], { name: 'key' }) });
    await toParquet(ix, path.join(dir, 'ix.parquet'));
    await toArrowFile(ix, path.join(dir, 'ix.arrow'));
    for (const back of [await readParquet(path.join(dir, 'ix.parquet')), await readArrow(path.join(dir, 'ix.arrow'))]) {
      expect(back.columns).toEqual(['v']);
      expect(back.index.name).toBe('key');
      expect(back.index.toArray()).toEqual(['a', 'b']);
    }
  });

  it('the DataFrame methods write through these writers', async () => {
    const small = new DataFrame({ a: [1, 2], s: ['x', null] });
    expect(await small.toCsv()).toBe('a,s\n1,x\n2,\n');
    expect(await small.toJson(undefined, { lines: true })).toBe('{"a":1,"s":"x"}\n{"a":2,"s":null}\n');
    await small.toParquet(path.join(dir, 'm.parquet'), { compression: 'zstd' });
    await small.toArrowFile(path.join(dir, 'm.arrow'));
    expectFrameEqual(await readParquet(path.join(dir, 'm.parquet')), small);
    expectFrameEqual(await readArrow(path.join(dir, 'm.arrow')), small);
    await expect(readParquet(path.join(dir, 'm.parquet'), { rowGroups: [5] })).rejects.toThrow(/row groups \[5\]/);
  });

  it('JSON records and lines', async () => {
    const j = new DataFrame({ a: [1, null, 3], x: [0.5, NaN, -1], s: ['p', 'q', null], b: [true, false, null] });
    const text = await toJson(j);
    expect(text).toBe('[{"a":1,"x":0.5,"s":"p","b":true},{"a":null,"x":null,"s":"q","b":false},{"a":3,"x":-1,"s":null,"b":null}]');
    const back = await readJson(text as string);
    expect(back.dtypes).toEqual({ a: 'int64', x: 'float64', s: 'string', b: 'bool' });
    expect(back.column('s').toArray()).toEqual(['p', 'q', null]);
    const p = path.join(dir, 'x.jsonl');
    await toJson(j, p, { lines: true });
    const lines = await readJson(p, { lines: true });
    expect(lines.column('a').toArray()).toEqual([1, null, 3]);
    const cols = await toJson(j.select(['a']), undefined, { orient: 'columns' });
    expect(cols).toBe('{"a":{"0":1,"1":null,"2":3}}');
    expect((await readJson(cols as string)).column('a').toArray()).toEqual([1, null, 3]);
    const dates = await readJson('[{"t":"2020-01-02T03:04:05.000Z"}]', { parseDates: ['t'] });
    expect(dates.column('t').toFloat64()[0]).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
  });
});
