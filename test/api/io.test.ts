/**
 * Public API contract, section "I/O for frames" of /work/shared/API.md (CSV, Parquet, Arrow IPC,
 * JSON), through the package root, on small literal text and files written to a temporary directory.
 * Expected values are worked out by hand (stated beside each) as pandas.read_csv would parse them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as gf from '../../src/index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gf-api-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sample = (): gf.DataFrame => new gf.DataFrame({ id: [1, 2, 3], name: ['a', null, 'c'], x: [0.5, NaN, 2.25] });

describe('API.md I/O for frames', () => {
  it('await readCsv(pathOrText, { sep, header, indexCol, usecols, dtype, parseDates, naValues, nrows, skiprows })', async () => {
    const text = '# a comment line\nid;when;v;note\n1;2024-01-02;1.5;ok\n2;2024-03-04;-;n/a\n3;2024-05-06;4;x\n';
    const df = await gf.readCsv(text, {
      sep: ';',
      skiprows: 1, // skips the comment line
      header: 0,
      indexCol: 'id',
      usecols: ['id', 'when', 'v', 'note'],
      dtype: { v: 'float32' },
      parseDates: ['when'],
      naValues: ['-', 'n/a'],
      nrows: 2,
    });
    expect(df.index.toArray()).toEqual([1, 2]);
    expect(df.columns).toEqual(['when', 'v', 'note']);
    expect(df.dtypes).toEqual({ when: 'datetime', v: 'float32', note: 'string' });
    expect(df.col('when').toArray()).toEqual([new Date(Date.UTC(2024, 0, 2)), new Date(Date.UTC(2024, 2, 4))]);
    expect(df.col('v').isna().toArray()).toEqual([false, true]); // '-' is an NA value
    expect(df.col('note').toArray()).toEqual(['ok', null]); // 'n/a' too
    // A path works like text; usecols limits the columns.
    const p = path.join(dir, 'in.csv');
    writeFileSync(p, 'a,b,c\n1,2,3\n4,5,6\n');
    expect((await gf.readCsv(p, { usecols: ['c', 'a'] })).toColumns()).toEqual({ a: [1, 4], c: [3, 6] });
    // Checked against pandas.read_csv(io.StringIO(t), header=2) / (skiprows=2, index_col=0) /
    // (skiprows=2, usecols=[2, 0]): a quoted separator stays in the field; '', 'NA', 'null' are missing.
    const t = 'x\ny\na,b,c\n1,"q,1",NA\n2,,3.5\n3,null,\n';
    expect((await gf.readCsv(t, { header: 2 })).toColumns()).toEqual({ a: [1, 2, 3], b: ['q,1', null, null], c: [null, 3.5, null] });
    const ix = await gf.readCsv(t, { skiprows: 2, indexCol: 0 });
    expect(ix.index.toArray()).toEqual([1, 2, 3]);
    expect(ix.columns).toEqual(['b', 'c']);
    expect((await gf.readCsv(t, { skiprows: 2, usecols: [2, 0] })).columns).toEqual(['a', 'c']);
    // parseDates: true parses every all-ISO-8601 column (documented in ReadCsvOptions; pandas would
    // only try the index).
    expect((await gf.readCsv('d,v\n2020-01-01,1\n', { parseDates: true })).dtypes).toEqual({ d: 'datetime', v: 'int64' });
    // header: null numbers the columns.
    expect((await gf.readCsv('1,2\n3,4\n', { header: null })).columns).toEqual(['0', '1']);
  });

  it('for await (const chunk of readCsvChunks(path, { chunkSize }))', async () => {
    const p = path.join(dir, 'chunks.csv');
    writeFileSync(p, 'v\n1\n2\n3\n4\n5\n');
    const sizes: number[] = [];
    let total = 0;
    for await (const chunk of gf.readCsvChunks(p, { chunkSize: 2 })) {
      sizes.push(chunk.length);
      total += chunk.col('v').sum();
    }
    expect(sizes).toEqual([2, 2, 1]);
    expect(total).toBe(15);
  });

  it('await df.toCsv(path?) writes a file or returns the text', async () => {
    const text = await sample().toCsv();
    // pandas to_csv(index=False): missing values are empty fields.
    expect(text).toBe('id,name,x\n1,a,0.5\n2,,\n3,c,2.25\n');
    const p = path.join(dir, 'out.csv');
    expect(await sample().toCsv(p)).toBeUndefined();
    expect(readFileSync(p, 'utf8')).toBe(text);
    expect((await gf.readCsv(p)).toColumns()).toEqual({ id: [1, 2, 3], name: ['a', null, 'c'], x: [0.5, null, 2.25] });
    // Floats are written as Python's repr, as pandas: pd.DataFrame({'f': [1e20, 1e-05, 2.0, -0.0001]}).to_csv(index=False)
    // gives 'f\n1e+20\n1e-05\n2.0\n-0.0001\n'.
    expect(await new gf.DataFrame({ f: [1e20, 1e-5, 2.5, -0.0001] }).toCsv()).toBe('f\n1e+20\n1e-05\n2.5\n-0.0001\n');
  });

  it("await readParquet(path, { columns }), await df.toParquet(path, { compression })", async () => {
    for (const compression of ['snappy', 'zstd', 'none'] as const) {
      const p = path.join(dir, `t-${compression}.parquet`);
      await sample().toParquet(p, { compression });
      const back = await gf.readParquet(p, { columns: ['x', 'name'] });
      expect(back.columns).toEqual(['x', 'name']);
      expect(back.col('name').toArray()).toEqual(['a', null, 'c']);
      expect(back.col('x').isna().toArray()).toEqual([false, true, false]);
      expect(back.col('x').sum()).toBe(2.75);
    }
  });

  it('await readArrow(path), await df.toArrowFile(path)', async () => {
    const p = path.join(dir, 't.arrow');
    await sample().toArrowFile(p);
    const back = await gf.readArrow(p);
    expect(back.dtypes).toEqual({ id: 'int64', name: 'string', x: 'float64' });
    expect(back.col('id').toArray()).toEqual([1, 2, 3]);
    expect(back.col('name').toArray()).toEqual(['a', null, 'c']);
  });

  it("await readJson(path, { lines }), await df.toJson(path?, { orient })", async () => {
    const df = new gf.DataFrame({ id: [1, 2], name: ['a', null] });
    expect(JSON.parse(String(await df.toJson(undefined, { orient: 'records' })))).toEqual([{ id: 1, name: 'a' }, { id: 2, name: null }]);
    expect(JSON.parse(String(await df.toJson(undefined, { orient: 'columns' })))).toEqual({ id: { 0: 1, 1: 2 }, name: { 0: 'a', 1: null } });
    const p = path.join(dir, 't.json');
    await df.toJson(p, { orient: 'records' });
    expect((await gf.readJson(p)).toColumns()).toEqual({ id: [1, 2], name: ['a', null] });
    const pl = path.join(dir, 't.jsonl');
    writeFileSync(pl, '{"id": 1, "name": "a"}\n{"id": 2, "name": null}\n');
    expect((await gf.readJson(pl, { lines: true })).toColumns()).toEqual({ id: [1, 2], name: ['a', null] });
  });
});
