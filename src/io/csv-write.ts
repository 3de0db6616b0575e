/**
 * `df.toCsv(path?)`: CSV text in pandas' `to_csv` layout (header row, then one line per row), written
 * to a file in blocks, or returned as a string when no path is given.
 * @module
 */
import { open } from 'node:fs/promises';
import { ValueError } from '../errors.js';
import type { Column } from '../frame/column.js';
import { sliceColumn } from '../frame/column-take.js';
import type { DataFrame } from '../frame/dataframe.js';
import { formatColumn, quoteField } from './csv-format.js';
import { fileError } from './file-errors.js';
import { writeColumns } from './frame-columns.js';

/** Options of `toCsv`. */
export interface ToCsvOptions {
  /** Field separator (default ','). */
  sep?: string;
  /** Text for missing values (default ''). */
  naRep?: string;
  /** Write the header row (default true). */
  header?: boolean;
  /** Write the index as leading column(s); default: only when it is not a plain RangeIndex. */
  index?: boolean;
  /** Line terminator (default '\n'). */
  lineTerminator?: string;
}

/** Rows formatted per block, so writing a big frame never holds all of its text at once. */
const BLOCK = 65536;

/**
 * Writes a frame as CSV to `path` (resolves undefined) or returns the CSV text.
 * @example
 * const text = await toCsv(df); // 'a,b\n1,x\n'
 * await toCsv(df, 'out.csv', { index: false });
 */
export async function toCsv(df: DataFrame, path?: string, opts: ToCsvOptions = {}): Promise<string | undefined> {
  const sep = opts.sep ?? ',';
  if (sep.length !== 1 || sep === '"' || sep === '\n' || sep === '\r') throw new ValueError(`sep must be one character other than a quote or newline, got ${JSON.stringify(sep)}`);
  const naRep = opts.naRep ?? '';
  const eol = opts.lineTerminator ?? '\n';
  const { names, cols } = writeColumns(df, opts.index);
  const n = df.length;
  const parts: string[] = [];
  if (opts.header ?? true) parts.push(names.map((s) => quoteField(s, sep)).join(sep) + eol);
  const fh = path === undefined ? undefined : await open(path, 'w').catch((e: unknown) => { throw fileError(e, path); });
  try {
    for (let b = 0; b < n; b += BLOCK) {
      const m = Math.min(BLOCK, n - b);
      const fmt = cols.map((c) => formatColumn(sliceRows(c, b, m), sep, naRep));
      const lines = new Array<string>(m);
      for (let i = 0; i < m; i++) {
        let line = fmt.length ? fmt[0][i] : '';
        for (let k = 1; k < fmt.length; k++) line += sep + fmt[k][i];
        lines[i] = line;
      }
      parts.push(lines.join(eol) + eol);
      if (fh) {
        await fh.write(parts.join(''));
        parts.length = 0;
      }
    }
    if (fh && parts.length) await fh.write(parts.join(''));
  } finally {
    await fh?.close();
  }
  return fh ? undefined : parts.join('');
}

function sliceRows(c: Column, start: number, len: number): Column {
  return start === 0 && len === c.length ? c : sliceColumn(c, start, start + len);
}
