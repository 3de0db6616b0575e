/**
 * `readParquet` through parquet-wasm's synchronous reader, with large batches (its default 1024-row
 * batches are slow); row-group batches come back as Arrow IPC and are joined into typed columns
 * (arrow-concat.ts).
 *
 * Why not `ParquetFile` (which can skip unselected column chunks): on a corrupt page its asynchronous
 * reader panics inside a promise callback, an uncatchable `RuntimeError: unreachable` that kills the
 * process (seen here with 2 of 500 randomly mutated files), while the synchronous reader's panics are
 * thrown to the caller and parquet-wasm keeps working afterwards. So `columns` drops the other columns
 * after decoding; `rowGroups` is pushed down. parquet-wasm's WebAssembly memory grows to hold the file
 * plus the decoded table and never shrinks: read huge files in a worker.
 * @module
 */
import * as arrow from 'apache-arrow';
import { parquetWasm } from './parquet-wasm.js';
import { GridframeError, ParseError, unknownName, ValueError } from '../errors.js';
import type { DataFrame } from '../frame/dataframe.js';
import { frameFromArrow } from './arrow-concat.js';
import { readFileBytes } from './file-errors.js';
import { INDEX_META_KEY, parseIndexMeta } from './frame-columns.js';
import type { ProgressOptions } from './progress.js';

/** Options of `readParquet`. */
export interface ReadParquetOptions extends ProgressOptions {
  /** Only these columns (only their column chunks are read). */
  columns?: readonly string[];
  /** Only these row groups (0-based). */
  rowGroups?: readonly number[];
}

function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e) ?? String(e);
}

function ipcTable(bytes: Uint8Array): arrow.Table {
  return arrow.tableFromIPC(bytes);
}

/** Rows per decoded batch: large, as parquet-wasm's default of 1024 rows is slow (batches never span row groups). */
const BATCH_ROWS = 1 << 20;

/**
 * Decodes Parquet bytes into a frame.
 * @example
 * parquetBytesToFrame(parquetBytes(df))
 */
export function parquetBytesToFrame(bytes: Uint8Array, opts: Omit<ReadParquetOptions, 'onProgress'> = {}, what = 'input'): DataFrame {
  let schema: arrow.Schema;
  try {
    schema = ipcTable(parquetWasm().readSchema(bytes).intoIPCStream()).schema;
  } catch (e) {
    throw new ParseError(`${what} is not a valid Parquet file (truncated or corrupt?): ${message(e)}`);
  }
  const all = schema.fields.map((f) => f.name);
  const indexNames = parseIndexMeta(schema.metadata.get(INDEX_META_KEY));
  let keep = all;
  if (opts.columns) {
    for (const c of opts.columns) if (!all.includes(c)) throw unknownName('column', c, all);
    // In the order asked for (as pandas/pyarrow), plus the stored index columns so the frame gets its index back.
    keep = [...new Set([...opts.columns, ...indexNames.filter((c) => all.includes(c))])];
  }
  const groups = opts.rowGroups ? [...opts.rowGroups] : undefined;
  for (const g of groups ?? []) if (!Number.isInteger(g) || g < 0) throw new ValueError(`Row group ${g} is not a valid row group number`);
  let table: arrow.Table;
  try {
    table = ipcTable(parquetWasm().readParquet(bytes, { batchSize: BATCH_ROWS, rowGroups: groups }).intoIPCStream());
  } catch (e) {
    const which = groups ? `row groups [${groups.join(', ')}] of ` : '';
    const why = groups ? 'a row group number past the last one, or a truncated or corrupt file' : 'truncated or corrupt?';
    throw new ParseError(`Cannot read ${which}Parquet ${what} (${why}): ${message(e)}`);
  }
  const out = keep === all ? table : table.select(keep);
  try {
    return frameFromArrow(new arrow.Table(new arrow.Schema(out.schema.fields, schema.metadata), out.batches));
  } catch (e) {
    if (e instanceof GridframeError) throw e;
    throw new ParseError(`Cannot read Parquet ${what}: ${message(e)}`);
  }
}

/**
 * Reads a Parquet file into a DataFrame, keeping int64, dictionaries, timestamps and nulls; an index
 * written by `toParquet` is restored. A truncated or corrupt file is a ParseError.
 * @example
 * const df = await readParquet('flights-3m.parquet', { columns: ['delay', 'distance'] });
 */
export async function readParquet(path: string, opts: ReadParquetOptions = {}): Promise<DataFrame> {
  const bytes = await readFileBytes(path, opts.onProgress);
  return parquetBytesToFrame(bytes, opts, `'${path}'`);
}
