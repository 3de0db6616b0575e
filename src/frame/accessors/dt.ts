/**
 * `s.dt`: calendar fields of a date or datetime Series, in UTC (gridframe datetimes are UTC epoch
 * milliseconds; there is no time zone support). Computed over the raw buffer with a civil-from-days
 * algorithm — no Date object per row. Fields are int32 (as pandas 2), null where the value is missing.
 * @module
 */
import type { Column } from '../column.js';
import { fromTyped } from '../column-build.js';
import { alloc } from '../alloc.js';
import { TypeError_ } from '../../errors.js';
import type { Index } from '../label-index.js';
import type { Series } from '../series.js';
import { makeSeries } from './series-class.js';
import { MS_PER_DAY, daysFromCivil } from '../ops/civil.js';

type Field = 'year' | 'month' | 'day' | 'dayofyear' | 'quarter' | 'hour' | 'minute' | 'second' | 'millisecond' | 'weekday';

/** Datetime fields of a Series (pandas `Series.dt`). */
export class DatetimeAccessor {
  readonly #col: Column;
  readonly #index: Index;
  readonly #name: string | null;

  /**
   * @example
   * new Series([new Date('2020-03-01')]).dt.month.toArray() // [3]
   */
  constructor(column: Column, index: Index, name: string | null) {
    if (column.dtype !== 'date' && column.dtype !== 'datetime') {
      throw new TypeError_(`Can only use .dt with date or datetime values; '${name ?? ''}' is ${column.dtype} (astype('datetime') first)`);
    }
    this.#col = column;
    this.#index = index;
    this.#name = name;
  }

  /** Days since the epoch and milliseconds into the day; NaN days where missing. */
  #parts(): { days: Float64Array; msOfDay: Float64Array } {
    const c = this.#col;
    const n = c.length;
    const days = alloc(Float64Array, n);
    const msOfDay = alloc(Float64Array, n);
    if (c.dtype === 'date' && c.values instanceof Int32Array) {
      const v = c.values;
      for (let i = 0; i < n; i++) days[i] = v[i];
      const valid = c.validity;
      if (valid) for (let i = 0; i < n; i++) if (((valid[i >> 3] >> (i & 7)) & 1) === 0) days[i] = NaN;
    } else {
      const ms = c.toFloat64();
      for (let i = 0; i < n; i++) {
        const d = Math.floor(ms[i] / MS_PER_DAY);
        days[i] = d;
        msOfDay[i] = ms[i] - d * MS_PER_DAY;
      }
    }
    return { days, msOfDay };
  }

  #field(f: Field): Series {
    const { days, msOfDay } = this.#parts();
    const n = days.length;
    const out = alloc(Int32Array, n);
    for (let i = 0; i < n; i++) {
      const z0 = days[i];
      if (z0 !== z0) continue;
      if (f === 'hour') { out[i] = Math.floor(msOfDay[i] / 3600000); continue; }
      if (f === 'minute') { out[i] = Math.floor(msOfDay[i] / 60000) % 60; continue; }
      if (f === 'second') { out[i] = Math.floor(msOfDay[i] / 1000) % 60; continue; }
      if (f === 'millisecond') { out[i] = msOfDay[i] % 1000; continue; }
      if (f === 'weekday') { out[i] = (((z0 + 3) % 7) + 7) % 7; continue; }
      // civil_from_days (H. Hinnant), inlined.
      const z = z0 + 719468;
      const era = Math.floor(z / 146097);
      const doe = z - era * 146097;
      const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
      const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
      const mp = Math.floor((5 * doy + 2) / 153);
      const m = mp < 10 ? mp + 3 : mp - 9;
      const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
      if (f === 'year') out[i] = y;
      else if (f === 'month') out[i] = m;
      else if (f === 'quarter') out[i] = ((m - 1) / 3 | 0) + 1;
      else if (f === 'day') out[i] = doy - Math.floor((153 * mp + 2) / 5) + 1;
      else out[i] = z0 - daysFromCivil(y, 1, 1) + 1;
    }
    return makeSeries(fromTyped(out, this.#col.validity, 'int32'), this.#index, this.#name);
  }

  /** The year. @example s.dt.year */
  get year(): Series { return this.#field('year'); }
  /** The month, 1-12. */
  get month(): Series { return this.#field('month'); }
  /** The day of the month, 1-31. */
  get day(): Series { return this.#field('day'); }
  /** The day of the year, 1-366. */
  get dayofyear(): Series { return this.#field('dayofyear'); }
  /** Same as `dayofyear`. */
  get dayOfYear(): Series { return this.#field('dayofyear'); }
  /** The quarter, 1-4. */
  get quarter(): Series { return this.#field('quarter'); }
  /** The hour, 0-23 (UTC). */
  get hour(): Series { return this.#field('hour'); }
  /** The minute, 0-59. */
  get minute(): Series { return this.#field('minute'); }
  /** The second, 0-59. */
  get second(): Series { return this.#field('second'); }
  /** The millisecond, 0-999. */
  get millisecond(): Series { return this.#field('millisecond'); }
  /** The day of the week, Monday 0 to Sunday 6 (as pandas). */
  get weekday(): Series { return this.#field('weekday'); }
  /** Same as `weekday`. */
  get dayofweek(): Series { return this.#field('weekday'); }
  /** Same as `weekday`. */
  get dayOfWeek(): Series { return this.#field('weekday'); }

  /** The calendar date (time of day dropped), as a `date` Series. */
  get date(): Series {
    const { days } = this.#parts();
    const n = days.length;
    const out = alloc(Int32Array, n);
    for (let i = 0; i < n; i++) out[i] = days[i] === days[i] ? days[i] : 0;
    return makeSeries(fromTyped(out, this.#col.validity, 'date'), this.#index, this.#name);
  }
}
