/**
 * `merge`: database-style joins of two frames on key columns — a hash join over shared integer key
 * codes (merge-keys.ts): the right side is grouped by code once (CSR arrays), then the left rows are
 * streamed through it; every output column is one gather.
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import type { Column } from '../column.js';
import { take } from '../column-take.js';
import { gather, gatherColumns } from './gather.js';
import { RangeIndex } from '../label-index.js';
import { ValueError } from '../../errors.js';
import { alloc } from '../alloc.js';
import { combineCodes, keyCodes } from './merge-keys.js';
import { argsort } from './sort.js';
import { stackColumns } from './concat.js';
import { frameOf } from './frame-select.js';

/** Options of `merge`. */
export interface MergeOptions {
  /** Key column(s) present in both frames (default: the columns they share). */
  on?: string | readonly string[];
  leftOn?: string | readonly string[];
  rightOn?: string | readonly string[];
  /** 'inner' (default), 'left', 'right' or 'outer'. */
  how?: 'inner' | 'left' | 'right' | 'outer';
  /** Added to overlapping non-key column names (default ['_x', '_y']). */
  suffixes?: readonly [string, string];
  /** Sort the result by the keys (outer joins always are, as pandas documents). */
  sort?: boolean;
}

const list = (x: string | readonly string[] | undefined): string[] | undefined => (x === undefined ? undefined : typeof x === 'string' ? [x] : [...x]);

/** Positions of the right rows grouped by code, in right order (CSR). */
function groupRows(codes: Int32Array, card: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(card + 1);
  for (let i = 0; i < codes.length; i++) start[codes[i] + 1]++;
  for (let c = 0; c < card; c++) start[c + 1] += start[c];
  const fill = start.slice(0, card);
  const rows = alloc(Int32Array, codes.length);
  for (let i = 0; i < codes.length; i++) rows[fill[codes[i]]++] = i;
  return { start, rows };
}

/** Output row pairs of streaming `probe` rows through `build` groups (inner, or keeping unmatched probe rows). */
function probeJoin(probe: Int32Array, build: Int32Array, card: number, keepUnmatched: boolean): [Int32Array, Int32Array] {
  const { start, rows } = groupRows(build, card);
  const n = probe.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = probe[i];
    const m = start[c + 1] - start[c];
    total += m === 0 && keepUnmatched ? 1 : m;
  }
  const p = alloc(Int32Array, total);
  const b = alloc(Int32Array, total);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = probe[i];
    const s = start[c];
    const e = start[c + 1];
    if (s === e) {
      if (keepUnmatched) {
        p[o] = i;
        b[o++] = -1;
      }
      continue;
    }
    for (let k = s; k < e; k++) {
      p[o] = i;
      b[o++] = rows[k];
    }
  }
  return [p, b];
}

/** Rank of every code in the sorted order of its key values (nulls last). */
function codeRanks(lcols: Column[], rcols: Column[], lc: Int32Array, rc: Int32Array, card: number): Int32Array {
  // One representative row per code: the first left row with it, else the first right row.
  const seen = new Uint8Array(card);
  const fromLeft: number[] = [];
  const fromRight: number[] = [];
  const codes: number[] = [];
  for (let i = 0; i < lc.length; i++) {
    if (!seen[lc[i]]) {
      seen[lc[i]] = 1;
      fromLeft.push(i);
      codes.push(lc[i]);
    }
  }
  for (let j = 0; j < rc.length; j++) {
    if (!seen[rc[j]]) {
      seen[rc[j]] = 1;
      fromRight.push(j);
      codes.push(rc[j]);
    }
  }
  const keys = lcols.map((l, k) => stackColumns([take(l, fromLeft), take(rcols[k], fromRight)], 'the join key'));
  const order = argsort(keys, { ascending: [true] });
  const rank = new Int32Array(card);
  order.forEach((o, r) => {
    rank[codes[o]] = r;
  });
  return rank;
}

/** Output rows reordered stably by the rank of their key code. */
function sortByKey(li: Int32Array, ri: Int32Array, lc: Int32Array, rc: Int32Array, rank: Int32Array, card: number): [Int32Array, Int32Array] {
  const n = li.length;
  const keyOf = (i: number): number => rank[li[i] >= 0 ? lc[li[i]] : rc[ri[i]]];
  const start = new Int32Array(card + 1);
  for (let i = 0; i < n; i++) start[keyOf(i) + 1]++;
  for (let c = 0; c < card; c++) start[c + 1] += start[c];
  const l2 = alloc(Int32Array, n);
  const r2 = alloc(Int32Array, n);
  for (let i = 0; i < n; i++) {
    const j = start[keyOf(i)]++;
    l2[j] = li[i];
    r2[j] = ri[i];
  }
  return [l2, r2];
}

