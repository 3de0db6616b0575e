/**
 * `stack` (a column level moves into the row index, innermost) and `unstack` (a row index level
 * moves into the columns). Both work on level codes: unstack spreads rows into a (remaining rows ×
 * level values) grid of cells, stack gathers every (row, column) pair in row-major order. As pandas
 * (before 2.1), stack drops rows that are entirely missing.
 * @module
 */
import type { Column } from '../frame/column.js';
import { concatColumns, fromTyped } from '../frame/column-build.js';
import { take } from '../frame/column-take.js';
import { DataFrame } from '../frame/dataframe.js';
import { Index } from '../frame/label-index.js';
import { MultiIndex, factorizeSorted } from '../frame/multi-index.js';
import { Series } from '../frame/series.js';
import { ValueError } from '../errors.js';
import { factorizeKeys, type Groups } from './factorize.js';
import { cellRows, columnLabels, spreadColumn } from './reshape.js';
import { unifyColumns } from './unify.js';

/** Levels and codes of an index (a flat index becomes one sorted level). */
function levelsOf(idx: Index): { levels: Column[]; codes: Int32Array[]; names: (string | null)[] } {
  if (idx instanceof MultiIndex) return { levels: idx.levels, codes: idx.codes, names: idx.names };
  const f = factorizeSorted(idx.column);
  return { levels: [f.uniques], codes: [f.codes], names: [idx.name] };
}

/** Groups factorized from level codes: for each group, its code into the original level (-1 = null). */
function levelCodes(g: Groups, k: number): Int32Array {
  const u = g.uniques[k].toFloat64();
  return Int32Array.from(g.keyCodes[k], (kc) => (kc < 0 ? -1 : u[kc]));
}

/** Rows of `levels` repeated `times` each (row i -> rows i*times .. i*times+times-1), plus a new level. */
function expandIndex(row: ReturnType<typeof levelsOf>, times: number, newLevel: Column, newCodes: (p: number) => number, newName: string | null, keep: Int32Array): MultiIndex {
  const codes = row.codes.map((c) => {
    const out = new Int32Array(keep.length);
    for (let k = 0; k < keep.length; k++) out[k] = c[Math.floor(keep[k] / times)];
    return out;
  });
  const last = new Int32Array(keep.length);
  for (let k = 0; k < keep.length; k++) last[k] = newCodes(keep[k] % times);
  return new MultiIndex([...row.levels, newLevel], [...codes, last], [...row.names, newName]);
}

/**
 * Moves a column level into the row index: a flat-column frame gives a Series, MultiIndex columns
 * give a frame with the remaining column levels.
 * @example
 * stack(df) // Series indexed by (row labels..., column name)
 */
export function stack(df: DataFrame, level: number | string = -1): DataFrame | Series {
  const n = df.length;
  const row = levelsOf(df.index);
  const ci = df.columnIndex;
  if (!(ci instanceof MultiIndex)) {
    if (level !== -1 && level !== 0 && level !== ci.name) throw new ValueError(`Level ${JSON.stringify(level)} does not exist: the columns have one level`);
    const m = df.columnList.length;
    const all = concatColumns(unifyColumns([...df.columnList]));
    const idx = new Int32Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) idx[i * m + j] = j * n + i;
    const stacked = take(all, idx);
    const valid = stacked.validBytes();
    const x = stacked.dtype === 'string' ? null : stacked.toFloat64();
    let c = 0;
    const keep = new Int32Array(n * m);
    for (let p = 0; p < n * m; p++) if (valid[p] && (x === null || x[p] === x[p])) keep[c++] = p;
    const kept = keep.subarray(0, c);
    const colLevel = factorizeSorted(ci.column);
    const index = expandIndex(row, m, colLevel.uniques, (j) => colLevel.codes[j], ci.name, kept);
    return new Series(take(stacked, kept), { index });
  }
  const l = ci.levelNumber(level);
  const rest = ci.levels.map((_, k) => k).filter((k) => k !== l);
  const restGroups = factorizeKeys(rest.map((k) => fromTyped(ci.codes[k], null, 'int32')), { dropna: false });
  const moved = factorizeKeys([fromTyped(ci.codes[l], null, 'int32')], { dropna: false });
  const nR = restGroups.ngroups;
  const nL = moved.ngroups;
  const colAt = new Int32Array(nR * nL).fill(-1);
  for (let j = 0; j < ci.length; j++) colAt[restGroups.codes[j] * nL + moved.codes[j]] = j;
  const outCols: Column[] = [];
  for (let R = 0; R < nR; R++) {
    const parts: Column[] = [];
    const srcIdx = new Int32Array(n * nL).fill(-1);
    for (let L = 0; L < nL; L++) {
      const j = colAt[R * nL + L];
      if (j < 0) continue;
      for (let i = 0; i < n; i++) srcIdx[i * nL + L] = parts.length * n + i;
      parts.push(df.columnList[j]);
    }
    outCols.push(take(concatColumns(unifyColumns(parts)), srcIdx));
  }
  // Drop rows where every column is missing.
  const present = new Uint8Array(n * nL);
  for (const c of outCols) {
    const v = c.validBytes();
    const x = c.dtype === 'string' ? null : c.toFloat64();
    for (let p = 0; p < present.length; p++) if (v[p] && (x === null || x[p] === x[p])) present[p] = 1;
  }
  let c = 0;
  const keep = new Int32Array(present.length);
  for (let p = 0; p < present.length; p++) if (present[p]) keep[c++] = p;
  const kept = keep.subarray(0, c);
  const movedCodes = levelCodes(moved, 0);
  const index = expandIndex(row, nL, ci.levels[l], (L) => movedCodes[L], ci.names[l], kept);
  const restLabels: Groups = { codes: restGroups.codes, ngroups: nR, nphys: nR, order: null, uniques: rest.map((k) => ci.levels[k]), keyCodes: rest.map((_, r) => levelCodes(restGroups, r)) };
  const labels = columnLabels([], [], restLabels, rest.map((k) => ci.names[k]));
  return DataFrame.fromColumns(labels.names, outCols.map((col) => take(col, kept)), index, labels.index);
}

