import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fromCodes, fromEpochMs, fromStrings, fromTyped, fromBoolBytes } from '../../src/frame/column-build.js';
import { packBits } from '../../src/frame/bitmap.js';
import { DataFrame } from '../../src/frame/dataframe.js';
import { parquetReadTuning, readParquet } from '../../src/io/parquet-read.js';
import { parquetBytes, parquetWriteTuning, toParquet } from '../../src/io/parquet-write.js';
import { layoutOf, readFooter } from '../../src/io/parquet-footer.js';
import { expectFrameEqual } from './sample-frame.js';
import { configure, poolInfo } from '../../src/parallel/pool.js';
import { readFileSync } from 'node:fs';

const dir = mkdtempSync(path.join(tmpdir(), 'gridframe-pqpar-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const defaults = { read: parquetReadTuning.parallelMinBytes, write: parquetWriteTuning.parallelMinBytes };
afterEach(() => {
  parquetReadTuning.parallelMinBytes = defaults.read;
  parquetWriteTuning.parallelMinBytes = defaults.write;
});
const serial = (): void => {
  parquetReadTuning.parallelMinBytes = Infinity;
  parquetWriteTuning.parallelMinBytes = Infinity;
};
const poolWorkers = poolInfo().workers;
afterAll(() => { if (poolInfo().workers !== poolWorkers) configure({ workers: poolWorkers }); });
const parallel = (): void => {
  parquetReadTuning.parallelMinBytes = 0;
  parquetWriteTuning.parallelMinBytes = 0;
  // The split needs two pool workers; a one-core machine gets one by default.
  if (poolInfo().workers < 2) configure({ workers: 2 });
};

/**
 * n rows of every dtype with nulls at different strides (so part and batch boundaries fall inside null
 * runs and at bit offsets that are not multiples of 8), NaN in the float column, int64 beyond 2^53, a
 * low-cardinality dictionary (dictionary-encoded in the file) and a 300-key one (written plain).
 */
function sampleFrame(n: number): DataFrame {
  const valid = (stride: number): Uint8Array => packBits(Array.from({ length: n }, (_, i) => (i % stride === 3 ? 0 : 1)));
  const i64 = BigInt64Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 2n ** 60n + BigInt(i) : BigInt(i * 7 - 100)));
  const f64 = Float64Array.from({ length: n }, (_, i) => (i % 13 === 0 ? NaN : i % 29 === 0 ? -0 : i * 0.25 - 3));
  const days = Float64Array.from({ length: n }, (_, i) => (i - 500) * 86_400_000);
  const ms = Float64Array.from({ length: n }, (_, i) => 1_600_000_000_000 + i * 1234.5 - (i % 2) * 0.5);
  return DataFrame.fromColumns(['i64', 'i32', 'f64', 'b', 's', 'lo', 'cat', 'd', 't'], [
    fromTyped(i64, valid(7), 'int64'),
    fromTyped(Int32Array.from({ length: n }, (_, i) => i * 31 - 7000), valid(11), 'int32'),
    fromTyped(f64, valid(17), 'float64'),
    fromBoolBytes(Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0)), valid(5)),
    fromStrings(Array.from({ length: n }, (_, i) => (i % 9 === 3 ? null : `s${(i * 7919) % 1009}-µ`)), { dictionary: false }),
    fromCodes(Int32Array.from({ length: n }, (_, i) => (i % 10 === 3 ? -1 : i % 5)), ['a', 'b', 'c', 'd', 'e']),
    fromCodes(Int32Array.from({ length: n }, (_, i) => (i % 6 === 3 ? -1 : (i * 37) % 300)), Array.from({ length: 300 }, (_, k) => `key${k}`)),
    fromEpochMs(days, 'date'),
    fromEpochMs(ms, 'datetime'),
  ]);
}

