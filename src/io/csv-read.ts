/**
 * `readCsv`: a whole CSV file (or text) into a DataFrame. Inputs of some size go through the fused
 * chunk parser (csv-parallel.ts; large files also in pool workers); anything it does not handle, and
 * small inputs, through the serial reader: bytes tokenized once into field spans (csv-tokenizer.ts),
 * then each column parsed straight into typed arrays (csv-infer.ts). Both give the same frame.
 * @module
 */
import { GridframeError, unknownName, ValueError } from '../errors.js';
import type { Column } from '../frame/column.js';
import { DataFrame } from '../frame/dataframe.js';
import { Index } from '../frame/label-index.js';
import { csvConfig, type CsvConfig, type ReadCsvOptions } from './csv-options.js';
import { buildColumn, type ColumnPlan } from './csv-infer.js';
import { csvTuning, fastJob, MAX_CHUNKS, prestartCsvWorkers, readFastParallel, readFastSync } from './csv-parallel.js';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { readRange } from './csv-parallel-load.js';
import { planColumns, readHead, selectColumns } from './csv-head.js';
import { FieldTable, tokenize } from './csv-tokenizer.js';
import { fileError, readFileBytes } from './file-errors.js';
import { withReadBuffer } from './read-buffer.js';

/** Everything read before the data rows: options, header, the columns to build and how. */
interface Prepared {
  cfg: CsvConfig;
  ncols: number;
  start: number;
  line: number;
  keep: number[];
  names: string[];
  plans: ColumnPlan[];
}

function prepare(buf: Uint8Array, opts: ReadCsvOptions): Prepared {
  const cfg = csvConfig(opts);
  const head = readHead(buf, buf.length, cfg);
  const keep = selectColumns(head.names, cfg.usecols);
  const plans = planColumns(head.names, keep, cfg);
  return { cfg, ncols: head.names.length, start: head.pos, line: head.line, keep, names: keep.map((j) => head.names[j]), plans };
}

/** The serial reader: tokenize every row into field spans, then build each column from them. */
function serialColumns(buf: Uint8Array, pre: Prepared): Column[] {
  const { cfg, ncols } = pre;
  const end = buf.length;
  const table = new FieldTable(ncols, 256);
  const tok = { sep: cfg.sep, final: true, maxRows: Math.min(cfg.nrows, 256), onBadLines: cfg.onBadLines, warn: cfg.warn };
  let r = tokenize(buf, pre.start, end, pre.line, table, tok);
  if (r.full && cfg.nrows > 256) {
    // Size the field table from the first rows' average length, then scan the rest.
    const perRow = Math.max(1, (r.pos - pre.start) / table.nrows);
    table.reserve(Math.min(cfg.nrows, Math.ceil(((end - pre.start) / perRow) * 1.05) + 16));
    r = tokenize(buf, r.pos, end, r.line, table, { ...tok, maxRows: cfg.nrows });
  }
  return pre.keep.map((j, i) => buildColumn({ buf, table, j, na: cfg.na }, pre.plans[i]));
}

/**
 * Parses CSV bytes into a DataFrame (on the calling thread).
 * @example
 * parseCsvBytes(new TextEncoder().encode('a,b\n1,x\n'), {}) // 1 row, a int64, b string
 */
export function parseCsvBytes(buf: Uint8Array, opts: ReadCsvOptions = {}): DataFrame {
  const pre = prepare(buf, opts);
  const job = fastJob(buf, pre.cfg, pre.ncols, pre.start, pre.keep, pre.plans);
  const cols = (job && readFastSync(job, pre.keep)) ?? serialColumns(buf, pre);
  return withIndexCol(pre.names, cols, opts.indexCol ?? null);
}

/** `parseCsvBytes`, with pool workers helping on large inputs. */
async function parseCsvBytesAsync(buf: Uint8Array, opts: ReadCsvOptions): Promise<DataFrame> {
  const pre = prepare(buf, opts);
  const job = fastJob(buf, pre.cfg, pre.ncols, pre.start, pre.keep, pre.plans);
  const cols = (job && (await readFastParallel(job, pre.keep))) ?? serialColumns(buf, pre);
  return withIndexCol(pre.names, cols, opts.indexCol ?? null);
}