/**
 * Joins two frames on key columns (pandas `merge`, on columns; the result has a RangeIndex).
 * Row order (pandas >= 2.2, as documented): `inner` and `left` keep the left rows' order (each
 * followed by its matches in right order), `right` keeps the right rows' order, `outer` sorts by the
 * keys; `sort: true` sorts every join by the keys (stable). Missing keys (null, NaN) match each
 * other, as pandas does. Columns: left's, then right's without the shared key columns (`on`, or a
 * `leftOn`/`rightOn` pair with one name, whose values are taken from whichever side matched);
 * other overlapping names get `suffixes`. Keys must be of one kind on both sides (string/number/
 * bool/date); numbers compare by value across int and float dtypes.
 * @example
 * merge(orders, customers, { on: 'customerId', how: 'left' })
 */
export function merge(left: DataFrame, right: DataFrame, opts: MergeOptions = {}): DataFrame {
  const how = opts.how ?? 'inner';
  if (!['inner', 'left', 'right', 'outer'].includes(how)) throw new ValueError(`how must be 'inner', 'left', 'right' or 'outer', got '${String(how)}'`);
  let lk = list(opts.leftOn);
  let rk = list(opts.rightOn);
  const on = list(opts.on);
  if (on && (lk || rk)) throw new ValueError('Pass either on, or leftOn and rightOn, not both');
  if (on) {
    lk = on;
    rk = on;
  } else if (!lk && !rk) {
    lk = left.columns.filter((c) => right.has(c));
    rk = lk;
    if (lk.length === 0) throw new ValueError('No common columns to merge on; pass on, or leftOn and rightOn');
  }
  if (!lk || !rk) throw new ValueError('leftOn and rightOn must be given together');
  if (lk.length !== rk.length || lk.length === 0) throw new ValueError(`leftOn (${lk.length} keys) and rightOn (${rk.length} keys) must name the same number of columns`);
  const [sx, sy] = opts.suffixes ?? ['_x', '_y'];
  const lcols = lk.map((n) => left.column(n));
  const rcols = rk.map((n) => right.column(n));
  const { left: lc, right: rc, card } = combineCodes(lcols.map((c, k) => keyCodes(c, rcols[k], (lk as string[])[k], (rk as string[])[k])));

  let li: Int32Array;
  let ri: Int32Array;
  if (how === 'right') [ri, li] = probeJoin(rc, lc, card, true);
  else [li, ri] = probeJoin(lc, rc, card, how !== 'inner');
  if (how === 'outer') {
    // Right rows no left row matched, appended; then everything ordered by key.
    const seen = new Uint8Array(card);
    for (let i = 0; i < lc.length; i++) seen[lc[i]] = 1;
    let extra = 0;
    for (let j = 0; j < rc.length; j++) extra += seen[rc[j]] ? 0 : 1;
    const l2 = alloc(Int32Array, li.length + extra);
    const r2 = alloc(Int32Array, li.length + extra);
    l2.set(li);
    r2.set(ri);
    let o = li.length;
    for (let j = 0; j < rc.length; j++) {
      if (!seen[rc[j]]) {
        l2[o] = -1;
        r2[o++] = j;
      }
    }
    li = l2;
    ri = r2;
  }
  if (how === 'outer' || opts.sort) [li, ri] = sortByKey(li, ri, lc, rc, codeRanks(lcols, rcols, lc, rc, card), card);
  return assemble(left, right, lk, rk, li, ri, [sx, sy]);
}

/** Output columns: left's (shared keys coalesced), then right's without the shared keys; suffixes on overlaps. */
function assemble(left: DataFrame, right: DataFrame, lk: string[], rk: string[], li: Int32Array, ri: Int32Array, suffixes: [string, string]): DataFrame {
  const shared = new Set(lk.filter((n, k) => rk[k] === n));
  const rightNames = right.columns.filter((n) => !shared.has(n));
  const overlap = new Set(left.columns.filter((n) => !shared.has(n) && rightNames.includes(n)));
  let allLeft = true;
  for (let i = 0; i < li.length && allLeft; i++) if (li[i] < 0) allLeft = false;
  // Left columns (and shared keys when every row has a left match) share one gather plan; so do the right ones.
  const fromLeft = left.columns.filter((n) => allLeft || !shared.has(n));
  const leftCols = gatherColumns(fromLeft.map((n) => left.column(n)), li);
  const rightCols = gatherColumns(rightNames.map((n) => right.column(n)), ri);
  const names: string[] = [];
  const cols: Column[] = [];
  let coalesce: Int32Array | null = null;
  for (const n of left.columns) {
    names.push(overlap.has(n) ? n + suffixes[0] : n);
    if (!shared.has(n) || allLeft) {
      cols.push(leftCols[fromLeft.indexOf(n)]);
      continue;
    }
    // Rows without a left match take the key from the right side.
    if (!coalesce) {
      coalesce = alloc(Int32Array, li.length);
      for (let i = 0; i < li.length; i++) coalesce[i] = li[i] >= 0 ? i : li.length + i;
    }
    const both = stackColumns([gather(left.column(n), li), gather(right.column(n), ri)], `key '${n}'`);
    cols.push(gather(both, coalesce));
  }
  rightNames.forEach((n, k) => {
    names.push(overlap.has(n) ? n + suffixes[1] : n);
    cols.push(rightCols[k]);
  });
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) throw new ValueError(`merge would create two columns named '${dup}'; pass other suffixes`);
  return frameOf(left, names, cols, new RangeIndex(li.length));
}
