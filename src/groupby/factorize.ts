/**
 * Factorize group keys to dense Int32 codes, the first step of every groupby, pivot and unstack.
 * One key: strings through their dictionary codes (the dictionary is ranked once, never a string
 * per row); integers in a small range through a direct-address table; other numbers (floats,
 * wide-range ints, dates) through an open-addressing hash over the raw 64-bit words. Several keys
 * combine their codes arithmetically (lexicographic, so sorted order survives) and are compacted.
 * Groups come out in sorted key order (as pandas' `sort=True`) or in order of first appearance.
 * Missing keys (null, NaN) get code -1 (`dropna`, the default) or a group of their own, last.
 * @module
 */
import * as arrow from 'apache-arrow';
import { Column as ColumnClass, type Column } from '../frame/column.js';
import { take } from '../frame/column-take.js';
import { fromStrings, fromTyped } from '../frame/column-build.js';
import { float64ToInt64, isBigDtype, isIntegerDtype, type NumericArray } from '../frame/dtypes.js';
import { hashFactorize } from './hash.js';

/** Options of factorization. */
export interface FactorizeOptions {
  /** Groups in sorted key order (default true); false: order of first appearance. */
  sort?: boolean;
  /** Rows with a missing key are dropped (code -1, default true); false: they form a group. */
  dropna?: boolean;
  /**
   * Allow physical codes (default false): a dictionary-encoded string key may then keep its
   * dictionary codes as group codes (no pass to renumber rows) with `order` giving the output order.
   */
  physical?: boolean;
}

/** Codes of one key: code per row (-1 = dropped) and the sorted distinct values. */
export interface KeyCodes {
  codes: Int32Array;
  /** Distinct non-missing values, sorted. */
  uniques: Column;
  /** Number of groups: uniques.length, plus 1 when missing keys form a group (code uniques.length). */
  ngroups: number;
}

/**
 * The groups of one or more keys. Output group r (row r of an aggregated result) is physical group
 * `order[r]` when `order` is set, else r; `codes` and kernels' states use physical ids [0, nphys).
 */
export interface Groups {
  /** Physical group of each row, -1 for rows whose key is missing under dropna. */
  codes: Int32Array;
  /** Number of output groups. */
  ngroups: number;
  /** Number of physical groups (>= ngroups; physical groups outside `order` have no rows). */
  nphys: number;
  /** Output group -> physical group, or null when they are the same. */
  order: Int32Array | null;
  /** Per key: its distinct values (sorted, non-missing). */
  uniques: Column[];
  /** Per key: for each group, the code of its value into `uniques[k]` (-1 = the missing key). */
  keyCodes: Int32Array[];
}

/** Largest value range handled by a direct-address table. */
const DIRECT_MAX = 1 << 22;

/**
 * Factorizes one key column to sorted codes.
 * @example
 * factorizeKey(fromValues(['b', 'a', null, 'b'])) // codes [1, 0, -1, 1], uniques ['a', 'b']
 */
export function factorizeKey(col: Column, dropna = true): KeyCodes {
  let r: { codes: Int32Array; uniques: Column; hasMissing: boolean };
  if (col.dtype === 'string') r = factorizeStrings(col);
  else if ((isIntegerDtype(col.dtype) || col.dtype === 'bool' || col.dtype === 'date') && !isBigDtype(col.dtype)) r = factorizeSmallInts(col) ?? hashFactorize(col);
  else if (isBigDtype(col.dtype) || col.dtype === 'datetime') r = factorizeInt64(col) ?? hashFactorize(col);
  else r = hashFactorize(col);
  let ngroups = r.uniques.length;
  if (!dropna && r.hasMissing) {
    const c = r.codes;
    const m = ngroups;
    for (let i = 0; i < c.length; i++) if (c[i] < 0) c[i] = m;
    ngroups++;
  }
  return { codes: r.codes, uniques: r.uniques, ngroups };
}