function withIndexCol(names: string[], cols: Column[], indexCol: string | number | null): DataFrame {
  if (indexCol === null) return DataFrame.fromColumns(names, cols);
  const at = typeof indexCol === 'number' ? indexCol : names.indexOf(indexCol);
  if (typeof indexCol === 'number' && (at < 0 || at >= names.length || !Number.isInteger(at))) {
    throw new ValueError(`indexCol ${indexCol} is out of range for ${names.length} columns`);
  }
  if (at < 0) throw unknownName('column', String(indexCol), names);
  const index = new Index(cols[at], { name: names[at] });
  return DataFrame.fromColumns(names.filter((_, i) => i !== at), cols.filter((_, i) => i !== at), index);
}

/** A string is CSV text (not a path) when it holds a newline. */
function isText(s: string): boolean {
  return s.includes('\n') || s.includes('\r');
}

/**
 * Reads a CSV file (or CSV text: a string containing a newline) into a DataFrame, with pandas'
 * `read_csv` options and type inference.
 * @example
 * const df = await readCsv('titanic.csv');
 * const aq = await readCsv('air_quality_no2.csv', { parseDates: ['datetime'], indexCol: 'datetime' });
 * const t = await readCsv('a,b\n1,2\n');
 */
export async function readCsv(pathOrText: string | Uint8Array, opts: ReadCsvOptions = {}): Promise<DataFrame> {
  if (pathOrText instanceof Uint8Array) return parseCsvBytesAsync(pathOrText, opts);
  if (isText(pathOrText)) return parseCsvBytesAsync(new TextEncoder().encode(pathOrText), opts);
  const path = pathOrText;
  // A large file: workers start while it is read, into memory reused from the previous large read
  // (the frame copies every value out of the bytes). A missing file is reported by readFileBytes.
  const size = (await stat(path).catch(() => null))?.size ?? 0;
  if (size < csvTuning.parallelMinBytes) return parseCsvBytesAsync(await readFileBytes(path, opts.onProgress), opts);
  prestartCsvWorkers();
  if (opts.onProgress || size > 0x7fffffff) return withReadBuffer(async (into) => parseCsvBytesAsync(await readFileBytes(path, opts.onProgress, 0, into), opts));
  return withReadBuffer(async (into) => {
    let fh: FileHandle;
    try {
      fh = await open(path, 'r');
    } catch (e) {
      throw fileError(e, path);
    }
    try {
      return await readOpenFile(fh.fd, into(size), opts);
    } catch (e) {
      throw e instanceof GridframeError ? e : fileError(e, path);
    } finally {
      await fh.close();
    }
  });
}

/**
 * A large file opened as `fd` (size `buf.length`): the header and first rows read here, the rest by
 * the threads that parse it, chunk by chunk (csv-parallel-load.ts); whatever the fused parser does
 * not handle is read whole and goes to the serial reader.
 */
async function readOpenFile(fd: number, buf: Uint8Array, opts: ReadCsvOptions): Promise<DataFrame> {
  const size = buf.length;
  const head = Math.min(size, csvTuning.headBytes);
  readRange(fd, buf, 0, head);
  const whole = async (): Promise<DataFrame> => {
    readRange(fd, buf, head, size);
    return parseCsvBytesAsync(buf, opts);
  };
  const headBuf = buf.subarray(0, head);
  const pre = prepare(headBuf, opts);
  // The header and one whole row must lie in the head (else: the whole file first).
  if (head === size || pre.start >= head || headBuf.indexOf(10, pre.start) < 0) return whole();
  const job = fastJob(headBuf, pre.cfg, pre.ncols, pre.start, pre.keep, pre.plans);
  if (job === null) return whole();
  Object.assign(job, { buf, bounds: [pre.start, size], file: { fd, head, done: new Int32Array(new SharedArrayBuffer(4 * MAX_CHUNKS)) } });
  const cols = await readFastParallel(job, pre.keep);
  if (cols) return withIndexCol(pre.names, cols, opts.indexCol ?? null);
  readRange(fd, buf, head, size);
  return withIndexCol(pre.names, serialColumns(buf, pre), opts.indexCol ?? null);
}
