/**
 * Reading the generated inputs: raw little-endian binaries (`.i32`, `.f64`) and JSON string lists.
 * Every contender loads the same files; loading is never timed.
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** An Int32Array from a raw `.i32` file. */
export function readI32(dir: string, name: string): Int32Array {
  const buf = readFileSync(path.join(dir, `${name}.i32`));
  const out = new Int32Array(buf.byteLength / 4);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/** A Float64Array from a raw `.f64` file. */
export function readF64(dir: string, name: string): Float64Array {
  const buf = readFileSync(path.join(dir, `${name}.f64`));
  const out = new Float64Array(buf.byteLength / 8);
  new Uint8Array(out.buffer).set(buf);
  return out;
}

/** A string list from a `.json` file. */
export function readStrings(dir: string, name: string): string[] {
  const v: unknown = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8'));
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw new Error(`${name}.json is not a string list`);
  return v as string[];
}

/** The main table as typed arrays (string key as dictionary codes). */
export interface MainData {
  ikey: Int32Array;
  scodes: Int32Array;
  sdict: string[];
  v: Float64Array;
  w: Float64Array;
}

/** Loads the main table of a data folder. */
export function loadMain(dataDir: string): MainData {
  const d = path.join(dataDir, 'main');
  return { ikey: readI32(d, 'ikey'), scodes: readI32(d, 'skey'), sdict: readStrings(d, 'skey.dict'), v: readF64(d, 'v'), w: readF64(d, 'w') };
}

/** The join table: string keys and a float column x. */
export interface JoinData {
  keys: string[];
  x: Float64Array;
}

/** Loads the join table. */
export function loadJoin(dataDir: string): JoinData {
  const d = path.join(dataDir, 'join');
  return { keys: readStrings(d, 'key'), x: readF64(d, 'x') };
}

/** The pivotTable input: int index key a, int column key b, values x. */
export interface PivotData {
  a: Int32Array;
  b: Int32Array;
  x: Float64Array;
}

/** Loads the pivotTable input. */
export function loadPivot(dataDir: string): PivotData {
  const d = path.join(dataDir, 'pivot');
  return { a: readI32(d, 'a'), b: readI32(d, 'b'), x: readF64(d, 'x') };
}

/** The wide table: id plus value columns c00, c01, ... */
export interface WideData {
  id: Int32Array;
  names: string[];
  cols: Float64Array[];
}

/** The names of the wide table's value columns. */
export function wideNames(n: number): string[] {
  return Array.from({ length: n }, (_, j) => `c${String(j).padStart(2, '0')}`);
}

/** Loads the wide table. */
export function loadWide(dataDir: string, nCols: number): WideData {
  const d = path.join(dataDir, 'wide');
  const names = wideNames(nCols);
  return { id: readI32(d, 'id'), names, cols: names.map((n) => readF64(d, n)) };
}

/** A row-major matrix. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Loads the X and Y matrices of a distance workload (d = 3 or 64). */
export function loadMatrices(dataDir: string, d: 3 | 64): { x: Matrix; y: Matrix } {
  const dir = path.join(dataDir, 'cdist');
  const x = readF64(dir, `x${d}`);
  const y = readF64(dir, `y${d}`);
  return { x: { rows: x.length / d, cols: d, data: x }, y: { rows: y.length / d, cols: d, data: y } };
}

/** Noisy power-law rows: shared x grid and row-major y (rows x points). */
export interface CurveData {
  x: Float64Array;
  y: Float64Array;
  rows: number;
}

/** Loads the curve-fit input. */
export function loadCurves(dataDir: string): CurveData {
  const d = path.join(dataDir, 'curves');
  const x = readF64(d, 'x');
  const y = readF64(d, 'y');
  return { x, y, rows: y.length / x.length };
}