function factorizeStrings(col: Column): { codes: Int32Array; uniques: Column; hasMissing: boolean } {
  const { codes: dc, dictionary } = col.dictionaryCodes();
  const n = dc.length;
  const D = dictionary.length;
  // Rank every dictionary entry (sorted by UTF-16 code units; a dictionary may repeat a value), then
  // map codes in one pass while marking which ranks occur. Unused entries (rare) are compacted after.
  const pos = new Map<string, number>();
  for (let d = 0; d < D; d++) pos.set(dictionary[d], 0);
  const sorted = [...pos.keys()].sort();
  sorted.forEach((s, r) => pos.set(s, r));
  const rank = new Int32Array(D);
  for (let d = 0; d < D; d++) rank[d] = pos.get(dictionary[d]) as number;
  const used = new Uint8Array(sorted.length);
  const codes = new Int32Array(n);
  let hasMissing = false;
  for (let i = 0; i < n; i++) {
    const c = dc[i];
    if (c < 0) {
      codes[i] = -1;
      hasMissing = true;
    } else {
      const r = rank[c];
      codes[i] = r;
      used[r] = 1;
    }
  }
  let k = 0;
  for (let r = 0; r < used.length; r++) k += used[r];
  if (k !== sorted.length) {
    const remap = new Int32Array(sorted.length).fill(-1);
    let j = 0;
    for (let r = 0; r < used.length; r++) if (used[r]) remap[r] = j++;
    for (let i = 0; i < n; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
    const byRank = new Int32Array(D);
    for (let d = 0; d < D; d++) byRank[d] = remap[rank[d]];
    rank.set(byRank);
  }
  return { codes, uniques: sortedUniques(col, rank, k, sorted, used), hasMissing };
}

/**
 * The distinct strings in sorted order. For a dictionary column this is a dictionary column over
 * the SAME dictionary vector (indices only: no string is re-encoded); else a new UTF-8 column.
 */
function sortedUniques(col: Column, rank: Int32Array, k: number, sorted: string[], used: Uint8Array): Column {
  const t = col.data.type;
  if (arrow.DataType.isDictionary(t) && t.indices.bitWidth === 32 && t.indices.isSigned) {
    const idx = new Int32Array(k);
    for (let d = rank.length - 1; d >= 0; d--) if (rank[d] >= 0) idx[rank[d]] = d;
    return new ColumnClass(arrow.makeData({ type: t, length: k, nullCount: 0, data: idx, dictionary: col.data.dictionary }));
  }
  return fromStrings(k === sorted.length ? sorted : sorted.filter((_, r) => used[r]));
}

type Direct = { codes: Int32Array; uniques: Column; hasMissing: boolean };

const isNull = (valid: Uint8Array | null, i: number): boolean => valid !== null && ((valid[i >> 3] >> (i & 7)) & 1) === 0;

/**
 * Direct-address factorization of int8..int32/uint8..uint32/bool/date keys in a small range. When
 * every value of [min, max] occurs, codes are `value - min` (and an int32 key starting at 0 with no
 * nulls is its own codes array: no copy).
 */
function factorizeSmallInts(col: Column): Direct | null {
  const n = col.length;
  const x: ArrayLike<number> = col.dtype === 'bool' ? col.boolBytes() : (col.values as Exclude<NumericArray, BigInt64Array | BigUint64Array>);
  const valid = col.validity;
  if (valid === null && x instanceof Int32Array) return denseInt32(col, x);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (isNull(valid, i)) continue;
    const v = x[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi - lo >= DIRECT_MAX && hi - lo > 2 * n) return null;
  if (n === 0 || lo > hi) return emptyKey(col, n);
  const size = hi - lo + 1;
  const table = new Int32Array(size);
  let hasMissing = false;
  for (let i = 0; i < n; i++) {
    if (isNull(valid, i)) hasMissing = true;
    else table[x[i] - lo] = 1;
  }
  const k = numberTable(table);
  let codes: Int32Array;
  if (k === size && !hasMissing && lo === 0 && x instanceof Int32Array) codes = x;
  else {
    codes = new Int32Array(n);
    if (k === size && !hasMissing) for (let i = 0; i < n; i++) codes[i] = x[i] - lo;
    else for (let i = 0; i < n; i++) codes[i] = isNull(valid, i) ? -1 : table[x[i] - lo];
  }
  return { codes, uniques: take(col, representatives(codes, k)), hasMissing };
}

/** Keys in [0, SMALL) are factorized in ONE pass over the rows (presence marked directly). */
const SMALL = 1 << 16;

/**
 * The int32-without-nulls case of `factorizeSmallInts`, in monomorphic loops (the common key). Keys
 * that all lie in [0, 65536) take one pass (presence only; the range comes from the table); others
 * take a min/max pass first.
 */
function denseInt32(col: Column, x: Int32Array): Direct | null {
  const n = x.length;
  if (n === 0) return emptyKey(col, 0);
  let lo = 0;
  let hi = -1;
  let table: Int32Array | null = new Int32Array(SMALL);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v >>> 16 !== 0) {
      table = null;
      break;
    }
    table[v] = 1;
  }
  if (table !== null) {
    while (table[lo] === 0) lo++;
    hi = SMALL - 1;
    while (table[hi] === 0) hi--;
    table = table.subarray(lo, hi + 1);
  } else {
    lo = x[0];
    hi = x[0];
    for (let i = 1; i < n; i++) {
      const v = x[i];
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    if (hi - lo >= DIRECT_MAX && hi - lo > 2 * n) return null;
    table = new Int32Array(hi - lo + 1);
    for (let i = 0; i < n; i++) table[x[i] - lo] = 1;
  }
  const size = hi - lo + 1;
  const k = numberTable(table);
  let codes: Int32Array;
  if (k === size && lo === 0) codes = x;
  else {
    codes = new Int32Array(n);
    if (k === size) for (let i = 0; i < n; i++) codes[i] = x[i] - lo;
    else for (let i = 0; i < n; i++) codes[i] = table[x[i] - lo];
  }
  return { codes, uniques: take(col, representatives(codes, k)), hasMissing: false };
}

