/**
 * DataArray <-> pandas-style Series/DataFrame: the dims become a (Multi)Index in C order
 * (the product of the coordinates, as xarray's to_series), and back.
 * Time coordinates in non-standard calendars become ISO strings in the index (a JS Date cannot hold 1850-02-30).
 * @module
 */
import { MultiIndex } from '../frame/multi-index.js';
import { ValueError } from '../errors.js';
import { Series } from '../frame/series.js';
import { DataFrame } from '../frame/dataframe.js';
import { Index, RangeIndex } from '../frame/label-index.js';
import { Column } from '../frame/column.js';
import { fromTyped, fromEpochMs, fromStrings } from '../frame/column-build.js';
import { NDArray } from './ndarray.js';
import { Variable } from './variable.js';
import type { TypedArray } from './dtype.js';
import { DataArray } from './dataarray.js';
import { formatCalendarTime, isRealCalendar, normalizeCalendar } from '../io/cf/calendar.js';

function coordColumn(da: DataArray, dim: string): Column {
  const c = da.coords[dim];
  if (!c || c.dims.length !== 1 || c.dims[0] !== dim) {
    return fromTyped(Float64Array.from({ length: da.sizes[dim] }, (_, i) => i));
  }
  return arrayColumn(c.values, c);
}

function arrayColumn(a: NDArray, c?: Variable): Column {
  const flat = a.flat();
  if (Array.isArray(flat)) return fromStrings(flat);
  if (a.dtype === 'datetime') {
    const cal = normalizeCalendar(c?.encoding.calendar);
    const ms = flat as Float64Array;
    if (isRealCalendar(cal)) return fromEpochMs(ms.slice(), 'datetime');
    return fromStrings(Array.from(ms, (t) => formatCalendarTime(t, cal)));
  }
  if (a.dtype === 'bool') return fromTyped(Uint8Array.from(flat as Uint8Array), null, 'bool');
  return fromTyped((flat as TypedArray).slice());
}

function indexOf(da: DataArray): Index {
  if (da.ndim === 0) throw new ValueError('Cannot convert a 0-d DataArray to a Series');
  if (da.ndim === 1) {
    const d = da.dims[0];
    return da.coords[d] ? new Index(coordColumn(da, d), { name: d }) : new RangeIndex(da.shape[0], { name: d });
  }
  const shape = da.shape;
  const n = da.size;
  const codes: Int32Array[] = [];
  let repeat = n;
  for (let k = 0; k < shape.length; k++) {
    repeat /= shape[k];
    const c = new Int32Array(n);
    const len = shape[k];
    for (let i = 0; i < n; i++) c[i] = Math.floor(i / repeat) % len;
    codes.push(c);
  }
  return new MultiIndex(da.dims.map((d) => coordColumn(da, d)), codes, [...da.dims]);
}

/**
 * The values as a Series indexed by the coordinates of every dim.
 * @example
 * da.toSeries()
 */
export function dataArrayToSeries(da: DataArray): Series {
  return new Series(arrayColumn(da.values), { index: indexOf(da), name: da.name });
}

/**
 * A one-column DataFrame indexed by the dims (the column is the array's name, or `name`).
 * @example
 * da.toDataFrame('tas')
 */
export function dataArrayToFrame(da: DataArray, name?: string): DataFrame {
  const col = name ?? da.name;
  if (!col) throw new ValueError('Cannot convert an unnamed DataArray to a DataFrame; pass a name');
  return new DataFrame({ [col]: arrayColumn(da.values) }, { index: indexOf(da) });
}

function columnToArray(col: Column): NDArray {
  if (col.dtype === 'string') return new NDArray(col.strings().map((s) => s ?? ''), [col.length], { dtype: 'string' });
  if (col.dtype === 'datetime' || col.dtype === 'date') return new NDArray(col.toFloat64(), [col.length], { dtype: 'datetime' });
  return new NDArray(col.toFloat64(), [col.length]);
}

/**
 * A DataArray from a Series: MultiIndex levels become dims and coordinates; absent combinations are NaN.
 * @example
 * DataArray.fromSeries(series)
 */
export function dataArrayFromSeries(s: Series): DataArray {
  const vals = s.column.toFloat64();
  const idx = s.index;
  if (idx instanceof MultiIndex) {
    const names = idx.names.map((nm, i) => nm ?? `level_${i}`);
    const shape = idx.levels.map((l) => l.length);
    const out = new Float64Array(shape.reduce((a, b) => a * b, 1)).fill(NaN);
    const n = vals.length;
    const seen = new Uint8Array(out.length);
    for (let i = 0; i < n; i++) {
      let p = 0;
      for (let k = 0; k < shape.length; k++) {
        const c = idx.codes[k][i];
        if (c < 0) throw new ValueError('Cannot convert a Series with missing index labels to a DataArray');
        p = p * shape[k] + c;
      }
      if (seen[p]) throw new ValueError('Cannot convert a Series with a non-unique MultiIndex to a DataArray');
      seen[p] = 1;
      out[p] = vals[i];
    }
    const coords: Record<string, Variable> = {};
    names.forEach((nm, k) => { coords[nm] = new Variable([nm], columnToArray(idx.levels[k])); });
    return DataArray.fromParts(new Variable(names, new NDArray(out, shape)), coords, s.name);
  }
  const dim = idx.name ?? 'index';
  const coords = idx instanceof RangeIndex ? {} : { [dim]: new Variable([dim], columnToArray(idx.column)) };
  return DataArray.fromParts(new Variable([dim], new NDArray(vals, [vals.length])), coords, s.name);
}
