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
import { M_BOOL, M_DATE, M_F64, M_I64, M_STR, type ChunkColumn, type ChunkResult, type ChunkSlots } from './csv-parallel-chunk.js';
import { joinStrings, type StringPlace } from './csv-parallel-dict.js';
import { K_BOOL, K_DATE, K_NONE, K_NUM, K_STR } from './csv-parallel-fields.js';

/** The joined columns, or the file columns to re-read as strings. */
export type Joined = { ok: true; columns: Column[] } | { ok: false; asStrings: number[] };

/** The kind a requested dtype fixes (an inferred column's kind comes from its first value). */
const KIND_OF_MODE: Record<number, number> = { [M_F64]: K_NUM, [M_I64]: K_NUM, [M_STR]: K_STR, [M_BOOL]: K_BOOL, [M_DATE]: K_DATE };

/** Validity of n rows from the chunks' missing rows (null when none is missing). */
function validityOf(chunks: readonly ChunkResult[], offsets: readonly number[], j: number, n: number): Uint8Array | null {
  let total = 0;
  for (const c of chunks) total += c.cols[j].nulls.length;
  if (total === 0) return null;
  const bm = allValid(n);
  chunks.forEach((c, k) => {
    const base = offsets[k];
    for (const r of c.cols[j].nulls) bm[(base + r) >> 3] &= ~(1 << ((base + r) & 7));
  });
  return bm;
}

/**
 * The column's 8-byte values (`pick` of each chunk) moved down in place in its arena so that they
 * follow each other from row 0, when every chunk's values are still in its own slot; else null (the
 * caller copies them into new memory). The result views the arena's first n values.
 */
function compactSlots(chunks: readonly ChunkResult[], offsets: readonly number[], n: number, slots: ChunkSlots | undefined, j: number, pick: (c: ChunkColumn) => unknown): Float64Array | null {
  const arena = slots?.arenas[j];
  if (!slots || !arena) return null;
  for (let k = 0; k < chunks.length; k++) {
    const col = chunks[k].cols[j];
    if (!col.inSlot || pick(col) === null || offsets[k] > slots.at[chunks[k].index]) return null;
  }
  // Chunks come in row order and each holds at most its slot's rows, so a chunk only moves down.
  chunks.forEach((c, k) => {
    const from = slots.at[c.index];
    if (from !== offsets[k]) arena.copyWithin(offsets[k], from, from + c.rows);
  });
  return arena.subarray(0, n);
}

function numberColumn(chunks: readonly ChunkResult[], offsets: readonly number[], j: number, n: number, mode: number, slots?: ChunkSlots): Column {
  const validity = validityOf(chunks, offsets, j, n);
  const allInt = chunks.every((c) => c.cols[j].kind !== K_NUM || c.cols[j].allInt);
  const only = chunks.length === 1 ? chunks[0].cols[j] : null;
  if (mode === M_I64 || (mode !== M_F64 && allInt && validity === null)) {
    if (only?.i64) return fromTyped(withBig(only.i64, only), validity, 'int64');
    const inPlace = compactSlots(chunks, offsets, n, slots, j, (c) => c.i64);
    if (inPlace) {
      const out = new BigInt64Array(inPlace.buffer, inPlace.byteOffset, n);
      chunks.forEach((c, k) => withBig(out.subarray(offsets[k], offsets[k] + c.rows), c.cols[j]));
      return fromTyped(out, validity, 'int64');
    }
    const out = alloc(BigInt64Array, n);
    chunks.forEach((c, k) => {
      const col = c.cols[j];
      const part = out.subarray(offsets[k], offsets[k] + c.rows);
      if (col.i64) part.set(col.i64);
      else if (col.f64) float64ToInt64(col.f64, part);
      withBig(part, col);
    });
    return fromTyped(out, validity, 'int64');
  }
  if (only?.f64 && !only.i64) return fromTyped(only.f64, validity, 'float64');
  const inPlace = compactSlots(chunks, offsets, n, slots, j, (c) => (c.i64 ? null : c.f64));
  if (inPlace) return fromTyped(inPlace, validity, 'float64');
  const values = alloc(Float64Array, n);
  chunks.forEach((c, k) => {
    const col = c.cols[j];
    const part = values.subarray(offsets[k], offsets[k] + c.rows);
    if (col.i64) {
      // A chunk that held only integers came as int64: back to doubles (exact below 2^53; beyond, the
      // double of the exact value, as the serial reader keeps).
      const w = new Int32Array(col.i64.buffer, col.i64.byteOffset, 2 * c.rows);
      for (let r = 0; r < c.rows; r++) part[r] = w[2 * r + 1] * 4294967296 + (w[2 * r] >>> 0);
      col.bigRows.forEach((r, i) => (part[r] = Number(col.bigVals[i])));
    } else if (col.f64) part.set(col.f64);
    else part.fill(NaN);
  });
  return fromTyped(values, validity, 'float64');
}

