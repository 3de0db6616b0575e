/**
 * Joining parsed CSV chunks (csv-parallel-chunk.ts) into columns, deciding each inferred column's
 * dtype over the whole file as the serial reader does (csv-infer.ts): the first non-missing value's
 * kind, int64 only when every value is an integer and none is missing, float64 NaN for an all-missing
 * column. A column whose chunks disagree on the kind is reported back, to be re-read as strings.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../frame/alloc.js';
import { allValid, bitmapBytes } from '../frame/bitmap.js';
import { Column } from '../frame/column.js';
import { fromTyped } from '../frame/column-build.js';
import { float64ToInt64 } from '../frame/dtypes.js';
import { M_BOOL, M_DATE, M_F64, M_I64, M_STR, type ChunkResult } from './csv-parallel-chunk.js';
import { joinStrings } from './csv-parallel-dict.js';
import { K_BOOL, K_DATE, K_NONE, K_NUM, K_STR } from './csv-parallel-fields.js';

/** The joined columns, or the file columns to re-read as strings. */
export type Joined = { ok: true; columns: Column[] } | { ok: false; asStrings: number[] };

/** The kind a requested dtype fixes (an inferred column's kind comes from its first value). */
const KIND_OF_MODE: Record<number, number> = { [M_F64]: K_NUM, [M_I64]: K_NUM, [M_STR]: K_STR, [M_BOOL]: K_BOOL, [M_DATE]: K_DATE };

/** Validity of n rows from the chunks' missing rows (null when none is missing). */
function validityOf(chunks: readonly ChunkResult[], offsets: readonly number[], j: number, n: number): Uint8Array | null {
  let total = 0;
  for (const c of chunks) total += c.cols[j].nullCount;
  if (total === 0) return null;
  const bm = allValid(n);
  chunks.forEach((c, k) => {
    const base = offsets[k];
    for (const r of c.cols[j].nulls) bm[(base + r) >> 3] &= ~(1 << ((base + r) & 7));
  });
  return bm;
}

function numberColumn(chunks: readonly ChunkResult[], offsets: readonly number[], j: number, n: number, mode: number): Column {
  const validity = validityOf(chunks, offsets, j, n);
  const allInt = chunks.every((c) => c.cols[j].kind !== K_NUM || c.cols[j].allInt);
  const only = chunks.length === 1 ? chunks[0].cols[j] : null;
  if (mode === M_I64 || (mode !== M_F64 && allInt && validity === null)) {
    // One chunk: converted in place (each element's 8 bytes are read before they are rewritten).
    const f = only?.f64;
    const out = f ? new BigInt64Array(f.buffer, f.byteOffset, n) : alloc(BigInt64Array, n);
    chunks.forEach((c, k) => {
      const col = c.cols[j];
      const part = out.subarray(offsets[k], offsets[k] + c.rows);
      if (col.f64) float64ToInt64(col.f64, part);
      col.bigRows.forEach((r, i) => (part[r] = col.bigVals[i]));
    });
    return fromTyped(out, validity, 'int64');
  }
  if (only?.f64) return fromTyped(only.f64, validity, 'float64');
  const values = alloc(Float64Array, n);
  chunks.forEach((c, k) => {
    const f = c.cols[j].f64;
    if (f) values.set(f, offsets[k]);
    else values.fill(NaN, offsets[k], offsets[k] + c.rows);
  });
  return fromTyped(values, validity, 'float64');
}

function boolColumn(chunks: readonly ChunkResult[], offsets: readonly number[], j: number, n: number): Column {
  const bits = alloc(Uint8Array, bitmapBytes(n));
  chunks.forEach((c, k) => {
    const b = c.cols[j].bytes;
    if (!b) return;
    for (let r = 0, i = offsets[k]; r < c.rows; r++, i++) bits[i >> 3] |= b[r] << (i & 7);
  });
  const validity = validityOf(chunks, offsets, j, n);
  let nulls = 0;
  for (const c of chunks) nulls += c.cols[j].nullCount;
  return new Column(arrow.makeData({ type: new arrow.Bool(), length: n, nullCount: nulls, nullBitmap: validity ?? undefined, data: bits }));
}

function dateColumn(chunks: readonly ChunkResult[], offsets: readonly number[], j: number, n: number): Column {
  const w0 = chunks.length === 1 ? chunks[0].cols[j].words : null;
  if (w0) return fromTyped(new BigInt64Array(w0.buffer, w0.byteOffset, n), validityOf(chunks, offsets, j, n), 'datetime');
  const out = alloc(BigInt64Array, n);
  const words = new Int32Array(out.buffer, 0, 2 * n);
  chunks.forEach((c, k) => {
    const w = c.cols[j].words;
    if (w) words.set(w, 2 * offsets[k]);
  });
  return fromTyped(out, validityOf(chunks, offsets, j, n), 'datetime');
}

/**
 * Joins aligned, complete chunks (in row order) into the columns `keep` (file column positions).
 * @example
 * const j = joinChunks(buf, chunks, keep, modes);
 * if (j.ok) DataFrame.fromColumns(names, j.columns);
 */
export function joinChunks(buf: Uint8Array, chunks: readonly ChunkResult[], keep: readonly number[], modes: readonly number[]): Joined {
  const offsets: number[] = [];
  let n = 0;
  for (const c of chunks) {
    offsets.push(n);
    n += c.rows;
  }
  const kinds: number[] = [];
  const conflicts: number[] = [];
  for (const j of keep) {
    let kind = KIND_OF_MODE[modes[j]] ?? K_NONE;
    for (const c of chunks) {
      const k = c.cols[j].kind;
      if (k === K_NONE) continue;
      if (kind === K_NONE) kind = k;
      else if (k !== kind) {
        conflicts.push(j);
        break;
      }
    }
    kinds.push(kind);
  }
  if (conflicts.length) return { ok: false, asStrings: conflicts };
  const columns = keep.map((j, i): Column => {
    switch (kinds[i]) {
      case K_NUM: return numberColumn(chunks, offsets, j, n, modes[j]);
      case K_BOOL: return boolColumn(chunks, offsets, j, n);
      case K_DATE: return dateColumn(chunks, offsets, j, n);
      case K_STR:
        return joinStrings(buf, chunks.map((c, k) => ({ strings: c.cols[j].strings, rows: c.rows, offset: offsets[k], nulls: c.cols[j].nulls })), n);
      default: {
        // Every value missing: float64 NaN, as pandas.
        const values = alloc(Float64Array, n).fill(NaN);
        return fromTyped(values, n ? alloc(Uint8Array, bitmapBytes(n)) : null, 'float64');
      }
    }
  });
  return { ok: true, columns };
}