/**
 * Moves a row index level (default the innermost) into the columns.
 * @example
 * unstack(stacked)    // back to the frame
 * unstack(stacked, 0) // the outer level becomes the columns
 */
export function unstack(obj: DataFrame | Series, level: number | string = -1): DataFrame {
  const idx = obj.index;
  if (!(idx instanceof MultiIndex)) throw new ValueError('unstack needs a MultiIndex on the rows (a flat index has no level to move)');
  const l = idx.levelNumber(level);
  const rest = idx.levels.map((_, k) => k).filter((k) => k !== l);
  const rows = factorizeKeys(rest.map((k) => fromTyped(idx.codes[k], null, 'int32')), { dropna: false });
  const cols = factorizeKeys([fromTyped(idx.codes[l], null, 'int32')], { dropna: false });
  const nr = rows.ngroups;
  const nc = cols.ngroups;
  const cell = cellRows(rows.codes, nr, cols.codes, nc, (a, b) => `Index contains duplicate entries, cannot reshape: ${JSON.stringify(idx.get(b))} appears in rows ${a} and ${b}`);
  // Row labels: the remaining levels, codes of each group.
  const rowCodes = rest.map((_, r) => levelCodes(rows, r));
  const rowIndex = rest.length === 1
    ? new Index(take(idx.levels[rest[0]], rowCodes[0]), { name: idx.names[rest[0]] })
    : new MultiIndex(rest.map((k) => idx.levels[k]), rowCodes, rest.map((k) => idx.names[k]));
  const movedCodes = levelCodes(cols, 0);
  const moved: Groups = { codes: cols.codes, ngroups: nc, nphys: nc, order: null, uniques: [idx.levels[l]], keyCodes: [movedCodes] };
  const movedName = idx.names[l];
  if (obj instanceof Series) {
    const labels = columnLabels([], [], moved, [movedName]);
    return DataFrame.fromColumns(labels.names, spreadColumn(obj.column, cell, nr, nc), rowIndex, labels.index);
  }
  const out: Column[] = [];
  for (const c of obj.columnList) out.push(...spreadColumn(c, cell, nr, nc));
  const ci = obj.columnIndex;
  if (!(ci instanceof MultiIndex)) {
    const labels = columnLabels([obj.columns], [ci.name], moved, [movedName]);
    return DataFrame.fromColumns(labels.names, out, rowIndex, labels.index);
  }
  // MultiIndex columns: append the moved level.
  const m = ci.length;
  const codes = ci.codes.map((cd) => Int32Array.from({ length: m * nc }, (_, p) => cd[Math.floor(p / nc)]));
  codes.push(Int32Array.from({ length: m * nc }, (_, p) => movedCodes[p % nc]));
  const mi = new MultiIndex([...ci.levels, idx.levels[l]], codes, [...ci.names, movedName]);
  const names = Array.from({ length: m * nc }, (_, p) => `${obj.columns[Math.floor(p / nc)]}_${String(idx.levels[l].get(movedCodes[p % nc]))}`);
  return DataFrame.fromColumns(names, out, rowIndex, mi);
}