/** Writes a chunk's integers beyond 2^53 (exact) into its int64 values. */
function withBig(part: BigInt64Array, col: ChunkColumn): BigInt64Array {
  col.bigRows.forEach((r, i) => (part[r] = col.bigVals[i]));
  return part;
}

function boolColumn(chunks: readonly ChunkResult[], offsets: readonly number[], j: number, n: number): Column {
  const bits = alloc(Uint8Array, bitmapBytes(n));
  chunks.forEach((c, k) => {
    const src = c.cols[j].bits;
    if (!src) return;
    const at = offsets[k];
    const byte = at >> 3;
    const shift = at & 7;
    if (shift === 0) bits.set(src, byte);
    else {
      for (let i = 0; i < src.length; i++) {
        const v = src[i];
        bits[byte + i] |= (v << shift) & 0xff;
        if (byte + i + 1 < bits.length) bits[byte + i + 1] |= v >> (8 - shift);
      }
    }
  });
  const validity = validityOf(chunks, offsets, j, n);
  let nulls = 0;
  for (const c of chunks) nulls += c.cols[j].nulls.length;
  return new Column(arrow.makeData({ type: new arrow.Bool(), length: n, nullCount: nulls, nullBitmap: validity ?? undefined, data: bits }));
}

function dateColumn(chunks: readonly ChunkResult[], offsets: readonly number[], j: number, n: number, slots?: ChunkSlots): Column {
  const w0 = chunks.length === 1 ? chunks[0].cols[j].words : null;
  if (w0) return fromTyped(new BigInt64Array(w0.buffer, w0.byteOffset, n), validityOf(chunks, offsets, j, n), 'datetime');
  const inPlace = compactSlots(chunks, offsets, n, slots, j, (c) => c.words);
  if (inPlace) return fromTyped(new BigInt64Array(inPlace.buffer, inPlace.byteOffset, n), validityOf(chunks, offsets, j, n), 'datetime');
  const out = alloc(BigInt64Array, n);
  const words = new Int32Array(out.buffer, 0, 2 * n);
  chunks.forEach((c, k) => {
    const w = c.cols[j].words;
    if (w) words.set(w, 2 * offsets[k]);
  });
  return fromTyped(out, validityOf(chunks, offsets, j, n), 'datetime');
}

/** Column j's string arenas, when the chunks had slots. */
function stringPlace(slots: ChunkSlots | undefined, j: number): StringPlace | undefined {
  const offsets = slots?.strOffsets[j];
  const data = slots?.strData[j];
  if (!slots || !offsets || !data) return undefined;
  return { offsets, data, offAt: slots.at.map((a, k) => a + k), dataAt: slots.dataAt[j] };
}

/**
 * Joins aligned, complete chunks (in row order) into the columns `keep` (file column positions);
 * numbers and dates still in their chunks' arena slots (`slots`) are compacted there instead of copied.
 * @example
 * const j = joinChunks(buf, chunks, keep, modes);
 * if (j.ok) DataFrame.fromColumns(names, j.columns);
 */
export function joinChunks(buf: Uint8Array, chunks: readonly ChunkResult[], keep: readonly number[], modes: readonly number[], slots?: ChunkSlots): Joined {
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
      case K_NUM: return numberColumn(chunks, offsets, j, n, modes[j], slots);
      case K_BOOL: return boolColumn(chunks, offsets, j, n);
      case K_DATE: return dateColumn(chunks, offsets, j, n, slots);
      case K_STR:
        return joinStrings(buf, chunks.map((c, k) => ({ strings: c.cols[j].strings, rows: c.rows, offset: offsets[k], nulls: c.cols[j].nulls, index: c.index })), n, stringPlace(slots, j));
      default: {
        // Every value missing: float64 NaN, as pandas.
        const values = alloc(Float64Array, n).fill(NaN);
        return fromTyped(values, n ? alloc(Uint8Array, bitmapBytes(n)) : null, 'float64');
      }
    }
  });
  return { ok: true, columns };
}
