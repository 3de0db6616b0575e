/**
 * Selection on a Series: `loc` (labels: a label gives a value — or a Series when the label repeats —,
 * a list, an inclusive slice, a boolean Series/array), `iloc` (positions: stop-exclusive slices,
 * negatives from the end) and `maskOf`, which turns a boolean Series (aligned on index labels, nulls
 * false), a byte mask or a boolean array into one byte per row.
 * @module
 */
import { Column } from '../column.js';
import { take } from '../column-take.js';
import { type Index, type Label } from '../label-index.js';
import { KeyError, ValueError } from '../../errors.js';
import type { Scalar } from '../dtypes.js';
import { Series } from '../series.js';
import type { Slice } from '../types.js';
import { compareLabels } from './align.js';
import { unpackBits } from '../bitmap.js';
import { newBits } from './bool-bits.js';
import { packMask } from './compact.js';

function isSlice(x: unknown): x is Slice<unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && !(x instanceof Date) && !(x instanceof Series) &&
    Object.keys(x).every((k) => k === 'start' || k === 'stop');
}

function isBoolList(x: readonly unknown[], n: number): boolean {
  return x.length === n && x.length > 0 && x.every((v) => typeof v === 'boolean');
}

/**
 * Rows selected by label (pandas `s.loc[...]`).
 * @example
 * seriesLoc(new Series([1, 2, 3], { index: ['a', 'b', 'c'] }), { start: 'b' }) // b: 2, c: 3
 */
export function seriesLoc(s: Series, rows: Label | readonly Label[] | Slice | Series | null): Series | Scalar {
  if (rows === null) return s;
  if (rows instanceof Series) return s.filter(rows);
  if (isSlice(rows)) {
    const [start, stop] = labelSliceBounds(s.index, rows as Slice);
    return s.take(range(start, stop));
  }
  // With a MultiIndex an array of scalars is one tuple label; an array of arrays is a list of them.
  if (Array.isArray(rows) && !(s.index.nlevels > 1 && rows.every((r) => !Array.isArray(r)))) {
    const list = rows as readonly Label[];
    if (isBoolList(list, s.length)) return s.filter(list as boolean[]);
    const pos: number[] = [];
    const missing: Label[] = [];
    for (const l of list) {
      if (!s.index.has(l)) missing.push(l);
      else pos.push(...s.index.getLoc(l));
    }
    if (missing.length) throw new KeyError(`${JSON.stringify(missing.map(String))} not in index`);
    return s.take(pos);
  }
  const p = s.index.getLoc(rows as Label);
  return p.length === 1 ? s.column.get(p[0]) : s.take(p);
}