/** Direct-address factorization of int64/datetime keys in a small range (reads the two 32-bit words). */
function factorizeInt64(col: Column): Direct | null {
  const n = col.length;
  const v64 = col.values as BigInt64Array;
  const w = new Int32Array(v64.buffer, v64.byteOffset, n * 2);
  const valid = col.validity;
  const uns = col.dtype === 'uint64';
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (isNull(valid, i)) continue;
    const v = (uns ? w[2 * i + 1] >>> 0 : w[2 * i + 1]) * 4294967296 + (w[2 * i] >>> 0);
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi - lo < DIRECT_MAX || hi - lo <= 2 * n) || !Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) return null;
  if (n === 0 || lo > hi) return emptyKey(col, n);
  const table = new Int32Array(hi - lo + 1);
  let hasMissing = false;
  for (let i = 0; i < n; i++) {
    if (isNull(valid, i)) hasMissing = true;
    else table[(uns ? w[2 * i + 1] >>> 0 : w[2 * i + 1]) * 4294967296 + (w[2 * i] >>> 0) - lo] = 1;
  }
  const k = numberTable(table);
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    codes[i] = isNull(valid, i) ? -1 : table[(uns ? w[2 * i + 1] >>> 0 : w[2 * i + 1]) * 4294967296 + (w[2 * i] >>> 0) - lo];
  }
  return { codes, uniques: take(col, representatives(codes, k)), hasMissing };
}

/** Turns a presence table into ascending codes (-1 for absent); returns the number of codes. */
function numberTable(table: Int32Array): number {
  let k = 0;
  for (let j = 0; j < table.length; j++) table[j] = table[j] ? k++ : -1;
  return k;
}

