import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv-read.js';
import { csvLastRead, csvTuning } from '../../src/io/csv-parallel.js';
import { evenBounds } from '../../src/io/csv-parallel-load.js';
import { rng, snapshot } from './csv-snapshot.js';
import type { ReadCsvOptions } from '../../src/io/csv-options.js';

const DEFAULTS = { ...csvTuning };
afterEach(() => Object.assign(csvTuning, DEFAULTS));
const dir = mkdtempSync(path.join(tmpdir(), 'gridframe-csv-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function outcome(file: string, opts: ReadCsvOptions): Promise<unknown> {
  try {
    return snapshot(await readCsv(file, opts));
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

/** A file of `rows` rows with numbers, dates, text (quoted fields with newlines now and then). */
function writeFile(name: string, seed: number, rows: number, nl: string, extra = ''): string {
  const r = rng(seed);
  const lines = ['id,price,name,flag,day,note'];
  for (let i = 0; i < rows; i++) {
    const note = i % 37 === 0 ? '"two\nlines, and ""quotes"""' : i % 11 === 0 ? '' : `n${i % 300}`;
    lines.push(`${i},${(r() * 1000).toFixed(3)},item-${Math.floor(r() * 5000)},${r() < 0.5 ? 'true' : 'False'},20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10},${note}`);
  }
  const file = path.join(dir, name);
  writeFileSync(file, lines.join(nl) + extra);
  return file;
}

describe('a large CSV file read by the threads that parse it', () => {
  it('cuts chunks at even byte offsets', () => {
    expect(evenBounds(10, 110, 4)).toEqual([10, 35, 60, 85, 110]);
  });

  it('gives the serial reader\'s frame for LF, CRLF and CR line ends, quoted newlines at chunk edges, no final newline', async () => {
    const cases: [string, string][] = [['\n', '\n'], ['\r\n', ''], ['\r', '\r'], ['\n', '']];
    for (const [k, [nl, extra]] of cases.entries()) {
      const file = writeFile(`f${k}.csv`, k + 1, 3000, nl, extra);
      for (const chunkBytes of [997, 4093, 20011]) {
        Object.assign(csvTuning, { fastMinBytes: 0, parallelMinBytes: 0, headBytes: 700, chunkBytes });
        const par = await outcome(file, { parseDates: ['day'] });
        expect(csvLastRead.chunks, `chunks ${chunkBytes}`).toBeGreaterThan(1);
        Object.assign(csvTuning, { fastMinBytes: Infinity });
        const serial = await outcome(file, { parseDates: ['day'] });
        expect(par, `case ${k}, chunkBytes ${chunkBytes}`).toEqual(serial);
      }
    }
  });

  it('reports a ragged row deep in the file with its line, as the serial reader', async () => {
    const file = writeFile('ragged.csv', 9, 2000, '\n', '\n1,2,3\n');
    Object.assign(csvTuning, { fastMinBytes: 0, parallelMinBytes: 0, headBytes: 500, chunkBytes: 3000 });
    const par = await outcome(file, {});
    Object.assign(csvTuning, { fastMinBytes: Infinity });
    const serial = await outcome(file, {});
    expect(typeof par).toBe('string');
    expect(par).toEqual(serial);
    expect(par).toMatch(/Line 2\d{3}: expected 6 fields, found 3/);
  });

  it('reads every row of the bench-like file shape with the default sizes', async () => {
    const file = writeFile('big.csv', 3, 120_000, '\n', '\n');
    const df = await readCsv(file, { parseDates: ['day'] });
    expect(df.length).toBe(120_000);
    expect(df.column('id').get(119_999)).toBe(119_999);
    expect(df.column('note').get(37)).toBe('two\nlines, and "quotes"');
    Object.assign(csvTuning, { fastMinBytes: Infinity });
    expect(snapshot(df)).toEqual(snapshot(await readCsv(file, { parseDates: ['day'] })));
  });
});
