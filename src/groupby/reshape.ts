/**
 * The shared core of pivot and unstack: given a row group and a column group for every input row,
 * spread value columns into a (row group × column group) grid, refusing duplicate cells; and build
 * the column labels (flat, or a MultiIndex with the value names as the outer level).
 * @module
 */
import type { Column } from '../frame/column.js';
import { fromValues } from '../frame/column-build.js';
import { take } from '../frame/column-take.js';
import { Index } from '../frame/label-index.js';
import { MultiIndex } from '../frame/multi-index.js';
import type { Scalar } from '../frame/dtypes.js';
import { ValueError } from '../errors.js';
import type { Groups } from './factorize.js';

/**
 * The input row of each (row group, column group) cell, -1 where empty. A cell met twice throws a
 * ValueError built by `describe(firstRow, secondRow)`.
 */
export function cellRows(rowCodes: Int32Array, nr: number, colCodes: Int32Array, nc: number, describe: (a: number, b: number) => string): Int32Array {
  if (nr * nc > 2 ** 31 - 1) throw new ValueError(`The reshaped result would have ${nr} x ${nc} cells, more than an Int32 index can address`);
  const cell = new Int32Array(nr * nc).fill(-1);
  for (let i = 0; i < rowCodes.length; i++) {
    const r = rowCodes[i];
    const c = colCodes[i];
    if (r < 0 || c < 0) continue;
    const k = r * nc + c;
    if (cell[k] >= 0) throw new ValueError(describe(cell[k], i));
    cell[k] = i;
  }
  return cell;
}

/** For column group c, the positions of its cells (row-major grid of nr × nc) in `cell`. */
export function columnOf(cell: Int32Array, nr: number, nc: number, c: number): Int32Array {
  const out = new Int32Array(nr);
  for (let r = 0; r < nr; r++) out[r] = cell[r * nc + c];
  return out;
}

/** Spreads one value column: one output column per column group. */
export function spreadColumn(values: Column, cell: Int32Array, nr: number, nc: number): Column[] {
  const out: Column[] = [];
  for (let c = 0; c < nc; c++) out.push(take(values, columnOf(cell, nr, nc, c)));
  return out;
}

/** The label of column group c of each key. */
export function groupLabel(g: Groups, c: number): Scalar[] {
  return g.uniques.map((u, k) => (g.keyCodes[k][c] < 0 ? null : u.get(g.keyCodes[k][c])));
}

/**
 * Column names and labels for `outer` value names (may be empty) × column groups, outer-major.
 * One level -> a flat Index named after the key; several -> a MultiIndex (names joined with '_').
 */
export function columnLabels(outer: readonly (readonly string[])[], outerNames: readonly (string | null)[], g: Groups, keyNames: readonly (string | null)[]): { names: string[]; index: Index } {
  const nc = g.ngroups;
  const nOuter = outer.length ? outer.reduce((a, o) => a * o.length, 1) : 1;
  const total = nOuter * nc;
  const levels: Column[] = [];
  const codes: Int32Array[] = [];
  // Outer levels (value names, aggregation names): outer-major order.
  let repeat = total;
  for (const o of outer) {
    repeat /= o.length;
    const cd = new Int32Array(total);
    for (let i = 0; i < total; i++) cd[i] = Math.floor(i / repeat) % o.length;
    levels.push(fromValues([...o], 'string'));
    codes.push(cd);
  }
  g.uniques.forEach((u, k) => {
    const cd = new Int32Array(total);
    for (let i = 0; i < total; i++) cd[i] = g.keyCodes[k][i % nc];
    levels.push(u);
    codes.push(cd);
  });
  const allNames = [...outerNames, ...keyNames];
  const names: string[] = [];
  for (let i = 0; i < total; i++) {
    const parts = levels.map((lv, l) => (codes[l][i] < 0 ? 'null' : String(labelString(lv.get(codes[l][i])))));
    names.push(parts.join('_'));
  }
  if (new Set(names).size !== names.length) {
    for (let i = 0; i < names.length; i++) names[i] = `${names[i]}#${i}`;
  }
  if (levels.length === 1) return { names, index: new Index(take(levels[0], codes[0]), { name: allNames[0] ?? null }) };
  return { names, index: new MultiIndex(levels, codes, allNames) };
}

function labelString(v: Scalar): string {
  return v instanceof Date ? v.toISOString() : String(v);
}
