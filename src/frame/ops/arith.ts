/**
 * Elementwise arithmetic (`s.add(other)` ...): aligned on index labels, nulls propagate (validity
 * bitmaps ANDed), computed in float64 typed-array loops.
 *
 * dtypes, as pandas: int op int stays int64 for add/sub/mul/mod/floordiv/pow (a divisor of 0 in
 * mod/floordiv turns the result into float64 with ±inf/NaN, as pandas does); div and anything with a
 * float gives float64 (float32 when both sides are float32, or float32 and a plain number). Bools count
 * as 0/1 integers (pandas keeps bool for bool+bool; we give int64). Strings support `add` (concatenation).
 * Dates: datetime - datetime gives float64 milliseconds (pandas gives a timedelta), datetime ± number
 * adds milliseconds and stays datetime (a `date` column becomes datetime).
 * int64 exactness: int64 inputs are read through `int64ToFloat64`; when an input or a result is beyond
 * ±2^53 the operation is redone exactly with BigInt (wrapping to 64 bits as numpy does).
 * @module
 */
import { Column } from '../column.js';
import { fromCodes, fromEpochMs, fromStrings, fromTyped } from '../column-build.js';
import { alloc } from '../alloc.js';
import { andValidity, bitmapBytes } from '../bitmap.js';
import { float64ToInt64, isFloatDtype, type DType, type Scalar } from '../dtypes.js';
import { Series } from '../series.js';
import { TypeError_, ValueError } from '../../errors.js';
import type { ArithOp } from '../types.js';
import { alignSeries, resultName } from './align.js';
import { KERNEL_SV, KERNEL_VS, KERNEL_VV, bigOp } from './arith-kernels.js';

const SAFE = 9007199254740991;

/**
 * `s op other`, with `other` a Series (aligned on labels) or a scalar.
 * @example
 * arith(new Series([1, 2]), 10, 'add').toArray() // [11, 12]
 */
export function arith(s: Series, other: Series | Scalar, op: ArithOp): Series {
  if (other instanceof Series) {
    const { index, left, right } = alignSeries(s, other);
    return new Series(arithColumns(left, right, op, s.name ?? ''), { index, name: resultName(s, other) });
  }
  return s.withColumn(arithColumns(s.column, other, op, s.name ?? ''));
}

type Kind = 'int' | 'float' | 'time' | 'string';

function kindOf(d: DType): Kind {
  if (d === 'string') return 'string';
  if (d === 'date' || d === 'datetime') return 'time';
  if (isFloatDtype(d)) return 'float';
  return 'int';
}

function scalarKind(v: Scalar): Kind | null {
  if (v === null) return null;
  if (typeof v === 'string') return 'string';
  if (v instanceof Date) return 'time';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'int';
}

function scalarNumber(v: Scalar): number {
  if (v instanceof Date) return v.getTime();
  return Number(v);
}

/** The float64 view of a column (nulls read NaN; the column's own buffer when it is plain float64). */
function floatView(c: Column): Float64Array {
  return c.dtype === 'float64' && c.validity === null ? (c.values as Float64Array) : c.toFloat64();
}

function hasUnsafe(x: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (x[i] > SAFE || x[i] < -SAFE) return true;
  return false;
}

/**
 * `a op b` on columns of equal length (or a column and a scalar); `reflect` computes `b op a`.
 * @example
 * arithColumns(fromValues([1, 2]), fromValues([3, 4]), 'mul').toArray() // [3, 8]
 */
export function arithColumns(a: Column, b: Column | Scalar, op: ArithOp, name = '', reflect = false): Column {
  const n = a.length;
  const bCol = b instanceof Column ? b : null;
  if (bCol && bCol.length !== n) throw new ValueError(`Cannot combine columns of lengths ${n} and ${bCol.length}`);
  const ka = kindOf(a.dtype);
  const kb = bCol ? kindOf(bCol.dtype) : scalarKind(b as Scalar);
  if (kb === null) return nullColumn(ka === 'int' && op !== 'div' ? 'int64' : ka === 'time' ? 'datetime' : ka === 'string' ? 'string' : 'float64', n);
  if (ka === 'string' || kb === 'string') return stringArith(a, b, op, name, reflect, ka, kb);
  const validity = andValidity(a.validity, bCol ? bCol.validity : null, n);
  let outDtype: DType;
  if (ka === 'time' || kb === 'time') outDtype = timeDtype(ka, kb, op, name, a.dtype, reflect);
  else if (ka === 'int' && kb === 'int' && op !== 'div') outDtype = 'int64';
  else outDtype = a.dtype === 'float32' && (bCol === null || bCol.dtype === 'float32') ? 'float32' : 'float64';

  const fa = floatView(a);
  const fb = bCol ? floatView(bCol) : scalarNumber(b as Scalar);
  if (outDtype === 'int64') {
    const y = reflect ? fa : fb;
    if (op === 'pow' && anyNegative(y, n)) throw new ValueError('Integers to negative integer powers are not allowed.');
    if ((op === 'mod' || op === 'floordiv') && anyZero(y, n, reflect ? a.validity : bCol?.validity ?? null)) outDtype = 'float64';
  }
  const out = alloc(Float64Array, n);
  if (typeof fb === 'number') (reflect ? KERNEL_SV : KERNEL_VS)[op](fa, fb, out, n);
  else KERNEL_VV[op](fa, fb, out, n);

  switch (outDtype) {
    case 'int64': {
      const big = (a.dtype === 'int64' || a.dtype === 'uint64') && hasUnsafe(fa, n)
        || (typeof fb !== 'number' && (bCol?.dtype === 'int64' || bCol?.dtype === 'uint64') && hasUnsafe(fb, n))
        || (typeof fb === 'number' && typeof b === 'bigint' && Math.abs(fb) > SAFE)
        || hasUnsafe(out, n);
      if (big) return bigArith(a, b, op, validity, reflect);
      return fromTyped(float64ToInt64(out, alloc(BigInt64Array, n)), validity, 'int64');
    }
    case 'float32': {
      const o32 = alloc(Float32Array, n);
      o32.set(out);
      return fromTyped(o32, validity, 'float32');
    }
    case 'datetime':
      return fromEpochMs(out);
    default:
      return fromTyped(out, validity, 'float64');
  }
}

