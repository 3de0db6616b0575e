/**
 * Comparisons (`s.gt(0)`, `s.eq('a')`, `s.isin([...])`) giving bool Series built directly as packed
 * bits. As pandas: a comparison with a missing value is false (`ne` is true); two Series must carry
 * identical labels; strings compare lexicographically (by UTF-16 code units, as JS does), a
 * dictionary-encoded column once per distinct value; dates compare with Date scalars or ISO strings;
 * comparing strings with numbers gives all-false `eq` / all-true `ne` and a TypeError for ordering.
 * @module
 */
import { Column } from '../column.js';
import { Series } from '../series.js';
import { TypeError_, ValueError } from '../../errors.js';
import type { Scalar } from '../dtypes.js';
import type { CompareOp } from '../types.js';
import { resultName } from './align.js';
import { boolColumn, invertBits, newBits, packWhere } from './bool-bits.js';
import { eqVS, eqVV, geVS, geVV, gtVS, gtVV, leVS, ltVS } from './compare-kernels.js';
import { parseIsoUtc } from './civil.js';

/**
 * `s op other` as a bool Series; `op` 'isin' takes a list of values.
 * @example
 * compare(new Series([1, 5, null]), 2, 'gt').toArray() // [false, true, false]
 */
export function compare(s: Series, other: Series | Scalar | readonly Scalar[], op: CompareOp | 'isin'): Series {
  if (op === 'isin') {
    if (!Array.isArray(other)) throw new TypeError_(`isin needs a list of values, got ${String(other)}`);
    return s.withColumn(isinColumn(s.column, other as readonly Scalar[]));
  }
  if (Array.isArray(other)) {
    if (other.length !== s.length) throw new ValueError(`Lengths must match to compare: the Series has ${s.length} rows, the list ${other.length}`);
    other = new Series(other as Scalar[], { index: s.index });
  }
  if (other instanceof Series) {
    if (!(s.index === other.index || s.index.equals(other.index))) {
      throw new ValueError('Can only compare identically-labeled Series objects');
    }
    return s.withColumn(compareColumns(s.column, other.column, op), resultName(s, other));
  }
  return s.withColumn(compareColumns(s.column, other as Scalar, op));
}

type Kind = 'num' | 'string' | 'time';
const kindOf = (c: Column): Kind => (c.dtype === 'string' ? 'string' : c.dtype === 'date' || c.dtype === 'datetime' ? 'time' : 'num');

function floatView(c: Column): Float64Array {
  return c.dtype === 'float64' && c.validity === null ? (c.values as Float64Array) : c.toFloat64();
}

/**
 * Compares a column with a column of the same length or a scalar; the result has no nulls.
 * @example
 * compareColumns(fromValues(['a', 'b']), 'a', 'eq') // [true, false]
 */
export function compareColumns(a: Column, b: Column | Scalar, op: CompareOp): Column {
  const n = a.length;
  const ka = kindOf(a);
  let bits: Uint8Array;
  if (b instanceof Column) {
    if (b.length !== n) throw new ValueError(`Cannot compare columns of lengths ${n} and ${b.length}`);
    const kb = kindOf(b);
    if (ka !== kb) return mismatch(a.dtype, b.dtype, op, n);
    if (ka === 'string') {
      const sa = a.strings();
      const sb = b.strings();
      const test = stringTest(op);
      bits = packWhere(n, (i) => {
        const x = sa[i];
        const y = sb[i];
        return x !== null && y !== null && test(x, y);
      });
      if (op === 'ne') invertBits(bits, n);
    } else {
      const fa = floatView(a);
      const fb = floatView(b);
      bits = newBits(n);
      switch (op) {
        case 'gt': gtVV(fa, fb, bits, n); break;
        case 'ge': geVV(fa, fb, bits, n); break;
        case 'lt': gtVV(fb, fa, bits, n); break;
        case 'le': geVV(fb, fa, bits, n); break;
        default: eqVV(fa, fb, bits, n); if (op === 'ne') invertBits(bits, n);
      }
    }
    return boolColumn(bits, n);
  }
  if (b === null) {
    // Every comparison with a missing value is false; != is true.
    bits = newBits(n);
    if (op === 'ne') invertBits(bits, n);
    return boolColumn(bits, n);
  }
  let x: number;
  if (ka === 'string') {
    if (typeof b !== 'string') return mismatch(a.dtype, typeof b, op, n);
    return boolColumn(stringScalar(a, b, op), n);
  }
  if (ka === 'time') {
    if (b instanceof Date) x = b.getTime();
    else if (typeof b === 'string') {
      x = parseIsoUtc(b);
      if (Number.isNaN(x)) throw new ValueError(`Cannot compare dates with '${b}': not an ISO date`);
    } else return mismatch(a.dtype, typeof b, op, n);
  } else {
    if (typeof b === 'string' || b instanceof Date) return mismatch(a.dtype, b instanceof Date ? 'date' : 'string', op, n);
    x = Number(b);
  }
  bits = newBits(n);
  const fa = floatView(a);
  switch (op) {
    case 'gt': gtVS(fa, x, bits, n); break;
    case 'ge': geVS(fa, x, bits, n); break;
    case 'lt': ltVS(fa, x, bits, n); break;
    case 'le': leVS(fa, x, bits, n); break;
    default: eqVS(fa, x, bits, n); if (op === 'ne') invertBits(bits, n);
  }
  return boolColumn(bits, n);
}