/** One row per code (its first occurrence), to gather the distinct values in the key's dtype. */
function representatives(codes: Int32Array, k: number): Int32Array {
  const rows = new Int32Array(k).fill(-1);
  let left = k;
  for (let i = 0; i < codes.length && left > 0; i++) {
    const c = codes[i];
    if (c >= 0 && rows[c] < 0) {
      rows[c] = i;
      left--;
    }
  }
  return rows;
}

function emptyKey(col: Column, n: number): Direct {
  return { codes: new Int32Array(n).fill(-1), uniques: take(col, []), hasMissing: n > 0 };
}

/**
 * Factorizes several keys into one set of groups (sorted lexicographically, or in order of first
 * appearance with `sort: false`).
 * @example
 * factorizeKeys([fromValues(['a', 'b', 'a']), fromValues([1, 1, 1])]).ngroups // 2
 */
export function factorizeKeys(cols: readonly Column[], opts: FactorizeOptions = {}): Groups {
  const dropna = opts.dropna ?? true;
  if (opts.physical && cols.length === 1) {
    const p = physicalStrings(cols[0], dropna, opts.sort !== false);
    if (p) return p;
  }
  const keys = cols.map((c) => factorizeKey(c, dropna));
  let g: { codes: Int32Array; ngroups: number; keyCodes: Int32Array[] };
  if (keys.length === 1) {
    const k = keys[0];
    const kc = new Int32Array(k.ngroups);
    for (let j = 0; j < k.ngroups; j++) kc[j] = j < k.uniques.length ? j : -1;
    g = { codes: k.codes, ngroups: k.ngroups, keyCodes: [kc] };
  } else g = combine(keys);
  if (opts.sort === false) g = firstSeenOrder(g);
  return { codes: g.codes, ngroups: g.ngroups, nphys: g.ngroups, order: null, uniques: keys.map((k) => k.uniques), keyCodes: g.keyCodes };
}

/**
 * A dictionary-encoded string key grouped by its dictionary codes as they are (no per-row pass to
 * renumber): physical group = dictionary entry, `order` = the used entries in sorted (or first-seen)
 * order. Null when the fast path does not apply (plain strings, a dictionary that repeats a value,
 * missing keys kept as a group).
 */
function physicalStrings(col: Column, dropna: boolean, sort: boolean): Groups | null {
  if (!col.isDictionary) return null;
  const { codes, dictionary } = col.dictionaryCodes();
  const D = dictionary.length;
  const pos = new Map<string, number>();
  for (let d = 0; d < D; d++) pos.set(dictionary[d], d);
  if (pos.size !== D) return null;
  const n = codes.length;
  const used = new Uint8Array(D);
  let missing = false;
  if (sort) {
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c >= 0) used[c] = 1;
      else missing = true;
    }
  }
  let order: Int32Array;
  if (sort) {
    if (missing && !dropna) return null;
    const names = [...pos.keys()].filter((s) => used[pos.get(s) as number]).sort();
    order = Int32Array.from(names, (s) => pos.get(s) as number);
  } else {
    // First appearance: stop scanning once every entry was seen.
    const seen: number[] = [];
    for (let i = 0; i < n && seen.length < D; i++) {
      const c = codes[i];
      if (c < 0) missing = true;
      else if (!used[c]) {
        used[c] = 1;
        seen.push(c);
      }
    }
    if (!dropna && (missing || codes.includes(-1))) return null;
    order = Int32Array.from(seen);
  }
  const k = order.length;
  const t = col.data.type;
  let uniques: Column;
  if (arrow.DataType.isDictionary(t) && t.indices.bitWidth === 32 && t.indices.isSigned) {
    uniques = new ColumnClass(arrow.makeData({ type: t, length: k, nullCount: 0, data: Int32Array.from(order), dictionary: col.data.dictionary }));
  } else uniques = fromStrings(Array.from(order, (d) => dictionary[d]));
  const keyCodes = new Int32Array(k);
  for (let r = 0; r < k; r++) keyCodes[r] = r;
  return { codes, ngroups: k, nphys: D, order, uniques: [uniques], keyCodes: [keyCodes] };
}

