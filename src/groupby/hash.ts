/**
 * Open-addressing hash factorization over the raw 64-bit words of float64 keys (floats, dates,
 * wide-range integers): no JS Map, no boxing. Distinct values are then sorted once and the codes
 * renumbered so groups come out in sorted order.
 * @module
 */
import type { Column } from '../frame/column.js';
import { take } from '../frame/column-take.js';

/**
 * Codes (sorted order; -1 for null/NaN) and the sorted distinct values of a numeric key.
 * @example
 * hashFactorize(fromValues([2.5, -1, 2.5, NaN])) // codes [1, 0, 1, -1], uniques [-1, 2.5]
 */
export function hashFactorize(col: Column): { codes: Int32Array; uniques: Column; hasMissing: boolean } {
  const x = col.toFloat64();
  const n = x.length;
  const w = new Int32Array(x.buffer, x.byteOffset, n * 2);
  let cap = 1024;
  while (cap < Math.min(n, 1 << 20) * 2) cap <<= 1;
  let mask = cap - 1;
  let tKeys: Float64Array = new Float64Array(cap);
  let tIds: Int32Array = new Int32Array(cap).fill(-1);
  let uniq = new Float64Array(Math.min(n, 1024));
  let firstRow = new Int32Array(uniq.length);
  let k = 0;
  let hasMissing = false;
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v !== v) {
      ids[i] = -1;
      hasMissing = true;
      continue;
    }
    const lo = v === 0 ? 0 : w[2 * i];
    const hi = v === 0 ? 0 : w[2 * i + 1];
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & mask;
    while (true) {
      const id = tIds[slot];
      if (id < 0) {
        if (k === uniq.length) {
          const u2 = new Float64Array(uniq.length * 2);
          u2.set(uniq);
          uniq = u2;
          const f2 = new Int32Array(uniq.length);
          f2.set(firstRow);
          firstRow = f2;
        }
        uniq[k] = v;
        firstRow[k] = i;
        tKeys[slot] = v;
        tIds[slot] = k;
        ids[i] = k++;
        if (k * 2 > cap) {
          ({ tKeys, tIds, mask } = grow(tKeys, tIds, cap * 2));
          cap *= 2;
        }
        break;
      }
      if (tKeys[slot] === v) {
        ids[i] = id;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // Sort the distinct values, renumber.
  const order = Array.from({ length: k }, (_, j) => j).sort((a, b) => uniq[a] - uniq[b]);
  const rank = new Int32Array(k);
  const rows = new Int32Array(k);
  order.forEach((id, r) => {
    rank[id] = r;
    rows[r] = firstRow[id];
  });
  for (let i = 0; i < n; i++) {
    const id = ids[i];
    ids[i] = id < 0 ? -1 : rank[id];
  }
  return { codes: ids, uniques: take(col, rows), hasMissing };
}

function grow(keys: Float64Array, tIds: Int32Array, cap: number): { tKeys: Float64Array; tIds: Int32Array; mask: number } {
  const mask = cap - 1;
  const nk = new Float64Array(cap);
  const ni = new Int32Array(cap).fill(-1);
  const kw = new Int32Array(keys.buffer, keys.byteOffset, keys.length * 2);
  for (let s = 0; s < tIds.length; s++) {
    if (tIds[s] < 0) continue;
    const v = keys[s];
    const lo = v === 0 ? 0 : kw[2 * s];
    const hi = v === 0 ? 0 : kw[2 * s + 1];
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & mask;
    while (ni[slot] >= 0) slot = (slot + 1) & mask;
    nk[slot] = v;
    ni[slot] = tIds[s];
  }
  return { tKeys: nk, tIds: ni, mask };
}
