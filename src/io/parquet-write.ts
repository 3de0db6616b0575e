/**
 * `df.toParquet(path)` through parquet-wasm: the frame goes to parquet-wasm as an Arrow IPC stream
 * (column buffers as they are: int64 stays int64, dictionaries stay dictionaries, datetimes are
 * timestamps, nulls are nulls; a dictionary column written without a dictionary goes as plain strings,
 * parquet-strings.ts). parquet-wasm's `writeParquet` consumes the table it is given.
 *
 * A large frame is encoded in two parts at a row-group boundary, the second in a worker with its own
 * parquet-wasm instance (parquet-wasm cannot encode row groups separately into one file); the two files
 * are joined by moving the second one's column chunks and merging the footers (parquet-footer.ts), so
 * the file has the row groups a serial write gives. The encoder itself (about 0.6 s CPU per 5M rows of
 * the bench frame) bounds the write.
 * @module
 */
import { closeSync, openSync, writevSync } from 'node:fs';
import * as arrow from 'apache-arrow';
import type { Compression } from 'parquet-wasm';
import { parquetWasm } from './parquet-wasm.js';
import { ParseError, ValueError } from '../errors.js';
import type { Column } from '../frame/column.js';
import type { DataFrame } from '../frame/dataframe.js';
import { arrowTable, arrowTableOf } from './arrow-concat.js';
import { fileError } from './file-errors.js';
import { writeColumns } from './frame-columns.js';
import { arrowSchemaBase64, concatBytes, joinFiles } from './parquet-footer.js';
import { plainStrings } from './parquet-strings.js';
import { handOff } from './parquet-decode.js';
import { poolInfo, runInWorker } from '../parallel/pool.js';
import { resolveTask } from '../parallel/task.js';

/** Parquet compression codecs. */
export type ParquetCompression = 'snappy' | 'gzip' | 'brotli' | 'zstd' | 'lz4' | 'none';

/** Options of `toParquet`. */
export interface ToParquetOptions {
  /** Codec for every column (default 'snappy', as pandas). */
  compression?: ParquetCompression;
  /** Rows per row group (default 1,048,576). */
  rowGroupSize?: number;
  /** Write the index as leading column(s); default: only when it is not a plain RangeIndex. */
  index?: boolean;
}

const CODECS: Record<ParquetCompression, keyof typeof Compression> = {
  snappy: 'SNAPPY', gzip: 'GZIP', brotli: 'BROTLI', zstd: 'ZSTD', lz4: 'LZ4_RAW', none: 'UNCOMPRESSED',
};

/** Rows sampled to decide whether dictionary encoding a column pays. */
const SAMPLE = 4096;

/**
 * A dictionary column is dictionary-encoded in the file only when it uses at most one distinct value
 * per DICT_RATIO rows of a row group (DuckDB's writer draws a similar line). Above it the writer's
 * per-row dictionary interning costs over twice the plain encoding (10M rows of 100,000 distinct keys:
 * about 2.7 s against 1.0 s CPU) for a file column about half the size; the values read back the same.
 */
const DICT_RATIO = 20;

/** True when the codes of a dictionary column take at most `limit` distinct values (stops early). */
function fewCodes(col: Column, limit: number): boolean {
  const codes = col.values as Int32Array;
  const size = (col.data.dictionary?.length ?? 0);
  if (size <= limit) return true;
  const seen = new Uint8Array(size);
  let distinct = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (seen[c] === 0) {
      seen[c] = 1;
      if (++distinct > limit) return false;
    }
  }
  return true;
}

/**
 * True when a column looks low-cardinality: fewer than a quarter of the values in an evenly spaced
 * sample are distinct. Trying a dictionary on a unique int64 or a random float column costs the writer
 * about as much as encoding the column itself, only to fall back to plain encoding.
 */
