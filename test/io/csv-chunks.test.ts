import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvChunks } from '../../src/io/csv-chunks.js';
import { readCsv } from '../../src/io/csv-read.js';
import { ParseError } from '../../src/errors.js';
import type { DataFrame } from '../../src/frame/dataframe.js';
import { hasShared, shared } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'gridframe-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect(p: string, opts: Parameters<typeof readCsvChunks>[1]): Promise<DataFrame[]> {
  const out: DataFrame[] = [];
  for await (const c of readCsvChunks(p, opts)) out.push(c);
  return out;
}

describe('readCsvChunks', () => {
  it.skipIf(!hasShared)('titanic in chunks of 100 (read 1 KiB at a time) equals the whole-file read', async () => {
    const p = shared('pandas-doc-data/titanic.csv');
    const whole = await readCsv(p);
    const chunks = await collect(p, { chunkSize: 100, readBytes: 1024 });
    expect(chunks.map((c) => c.length)).toEqual([100, 100, 100, 100, 100, 100, 100, 100, 91]);
    for (const c of chunks) expect(c.dtypes).toEqual(whole.dtypes);
    expect(chunks[8].index.get(0)).toBe(800);
    for (const name of whole.columns) {
      expect(chunks.flatMap((c) => c.column(name).toArray()), name).toEqual(whole.column(name).toArray());
    }
  });

  it('quoted fields and CRLF split across read boundaries', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => `${i},"a ""q"" ${i}\r\nnext",${i * 0.5}`);
    const p = path.join(dir, 'q.csv');
    writeFileSync(p, 'i,s,f\r\n' + rows.join('\r\n') + '\r\n');
    for (const readBytes of [1024, 1031, 4096]) {
      const chunks = await collect(p, { chunkSize: 64, readBytes });
      const s = chunks.flatMap((c) => c.column('s').toArray());
      expect(s.length).toBe(500);
      expect(s[499]).toBe('a "q" 499\r\nnext');
      expect(chunks.flatMap((c) => c.column('f').toArray())[3]).toBe(1.5);
    }
  });

  it('the first chunk fixes the schema; a later value that does not fit says which dtype to pass', async () => {
    const p = path.join(dir, 'late.csv');
    writeFileSync(p, 'a\n' + Array.from({ length: 50 }, (_, i) => String(i)).join('\n') + '\n2.5\n');
    await expect(collect(p, { chunkSize: 10 })).rejects.toThrow(ParseError);
    await expect(collect(p, { chunkSize: 10 })).rejects.toThrow(/Column 'a', line 52: cannot parse "2.5" as int64 \(the dtype inferred from the first chunk/);
    const ok = await collect(p, { chunkSize: 10, dtype: { a: 'float64' } });
    expect(ok.at(-1)?.column('a').toArray()).toEqual([2.5]);
  });

  it('nrows stops early; a missing file is a ParseError', async () => {
    const p = path.join(dir, 'n.csv');
    writeFileSync(p, 'a\n' + Array.from({ length: 100 }, (_, i) => String(i)).join('\n') + '\n');
    const chunks = await collect(p, { chunkSize: 30, nrows: 70 });
    expect(chunks.map((c) => c.length)).toEqual([30, 30, 10]);
    await expect(collect(path.join(dir, 'none.csv'), {})).rejects.toThrow(/File not found/);
  });
});
