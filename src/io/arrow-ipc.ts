/**
 * Arrow IPC files and streams (`.arrow`, `.feather` v2, `.arrows`) through apache-arrow: column
 * buffers are shared with the frame, not converted value by value.
 * @module
 */
import { writeFile } from 'node:fs/promises';
import * as arrow from 'apache-arrow';
import { ParseError, ValueError } from '../errors.js';
import type { DataFrame } from '../frame/dataframe.js';
import { arrowTable, frameFromArrow } from './arrow-concat.js';
import { fileError, readFileBytes } from './file-errors.js';
import { writeColumns } from './frame-columns.js';
import type { ProgressOptions } from './progress.js';

/** Options of `toArrowFile`. */
export interface ToArrowOptions {
  /** 'file' (random access, default) or 'stream'. */
  format?: 'file' | 'stream';
  /** Write the index as leading column(s); default: only when it is not a plain RangeIndex. */
  index?: boolean;
}

/** Options of `readArrow`. */
export type ReadArrowOptions = ProgressOptions;

/**
 * Writes a frame as an Arrow IPC file (or stream). A non-default index is stored as columns and
 * named in the schema metadata so `readArrow` restores it.
 * @example
 * await toArrowFile(df, 'out.arrow');
 * await toArrowFile(df, 'out.arrows', { format: 'stream' });
 */
export async function toArrowFile(df: DataFrame, path: string, opts: ToArrowOptions = {}): Promise<void> {
  const format = opts.format ?? 'file';
  if (format !== 'file' && format !== 'stream') throw new ValueError(`format must be 'file' or 'stream', got ${JSON.stringify(format)}`);
  const { names, cols, indexNames } = writeColumns(df, opts.index);
  const bytes = arrow.tableToIPC(arrowTable(names, cols, indexNames), format);
  try {
    await writeFile(path, bytes);
  } catch (e) {
    throw fileError(e, path);
  }
}

/**
 * Parses Arrow IPC bytes (file or stream format) into a frame.
 * @example
 * arrowBytesToFrame(arrow.tableToIPC(table))
 */
export function arrowBytesToFrame(bytes: Uint8Array, what = 'input'): DataFrame {
  let table: arrow.Table;
  try {
    table = arrow.tableFromIPC(bytes);
  } catch (e) {
    throw new ParseError(`${what} is not a valid Arrow IPC file or stream: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (table.schema.fields.length === 0 && bytes.length > 0) {
    throw new ParseError(`${what} is not a valid Arrow IPC file or stream (no schema found)`);
  }
  try {
    return frameFromArrow(table);
  } catch (e) {
    if (e instanceof ValueError) throw e;
    throw new ParseError(`${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Reads an Arrow IPC file or stream into a DataFrame.
 * @example
 * const df = await readArrow('flights-200k.arrow');
 */
export async function readArrow(path: string, opts: ReadArrowOptions = {}): Promise<DataFrame> {
  const bytes = await readFileBytes(path, opts.onProgress);
  return arrowBytesToFrame(bytes, `'${path}'`);
}
