/**
 * CF decoding of one variable: `_FillValue`/`missing_value` -> NaN, `scale_factor`/`add_offset`,
 * and `"<unit> since <date>"` times -> calendar milliseconds ('datetime'). The attributes consumed
 * move to the variable's `encoding`, so writing it back restores the on-disk form.
 * @module
 */
import { NDArray } from '../../nd/ndarray.js';
import type { NDType } from '../../nd/dtype.js';
import type { Attrs, AttrValue, Encoding } from '../../nd/variable.js';
import { decodeTimes, isTimeUnits } from './time.js';
import { normalizeCalendar } from './calendar.js';

/**
 * What decoding a variable does: the function to apply after reading (it may reuse the buffer it is
 * given, which readers pass freshly read), the result dtype, attrs and encoding.
 */
export interface DecodePlan {
  decode: ((a: NDArray) => NDArray) | null;
  dtype: NDType;
  attrs: Attrs;
  encoding: Encoding;
}

function nums(v: AttrValue | undefined): number[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return [v];
  if (typeof v === 'bigint') return [Number(v)];
  if (ArrayBuffer.isView(v)) return Array.from(v as ArrayLike<number | bigint>, Number);
  if (Array.isArray(v)) return v.map(Number);
  return [];
}

/** Replaces `fill` by NaN in place; `indexOf` is a native (vectorised) scan, several times a JS loop. */
function maskFloat32(y: Float32Array, fill: number): void {
  for (let i = y.indexOf(fill); i >= 0; i = y.indexOf(fill, i + 1)) y[i] = NaN;
}

/**
 * Plans the CF decoding of a variable with raw dtype `raw` and attributes `attrs`.
 * @example
 * const plan = planDecode('int16', { scale_factor: 0.01, _FillValue: -999 });
 */
export function planDecode(raw: NDType, attrs: Attrs, opts: { maskAndScale?: boolean; decodeTimes?: boolean } = {}): DecodePlan {
  const rest: Attrs = { ...attrs };
  const encoding: Encoding = { dtype: raw };
  const fills: number[] = [];
  if (opts.maskAndScale !== false && raw !== 'string') {
    for (const key of ['_FillValue', 'missing_value'] as const) {
      if (key in rest) {
        const v = nums(rest[key]);
        if (v.length) encoding[key] = v[0];
        fills.push(...v);
        delete rest[key];
      }
    }
  }
  let scale = 1;
  let offset = 0;
  if (opts.maskAndScale !== false) {
    if ('scale_factor' in rest) { scale = nums(rest.scale_factor)[0] ?? 1; encoding.scale_factor = scale; delete rest.scale_factor; }
    if ('add_offset' in rest) { offset = nums(rest.add_offset)[0] ?? 0; encoding.add_offset = offset; delete rest.add_offset; }
  }
  const isTime = opts.decodeTimes !== false && isTimeUnits(rest.units) && raw !== 'string';
  let units = '';
  let calendar = normalizeCalendar(typeof rest.calendar === 'string' ? rest.calendar : undefined);
  if (isTime) {
    units = rest.units as string;
    calendar = normalizeCalendar(typeof rest.calendar === 'string' ? rest.calendar : undefined);
    encoding.units = units;
    encoding.calendar = calendar;
    delete rest.units;
    delete rest.calendar;
  }
  const masked = fills.length > 0;
  const scaled = scale !== 1 || offset !== 0;
  if (!masked && !scaled && !isTime) return { decode: null, dtype: raw, attrs: rest, encoding };
  const keep32 = raw === 'float32' && !scaled && !isTime;
  const dtype: NDType = isTime ? 'datetime' : keep32 ? 'float32' : 'float64';
  const fillSet = [...new Set(fills.filter((f) => !Number.isNaN(f)))];
  const decode = (a: NDArray): NDArray => {
    if (keep32) {
      // float32 with fill values only: mask in place (the reader hands over a freshly read buffer it owns)
      const c = a.contiguous();
      const y = c.data as Float32Array;
      const f32 = [...new Set(fillSet.map((f) => Math.fround(f)))];
      if (f32.length === 1) maskFloat32(y, f32[0]);
      else if (f32.length > 1) {
        for (let i = 0; i < y.length; i++) if (f32.includes(y[i])) y[i] = NaN;
      }
      return new NDArray(y, a.shape);
    }
    const x = a.toFloat64();
    if (fillSet.length === 1) {
      const f = fillSet[0];
      for (let i = 0; i < x.length; i++) if (x[i] === f) x[i] = NaN;
    } else if (fillSet.length > 1) {
      for (let i = 0; i < x.length; i++) if (fillSet.includes(x[i])) x[i] = NaN;
    }
    if (scaled) for (let i = 0; i < x.length; i++) x[i] = x[i] * scale + offset;
    if (isTime) return new NDArray(decodeTimes(x, units, calendar), a.shape, { dtype: 'datetime' });
    return new NDArray(x, a.shape);
  };
  return { decode, dtype, attrs: rest, encoding };
}