/** Lexicographic combination of several keys' codes, compacted to the groups that occur. */
function combine(keys: KeyCodes[]): { codes: Int32Array; ngroups: number; keyCodes: Int32Array[] } {
  const n = keys[0].codes.length;
  let space = 1;
  for (const k of keys) space *= Math.max(1, k.ngroups);
  const comb = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (let j = 0; j < keys.length; j++) {
      const kc = keys[j].codes[i];
      if (kc < 0) {
        c = -1;
        break;
      }
      c = c * keys[j].ngroups + kc;
    }
    comb[i] = c;
  }
  // Compact the combined codes (sorted, so lexicographic order is kept).
  const sub = space <= Math.max(DIRECT_MAX, 2 * n) ? directCompact(comb, space) : hashCompact(comb);
  const keyCodes = keys.map(() => new Int32Array(sub.values.length));
  for (let gi = 0; gi < sub.values.length; gi++) {
    let c = sub.values[gi];
    for (let j = keys.length - 1; j >= 0; j--) {
      const m = keys[j].ngroups;
      const kc = c % m;
      keyCodes[j][gi] = kc < keys[j].uniques.length ? kc : -1;
      c = (c - kc) / m;
    }
  }
  return { codes: sub.codes, ngroups: sub.values.length, keyCodes };
}

function directCompact(comb: Float64Array, space: number): { codes: Int32Array; values: Float64Array } {
  const table = new Int32Array(space);
  for (let i = 0; i < comb.length; i++) if (comb[i] >= 0) table[comb[i]] = 1;
  let k = 0;
  for (let j = 0; j < space; j++) table[j] = table[j] ? k++ : -1;
  const values = new Float64Array(k);
  for (let j = 0; j < space; j++) if (table[j] >= 0) values[table[j]] = j;
  const codes = new Int32Array(comb.length);
  for (let i = 0; i < comb.length; i++) codes[i] = comb[i] < 0 ? -1 : table[comb[i]];
  return { codes, values };
}

function hashCompact(comb: Float64Array): { codes: Int32Array; values: Float64Array } {
  const r = hashFactorize(fromTyped(float64ToInt64(comb.map((v) => (v < 0 ? 0 : v))), maskOf(comb), 'int64'));
  const values = r.uniques.toFloat64();
  return { codes: r.codes, values: Float64Array.from(values) };
}

function maskOf(comb: Float64Array): Uint8Array | null {
  let any = false;
  const bm = new Uint8Array(((comb.length + 63) >> 6) << 3);
  for (let i = 0; i < comb.length; i++) {
    if (comb[i] >= 0) bm[i >> 3] |= 1 << (i & 7);
    else any = true;
  }
  return any ? bm : null;
}

/** Renumbers groups by first appearance (pandas' `sort=False`). */
function firstSeenOrder(g: { codes: Int32Array; ngroups: number; keyCodes: Int32Array[] }): { codes: Int32Array; ngroups: number; keyCodes: Int32Array[] } {
  const remap = new Int32Array(g.ngroups).fill(-1);
  let k = 0;
  const codes = new Int32Array(g.codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = g.codes[i];
    if (c < 0) {
      codes[i] = -1;
      continue;
    }
    if (remap[c] < 0) remap[c] = k++;
    codes[i] = remap[c];
  }
  const keyCodes = g.keyCodes.map((kc) => {
    const out = new Int32Array(k);
    for (let c = 0; c < g.ngroups; c++) if (remap[c] >= 0) out[remap[c]] = kc[c];
    return out;
  });
  return { codes, ngroups: k, keyCodes };
}
