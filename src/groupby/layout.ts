/**
 * Small shared pieces of grouping: the result index of a set of groups, and the rows of each group
 * (a stable counting sort of the codes).
 * @module
 */
import type { Column } from '../frame/column.js';
import { take } from '../frame/column-take.js';
import { Index } from '../frame/label-index.js';
import { MultiIndex } from '../frame/multi-index.js';

/**
 * The index of a result with one row per group: a flat Index for one key, a MultiIndex for several.
 * @example
 * groupIndex([fromValues(['a', 'b'])], [Int32Array.of(0, 1)], ['k']) // Index ['a', 'b'] named 'k'
 */
export function groupIndex(uniques: readonly Column[], keyCodes: readonly Int32Array[], names: readonly (string | null)[]): Index {
  if (uniques.length === 1) {
    const kc = keyCodes[0];
    let identity = kc.length === uniques[0].length;
    for (let g = 0; identity && g < kc.length; g++) identity = kc[g] === g;
    return new Index(identity ? uniques[0] : take(uniques[0], kc), { name: names[0] ?? null });
  }
  return new MultiIndex([...uniques], [...keyCodes], names);
}

/** Rows of each group: `order[offsets[g] .. offsets[g+1])` are group g's rows, in original order. */
export interface GroupRows {
  order: Int32Array;
  offsets: Int32Array;
}

/**
 * Stable counting sort of rows by group code (rows with code -1 are left out).
 * @example
 * groupRows(Int32Array.of(1, 0, 1), 2) // order [1, 0, 2], offsets [0, 1, 3]
 */
export function groupRows(codes: Int32Array, ngroups: number): GroupRows {
  const offsets = new Int32Array(ngroups + 1);
  const n = codes.length;
  for (let i = 0; i < n; i++) {
    const g = codes[i];
    if (g >= 0) offsets[g + 1]++;
  }
  for (let g = 0; g < ngroups; g++) offsets[g + 1] += offsets[g];
  const fill = offsets.slice(0, ngroups);
  const order = new Int32Array(offsets[ngroups]);
  for (let i = 0; i < n; i++) {
    const g = codes[i];
    if (g >= 0) order[fill[g]++] = i;
  }
  return { order, offsets };
}

/**
 * The rows of output group r (through `order` when groups are physical).
 * @example
 * outputRows(ctx.groups, ctx.rows(), 0)
 */
export function outputRows(groups: { order: Int32Array | null }, rows: GroupRows, r: number): Int32Array {
  return rowsOf(rows, groups.order === null ? r : groups.order[r]);
}

/** The rows of physical group g. */
export function rowsOf(rows: GroupRows, g: number): Int32Array {
  return rows.order.subarray(rows.offsets[g], rows.offsets[g + 1]);
}