/** [start, stop) positions of an inclusive label slice; a missing bound needs a sorted index. */
function labelSliceBounds(index: Index, sl: Slice): [number, number] {
  const n = index.length;
  const bound = (label: Label, side: 'start' | 'stop'): number => {
    if (index.has(label)) {
      const p = index.getLoc(label);
      return side === 'start' ? p[0] : p[p.length - 1] + 1;
    }
    const labels = index.toArray();
    for (let i = 1; i < n; i++) {
      if (compareLabels(labels[i - 1], labels[i]) > 0) {
        throw new KeyError(`Slice bound ${JSON.stringify(String(label))} is not in the index, and the index is not sorted`);
      }
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareLabels(labels[mid], label);
      if (c < 0 || (side === 'stop' && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = sl.start === undefined ? 0 : bound(sl.start, 'start');
  const stop = sl.stop === undefined ? n : bound(sl.stop, 'stop');
  return [start, Math.max(start, stop)];
}

function range(a: number, b: number): Int32Array {
  const out = new Int32Array(Math.max(0, b - a));
  for (let i = 0; i < out.length; i++) out[i] = a + i;
  return out;
}

/**
 * Rows selected by position (pandas `s.iloc[...]`): a position gives a value.
 * @example
 * seriesIloc(new Series([1, 2, 3]), -1) // 3
 */
export function seriesIloc(s: Series, rows: number | readonly number[] | Slice<number> | null): Series | Scalar {
  const n = s.length;
  if (rows === null) return s;
  if (typeof rows === 'number') return s.iat(rows);
  if (Array.isArray(rows)) {
    const idx = new Int32Array(rows.length);
    rows.forEach((r: number, k: number) => {
      const j = r < 0 ? n + r : r;
      if (!Number.isInteger(j) || j < 0 || j >= n) throw new RangeError(`Position ${r} is out of bounds for a Series of length ${n}`);
      idx[k] = j;
    });
    return s.take(idx);
  }
  const sl = rows as Slice<number>;
  const clamp = (v: number): number => Math.max(0, Math.min(n, v < 0 ? n + v : v));
  const start = sl.start === undefined ? 0 : clamp(sl.start);
  const stop = sl.stop === undefined ? n : clamp(sl.stop);
  return s.take(range(start, Math.max(start, stop)));
}

/** A bool mask Series's column aligned on `index` (same labels, or reordered by label). */
function alignedMask(mask: Series, index: Index): Column {
  const n = index.length;
  if (mask.dtype !== 'bool') throw new ValueError(`A boolean mask is needed; got a ${mask.dtype} Series '${mask.name ?? ''}' (compare it first, e.g. s.gt(0))`);
  if (mask.index === index || mask.index.equals(index)) return mask.column;
  if (mask.length !== n && !mask.index.isUnique) throw new ValueError(`The boolean Series has ${mask.length} rows but the data has ${n}`);
  const idx = mask.index.getIndexer(index.toArray());
  for (let i = 0; i < n; i++) {
    if (idx[i] < 0) throw new ValueError(`Unalignable boolean Series provided as mask: label ${JSON.stringify(String(index.get(i)))} is not in its index`);
  }
  return take(mask.column, idx);
}

/**
 * One byte per row of `index` (1 = keep) from a boolean Series (aligned on labels; nulls are false),
 * a byte mask or a boolean array. A wrong length or a non-bool Series is a ValueError.
 * @example
 * maskOf([true, false], new RangeIndex(2)) // Uint8Array [1, 0]
 */
export function maskOf(mask: Series | Uint8Array | readonly boolean[], index: Index): Uint8Array {
  const n = index.length;
  if (mask instanceof Series) {
    const col = alignedMask(mask, index);
    const out = unpackBits(col.values as Uint8Array, n);
    const v = col.validity;
    if (v) for (let i = 0; i < n; i++) out[i] &= (v[i >> 3] >> (i & 7)) & 1;
    return out;
  }
  if (mask.length !== n) throw new ValueError(`Boolean mask has ${mask.length} values but the data has ${n} rows`);
  if (mask instanceof Uint8Array) return mask;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = mask[i] ? 1 : 0;
  return out;
}

/**
 * The same mask as packed bits (Arrow's LSB-first layout; only the first `index.length` bits count).
 * A bool Series without nulls gives its own bit buffer, unchanged and not copied (treat it as
 * read-only); nulls are cleared (false) in a new bitmap; a byte mask or boolean array is packed.
 * @example
 * maskBits(s.gt(0), s.index) // the comparison's bits
 */
export function maskBits(mask: Series | Uint8Array | readonly boolean[], index: Index): Uint8Array {
  const n = index.length;
  if (mask instanceof Series) {
    const col = alignedMask(mask, index);
    const bits = col.values as Uint8Array;
    const v = col.validity;
    if (v === null) return bits;
    const out = newBits(n);
    for (let q = 0, m = (n + 7) >> 3; q < m; q++) out[q] = bits[q] & v[q];
    return out;
  }
  if (mask.length !== n) throw new ValueError(`Boolean mask has ${mask.length} values but the data has ${n} rows`);
  if (mask instanceof Uint8Array) return packMask(mask);
  const out = newBits(n);
  for (let i = 0; i < n; i++) if (mask[i]) out[i >> 3] |= 1 << (i & 7);
  return out;
}
