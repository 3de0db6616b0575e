/**
 * `readCsv`: a whole CSV file (or text) into a DataFrame. Bytes are tokenized once into field spans
 * (csv-tokenizer.ts), then each column is parsed straight into typed arrays (csv-infer.ts).
 * @module
 */
import { unknownName, ValueError } from '../errors.js';
import type { Column } from '../frame/column.js';
import { DataFrame } from '../frame/dataframe.js';
import { Index } from '../frame/label-index.js';
import { csvConfig, type ReadCsvOptions } from './csv-options.js';
import { buildColumn } from './csv-infer.js';
import { planColumns, readHead, selectColumns } from './csv-head.js';
import { FieldTable, tokenize } from './csv-tokenizer.js';
import { readFileBytes } from './file-errors.js';

/**
 * Parses CSV bytes into a DataFrame.
 * @example
 * parseCsvBytes(new TextEncoder().encode('a,b\n1,x\n'), {}) // 1 row, a int64, b string
 */
export function parseCsvBytes(buf: Uint8Array, opts: ReadCsvOptions = {}): DataFrame {
  const cfg = csvConfig(opts);
  const end = buf.length;
  const head = readHead(buf, end, cfg);
  const ncols = head.names.length;
  const table = new FieldTable(ncols, 256);
  const tok = { sep: cfg.sep, final: true, maxRows: Math.min(cfg.nrows, 256), onBadLines: cfg.onBadLines, warn: cfg.warn };
  let r = tokenize(buf, head.pos, end, head.line, table, tok);
  if (r.full && cfg.nrows > 256) {
    // Size the field table from the first rows' average length, then scan the rest.
    const perRow = Math.max(1, (r.pos - head.pos) / table.nrows);
    table.reserve(Math.min(cfg.nrows, Math.ceil(((end - head.pos) / perRow) * 1.05) + 16));
    r = tokenize(buf, r.pos, end, r.line, table, { ...tok, maxRows: cfg.nrows });
  }
  const keep = selectColumns(head.names, cfg.usecols);
  const plans = planColumns(head.names, keep, cfg);
  const cols: Column[] = keep.map((j, i) => buildColumn({ buf, table, j, na: cfg.na }, plans[i]));
  const names = keep.map((j) => head.names[j]);
  return withIndexCol(names, cols, opts.indexCol ?? null);
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
  let bytes: Uint8Array;
  if (pathOrText instanceof Uint8Array) bytes = pathOrText;
  else if (isText(pathOrText)) bytes = new TextEncoder().encode(pathOrText);
  else bytes = await readFileBytes(pathOrText, opts.onProgress);
  return parseCsvBytes(bytes, opts);
}
