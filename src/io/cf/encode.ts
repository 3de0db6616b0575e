/**
 * CF encoding of one variable for writing: times back to `"<unit> since <date>"` numbers, NaN -> `_FillValue`,
 * values packed with `scale_factor`/`add_offset` into the stored dtype (from the variable's encoding).
 * @module
 */
import { NDArray } from '../../nd/ndarray.js';
import { ctorOf, type NDType } from '../../nd/dtype.js';
import type { Attrs, Encoding } from '../../nd/variable.js';
import { encodeTimes } from './time.js';
import { normalizeCalendar } from './calendar.js';

/** The on-disk values and attributes of a variable. */
export interface Encoded {
  data: NDArray;
  attrs: Attrs;
  /** Typed fill value to write as `_FillValue` with the data's dtype (NaN for floats by default), or null. */
  fill: number | null;
}

/**
 * Encodes values and attributes (`encoding` usually comes from reading the file).
 * @example
 * encodeVariable(timeValues, attrs, { units: 'days since 1850-01-01', calendar: 'noleap' })
 */
export function encodeVariable(values: NDArray, attrs: Attrs, encoding: Encoding, opts: { nanFill?: boolean } = {}): Encoded {
  const out: Attrs = { ...attrs };
  if (values.dtype === 'string' || values.dtype === 'bool') {
    return { data: values.dtype === 'bool' ? values.astype('int8') : values, attrs: out, fill: null };
  }
  if (values.dtype === 'datetime') {
    const cal = normalizeCalendar(encoding.calendar ?? 'proleptic_gregorian');
    const ms = values.toFloat64();
    const { values: nums, units } = encodeTimes(ms, encoding.units, cal);
    out.units = units;
    out.calendar = cal;
    const hasNaN = nums.some((v) => Number.isNaN(v));
    return { data: new NDArray(nums, values.shape), attrs: out, fill: hasNaN ? NaN : null };
  }
  const target: NDType = encoding.dtype && encoding.dtype !== 'string' && encoding.dtype !== 'datetime' ? encoding.dtype : values.dtype;
  const scale = encoding.scale_factor ?? 1;
  const offset = encoding.add_offset ?? 0;
  const isFloat = target === 'float32' || target === 'float64';
  let fill: number | null = encoding._FillValue ?? (isFloat && opts.nanFill !== false ? NaN : null);
  if (encoding.missing_value !== undefined) out.missing_value = encoding.missing_value;
  if (encoding.scale_factor !== undefined) out.scale_factor = scale;
  if (encoding.add_offset !== undefined) out.add_offset = offset;
  const scaled = scale !== 1 || offset !== 0;
  if (!scaled && target === values.dtype && (fill === null || Number.isNaN(fill))) {
    return { data: values.contiguous(), attrs: out, fill };
  }
  const x = values.toFloat64();
  const raw = new (ctorOf(target))(x.length);
  const isBig = raw instanceof BigInt64Array || raw instanceof BigUint64Array;
  let sawNaN = false;
  for (let i = 0; i < x.length; i++) {
    let v = x[i];
    if (Number.isNaN(v)) {
      sawNaN = true;
      v = fill ?? NaN;
    } else if (scaled) v = (v - offset) / scale;
    if (!isFloat) v = Math.round(v);
    if (isBig) raw[i] = BigInt(Number.isFinite(v) ? v : 0);
    else raw[i] = v;
  }
  if (!isFloat && sawNaN && (fill === null || Number.isNaN(fill))) {
    fill = target.startsWith('u') ? 2 ** (8 * raw.BYTES_PER_ELEMENT) - 1 : -(2 ** (8 * raw.BYTES_PER_ELEMENT - 1));
    for (let i = 0; i < x.length; i++) if (Number.isNaN(x[i])) raw[i] = (isBig ? BigInt(fill) : fill) as never;
  }
  return { data: new NDArray(raw, values.shape, { dtype: target }), attrs: out, fill };
}
