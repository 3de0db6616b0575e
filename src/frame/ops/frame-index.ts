/**
 * Moving columns into the row index (`setIndex`) and back (`resetIndex`).
 * @module
 */
import type { DataFrame } from '../dataframe.js';
import { Index, RangeIndex } from '../label-index.js';
import { MultiIndex } from '../multi-index.js';
import type { Column } from '../column.js';
import { ValueError } from '../../errors.js';
import { frameOf } from './frame-select.js';

/**
 * Columns become the row index: one name gives an Index named after it, several a MultiIndex (levels
 * sorted, row order kept). The columns are removed unless `drop: false`.
 * @example
 * setIndex(df, ['Sex', 'Pclass'])
 */
export function setIndex(df: DataFrame, keys: string | readonly string[], opts: { drop?: boolean } = {}): DataFrame {
  const names = typeof keys === 'string' ? [keys] : [...keys];
  if (names.length === 0) throw new ValueError('setIndex needs at least one column name');
  const cols = names.map((n) => df.column(n));
  const index = names.length === 1 ? new Index(cols[0], { name: names[0] }) : MultiIndex.fromArrays(cols, { names });
  const drop = opts.drop ?? true;
  const keep = drop ? df.columns.filter((n) => !names.includes(n)) : df.columns;
  return frameOf(df, keep, keep.map((n) => df.column(n)), index);
}

/**
 * The index becomes leading column(s) and a RangeIndex replaces it (`drop: true` discards it). A
 * column is named after the index (or 'index'; 'level_0' if 'index' is taken); a MultiIndex gives one
 * column per level (unnamed levels: 'level_k').
 * @example
 * resetIndex(df.setIndex('Name'))
 */
export function resetIndex(df: DataFrame, opts: { drop?: boolean } = {}): DataFrame {
  const idx = df.index;
  const range = new RangeIndex(df.length);
  if (opts.drop) return frameOf(df, df.columns, df.columnList, range);
  const names: string[] = [];
  const cols: Column[] = [];
  if (idx instanceof MultiIndex) {
    idx.names.forEach((nm, l) => {
      names.push(nm ?? `level_${l}`);
      cols.push(idx.getLevelValues(l));
    });
  } else {
    names.push(idx.name ?? (df.has('index') ? 'level_0' : 'index'));
    cols.push(idx.column);
  }
  for (const n of names) {
    if (df.has(n)) throw new ValueError(`Cannot insert '${n}': a column of that name already exists (rename it, or resetIndex({ drop: true }))`);
  }
  return frameOf(df, [...names, ...df.columns], [...cols, ...df.columnList], range);
}
