/**
 * Group codes of one partition: each row's group (first-appearance order, -1 for a missing key)
 * and the first row of each group. One pass per key over typed arrays: dictionary codes for
 * strings, a direct table for small integer ranges, open addressing over float64 bits otherwise.
 * @module
 */
import type { Column } from '../frame/column.js';

/** Local groups of a partition. */
export interface LocalGroups {
  codes: Int32Array;
  ngroups: number;
  /** The first row of each group (to take the key values). */
  firstRow: Int32Array;
}

/** Per-row codes of one key in [0, card), -1 when missing. */
function keyCodes(col: Column): { codes: Int32Array; card: number } {
  const n = col.length;
  if (col.dtype === 'string') {
    const { codes, dictionary } = col.dictionaryCodes();
    return { codes, card: dictionary.length };
  }
  const x = col.toFloat64();
  let lo = Infinity;
  let hi = -Infinity;
  let ints = true;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (ints && Math.floor(v) !== v) ints = false;
  }
  const codes = new Int32Array(n);
  if (lo === Infinity) return { codes: codes.fill(-1), card: 0 };
  if (ints && hi - lo < 1 << 22) {
    for (let i = 0; i < n; i++) {
      const v = x[i];
      codes[i] = v !== v ? -1 : v - lo;
    }
    return { codes, card: hi - lo + 1 };
  }
  return hashCodes(x, codes);
}

/** Open addressing over float64 values (NaN -> -1); codes in first-appearance order. */
function hashCodes(x: Float64Array, codes: Int32Array): { codes: Int32Array; card: number } {
  const n = x.length;
  let cap = 1024;
  while (cap < n * 2) cap *= 2;
  const keys = new Float64Array(cap);
  const slots = new Int32Array(cap).fill(-1);
  const bits = new Uint32Array(new Float64Array(1).buffer);
  const f = new Float64Array(bits.buffer);
  const mask = cap - 1;
  let card = 0;
  for (let i = 0; i < n; i++) {
    let v = x[i];
    if (v !== v) {
      codes[i] = -1;
      continue;
    }
    if (v === 0) v = 0; // -0 and 0 are one key
    f[0] = v;
    let h = Math.imul(bits[0] ^ Math.imul(bits[1], 0x9e3779b1), 0x85ebca6b) & mask;
    for (;;) {
      const s = slots[h];
      if (s < 0) {
        slots[h] = card;
        keys[h] = v;
        codes[i] = card++;
        break;
      }
      if (keys[h] === v) {
        codes[i] = s;
        break;
      }
      h = (h + 1) & mask;
    }
  }
  return { codes, card };
}

/**
 * Groups of rows by one or more key columns.
 * @example
 * localGroups([fromValues(['b', 'a', 'b'])]) // codes [0, 1, 0], ngroups 2, firstRow [0, 1]
 */
export function localGroups(keys: readonly Column[]): LocalGroups {
  const n = keys[0].length;
  const parts = keys.map(keyCodes);
  // Combine keys: mixed radix while it fits a direct table, else hash the combined number.
  let combined = parts[0].codes;
  let card = parts[0].card;
  for (let k = 1; k < parts.length; k++) {
    const { codes: c, card: ck } = parts[k];
    const total = card * ck;
    const out = new Int32Array(n);
    if (total < 2 ** 31) {
      for (let i = 0; i < n; i++) out[i] = combined[i] < 0 || c[i] < 0 ? -1 : combined[i] * ck + c[i];
      combined = out;
      card = total;
    } else {
      const x = new Float64Array(n);
      for (let i = 0; i < n; i++) x[i] = combined[i] < 0 || c[i] < 0 ? NaN : combined[i] * ck + c[i];
      const h = hashCodes(x, out);
      combined = h.codes;
      card = h.card;
    }
  }
  // Compact to dense first-appearance codes.
  const remap = card <= 4 * n + 1024 ? new Int32Array(card).fill(-1) : null;
  const codes = new Int32Array(n);
  const first: number[] = [];
  if (remap) {
    for (let i = 0; i < n; i++) {
      const c = combined[i];
      if (c < 0) {
        codes[i] = -1;
        continue;
      }
      let g = remap[c];
      if (g < 0) {
        g = remap[c] = first.length;
        first.push(i);
      }
      codes[i] = g;
    }
  } else {
    const x = new Float64Array(n);
    for (let i = 0; i < n; i++) x[i] = combined[i] < 0 ? NaN : combined[i];
    const h = hashCodes(x, codes);
    const seen = new Uint8Array(h.card);
    for (let i = 0; i < n; i++) {
      const g = codes[i];
      if (g >= 0 && !seen[g]) {
        seen[g] = 1;
        first.push(i);
      }
    }
  }
  return { codes, ngroups: first.length, firstRow: Int32Array.from(first) };
}
