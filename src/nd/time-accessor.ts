/**
 * `da.dt`: calendar fields of a time DataArray (xarray's `.dt`), read in the array's own CF calendar,
 * so a 360_day array reports day 30 of February. Each field is a DataArray with the same dims and coords.
 * @module
 */
import { TypeError_ } from '../errors.js';
import { NDArray } from './ndarray.js';
import { Variable } from './variable.js';
import type { DataArray } from './dataarray.js';
import { calendarFields, formatCalendarTime, normalizeCalendar, type Calendar, type TimeFields } from '../io/cf/calendar.js';

/** Calendar fields of a time array. */
export class TimeAccessor {
  readonly #da: DataArray;
  readonly #make: (v: Variable) => DataArray;
  /** The calendar the times are counted in. */
  readonly calendar: Calendar;

  /**
   * @example
   * tas.coord('time').dt.year
   */
  constructor(da: DataArray, make: (v: Variable) => DataArray) {
    if (da.dtype !== 'datetime') throw new TypeError_(`.dt needs a time array; this one holds ${da.dtype}`);
    this.#da = da;
    this.#make = make;
    this.calendar = normalizeCalendar(da.variable.encoding.calendar);
  }

  #field(pick: (f: TimeFields) => number): DataArray {
    const ms = this.#da.values.toFloat64();
    const out = new Float64Array(ms.length);
    for (let i = 0; i < ms.length; i++) out[i] = Number.isNaN(ms[i]) ? NaN : pick(calendarFields(ms[i], this.calendar));
    return this.#make(new Variable(this.#da.dims, new NDArray(out, this.#da.shape)));
  }

  /** Year of each time. */
  get year(): DataArray { return this.#field((f) => f.year); }
  /** Month (1-12). */
  get month(): DataArray { return this.#field((f) => f.month); }
  /** Day of the month (1-31; up to 30 in 360_day). */
  get day(): DataArray { return this.#field((f) => f.day); }
  /** Hour (0-23). */
  get hour(): DataArray { return this.#field((f) => f.hour); }
  /** Minute (0-59). */
  get minute(): DataArray { return this.#field((f) => f.minute); }
  /** Second (0-59). */
  get second(): DataArray { return this.#field((f) => f.second); }
  /** ISO-like text of each time in its calendar ('1850-02-30'). */
  strings(): string[] {
    return Array.from(this.#da.values.toFloat64(), (t) => formatCalendarTime(t, this.calendar));
  }
}