describe('parallel Parquet read (half of the row groups decoded in a worker)', () => {
  it('equals the serial read and the frame written, for every dtype with nulls, over 6 row groups', async () => {
    const df = sampleFrame(5003);
    const p = path.join(dir, 'six.parquet');
    serial();
    await toParquet(df, p, { rowGroupSize: 999 });
    expect(layoutOf(readFooter(readFileSync(p))).rowGroups.map((g) => g.rows)).toEqual([999, 999, 999, 999, 999, 8]);
    const one = await readParquet(p);
    parallel();
    const seen: [number, number][] = [];
    const two = await readParquet(p, { onProgress: (done, total) => seen.push([done, total]) });
    // Progress ends at the total (the bytes of all column chunks), counting the worker's part too.
    const chunkBytes = layoutOf(readFooter(readFileSync(p))).rowGroups.reduce((s, g) => s + g.chunks.reduce((t, c) => t + c.length, 0), 0);
    expect(seen.at(-1)).toEqual([chunkBytes, chunkBytes]);
    expectFrameEqual(one, df);
    expectFrameEqual(two, df);
    expect(two.column('lo').isDictionary).toBe(true);
    expect(two.column('cat').isDictionary).toBe(true);
    // A selection read in parallel too: in the order asked for.
    const sel = await readParquet(p, { columns: ['t', 'cat'], rowGroups: [1, 2, 5] });
    expect(sel.columns).toEqual(['t', 'cat']);
    expect(sel.length).toBe(999 * 2 + 8);
    expect(sel.column('cat').toArray()).toEqual([...df.column('cat').toArray().slice(999, 2997), ...df.column('cat').toArray().slice(4995)]);
  });

  it('edge sizes: one row group, one row, no rows', async () => {
    parallel();
    for (const n of [0, 1, 700]) {
      const df = sampleFrame(n);
      const p = path.join(dir, `edge${n}.parquet`);
      await toParquet(df, p, { rowGroupSize: 1000 });
      expectFrameEqual(await readParquet(p), df);
    }
  });

  it('a corrupt part decoded in the worker is a ParseError, and the pool keeps working', async () => {
    serial();
    const df = sampleFrame(4000);
    const p = path.join(dir, 'bad-second-half.parquet');
    await toParquet(df, p, { rowGroupSize: 1000, compression: 'none' });
    const bytes = readFileSync(p);
    const layout = layoutOf(readFooter(bytes));
    // Garbage over the f64 chunk of the last row group (the worker's half).
    const r = layout.rowGroups[3].chunks[2];
    const bad = Uint8Array.from(bytes);
    for (let i = r.start; i < r.start + r.length; i++) bad[i] = (i * 131) & 0xff;
    const q = path.join(dir, 'bad.parquet');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(q, bad);
    parallel();
    // The message names the worker task: the bad half was decoded in the worker.
    await expect(readParquet(q)).rejects.toThrow(/Cannot read Parquet .*decodeParquetPart/);
    await expect(readParquet(q)).rejects.toHaveProperty('name', 'ParseError');
    expectFrameEqual(await readParquet(p), df);
  });
});

describe('parallel Parquet write (the second half of the row groups encoded in a worker, files joined)', () => {
  it('one valid file: the same row groups and values as the serial write; DuckDB reads it', async () => {
    const df = sampleFrame(5003);
    parallel();
    const p2 = path.join(dir, 'par.parquet');
    await toParquet(df, p2, { rowGroupSize: 999 });
    serial();
    const p1 = path.join(dir, 'ser.parquet');
    await toParquet(df, p1, { rowGroupSize: 999 });
    const rows = (p: string): number[] => layoutOf(readFooter(readFileSync(p))).rowGroups.map((g) => g.rows);
    expect(rows(p2)).toEqual(rows(p1));
    expectFrameEqual(await readParquet(p2), df);
    expect((await readParquet(p2)).column('cat').isDictionary).toBe(true);
    const con = await (await DuckDBInstance.create(':memory:')).connect();
    const q = (p: string): Promise<unknown[][]> => con.runAndReadAll(`SELECT count(*), count(i32), sum(i32), count(cat), count(DISTINCT cat), min(s), max(t) FROM read_parquet('${p}')`).then((r) => r.getRowsJS());
    const [a, b] = [await q(p1), await q(p2)];
    con.closeSync();
    expect(b).toEqual(a);
    // 5003 rows, i32 null where i % 11 == 3 (455 rows); cat null where i % 6 == 3 (834 rows); the other
    // rows hold keys (37 i) % 300, which are never 3 mod 6 (37 = 1 mod 6): 250 distinct keys.
    expect(b[0].slice(0, 2).map(Number)).toEqual([5003, 5003 - 455]);
    expect(Number(b[0][3])).toBe(5003 - 834);
    expect(Number(b[0][4])).toBe(250);
  });

  it('parquetBytes (always serial) and the parallel file read back the same', async () => {
    const df = sampleFrame(3001);
    parallel();
    const p = path.join(dir, 'pb.parquet');
    await toParquet(df, p, { rowGroupSize: 500, compression: 'zstd' });
    const { parquetBytesToFrame } = await import('../../src/io/parquet-read.js');
    expectFrameEqual(parquetBytesToFrame(parquetBytes(df, { rowGroupSize: 500, compression: 'zstd' })), df);
    expectFrameEqual(await readParquet(p), df);
  });
});
