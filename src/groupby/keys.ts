/**
 * Resolving what users group by into key columns: a column name, a Series (aligned on the index),
 * a function of the index label, or an index level ({ level: n | name }, or a name that is an index
 * level and not a column, as pandas).
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromValues } from '../frame/column-build.js';
import { take } from '../frame/column-take.js';
import type { DataFrame } from '../frame/dataframe.js';
import type { Label } from '../frame/label-index.js';
import { MultiIndex } from '../frame/multi-index.js';
import { Series } from '../frame/series.js';
import type { Scalar } from '../frame/dtypes.js';
import { unknownName, ValueError } from '../errors.js';

/** A group key: a column name, a Series, a function of the row label, or an index level. */
export type GroupKey = string | Series | ((label: Label) => Scalar) | { level: number | string };

/** A resolved key: its values per row and its name (null when unnamed). */
export interface ResolvedKey {
  column: Column;
  name: string | null;
  /** The frame column it came from (left out of the aggregated columns), if any. */
  fromColumn: string | null;
}

function levelKey(df: DataFrame, level: number | string): ResolvedKey {
  const idx = df.index;
  if (idx instanceof MultiIndex) {
    const l = idx.levelNumber(level);
    return { column: idx.getLevelValues(l), name: idx.names[l], fromColumn: null };
  }
  if (level === 0 || level === -1 || (typeof level === 'string' && level === idx.name)) return { column: idx.column, name: idx.name, fromColumn: null };
  throw new ValueError(`Level ${JSON.stringify(level)} does not exist: the index has one level${idx.name ? ` named '${idx.name}'` : ''}`);
}

/**
 * Resolves one key against a frame.
 * @example
 * resolveKey(df, 'Sex').name // 'Sex'
 */
export function resolveKey(df: DataFrame, key: GroupKey): ResolvedKey {
  if (typeof key === 'string') {
    if (df.has(key)) return { column: df.column(key), name: key, fromColumn: key };
    if (df.index.names.includes(key)) return levelKey(df, key);
    throw unknownName('column', key, df.columns);
  }
  if (key instanceof Series) {
    if (key.index === df.index || key.index.equals(df.index)) return { column: key.column, name: key.name, fromColumn: null };
    // Align on labels, as pandas: rows whose label the key lacks get a missing key.
    const pos = key.index.getIndexer(df.index.toArray());
    return { column: take(key.column, pos), name: key.name, fromColumn: null };
  }
  if (typeof key === 'function') {
    const labels = df.index.toArray();
    return { column: fromValues(labels.map((l) => key(l))), name: null, fromColumn: null };
  }
  if (typeof key === 'object' && key !== null && 'level' in key) return levelKey(df, key.level);
  throw new ValueError(`Cannot group by ${String(key)}: use a column name, a Series, a function of the index label or { level }`);
}
