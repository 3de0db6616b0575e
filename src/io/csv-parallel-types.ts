/**
 * Shared vocabulary of the fused CSV chunk parser (csv-parallel-chunk.ts) and its callers: how a column
 * is read (M_*), why a chunk gave up (BAIL_*), a job, its arenas, and a parsed chunk.
 * @module
 */
import type { ChunkStrings } from './csv-parallel-strings.js';

/** How a file column is read: skipped, inferred, or one of the dtypes the fused parser supports. */
export const M_SKIP = 0;
export const M_INFER = 1;
export const M_F64 = 2;
export const M_I64 = 3;
export const M_STR = 4;
export const M_BOOL = 5;
export const M_DATE = 6;

/** Why a chunk gave up. */
export const BAIL_NONE = 0;
/** Read the file with the serial reader (it reports the error, or skips/warns on bad lines). */
export const BAIL_SERIAL = 1;
/** An inferred column (`bailCol`, a file column) does not fit its kind: read it as a string. */
export const BAIL_COLUMN = 2;

/** What every chunk of one file shares (structured-cloneable; `buf` is shared memory for workers). */
export interface ChunkJob {
  buf: Uint8Array;
  sep: number;
  naValues: readonly string[];
  /** M_* per file column. */
  modes: number[];
  inferDates: boolean;
  /** Chunk k is the rows starting in [bounds[k], bounds[k+1]); the last bound is the end of the data. */
  bounds: number[];
  /** Average bytes per row (sizes the first allocation). */
  rowBytes: number;
  /** Where chunks write 8-byte values (numbers, dates) so the join can compact them in place. */
  slots?: ChunkSlots;
  /** The file is read chunk by chunk by the parsing threads (csv-parallel-load.ts). */
  file?: ChunkFile;
}

/** A file read by the threads that parse it: bytes [0, head) are already in `buf`. */
export interface ChunkFile {
  fd: number;
  head: number;
  /** Per chunk: 1 once its bytes are read. */
  done: Int32Array;
}

/**
 * One arena per file column (null: a column that never holds 8-byte values) in which chunk k owns
 * rows [at[k], at[k] + cap[k]); a chunk that outgrows its slot moves to memory of its own.
 */
export interface ChunkSlots {
  arenas: (Float64Array | null)[];
  at: number[];
  cap: number[];
  /** UTF-8 strings: offsets (chunk k at at[k] + k, cap[k] + 1 entries) and bytes (dataAt[j][k], dataCap[j][k]). */
  strOffsets: (Int32Array | null)[];
  strData: (Uint8Array | null)[];
  dataAt: number[][];
  dataCap: number[][];
}

/** One column of a parsed chunk. */
export interface ChunkColumn {
  /** K_* (K_NONE: every value missing). */
  kind: number;
  /** Rows (in the chunk) that are missing, ascending. */
  nulls: Int32Array;
  /** K_NUM: no decimal seen. */
  allInt: boolean;
  /** K_NUM: the values (NaN at missing rows), unless `i64` holds them. */
  f64: Float64Array | null;
  /** K_NUM, every value an integer and none missing: the values as int64 (over f64's memory; f64 is then stale). */
  i64: BigInt64Array | null;
  /** K_NUM: integers beyond 2^53 (rows, exact values). */
  bigRows: number[];
  bigVals: bigint[];
  /** K_DATE: epoch ms as int64 (two int32 words per row). */
  words: Int32Array | null;
  /** K_BOOL: the values as a bitmap (bit r of byte r >> 3). */
  bits: Uint8Array | null;
  /** K_STR: dictionary attempt and/or UTF-8 data. */
  strings: ChunkStrings | null;
  /** K_NUM, K_DATE: the values are in the chunk's slot of the column's arena (ChunkSlots). */
  inSlot: boolean;
}

/** A parsed chunk. */
export interface ChunkResult {
  index: number;
  start: number;
  /** Offset just past the last row (the next chunk must start here). */
  stop: number;
  rows: number;
  /** One per file column (K_SKIP for columns not read). */
  cols: ChunkColumn[];
  bail: number;
  bailCol: number;
}
