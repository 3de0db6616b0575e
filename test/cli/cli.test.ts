/**
 * The gridframe CLI on every file of ../shared/datasets. Shapes from pandas 1.5 (Debian python3-pandas):
 *   for f in sorted(glob('../shared/datasets/*\/*.csv')): print(f, pd.read_csv(f).shape)
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main.js';
import { readCsv } from '../../src/io/index.js';
import { hasShared, shared } from '../helpers.js';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    const code = await main(args, (s) => {
      out += s + '\n';
    });
    return { code, out, err };
  } finally {
    spy.mockRestore();
  }
}

const csvShapes: Record<string, [number, number]> = {
  'hpda-python/results.csv': [64, 11],
  'pandas-doc-data/air_quality_long.csv': [5272, 7],
  'pandas-doc-data/air_quality_no2.csv': [1035, 4],
  'pandas-doc-data/air_quality_no2_long.csv': [2068, 7],
  'pandas-doc-data/air_quality_parameters.csv': [7, 3],
  'pandas-doc-data/air_quality_pm25_long.csv': [1110, 7],
  'pandas-doc-data/air_quality_stations.csv': [66, 3],
  'pandas-doc-data/titanic.csv': [891, 12],
};

describe.skipIf(!hasShared)('gridframe CLI on the shared datasets', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(path.join(tmpdir(), 'gf-cli-'));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it.each(Object.entries(csvShapes))('info %s shows the pandas shape', async (file, [r, c]) => {
    const { code, out } = await run('info', shared(file));
    expect(code).toBe(0);
    expect(out).toContain(`shape: (${r}, ${c})`);
    expect(out).toContain(`Data columns (total ${c} columns)`);
  });

  it('info on titanic lists pandas dtypes', async () => {
    const { out } = await run('info', shared('pandas-doc-data/titanic.csv'));
    expect(out).toMatch(/PassengerId\s+891 non-null\s+int64/);
    expect(out).toMatch(/Age\s+714 non-null\s+float64/);
    expect(out).toMatch(/Cabin\s+204 non-null\s+string/);
  });

  it('info on every tas file shows the CMIP6 dims and variables', async () => {
    const files = readdirSync(shared('hpda-python')).filter((f) => f.endsWith('.nc'));
    expect(files).toHaveLength(11);
    for (const f of files) {
      const { code, out } = await run('info', shared(`hpda-python/${f}`));
      expect(code).toBe(0);
      expect(out).toContain('format: netcdf4');
      expect(out).toMatch(/Dimensions:\s+\(time: 12, bnds: 2, lon: 320, lat: 160\)/);
      expect(out).toMatch(/tas\s+\(time, lat, lon\) float32/);
    }
  });

  it('word counts of every book equal the lesson results.csv rows (top 10 counts)', async () => {
    const results = await readCsv(shared('hpda-python/results.csv'), { indexCol: 'Book' });
    const books = readdirSync(shared('word-count-hpda')).filter((f) => f.endsWith('.txt'));
    expect(books.length).toBe(57);
    for (const b of books) {
      const { code, out } = await run('describe', shared(`word-count-hpda/${b}`));
      expect(code).toBe(0);
      const counts = [...out.matchAll(/│\s+\d+ │ \S+\s+│\s+(\d+) │/g)].slice(0, 10).map((m) => Number(m[1]));
      const id = b.replace('.txt', '');
      const want = results.columns.slice(0).map((c) => results.at(id, c));
      expect(counts, b).toEqual(want);
    }
  });

  it('info on a book reports lines and words', async () => {
    const { out } = await run('info', shared('word-count-hpda/pg13.txt'));
    // SOURCES.md: pg13 has 1,258 LF characters, 8,554 tokens and 2,061 distinct words.
    expect(out).toContain('format: text');
    expect(out).toContain('lines: 1258');
    expect(out).toContain('words: 8554');
    expect(out).toContain('distinct words: 2061');
  });

  it('head and describe print tables', async () => {
    const h = await run('head', shared('pandas-doc-data/titanic.csv'), '-n', '3');
    expect(h.code).toBe(0);
    expect(h.out).toContain('shape: (3, 12)');
    expect(h.out).toContain('Braund, Mr. Owen Harris');
    const d = await run('describe', shared('pandas-doc-data/titanic.csv'));
    expect(d.out).toMatch(/count\s+│\s+891\.0+/);
  });

  it('convert round-trips values exactly through Parquet, Arrow and JSON lines', async () => {
    const src = shared('pandas-doc-data/titanic.csv');
    const orig = await readCsv(src);
    for (const ext of ['parquet', 'arrow', 'jsonl']) {
      const mid = path.join(tmp, `t.${ext}`);
      const back = path.join(tmp, `t-${ext}.csv`);
      expect((await run('convert', src, mid)).code).toBe(0);
      expect((await run('convert', mid, back)).code).toBe(0);
      const again = await readCsv(back);
      expect(again.columns).toEqual(orig.columns);
      expect(again.toColumns()).toEqual(orig.toColumns());
    }
  });

  it('convert turns a NetCDF file into a table with one row per grid point', async () => {
    const out = path.join(tmp, 'tas.parquet');
    const r = await run('convert', shared('hpda-python/tas1840.nc'), out);
    expect(r.code).toBe(0);
    const info = await run('info', out);
    expect(info.out).toMatch(/shape: \(\d+, \d+\)/);
    expect(info.out).toMatch(/tas\s+\d+ non-null\s+float32/);
  });

  it('bad input: a one-line error and exit code 1; bad usage: exit code 2', async () => {
    const missing = await run('info', path.join(tmp, 'nope.csv'));
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toMatch(/No such file/);
    const corrupt = path.join(tmp, 'bad.parquet');
    writeFileSync(corrupt, 'PAR1 this is not parquet at all');
    const c = await run('info', corrupt);
    expect(c.code).toBe(1);
    expect(c.err.trim().split('\n')).toHaveLength(1);
    const badNc = path.join(tmp, 'bad.nc');
    writeFileSync(badNc, 'not a netcdf file');
    const n = await run('info', badNc);
    expect(n.code).toBe(1);
    expect(n.err).toMatch(/not a NetCDF\/HDF5 file/);
    const truncated = path.join(tmp, 'trunc.nc');
    writeFileSync(truncated, Buffer.from('\x89HDF\r\n\x1a\n', 'latin1'));
    expect((await run('info', truncated)).code).toBe(1);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('convert', shared('pandas-doc-data/titanic.csv'), path.join(tmp, 'x.xyz'))).code).toBe(1);
  });
});