function mismatch(da: string, db: string, op: CompareOp, n: number): Column {
  if (op !== 'eq' && op !== 'ne') throw new TypeError_(`'${op}' is not supported between ${da} and ${db} values`);
  const bits = newBits(n);
  if (op === 'ne') invertBits(bits, n);
  return boolColumn(bits, n);
}

function stringTest(op: CompareOp): (x: string, y: string) => boolean {
  switch (op) {
    case 'gt': return (x, y) => x > y;
    case 'ge': return (x, y) => x >= y;
    case 'lt': return (x, y) => x < y;
    case 'le': return (x, y) => x <= y;
    default: return (x, y) => x === y;
  }
}

/** String column vs a string: the test runs once per distinct value, then rows read their code. */
function stringScalar(a: Column, b: string, op: CompareOp): Uint8Array {
  const n = a.length;
  const { codes, dictionary } = a.dictionaryCodes();
  const test = stringTest(op === 'ne' ? 'eq' : op);
  const hit = new Uint8Array(dictionary.length);
  for (let k = 0; k < dictionary.length; k++) hit[k] = test(dictionary[k], b) ? 1 : 0;
  const bits = newBits(n);
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c >= 0 && hit[c] === 1) bits[i >> 3] |= 1 << (i & 7);
  }
  if (op === 'ne') invertBits(bits, n);
  return bits;
}

/**
 * True where the value is one of `values` (a null or NaN among them matches missing rows).
 * @example
 * isinColumn(fromValues(['a', 'b', null]), ['b', null]) // [false, true, true]
 */
export function isinColumn(a: Column, values: readonly Scalar[]): Column {
  const n = a.length;
  const wantMissing = values.some((v) => v === null || (typeof v === 'number' && Number.isNaN(v)));
  if (a.dtype === 'string') {
    const want = new Set(values.filter((v): v is string => typeof v === 'string'));
    const { codes, dictionary } = a.dictionaryCodes();
    const hit = Uint8Array.from(dictionary, (d) => (want.has(d) ? 1 : 0));
    return boolColumn(packWhere(n, (i) => (codes[i] < 0 ? wantMissing : hit[codes[i]] === 1)), n);
  }
  const time = a.dtype === 'date' || a.dtype === 'datetime';
  const want = new Set<number>();
  for (const v of values) {
    if (v === null) want.add(NaN);
    else if (v instanceof Date) { if (time) want.add(v.getTime()); }
    else if (typeof v === 'string') { if (time && !Number.isNaN(parseIsoUtc(v))) want.add(parseIsoUtc(v)); }
    else if (!time) want.add(Number(v));
  }
  if (wantMissing) want.add(NaN);
  const f = floatView(a);
  if (want.size === 1) {
    const [x] = want;
    const bits = newBits(n);
    if (Number.isNaN(x)) return boolColumn(packWhere(n, (i) => Number.isNaN(f[i])), n);
    eqVS(f, x, bits, n);
    return boolColumn(bits, n);
  }
  return boolColumn(packWhere(n, (i) => want.has(f[i])), n);
}
