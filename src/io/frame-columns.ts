/**
 * A frame's columns plus (optionally) its index as leading columns, for writers; and the reverse for
 * readers (a column named in the file's metadata becomes the index again).
 * @module
 */
import type { Column } from '../frame/column.js';
import { take } from '../frame/column-take.js';
import type { DataFrame } from '../frame/dataframe.js';
import { Index, RangeIndex } from '../frame/label-index.js';
import { MultiIndex } from '../frame/multi-index.js';
import { ValueError } from '../errors.js';

/** Schema metadata key listing the columns that hold the index (JSON array of names). */
export const INDEX_META_KEY = 'gridframe:index';

/** Named columns to write. */
export interface NamedColumns {
  names: string[];
  cols: Column[];
  /** Names of the leading columns that hold the index (empty when it is not written). */
  indexNames: string[];
}

/**
 * The columns to write: by default the index is written (first) unless it is a plain RangeIndex, as
 * pandas' `index=None` does for Parquet. Unnamed index levels are called `index` / `level_k`.
 * @example
 * writeColumns(df, undefined).names
 */
export function writeColumns(df: DataFrame, index: boolean | undefined): NamedColumns {
  const names = df.columns;
  const cols = [...df.columnList];
  const ix = df.index;
  const want = index ?? !(ix instanceof RangeIndex);
  if (!want) return { names, cols, indexNames: [] };
  let idxNames: string[];
  let idxCols: Column[];
  if (ix instanceof MultiIndex) {
    idxNames = ix.names.map((n, k) => n ?? `level_${k}`);
    idxCols = ix.levels.map((lv, k) => take(lv, ix.codes[k]));
  } else {
    idxNames = [ix.name ?? 'index'];
    idxCols = [ix.column];
  }
  for (const n of idxNames) {
    if (names.includes(n)) throw new ValueError(`Cannot write the index as column '${n}': a column of that name exists; pass index: false or rename it`);
  }
  return { names: [...idxNames, ...names], cols: [...idxCols, ...cols], indexNames: idxNames };
}

/**
 * Splits index columns (named in metadata) off read columns: the frame's parts.
 * @example
 * splitIndex(['k', 'v'], [k, v], ['k']) // { names: ['v'], cols: [v], index: Index over k }
 */
export function splitIndex(names: string[], cols: Column[], indexNames: readonly string[]): { names: string[]; cols: Column[]; index?: Index } {
  const at = indexNames.map((n) => names.indexOf(n));
  if (at.length === 0 || at.some((i) => i < 0)) return { names, cols };
  const keep = names.map((_, i) => i).filter((i) => !at.includes(i));
  const index = at.length === 1
    ? new Index(cols[at[0]], { name: indexNames[0] === 'index' ? null : indexNames[0] })
    : MultiIndex.fromArrays(at.map((i) => cols[i]), { names: [...indexNames] });
  return { names: keep.map((i) => names[i]), cols: keep.map((i) => cols[i]), index };
}

/** Parses the index metadata value (a JSON array of strings), or [] when absent or malformed. */
export function parseIndexMeta(v: string | undefined | null): string[] {
  if (!v) return [];
  try {
    const a: unknown = JSON.parse(v);
    return Array.isArray(a) && a.every((x) => typeof x === 'string') ? (a as string[]) : [];
  } catch {
    return [];
  }
}
