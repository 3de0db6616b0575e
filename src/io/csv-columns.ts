/**
 * Column builders for the CSV reader: each reads one column's field spans (from a FieldTable) and
 * parses the bytes straight into typed arrays. A builder either returns the column or the row where a
 * value did not fit, so inference (csv-infer.ts) can fall back to a wider type.
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../frame/alloc.js';
import { allValid, bitmapBytes, popcount } from '../frame/bitmap.js';
import { Column } from '../frame/column.js';
import { fromCodes, fromTyped } from '../frame/column-build.js';
import type { NaMatcher } from './csv-options.js';
import type { FieldTable } from './csv-tokenizer.js';
import { isIntegerText, isNanText, parseBigIntBytes, parseBoolBytes, parseDateBytes, parseFloatBytes, parseIntBytes } from './csv-parse-values.js';
import { copyField } from './csv-parallel-fields.js';

/** One column of a FieldTable and the bytes it points into. */
export interface ColumnSource {
  buf: Uint8Array;
  table: FieldTable;
  j: number;
  na: NaMatcher;
}

/** A builder's answer: a value or the first row that did not parse. */
export type Built<T> = { ok: true; value: T } | { ok: false; row: number };

/** Parsed numbers: float64 values (NaN at nulls), the validity, whether all were integers. */
export interface NumericResult {
  values: Float64Array;
  validity: Uint8Array | null;
  allInt: boolean;
  /** Integers beyond 2^53 by row, kept exact for int64. */
  big: Map<number, bigint> | null;
}

function clearBit(bm: Uint8Array, i: number): void {
  bm[i >> 3] &= ~(1 << (i & 7));
}

/**
 * Parses a column as numbers. With `intOnly` the first non-integer value is a failure; otherwise
 * integers and decimals mix freely (`allInt` says whether any decimal was seen).
 * @example
 * parseNumeric(src, false) // { ok: true, value: { values, validity, allInt } }
 */
export function parseNumeric(src: ColumnSource, intOnly: boolean): Built<NumericResult> {
  const { buf, table, j, na } = src;
  const n = table.nrows;
  const nc = table.ncols;
  const starts = table.starts;
  const ends = table.ends;
  const values = alloc(Float64Array, n);
  let validity: Uint8Array | null = null;
  let allInt = true;
  let big: Map<number, bigint> | null = null;
  // An NA string that is also a number ('-999') is missing wherever it appears, as in pandas.
  const numericNa = na.numericLike;
  for (let r = 0, k = j; r < n; r++, k += nc) {
    let s = starts[k];
    let e = ends[k];
    if (e < 0) return { ok: false, row: r };
    if (numericNa && na.isNa(buf, s, e)) {
      values[r] = NaN;
      if (validity === null) validity = allValid(n);
      clearBit(validity, r);
      continue;
    }
    if (allInt) {
      const v = parseIntBytes(buf, s, e);
      if (v === v) {
        values[r] = v;
        continue;
      }
    }
    if (na.isNa(buf, s, e)) {
      values[r] = NaN;
      if (validity === null) validity = allValid(n);
      clearBit(validity, r);
      continue;
    }
    // Spaces around a number are allowed (as pandas).
    while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
    while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
    if (allInt) {
      const v = parseIntBytes(buf, s, e);
      if (v === v) {
        values[r] = v;
        continue;
      }
    }
    if (allInt && isIntegerText(buf, s, e)) {
      const b = parseBigIntBytes(buf, s, e);
      if (b !== null) {
        (big ??= new Map()).set(r, b);
        values[r] = Number(b);
        continue;
      }
      if (intOnly) return { ok: false, row: r };
    }
    const v = parseFloatBytes(buf, s, e);
    if (v !== v && !isNanText(buf, s, e)) return { ok: false, row: r };
    // A decimal point or exponent makes a float column even when the value is integral ('5.', '1e5'), as pandas.
    if (allInt) {
      if (intOnly) return { ok: false, row: r };
      allInt = false;
    }
    values[r] = v;
  }
  return { ok: true, value: { values, validity, allInt, big: allInt ? big : null } };
}

/**
 * Parses a column of True/False (any of pandas' spellings); NA strings are nulls.
 * @example
 * parseBool(src) // { ok: true, value: boolColumn }
 */
export function parseBool(src: ColumnSource): Built<Column> {
  const { buf, table, j, na } = src;
  const n = table.nrows;
  const nc = table.ncols;
  const bits = alloc(Uint8Array, bitmapBytes(n));
  let validity: Uint8Array | null = null;
  for (let r = 0, k = j; r < n; r++, k += nc) {
    const s = table.starts[k];
    const e = table.ends[k];
    if (e < 0) return { ok: false, row: r };
    const b = parseBoolBytes(buf, s, e);
    if (b >= 0) {
      bits[r >> 3] |= b << (r & 7);
      continue;
    }
    if (!na.isNa(buf, s, e)) return { ok: false, row: r };
    if (validity === null) validity = allValid(n);
    clearBit(validity, r);
  }
  const nulls = validity ? n - popcount(validity, n) : 0;
  return { ok: true, value: new Column(arrow.makeData({ type: new arrow.Bool(), length: n, nullCount: nulls, nullBitmap: nulls ? validity ?? undefined : undefined, data: bits })) };
}

/**
 * Parses a column of ISO 8601 dates/datetimes into a datetime (or date) column; NA strings are nulls.
 * @example
 * parseDates(src, 'datetime')
 */
