// Reference values: pandas 1.5.3 (/usr/bin/python3), s.dt.<field> of
// pd.to_datetime(['2020-02-29 13:45:30', '1969-12-31 23:59:59', '2021-12-31', '1900-03-01 06:07:08', '2000-01-01']).
import { describe, expect, it } from 'vitest';
import { Series } from '../../src/frame/series.js';
import { fromTyped } from '../../src/frame/column-build.js';
import { TypeError_ } from '../../src/errors.js';
import { civilFromDays, daysFromCivil } from '../../src/frame/ops/civil.js';

const stamps = ['2020-02-29T13:45:30Z', '1969-12-31T23:59:59Z', '2021-12-31T00:00:00Z', '1900-03-01T06:07:08Z', '2000-01-01T00:00:00Z'];
const s = () => new Series([...stamps.map((x) => new Date(x)), null], { name: 't' });

describe('dt accessor (UTC)', () => {
  it('calendar fields match pandas, null where missing', () => {
    const d = s().dt;
    expect(d.year.toArray()).toEqual([2020, 1969, 2021, 1900, 2000, null]);
    expect(d.month.toArray()).toEqual([2, 12, 12, 3, 1, null]);
    expect(d.day.toArray()).toEqual([29, 31, 31, 1, 1, null]);
    expect(d.dayofyear.toArray()).toEqual([60, 365, 365, 60, 1, null]);
    expect(d.hour.toArray()).toEqual([13, 23, 0, 6, 0, null]);
    expect(d.minute.toArray()).toEqual([45, 59, 0, 7, 0, null]);
    expect(d.second.toArray()).toEqual([30, 59, 0, 8, 0, null]);
    expect(d.weekday.toArray()).toEqual([5, 2, 4, 3, 5, null]);
    expect(d.dayofweek.toArray()).toEqual([5, 2, 4, 3, 5, null]);
    expect(d.quarter.toArray()).toEqual([1, 4, 4, 1, 1, null]);
    expect(d.year.dtype).toBe('int32');
    expect(d.year.name).toBe('t');
  });

  it('date drops the time of day; date columns work too', () => {
    const days = s().dt.date;
    expect(days.dtype).toBe('date');
    expect((days.toArray()[0] as Date).toISOString()).toBe('2020-02-29T00:00:00.000Z');
    expect((days.toArray()[1] as Date).toISOString()).toBe('1969-12-31T00:00:00.000Z');
    const dcol = new Series(fromTyped(Int32Array.of(18321, -1), null, 'date')); // 2020-02-29 and 1969-12-31, by hand
    expect(dcol.dt.month.toArray()).toEqual([2, 12]);
    expect(dcol.dt.weekday.toArray()).toEqual([5, 2]);
  });

  it('civil conversions round-trip over four centuries (checked against Date.UTC)', () => {
    const out = [0, 0, 0];
    const bad: number[] = [];
    for (let z = -50000; z < 100000; z += 37) {
      civilFromDays(z, out);
      if (Date.UTC(out[0], out[1] - 1, out[2]) / 86400000 !== z || daysFromCivil(out[0], out[1], out[2]) !== z) bad.push(z);
    }
    expect(bad).toEqual([]);
  });

  it('refuses non-date values', () => {
    expect(() => new Series([1, 2]).dt).toThrow(TypeError_);
  });
});
