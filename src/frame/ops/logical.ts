/**
 * Logical operators on bool Series (`and`, `or`, `xor`, `not`), byte-wise over packed bits. Missing
 * values follow Kleene logic, as pandas' nullable `boolean` dtype: false AND missing is false, true OR
 * missing is true, anything else with a missing value is missing (filters read missing as false).
 * Two Series are aligned on index labels first (a label on one side only gives missing).
 * @module
 */
import { Column } from '../column.js';
import { Series } from '../series.js';
import { TypeError_ } from '../../errors.js';
import { alignSeries, resultName } from './align.js';
import { boolColumn, clearTail, newBits } from './bool-bits.js';

type LogicalOp = 'and' | 'or' | 'xor' | 'not';

/**
 * `s op other` on bool Series (`other` ignored for 'not').
 * @example
 * logical(new Series([true, false]), true, 'and').toArray() // [true, false]
 */
export function logical(s: Series, other: Series | boolean | null, op: LogicalOp): Series {
  if (op === 'not') return s.withColumn(logicalColumns(s.column, null, 'not', s.name ?? ''));
  if (other instanceof Series) {
    const { index, left, right } = alignSeries(s, other);
    return new Series(logicalColumns(left, right, op, s.name ?? ''), { index, name: resultName(s, other) });
  }
  return s.withColumn(logicalColumns(s.column, other, op, s.name ?? ''));
}

interface Bits {
  v: Uint8Array;
  /** Validity; null when every row is valid. */
  m: Uint8Array | null;
}

function bitsOf(c: Column, name: string): Bits {
  if (c.dtype !== 'bool') throw new TypeError_(`Logical operators need bool values; '${name}' is ${c.dtype} (compare it first, e.g. s.gt(0))`);
  return { v: c.values as Uint8Array, m: c.validity };
}

function constBits(b: boolean | null, n: number): Bits {
  const v = newBits(n);
  if (b === true) v.fill(0xff);
  return { v, m: b === null ? newBits(n) : null };
}

/**
 * Kleene logic on bool columns of equal length (or a column and a constant).
 * @example
 * logicalColumns(fromValues([true, null]), false, 'or') // [true, null]
 */
export function logicalColumns(a: Column, b: Column | boolean | null, op: LogicalOp, name = ''): Column {
  const n = a.length;
  const A = bitsOf(a, name);
  const nb = (n + 7) >> 3;
  const out = newBits(n);
  if (op === 'not') {
    for (let j = 0; j < nb; j++) out[j] = ~A.v[j] & 0xff;
    return boolColumn(out, n, A.m ? A.m.slice() : null);
  }
  const B = b instanceof Column ? bitsOf(b, name) : constBits(b, n);
  const av = A.v, bv = B.v;
  const am = A.m, bm = B.m;
  let valid: Uint8Array | null = null;
  if (am !== null || bm !== null) {
    valid = newBits(n);
    for (let j = 0; j < nb; j++) {
      const ma = am ? am[j] : 0xff;
      const mb = bm ? bm[j] : 0xff;
      const x = av[j] & ma;
      const y = bv[j] & mb;
      if (op === 'and') valid[j] = (ma & mb) | (ma & ~x) | (mb & ~y);
      else if (op === 'or') valid[j] = (ma & mb) | x | y;
      else valid[j] = ma & mb;
    }
    clearTail(valid, n);
  }
  switch (op) {
    case 'and': for (let j = 0; j < nb; j++) out[j] = av[j] & bv[j] & (am ? am[j] : 0xff) & (bm ? bm[j] : 0xff); break;
    case 'or': for (let j = 0; j < nb; j++) out[j] = (av[j] & (am ? am[j] : 0xff)) | (bv[j] & (bm ? bm[j] : 0xff)); break;
    default: for (let j = 0; j < nb; j++) out[j] = av[j] ^ bv[j];
  }
  return boolColumn(out, n, valid);
}