function anyNegative(y: Float64Array | number, n: number): boolean {
  if (typeof y === 'number') return y < 0;
  for (let i = 0; i < n; i++) if (y[i] < 0) return true;
  return false;
}

function anyZero(y: Float64Array | number, n: number, valid: Uint8Array | null): boolean {
  if (typeof y === 'number') return y === 0;
  for (let i = 0; i < n; i++) if (y[i] === 0 && (valid === null || ((valid[i >> 3] >> (i & 7)) & 1) === 1)) return true;
  return false;
}

function timeDtype(ka: Kind, kb: Kind, op: ArithOp, name: string, da: DType, reflect: boolean): DType {
  const left = reflect ? kb : ka;
  const right = reflect ? ka : kb;
  if (op === 'sub' && left === 'time' && right === 'time') return 'float64';
  if ((op === 'add' || op === 'sub') && left === 'time' && right !== 'time') return 'datetime';
  if (op === 'add' && right === 'time' && left !== 'time') return 'datetime';
  throw new TypeError_(`Cannot ${op} ${left === 'time' ? 'dates' : 'numbers'} and ${right === 'time' ? 'dates' : 'numbers'} (column '${name}', ${da}); ` +
    'dates support date - date (milliseconds) and date ± milliseconds');
}

/** Exact int64 arithmetic through BigInt, for values beyond ±2^53 (slow path, rare). */
function bigArith(a: Column, b: Column | Scalar, op: ArithOp, validity: Uint8Array | null, reflect: boolean): Column {
  const n = a.length;
  const read = (c: Column): (i: number) => bigint => {
    const v = c.values;
    if (v instanceof BigInt64Array) return (i) => v[i];
    if (v instanceof BigUint64Array) return (i) => BigInt.asIntN(64, v[i]);
    const f = c.toFloat64();
    return (i) => (Number.isNaN(f[i]) ? 0n : BigInt(f[i]));
  };
  const ra = read(a);
  const rb = b instanceof Column ? read(b) : ((c: bigint) => () => c)(BigInt(b as number | bigint | boolean));
  const out = alloc(BigInt64Array, n);
  for (let i = 0; i < n; i++) {
    if (validity !== null && ((validity[i >> 3] >> (i & 7)) & 1) === 0) continue;
    out[i] = reflect ? bigOp(op, rb(i), ra(i)) : bigOp(op, ra(i), rb(i));
  }
  return fromTyped(out, validity, 'int64');
}

/**
 * A column of n nulls of a dtype (float64 nulls also read NaN).
 * @example
 * nullColumn('float64', 3).toArray() // [null, null, null]
 */
export function nullColumn(dtype: DType, n: number): Column {
  if (dtype === 'string') return fromStrings(new Array<null>(n).fill(null), { dictionary: true });
  const valid = alloc(Uint8Array, bitmapBytes(n));
  if (dtype === 'datetime' || dtype === 'int64') return fromTyped(alloc(BigInt64Array, n), valid, dtype);
  const out = alloc(Float64Array, n).fill(NaN);
  return fromTyped(out, valid, 'float64');
}

/** String concatenation (`add`); other operators are a TypeError as in pandas. */
function stringArith(a: Column, b: Column | Scalar, op: ArithOp, name: string, reflect: boolean, ka: Kind, kb: Kind): Column {
  if (op !== 'add' || ka !== kb) {
    throw new TypeError_(`Cannot ${op} ${ka === 'string' ? 'strings' : a.dtype} and ${kb === 'string' ? 'strings' : 'numbers'} (column '${name}'); strings support add (concatenation) only`);
  }
  const cat = (x: string, y: string): string => (reflect ? y + x : x + y);
  if (!(b instanceof Column)) {
    const sfx = b as string;
    if (a.isDictionary) {
      const { codes, dictionary } = a.dictionaryCodes();
      return fromCodes(codes, dictionary.map((d) => cat(d, sfx)));
    }
    return fromStrings(a.strings().map((x) => (x === null ? null : cat(x, sfx))), { dictionary: 'auto' });
  }
  const sa = a.strings();
  const sb = b.strings();
  const out = new Array<string | null>(a.length);
  for (let i = 0; i < out.length; i++) {
    const x = sa[i];
    const y = sb[i];
    out[i] = x === null || y === null ? null : cat(x, y);
  }
  return fromStrings(out, { dictionary: 'auto' });
}
