/**
 * `readParquet` through parquet-wasm. The file is opened as a lazily read Blob and decoded row group by
 * row group with `ParquetFile.read` (the plain `readParquet` of parquet-wasm ignores `columns`), with a
 * batch size of a whole row group (its default 1024-row batches are slow). Each row group comes back
 * as Arrow IPC and is joined into typed columns (arrow-concat.ts). parquet-wasm's WebAssembly memory
 * grows to the largest row group and never shrinks; read huge files in a worker.
 * @module
 */
import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as arrow from 'apache-arrow';
import { ParquetFile } from 'parquet-wasm';
import { GridframeError, ParseError, unknownName, ValueError } from '../errors.js';
import type { DataFrame } from '../frame/dataframe.js';
import { frameFromArrow } from './arrow-concat.js';
import { fileError, readFileBytes } from './file-errors.js';
import { INDEX_META_KEY, parseIndexMeta } from './frame-columns.js';
import type { ProgressOptions } from './progress.js';

/** Options of `readParquet`. */
export interface ReadParquetOptions extends ProgressOptions {
  /** Only these columns (only their column chunks are read). */
  columns?: readonly string[];
  /** Only these row groups (0-based). */
  rowGroups?: readonly number[];
}

/** Files up to this size are read into memory first (faster decoding); larger ones are read lazily. */
const IN_MEMORY_MAX = 1 << 30;

function message(e: unknown): string {
  if (e instanceof Error) return e.message;
  return typeof e === 'string' ? e : JSON.stringify(e) ?? String(e);
}

function ipcTable(bytes: Uint8Array): arrow.Table {
  return arrow.tableFromIPC(bytes);
}

/**
 * Reads a Parquet file into a DataFrame, keeping int64, dictionaries, timestamps and nulls; an index
 * written by `toParquet` is restored.
 * @example
 * const df = await readParquet('flights-3m.parquet', { columns: ['delay', 'distance'] });
 */
export async function readParquet(path: string, opts: ReadParquetOptions = {}): Promise<DataFrame> {
  let total: number;
  let blob: Blob;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    total = st.size;
  } catch (e) {
    throw fileError(e, path);
  }
  if (total <= IN_MEMORY_MAX) {
    // parquet-wasm decodes several times faster from an in-memory Blob than from a file-backed one.
    blob = new Blob([await readFileBytes(path, opts.onProgress)]);
  } else {
    try {
      blob = await openAsBlob(path);
    } catch (e) {
      throw fileError(e, path);
    }
  }
  let file: ParquetFile;
  try {
    file = await ParquetFile.fromFile(blob);
  } catch (e) {
    throw new ParseError(`'${path}' is not a valid Parquet file (truncated or corrupt?): ${message(e)}`);
  }
  try {
    const schema = ipcTable(file.schema().intoIPCStream()).schema;
    const all = schema.fields.map((f) => f.name);
    const indexNames = parseIndexMeta(schema.metadata.get(INDEX_META_KEY));
    let columns: string[] | undefined;
    if (opts.columns) {
      for (const c of opts.columns) if (!all.includes(c)) throw unknownName('column', c, all);
      // Keep the stored index columns so the frame gets its index back.
      columns = all.filter((c) => opts.columns?.includes(c) || indexNames.includes(c));
    }
    const meta = file.metadata();
    const ngroups = meta.numRowGroups();
    const groups = opts.rowGroups ? [...opts.rowGroups] : Array.from({ length: ngroups }, (_, i) => i);
    for (const g of groups) {
      if (!Number.isInteger(g) || g < 0 || g >= ngroups) throw new ValueError(`Row group ${g} is out of range: '${path}' has ${ngroups}`);
    }
    const batches: arrow.RecordBatch[] = [];
    let outSchema: arrow.Schema | undefined;
    let done = 0;
    const lazy = total > IN_MEMORY_MAX;
    if (lazy) opts.onProgress?.(0, total);
    for (const g of groups) {
      const rg = meta.rowGroup(g);
      const rows = rg.numRows();
      const t = await file.read({ rowGroups: [g], columns, batchSize: Math.max(1024, rows) });
      const at = ipcTable(t.intoIPCStream());
      outSchema ??= at.schema;
      batches.push(...at.batches);
      done += rg.compressedSize();
      if (lazy) opts.onProgress?.(Math.min(done, total), total);
    }
    if (!outSchema) {
      // No row groups: an empty frame with the file's columns.
      const fields = columns ? schema.fields.filter((f) => columns?.includes(f.name)) : schema.fields;
      outSchema = new arrow.Schema(fields, schema.metadata);
    }
    const table = new arrow.Table(new arrow.Schema(outSchema.fields, schema.metadata), batches);
    return frameFromArrow(table);
  } catch (e) {
    if (e instanceof GridframeError) throw e;
    throw new ParseError(`Cannot read Parquet file '${path}' (truncated or corrupt?): ${message(e)}`);
  } finally {
    file.free();
  }
}