export function parseDates(src: ColumnSource, dtype: 'datetime' | 'date'): Built<Column> {
  const { buf, table, j, na } = src;
  const n = table.nrows;
  const nc = table.ncols;
  // Epoch ms are written straight into the int64 buffer as two 32-bit words (no BigInt per row).
  const out = dtype === 'date' ? alloc(Int32Array, n) : alloc(BigInt64Array, n);
  const words = new Int32Array(out.buffer, 0, dtype === 'date' ? n : 2 * n);
  const days = dtype === 'date';
  let validity: Uint8Array | null = null;
  for (let r = 0, k = j; r < n; r++, k += nc) {
    const s = table.starts[k];
    const e = table.ends[k];
    if (e < 0) return { ok: false, row: r };
    const v = parseDateBytes(buf, s, e);
    if (v === v) {
      if (days) words[r] = Math.floor(v / 86400000);
      else {
        const hi = Math.floor(v / 4294967296);
        words[2 * r] = (v - hi * 4294967296) | 0;
        words[2 * r + 1] = hi;
      }
    } else if (na.isNa(buf, s, e)) {
      if (validity === null) validity = allValid(n);
      clearBit(validity, r);
    } else return { ok: false, row: r };
  }
  return { ok: true, value: fromTyped(out, validity, dtype) };
}

/** copyField of a field table entry (an escaped field's end is stored as ~end). */
function copySpan(buf: Uint8Array, s: number, e: number, out: Uint8Array, o: number): number {
  return e < 0 ? copyField(buf, s, ~e, true, out, o) : copyField(buf, s, e, false, out, o);
}

/**
 * A plain UTF-8 string column: field bytes copied into Arrow's offsets + data layout (no JS strings).
 * @example
 * buildUtf8(src)
 */
export function buildUtf8(src: ColumnSource): Column {
  const { buf, table, j, na } = src;
  const n = table.nrows;
  const nc = table.ncols;
  let total = 0;
  for (let r = 0, k = j; r < n; r++, k += nc) {
    const e = table.ends[k];
    total += (e < 0 ? ~e : e) - table.starts[k];
  }
  const offsets = alloc(Int32Array, n + 1);
  const data = alloc(Uint8Array, total);
  let validity: Uint8Array | null = null;
  let nulls = 0;
  let o = 0;
  for (let r = 0, k = j; r < n; r++, k += nc) {
    const s = table.starts[k];
    const e = table.ends[k];
    if (e >= 0 && na.isNa(buf, s, e)) {
      if (validity === null) validity = allValid(n);
      clearBit(validity, r);
      nulls++;
    } else o = copySpan(buf, s, e, data, o);
    offsets[r + 1] = o;
  }
  return new Column(arrow.makeData({
    type: new arrow.Utf8(), length: n, nullCount: nulls, nullBitmap: nulls ? validity ?? undefined : undefined,
    valueOffsets: offsets, data: o === total ? data : data.subarray(0, o),
  }));
}

const decoder = new TextDecoder();

/**
 * A dictionary-encoded string column, hashing the field bytes (FNV-1a, open addressing) so no string is
 * made per row. Gives up (returns null) when the column is not low-cardinality: more than 4096 distinct
 * values and over half the rows seen so far distinct, or over half of all rows distinct at the end.
 * @example
 * buildDictionary(src) ?? buildUtf8(src)
 */
export function buildDictionary(src: ColumnSource): Column | null {
  const { buf, table, j, na } = src;
  const n = table.nrows;
  const nc = table.ncols;
  let cap = 1024;
  let slots = new Int32Array(cap).fill(-1);
  let dStart = new Int32Array(256);
  let dEnd = new Int32Array(256);
  let hashes = new Int32Array(256);
  let count = 0;
  const codes = alloc(Int32Array, n);
  for (let r = 0, k = j; r < n; r++, k += nc) {
    const s = table.starts[k];
    const e = table.ends[k];
    if (e < 0) return null;
    if (na.isNa(buf, s, e)) {
      codes[r] = -1;
      continue;
    }
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    let slot = h & (cap - 1);
    for (;;) {
      const idx = slots[slot];
      if (idx < 0) {
        if (count > 4096 && count * 2 > r + 1) return null;
        if (count === dStart.length) {
          const grow = (a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
            const b = new Int32Array(a.length * 2);
            b.set(a);
            return b;
          };
          dStart = grow(dStart);
          dEnd = grow(dEnd);
          hashes = grow(hashes);
        }
        dStart[count] = s;
        dEnd[count] = e;
        hashes[count] = h;
        slots[slot] = count;
        codes[r] = count++;
        if (count * 2 > cap) {
          cap *= 2;
          slots = new Int32Array(cap).fill(-1);
          for (let c = 0; c < count; c++) {
            let sl = hashes[c] & (cap - 1);
            while (slots[sl] >= 0) sl = (sl + 1) & (cap - 1);
            slots[sl] = c;
          }
        }
        break;
      }
      if (hashes[idx] === h && dEnd[idx] - dStart[idx] === e - s) {
        const ds = dStart[idx];
        let eq = true;
        for (let i = 0; i < e - s; i++) {
          if (buf[ds + i] !== buf[s + i]) {
            eq = false;
            break;
          }
        }
        if (eq) {
          codes[r] = idx;
          break;
        }
      }
      slot = (slot + 1) & (cap - 1);
    }
  }
  if (count * 2 > n) return null;
  const dictionary = new Array<string>(count);
  for (let c = 0; c < count; c++) dictionary[c] = decoder.decode(buf.subarray(dStart[c], dEnd[c]));
  return fromCodes(codes, dictionary);
}
