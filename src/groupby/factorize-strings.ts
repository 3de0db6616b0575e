/**
 * String keys: sorted codes through the dictionary (the dictionary is ranked once, never a string
 * per row), and the physical fast path that keeps a dictionary column's codes as group codes.
 * @module
 */
import * as arrow from 'apache-arrow';
import { Column as ColumnClass, type Column } from '../frame/column.js';
import { fromStrings } from '../frame/column-build.js';
import type { Groups } from './factorize.js';
import { PhysicalGroups } from './physical.js';

/** Sorted codes of a string key (through its dictionary codes). */
export function factorizeStrings(col: Column): { codes: Int32Array; uniques: Column; hasMissing: boolean } {
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

/** Sorted order of each dictionary seen (dictionaries are immutable; cached per dictionary array). */
const ORDER_CACHE = new WeakMap<readonly string[], Int32Array | null>();

/**
 * Dictionary indices in sorted string order (UTF-16 code units), or null when the dictionary
 * repeats a value. Computed once per dictionary.
 */
function dictionaryOrder(dictionary: readonly string[]): Int32Array | null {
  const hit = ORDER_CACHE.get(dictionary);
  if (hit !== undefined) return hit;
  const D = dictionary.length;
  const pos = new Map<string, number>();
  for (let d = 0; d < D; d++) pos.set(dictionary[d], d);
  const out = pos.size !== D ? null : Int32Array.from([...dictionary].sort(), (s) => pos.get(s) as number);
  ORDER_CACHE.set(dictionary, out);
  return out;
}

/**
 * A dictionary-encoded string key grouped by its dictionary codes as they are (no per-row pass to
 * renumber): physical group = dictionary entry, `order` = the used entries in sorted (or first-seen)
 * order. Null when the fast path does not apply (plain strings, a dictionary that repeats a value,
 * missing keys kept as a group).
 */
export function physicalStrings(col: Column, dropna: boolean, sort: boolean): Groups | null {
  if (!col.isDictionary) return null;
  const { codes, dictionary } = col.dictionaryCodes();
  const D = dictionary.length;
  const sortedIdx = dictionaryOrder(dictionary);
  if (sortedIdx === null) return null;
  // Sorted, missing keys dropped: which entries occur is worked out lazily (often from the counts
  // of the aggregation pass itself), so grouping costs no pass over the rows here.
  if (sort && dropna) return new PhysicalGroups(codes, D, true, sortedIdx, (order) => dictionaryUniques(col, dictionary, order));
  const n = codes.length;
  const used = new Uint8Array(D);
  let missing = false;
  let order: Int32Array;
  if (sort) {
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c >= 0) used[c] = 1;
      else missing = true;
    }
    if (missing) return null;
    let k = 0;
    for (let d = 0; d < D; d++) k += used[d];
    order = new Int32Array(k);
    for (let j = 0, r = 0; j < D; j++) if (used[sortedIdx[j]]) order[r++] = sortedIdx[j];
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
  const keyCodes = new Int32Array(k);
  for (let r = 0; r < k; r++) keyCodes[r] = r;
  return { codes, ngroups: k, nphys: D, order, uniques: [dictionaryUniques(col, dictionary, order)], keyCodes: [keyCodes] };
}

/** The keys of dictionary entries `order`: a dictionary column over the same dictionary when possible. */
function dictionaryUniques(col: Column, dictionary: readonly string[], order: Int32Array): Column {
  const t = col.data.type;
  if (arrow.DataType.isDictionary(t) && t.indices.bitWidth === 32 && t.indices.isSigned) {
    return new ColumnClass(arrow.makeData({ type: t, length: order.length, nullCount: 0, data: Int32Array.from(order), dictionary: col.data.dictionary }));
  }
  return fromStrings(Array.from(order, (d) => dictionary[d]));
}