function dictionaryPays(col: Column, rowGroup: number): boolean {
  if (col.isDictionary) return fewCodes(col, Math.max(1, Math.floor(Math.min(col.length, rowGroup) / DICT_RATIO)));
  if (col.dtype === 'bool') return false;
  const n = col.length;
  if (n <= SAMPLE) return true;
  const step = n / SAMPLE;
  const seen = new Set<number | string | null>();
  if (col.dtype === 'string') {
    for (let k = 0; k < SAMPLE; k++) seen.add(col.get(Math.floor(k * step)) as string | null);
  } else {
    const v = col.values;
    const words = v instanceof BigInt64Array || v instanceof BigUint64Array ? new Float64Array(v.buffer, v.byteOffset, n) : v;
    // int64 bit patterns read as doubles: distinct integers stay distinct (except NaN patterns, which
    // only bias the guess, never the data).
    for (let k = 0; k < SAMPLE; k++) seen.add(words[Math.floor(k * step)]);
  }
  return seen.size * 4 < SAMPLE;
}

/** How every part of one file is encoded (a plain object, so a worker encodes its part the same way). */
export interface WritePlan {
  codec: keyof typeof Compression;
  rowGroupSize: number;
  /** Columns written without dictionary encoding. */
  plain: string[];
  /** Columns written without statistics. */
  noStats: string[];
}

/**
 * The encoding of a frame's columns: the codec, and per column whether a dictionary or statistics pay.
 * @example
 * writePlan(names, cols, { compression: 'zstd' })
 */
export function writePlan(names: readonly string[], cols: readonly Column[], opts: ToParquetOptions): WritePlan {
  const compression = opts.compression ?? 'snappy';
  const codec = CODECS[compression];
  if (codec === undefined) throw new ValueError(`Unknown compression ${JSON.stringify(compression)}; use one of ${Object.keys(CODECS).join(', ')}`);
  const rg = opts.rowGroupSize ?? 1 << 20;
  if (!Number.isInteger(rg) || rg < 1) throw new ValueError(`rowGroupSize must be a positive integer, got ${rg}`);
  return {
    codec,
    rowGroupSize: rg,
    plain: names.filter((_, i) => !dictionaryPays(cols[i], rg)),
    // A dictionary string column's min/max is computed by the writer row by row over the strings (a
    // byte-wise compare per row), which costs as much as encoding the column (measured: 10M rows of
    // 100,000 distinct keys, 5.3 s CPU with, 2.8 s without); keys in arbitrary order rarely let a reader
    // skip a row group on them, so those columns are written without statistics.
    noStats: names.filter((_, i) => cols[i].isDictionary),
  };
}

/**
 * Encodes columns (rows [start, end) when `rows` is given) as one Parquet file.
 * @example
 * encodeRows(names, cols, [], writePlan(names, cols, {}))
 */
