/**
 * `readCsvChunks`: a CSV file as an async iterator of DataFrames of `chunkSize` rows, reading the file
 * in pieces so memory stays flat however large the file is. The first chunk's inferred dtypes become
 * the schema of every later chunk (a later value that does not fit is a ParseError that says which
 * dtype to request).
 * @module
 */
import { open } from 'node:fs/promises';
import { ValueError } from '../errors.js';
import type { Column } from '../frame/column.js';
import { DataFrame } from '../frame/dataframe.js';
import { RangeIndex } from '../frame/label-index.js';
import type { DType } from '../frame/dtypes.js';
import { csvConfig, type ReadCsvChunksOptions } from './csv-options.js';
import { planColumns, readHead, selectColumns } from './csv-head.js';
import { buildColumn, type ColumnPlan } from './csv-infer.js';
import { FieldTable, tokenize } from './csv-tokenizer.js';
import { fileError } from './file-errors.js';

/** Moves stored field offsets back by `shift` bytes (when the buffer is refilled). */
function shiftTable(t: FieldTable, shift: number): void {
  const m = t.nrows * t.ncols;
  const { starts, ends } = t;
  for (let i = 0; i < m; i++) {
    starts[i] -= shift;
    const e = ends[i];
    ends[i] = e >= 0 ? e - shift : ~(~e - shift);
  }
}

/**
 * Reads a CSV file in chunks of `chunkSize` rows (default 100,000), each a DataFrame with the same
 * columns and dtypes; the row index continues across chunks.
 * @example
 * let total = 0;
 * for await (const chunk of readCsvChunks('big.csv', { chunkSize: 50_000 })) total += chunk.length;
 */
export async function* readCsvChunks(path: string, opts: ReadCsvChunksOptions = {}): AsyncGenerator<DataFrame, void, undefined> {
  const cfg = csvConfig(opts);
  const chunkSize = opts.chunkSize ?? 100_000;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new ValueError(`chunkSize must be a positive integer, got ${chunkSize}`);
  const step = Math.max(1024, opts.readBytes ?? 4 << 20);
  let fh;
  let total: number;
  try {
    fh = await open(path, 'r');
    const st = await fh.stat();
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    total = st.size;
  } catch (e) {
    await fh?.close();
    throw fileError(e, path);
  }
  try {
    let buf = new Uint8Array(step * 2);
    let end = 0;
    let fileOff = 0;
    let eof = false;
    const fill = async (): Promise<void> => {
      if (end + step > buf.length) {
        const nb = new Uint8Array(Math.max(buf.length * 2, end + step));
        nb.set(buf.subarray(0, end));
        buf = nb;
      }
      const { bytesRead } = await fh.read(buf, end, step, fileOff);
      end += bytesRead;
      fileOff += bytesRead;
      if (bytesRead === 0 || fileOff >= total) eof = true;
      opts.onProgress?.(fileOff, total);
    };
    // Read until the header row is complete (a newline past it), or the file ends.
    await fill();
    while (!eof && buf.subarray(0, end).lastIndexOf(10) < 0) await fill();
    const head = readHead(buf, end, cfg);
    const keep = selectColumns(head.names, cfg.usecols);
    let plans: ColumnPlan[] = planColumns(head.names, keep, cfg);
    const names = keep.map((j) => head.names[j]);
    const table = new FieldTable(head.names.length, Math.min(chunkSize, 65536));
    let pos = head.pos;
    let line = head.line;
    let emitted = 0;
    let first = true;
    const build = (): DataFrame => {
      const n = table.nrows;
      const cols: Column[] = keep.map((j, i) => buildColumn({ buf, table, j, na: cfg.na }, plans[i]));
      if (first) {
        // Fix the schema: later chunks must parse as the first chunk's dtypes.
        const fixed: DType[] = cols.map((c) => c.dtype);
        plans = plans.map((p, i) => ({ ...p, dtype: fixed[i], reason: p.dtype ? p.reason : `the dtype inferred from the first chunk; pass dtype: { '${p.name}': ... } to choose another` }));
        first = false;
      }
      const df = DataFrame.fromColumns(names, cols, new RangeIndex(n, { start: emitted }));
      emitted += n;
      table.clear();
      return df;
    };
    for (;;) {
      const left = cfg.nrows - emitted;
      if (left <= 0) break;
      const r = tokenize(buf, pos, end, line, table, {
        sep: cfg.sep, final: eof, maxRows: Math.min(chunkSize, left), onBadLines: cfg.onBadLines, warn: cfg.warn,
      });
      pos = r.pos;
      line = r.line;
      if (r.full) {
        yield build();
        continue;
      }
      if (eof) {
        if (table.nrows > 0) yield build();
        break;
      }
      // Keep the rows parsed so far and the incomplete tail; drop consumed bytes, then read more.
      const keepFrom = table.nrows > 0 ? table.starts[0] - 1 : pos;
      const from = Math.max(0, Math.min(keepFrom, pos));
      if (from > 0) {
        buf.copyWithin(0, from, end);
        end -= from;
        pos -= from;
        shiftTable(table, from);
      }
      await fill();
    }
  } finally {
    await fh.close();
  }
}
