/**
 * Dictionary string columns handed to the Parquet writer as plain UTF-8 when the file column is written
 * without a dictionary. Given an Arrow dictionary with dictionary encoding turned off, parquet-wasm's
 * writer looks every row's string up through the dictionary (10M rows of 100,000 distinct keys: about
 * 1.3 s CPU); a plain Utf8 array of the same rows encodes in about 0.6 s, and gathering it here is one
 * loop (about 0.25 s CPU). The file then says Utf8 in its ARROW:schema, which `toParquet` sets back to
 * the dictionary type (the pages are PLAIN either way), so the column still reads back as a dictionary.
 * @module
 */
import * as arrow from 'apache-arrow';
import type { Column } from '../frame/column.js';

/**
 * Rows [start, end) of a dictionary string column as plain Utf8 Arrow data, or null when the column is
 * not a dictionary over one Utf8 chunk.
 * @example
 * plainStrings(fromCodes(Int32Array.of(0, 1, 0), ['a', 'b']), 0, 3) // Utf8 data 'a', 'b', 'a'
 */
export function plainStrings(col: Column, start: number, end: number): arrow.Data<arrow.Utf8> | null {
  const dictVec = col.data.dictionary;
  if (!col.isDictionary || !dictVec || dictVec.data.length !== 1 || !arrow.DataType.isUtf8(dictVec.type)) return null;
  const dict = dictVec.data[0] as arrow.Data<arrow.Utf8>;
  const doffs = dict.valueOffsets;
  const dbytes = dict.values;
  const codes = col.values as Int32Array;
  const valid = col.validity;
  const n = end - start;
  // Each dictionary string of up to 8 bytes is packed in two 32-bit words, written with two unaligned
  // stores (the bytes past its end are overwritten by the next string): no per-byte loop, whose
  // unpredictable trip count cost twice as much.
  const m = dict.length;
  const lens = new Int32Array(m);
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  for (let c = 0; c < m; c++) {
    const s = doffs[c];
    const l = doffs[c + 1] - s;
    lens[c] = l;
    for (let k = 0; k < Math.min(l, 8); k++) {
      if (k < 4) lo[c] |= dbytes[s + k] << (8 * k);
      else hi[c] |= dbytes[s + k] << (8 * (k - 4));
    }
  }
  let total = 0;
  if (valid) {
    for (let i = start; i < end; i++) if ((valid[i >> 3] >> (i & 7)) & 1) total += lens[codes[i]];
  } else {
    for (let i = start; i < end; i++) total += lens[codes[i]];
  }
  const buf = new Uint8Array(total + 8);
  const dv = new DataView(buf.buffer);
  const offsets = new Int32Array(n + 1);
  const bitmap = valid ? new Uint8Array((n + 7) >> 3) : undefined;
  let nulls = 0;
  let p = 0;
  for (let i = start; i < end; i++) {
    const r = i - start;
    if (valid) {
      if (!((valid[i >> 3] >> (i & 7)) & 1)) {
        nulls++;
        offsets[r + 1] = p;
        continue;
      }
      (bitmap as Uint8Array)[r >> 3] |= 1 << (r & 7);
    }
    const c = codes[i];
    const l = lens[c];
    if (l <= 8) {
      dv.setInt32(p, lo[c], true);
      dv.setInt32(p + 4, hi[c], true);
      p += l;
    } else {
      for (let k = doffs[c], e = k + l; k < e; k++) buf[p++] = dbytes[k];
    }
    offsets[r + 1] = p;
  }
  const data = buf.subarray(0, total);
  return arrow.makeData({ type: new arrow.Utf8(), length: n, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, valueOffsets: offsets, data });
}
