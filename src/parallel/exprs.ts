/**
 * Built-in row expressions for partitioned frames: plain data (no closures), so they travel to
 * workers. A predicate keeps rows (`{ col: 'v', op: 'gt', value: 0 }`, `{ col: 'v', op: 'notna' }`);
 * a column expression computes a float64 column (`{ col: 'a', op: 'mul', value: 2 }`,
 * `{ col: 'a', op: 'add', other: 'b' }`). Missing values compare false and give NaN in arithmetic.
 * @module
 */
import type { DataFrame } from '../frame/dataframe.js';
import { alloc } from '../frame/alloc.js';
import { fromFloat64 } from '../frame/column-build.js';
import type { Column } from '../frame/column.js';
import { ValueError } from '../errors.js';

/** A comparison of a column with a value, or a missing-value test. */
export type Predicate =
  | { col: string; op: 'gt' | 'ge' | 'lt' | 'le' | 'eq' | 'ne'; value: number | string }
  | { col: string; op: 'isna' | 'notna' };

/** Arithmetic of a column with a number or another column. */
export type ColumnExpr =
  | { col: string; op: 'add' | 'sub' | 'mul' | 'div'; value: number }
  | { col: string; op: 'add' | 'sub' | 'mul' | 'div'; other: string };

const CMP = new Set(['gt', 'ge', 'lt', 'le', 'eq', 'ne']);
const ARITH = new Set(['add', 'sub', 'mul', 'div']);

/**
 * True when `p` is a built-in predicate.
 * @example
 * isPredicate({ col: 'v', op: 'gt', value: 0 }) // true
 */
export function isPredicate(p: unknown): p is Predicate {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as { col?: unknown; op?: unknown };
  return typeof o.col === 'string' && typeof o.op === 'string' && (CMP.has(o.op) || o.op === 'isna' || o.op === 'notna');
}

/**
 * True when `e` is a built-in column expression.
 * @example
 * isColumnExpr({ col: 'a', op: 'mul', value: 2 }) // true
 */
export function isColumnExpr(e: unknown): e is ColumnExpr {
  if (typeof e !== 'object' || e === null) return false;
  const o = e as { col?: unknown; op?: unknown; value?: unknown; other?: unknown };
  return typeof o.col === 'string' && typeof o.op === 'string' && ARITH.has(o.op) && (typeof o.value === 'number' || typeof o.other === 'string');
}

function cmp(op: string, a: number, b: number): boolean {
  switch (op) {
    case 'gt': return a > b;
    case 'ge': return a >= b;
    case 'lt': return a < b;
    case 'le': return a <= b;
    case 'eq': return a === b;
    default: return a !== b && a === a;
  }
}

/**
 * One byte per row: 1 where the predicate holds.
 * @example
 * predicateMask(df, { col: 'v', op: 'gt', value: 0 })
 */
export function predicateMask(df: DataFrame, pred: Predicate): Uint8Array {
  const col: Column = df.column(pred.col);
  const n = col.length;
  const out = new Uint8Array(n);
  if (pred.op === 'isna' || pred.op === 'notna') {
    const want = pred.op === 'notna' ? 1 : 0;
    if (col.dtype === 'string' || col.dtype === 'bool') {
      const vb = col.validBytes();
      for (let i = 0; i < n; i++) out[i] = vb[i] === want ? 1 : 0;
    } else {
      const x = col.toFloat64();
      for (let i = 0; i < n; i++) out[i] = (x[i] === x[i] ? 1 : 0) === want ? 1 : 0;
    }
    return out;
  }
  const p = pred as Extract<Predicate, { value: unknown }>;
  if (col.dtype === 'string') {
    if (typeof p.value !== 'string') throw new ValueError(`filter: column '${p.col}' holds strings; compare it with a string`);
    const s = col.strings();
    const v = p.value;
    for (let i = 0; i < n; i++) {
      const a = s[i];
      if (a === null) continue;
      const c = a < v ? -1 : a > v ? 1 : 0;
      out[i] = cmp(p.op, c, 0) ? 1 : 0;
    }
    return out;
  }
  if (typeof p.value !== 'number') throw new ValueError(`filter: column '${p.col}' is ${col.dtype}; compare it with a number`);
  const x = col.toFloat64();
  const v = p.value;
  const op = p.op;
  for (let i = 0; i < n; i++) out[i] = cmp(op, x[i], v) ? 1 : 0;
  return out;
}

/**
 * The float64 column of an expression.
 * @example
 * evalColumnExpr(df, { col: 'a', op: 'mul', value: 2 })
 */
export function evalColumnExpr(df: DataFrame, e: ColumnExpr): Column {
  const x = df.column(e.col).toFloat64();
  const n = x.length;
  const out = alloc(Float64Array, n);
  const y = 'other' in e ? df.column(e.other).toFloat64() : null;
  const c = 'value' in e ? e.value : 0;
  switch (e.op) {
    case 'add': for (let i = 0; i < n; i++) out[i] = x[i] + (y ? y[i] : c); break;
    case 'sub': for (let i = 0; i < n; i++) out[i] = x[i] - (y ? y[i] : c); break;
    case 'mul': for (let i = 0; i < n; i++) out[i] = x[i] * (y ? y[i] : c); break;
    case 'div': for (let i = 0; i < n; i++) out[i] = x[i] / (y ? y[i] : c); break;
  }
  return fromFloat64(out);
}
