/**
 * Dictionary-encoding a plain UTF-8 column on read when it is low-cardinality, by hashing the value
 * bytes (FNV-1a, open addressing) — no JS string per row. Used for Parquet/Arrow string columns that
 * arrive as plain (Large)Utf8 although the file stored them dictionary-encoded.
 * @module
 */
import { alloc } from '../frame/alloc.js';
import type { Column } from '../frame/column.js';
import { fromCodes } from '../frame/column-build.js';

const decoder = new TextDecoder();

/**
 * The column as a dictionary column when fewer than `maxFraction` of its rows are distinct values (and
 * at most 65,536), else null. Gives up early on high-cardinality columns.
 * @example
 * utf8ToDictionary(col) ?? col
 */
export function utf8ToDictionary(col: Column, maxFraction = 0.5): Column | null {
  if (col.dtype !== 'string' || col.isDictionary) return null;
  const n = col.length;
  const offs = col.data.valueOffsets as Int32Array;
  const buf = col.data.values as Uint8Array;
  const valid = col.validity;
  const limit = Math.min(65536, Math.floor(n * maxFraction));
  let cap = 1024;
  let slots = new Int32Array(cap).fill(-1);
  const first: number[] = [];
  const hashes: number[] = [];
  const codes = alloc(Int32Array, n);
  for (let r = 0; r < n; r++) {
    if (valid && !((valid[r >> 3] >> (r & 7)) & 1)) {
      codes[r] = -1;
      continue;
    }
    const s = offs[r];
    const e = offs[r + 1];
    let h = 0x811c9dc5 | 0;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    let slot = h & (cap - 1);
    for (;;) {
      const idx = slots[slot];
      if (idx < 0) {
        const c = first.length;
        if (c >= limit || (c > 4096 && c * 2 > r + 1)) return null;
        first.push(r);
        hashes.push(h);
        slots[slot] = c;
        codes[r] = c;
        if ((c + 1) * 2 > cap) {
          cap *= 2;
          slots = new Int32Array(cap).fill(-1);
          for (let k = 0; k <= c; k++) {
            let sl = hashes[k] & (cap - 1);
            while (slots[sl] >= 0) sl = (sl + 1) & (cap - 1);
            slots[sl] = k;
          }
        }
        break;
      }
      const fr = first[idx];
      const fs = offs[fr];
      if (hashes[idx] === h && offs[fr + 1] - fs === e - s) {
        let eq = true;
        for (let i = 0; i < e - s; i++) {
          if (buf[fs + i] !== buf[s + i]) {
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
  const dictionary = first.map((r) => decoder.decode(buf.subarray(offs[r], offs[r + 1])));
  return fromCodes(codes, dictionary);
}
