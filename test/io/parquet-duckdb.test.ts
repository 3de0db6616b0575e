import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetBytesToFrame, readParquet } from '../../src/io/parquet-read.js';
import { parquetBytes, toParquet } from '../../src/io/parquet-write.js';
import { GridframeError, ParseError } from '../../src/errors.js';
import { everyDtypeFrame } from './sample-frame.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gridframe-duck-'));
let con: DuckDBConnection;
beforeAll(async () => {
  con = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  con.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const asPlain = (v: unknown): unknown => (v instanceof Date ? v.getTime() : typeof v === 'bigint' && v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v);

describe('Parquet interoperates with DuckDB (@duckdb/node-api, in memory)', () => {
  it('DuckDB reads a file written here with the same values and types', async () => {
    const df = everyDtypeFrame();
    const p = path.join(dir, 'ours.parquet');
    await toParquet(df, p);
    const res = await con.runAndReadAll(`SELECT * FROM read_parquet('${p}')`);
    const cols = res.getColumnsObjectJS();
    for (const name of df.columns) {
      expect(cols[name].map(asPlain), name).toEqual(df.column(name).toArray().map(asPlain));
    }
    const types = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${p}')`)).getRowsJS().map((r) => `${String(r[0])}:${String(r[1])}`);
    expect(types).toEqual([
      'i8:TINYINT', 'i16:SMALLINT', 'i32:INTEGER', 'i64:BIGINT', 'u8:UTINYINT', 'u16:USMALLINT', 'u32:UINTEGER',
      'f32:FLOAT', 'f64:DOUBLE', 'b:BOOLEAN', 's:VARCHAR', 'cat:VARCHAR', 'd:DATE', 't:TIMESTAMP',
    ]);
  });

  it('a file written by DuckDB reads here with matching dtypes and values', async () => {
    const p = path.join(dir, 'duck.parquet');
    await con.run(`COPY (SELECT i::BIGINT AS i, (i * 0.5)::DOUBLE AS f, i * 0.25 - 1 AS dec, 'k' || (i % 3) AS s, i % 2 = 0 AS b,
      TIMESTAMP '2020-01-01' + INTERVAL (i) HOUR AS t, DATE '2020-01-01' + i::INTEGER AS d,
      CASE WHEN i % 4 = 0 THEN NULL ELSE i::INTEGER END AS n FROM range(10) r(i)) TO '${p}' (FORMAT parquet)`);
    const df = await readParquet(p);
    expect(df.dtypes).toEqual({ i: 'int64', f: 'float64', dec: 'float64', s: 'string', b: 'bool', t: 'datetime', d: 'date', n: 'int32' });
    const want = (await con.runAndReadAll(`SELECT * FROM read_parquet('${p}')`)).getColumnsObjectJS();
    // DECIMAL(18,2) becomes float64: i * 0.25 - 1
    expect(df.column('dec').toArray()).toEqual(Array.from({ length: 10 }, (_, i) => i * 0.25 - 1));
    for (const name of df.columns.filter((c) => c !== 'dec')) expect(df.column(name).toArray().map(asPlain), name).toEqual(want[name].map(asPlain));
    expect(df.column('t').get(3)).toEqual(new Date(Date.UTC(2020, 0, 1, 3)));
    expect(df.column('n').nullCount).toBe(3);
  });

  it('a truncated or corrupt Parquet file is a ParseError, and reading goes on working', async () => {
    const good = path.join(dir, 'ours.parquet');
    const bytes = readFileSync(good);
    const cut = path.join(dir, 'cut.parquet');
    writeFileSync(cut, bytes.subarray(0, bytes.length - 20));
    await expect(readParquet(cut)).rejects.toThrow(ParseError);
    await expect(readParquet(cut)).rejects.toThrow(/cut\.parquet' is not a valid Parquet file/);
    const junk = path.join(dir, 'junk.parquet');
    writeFileSync(junk, 'not parquet at all');
    await expect(readParquet(junk)).rejects.toThrow(ParseError);
    const mangled = Uint8Array.from(bytes);
    for (let i = 8; i < mangled.length / 2; i += 7) mangled[i] ^= 0x5a;
    const bad = path.join(dir, 'mangled.parquet');
    writeFileSync(bad, mangled);
    await expect(readParquet(bad)).rejects.toThrow(ParseError);
    await expect(readParquet(path.join(dir, 'missing.parquet'))).rejects.toThrow(/File not found/);
    expect((await readParquet(good)).length).toBe(4);
  });

  it('randomly mutated Parquet bytes give a frame or a GridframeError, never a crash (parquet-wasm panics included)', () => {
    const bytes = parquetBytes(everyDtypeFrame());
    let seed = 7;
    const rnd = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
    let errors = 0;
    for (let i = 0; i < 300; i++) {
      const m = Uint8Array.from(bytes);
      const k = 1 + Math.floor(rnd() * 8);
      for (let j = 0; j < k; j++) m[Math.floor(rnd() * m.length)] = Math.floor(rnd() * 256);
      const input = rnd() < 0.3 ? m.subarray(0, Math.floor(rnd() * m.length)) : m;
      try {
        parquetBytesToFrame(input);
      } catch (e) {
        if (!(e instanceof GridframeError)) throw e;
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(200);
    expect(parquetBytesToFrame(bytes).length).toBe(4);
  });
});
