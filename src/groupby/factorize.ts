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
import type { Column } from '../frame/column.js';
import { fromTyped } from '../frame/column-build.js';
import { float64ToInt64, isBigDtype, isIntegerDtype } from '../frame/dtypes.js';
import { hashFactorize } from './hash.js';
import { factorizeStrings, physicalStrings } from './factorize-strings.js';
import { DIRECT_MAX, factorizeInt64, factorizeSmallInts } from './factorize-ints.js';
import { physicalInts } from './physical-ints.js';

/** Options of factorization. */
export interface FactorizeOptions {
  /** Groups in sorted key order (default true); false: order of first appearance. */
  sort?: boolean;
  /** Rows with a missing key are dropped (code -1, default true); false: they form a group. */
  dropna?: boolean;
  /**
   * Allow physical codes (default false): a dictionary-encoded string key may then keep its
   * dictionary codes as group codes (no pass to renumber rows), and an int32/int64 key without
   * nulls in a small range its values less their minimum, with `order` giving the output order
   * (worked out lazily: see physical.ts).
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

/**
 * Factorizes several keys into one set of groups (sorted lexicographically, or in order of first
 * appearance with `sort: false`).
 * @example
 * factorizeKeys([fromValues(['a', 'b', 'a']), fromValues([1, 1, 1])]).ngroups // 2
 */
export function factorizeKeys(cols: readonly Column[], opts: FactorizeOptions = {}): Groups {
  const dropna = opts.dropna ?? true;
  if (opts.physical && cols.length === 1) {
    const p = physicalStrings(cols[0], dropna, opts.sort !== false) ?? physicalInts(cols[0], opts.sort !== false);
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