export function encodeRows(names: readonly string[], cols: readonly Column[], indexNames: readonly string[], plan: WritePlan, rows?: readonly [number, number]): Uint8Array {
  const n = cols.length ? cols[0].length : 0;
  const [start, end] = rows ?? [0, n];
  const datas = cols.map((c, i) => (plan.plain.includes(names[i]) ? plainStrings(c, start, end) : null) ?? (start === 0 && end === n ? c.data : c.data.slice(start, end - start)));
  const ipc = arrow.tableToIPC(arrowTableOf(names, datas, indexNames), 'stream');
  // Row-group (chunk) min/max statistics, which readers such as DuckDB use to skip row groups; page-level
  // statistics cost the writer more than they save for typical reads.
  const { Compression: C, EnabledStatistics, Table: WasmTable, WriterPropertiesBuilder, writeParquet } = parquetWasm();
  let builder = new WriterPropertiesBuilder().setCompression(C[plan.codec]).setMaxRowGroupSize(plan.rowGroupSize).setStatisticsEnabled(EnabledStatistics.Chunk);
  for (const name of plan.plain) builder = builder.setColumnDictionaryEnabled(name, false);
  for (const name of plan.noStats) builder = builder.setColumnStatisticsEnabled(name, EnabledStatistics.None);
  const props = builder.build();
  try {
    // writeParquet consumes (frees) both the table and the properties.
    return writeParquet(WasmTable.fromIPCStream(ipc), props);
  } catch (e) {
    throw new ParseError(`Cannot encode the frame as Parquet: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Encodes a frame as Parquet bytes.
 * @example
 * const bytes = parquetBytes(df, { compression: 'zstd' });
 */
export function parquetBytes(df: DataFrame, opts: ToParquetOptions = {}): Uint8Array {
  const { names, cols, indexNames } = writeColumns(df, opts.index);
  const plan = writePlan(names, cols, opts);
  const bytes = encodeRows(names, cols, indexNames, plan);
  const schema = fileSchema(names, cols, indexNames, plan);
  return schema === undefined ? bytes : concatBytes(joinFiles([bytes], schema));
}

/**
 * The ARROW:schema a file must carry when dictionary columns were handed to the writer as plain
 * strings (parquet-strings.ts): the frame's own schema, so they read back as dictionaries; undefined
 * when the writer saw the frame's types.
 */
function fileSchema(names: readonly string[], cols: readonly Column[], indexNames: readonly string[], plan: WritePlan): string | undefined {
  if (!cols.some((c, i) => c.isDictionary && plan.plain.includes(names[i]))) return undefined;
  return arrowSchemaBase64(arrowTable(names, cols, indexNames).schema) ?? undefined;
}

/**
 * Tuning of the parallel write: a frame of at least `parallelMinBytes` of column buffers, over more than
 * one row group, on two or more cores, has its second half of row groups encoded in a worker; the two
 * files are joined into one (parquet-footer.ts `joinFiles`, the column chunks copied as they are).
 */
export const parquetWriteTuning = { parallelMinBytes: 32 << 20 };

/** The first row of the worker's part (a row-group boundary near the middle), or 0 for a serial write. */
function splitRow(cols: readonly Column[], plan: WritePlan): number {
  const n = cols.length ? cols[0].length : 0;
  const bytes = cols.reduce((s, c) => s + c.values.byteLength + (c.data.valueOffsets?.byteLength ?? 0), 0);
  if (bytes < parquetWriteTuning.parallelMinBytes || n <= plan.rowGroupSize || poolInfo().workers < 2) return 0;
  const rg = plan.rowGroupSize;
  const k = Math.max(1, Math.round(n / 2 / rg)) * rg;
  return k < n ? k : 0;
}

/** The worker task, resolved on first use (not when gridframe is imported). */
let partTaskCache: ReturnType<typeof resolveTask> | undefined;
const partTask = (): ReturnType<typeof resolveTask> => (partTaskCache ??= resolveTask({ module: new URL('./parquet-write-task.js', import.meta.url).href, name: 'encodeParquetPart' }, 'toParquet'));

/**
 * Writes a frame to a Parquet file; a large frame is encoded in two halves, one of them in a worker.
 * @example
 * await toParquet(df, 'out.parquet', { compression: 'zstd' });
 */
export async function toParquet(df: DataFrame, path: string, opts: ToParquetOptions = {}): Promise<void> {
  const { names, cols, indexNames } = writeColumns(df, opts.index);
  const plan = writePlan(names, cols, opts);
  const k = splitRow(cols, plan);
  const schema = fileSchema(names, cols, indexNames, plan);
  let pieces: Uint8Array[];
  if (k === 0) {
    const bytes = encodeRows(names, cols, indexNames, plan);
    pieces = schema === undefined ? [bytes] : joinFiles([bytes], schema);
  } else {
    const n = cols[0].length;
    const theirs = runInWorker(partTask(), [names, cols, indexNames, plan, k, n]).then(
      (b) => b as Uint8Array,
      (e: unknown) => new ParseError(`Cannot encode the frame as Parquet: ${e instanceof Error ? e.message : String(e)}`),
    );
    let mine: Uint8Array;
    try {
      await handOff();
      mine = encodeRows(names, cols, indexNames, plan, [0, k]);
    } finally {
      await theirs;
    }
    const other = await theirs;
    if (other instanceof Error) throw other;
    pieces = joinFiles([mine, other], schema);
  }
  // Synchronous: the encoding above already held the thread, and on a busy machine each await of a
  // write waits for the thread to be scheduled again.
  let fd: number | undefined;
  try {
    fd = openSync(path, 'w');
    let left = pieces.filter((p) => p.length > 0);
    while (left.length) {
      let n = writevSync(fd, left);
      // A short write: drop what was written and go on with the rest.
      const rest: Uint8Array[] = [];
      for (const p of left) {
        if (n >= p.length) n -= p.length;
        else {
          rest.push(p.subarray(n));
          n = 0;
        }
      }
      left = rest;
    }
  } catch (e) {
    throw fileError(e, path);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
