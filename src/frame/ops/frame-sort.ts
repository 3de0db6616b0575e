/**
 * DataFrame sorting: by columns (`sortValues`) and by the index (`sortIndex`, a MultiIndex level by
 * level). One argsort over typed keys, then one gather per column.
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import { MultiIndex } from '../multi-index.js';
import { gatherColumns, shareColumn } from './gather.js';
import { gatherIndex } from './gather-index.js';
import type { Column } from '../column.js';
import type { SortOptions } from '../types.js';
import { ValueError } from '../../errors.js';
import { argsort, argsortFloat64 } from './sort.js';
import { fromFloat64 } from '../column-build.js';

function ascendingList(opts: SortOptions, nkeys: number): boolean[] {
  const a = opts.ascending;
  if (Array.isArray(a)) {
    if (a.length !== nkeys) throw new ValueError(`Length of ascending (${a.length}) != number of sort keys (${nkeys})`);
    return a.map((x) => x !== false);
  }
  return new Array<boolean>(nkeys).fill(a !== false);
}

function reorder(df: DataFrame, perm: Int32Array): DataFrame {
  // Already in order (argsort's sorted-input path gives the identity): nothing to move.
  let same = true;
  for (let i = 0; i < perm.length && same; i++) if (perm[i] !== i) same = false;
  if (same) return df;
  return df.withColumns(gatherColumns(df.columnList, perm, false), gatherIndex(df.index, perm));
}

/**
 * Rows sorted by one or more columns: stable, ascending per key (`ascending` one flag or one per key),
 * missing values (null, NaN) last unless `naPosition: 'first'`.
 * @example
 * sortValuesFrame(df, ['Pclass', 'Fare'], { ascending: [true, false] })
 */
export function sortValuesFrame(df: DataFrame, by: string | readonly string[], opts: SortOptions = {}): DataFrame {
  const names = typeof by === 'string' ? [by] : [...by];
  if (names.length === 0) throw new ValueError('sortValues needs at least one column name');
  const keys = names.map((n) => df.column(n));
  const asc = ascendingList(opts, names.length);
  if (keys.length === 1 && keys[0].dtype === 'float64' && keys[0].validity === null) {
    // The sorted key column comes back from the sorted radix keys: one gather fewer.
    const others = df.columnList.filter((c) => c !== keys[0]);
    let movable = others;
    // While the thread team sorts, this thread puts the other columns on shared memory for the gather.
    const { perm, sorted } = argsortFloat64(keys[0], asc[0], opts.naPosition, () => {
      movable = others.map(shareColumn);
    });
    if (sorted) {
      const moved = gatherColumns(movable, perm, false);
      let k = 0;
      const cols = df.columnList.map((c) => (c === keys[0] ? fromFloat64(sorted) : moved[k++]));
      return df.withColumns(cols, gatherIndex(df.index, perm));
    }
    return reorder(df, perm);
  }
  const perm = argsort(keys, { ascending: asc, naPosition: opts.naPosition });
  return reorder(df, perm);
}

/**
 * Rows sorted by the index labels (a MultiIndex by its levels, first level first).
 * @example
 * sortIndexFrame(df, { ascending: false })
 */
export function sortIndexFrame(df: DataFrame, opts: SortOptions = {}): DataFrame {
  const idx = df.index;
  let keys: Column[];
  if (idx instanceof MultiIndex) {
    keys = idx.levels.map((_, l) => idx.getLevelValues(l));
  } else {
    keys = [idx.column];
  }
  const a = opts.ascending;
  const asc = Array.isArray(a) ? ascendingList(opts, keys.length) : new Array<boolean>(keys.length).fill(a !== false);
  const perm = argsort(keys, { ascending: asc, naPosition: opts.naPosition });
  return reorder(df, perm);
}
