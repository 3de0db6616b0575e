/**
 * CF calendars. Reference dates come from cftime (python3-netcdf4's dependency), printed once with:
 *   cftime.num2date([0, 30000, 40000, 60000], 'days since 1500-01-01', 'standard')
 *   -> 1500-01-01, 1582-02-19, 1609-07-17, 1664-04-19
 *   cftime.num2date([0, 59, 60], 'days since 1500-02-28', 'standard') -> 1500-02-28, 1500-04-27, 1500-04-28
 *   cftime.date2num(cftime.DatetimeGregorian(1970,1,1), 'days since 1500-01-01', 'standard') -> 171655
 * Fixed-length calendars are checked by hand (noleap: 365-day years; 360_day: twelve 30-day months).
 */
import { describe, expect, it } from 'vitest';
import { decodeTimes, encodeTimes, formatCalendarTime, calendarFields, toCalendarMs, DataArray, Variable, NDArray } from '../../src/nd/index.js';
import { ValueError } from '../../src/errors.js';

const fmt = (ms: Float64Array, cal: Parameters<typeof formatCalendarTime>[1]): string[] => Array.from(ms, (v) => formatCalendarTime(v, cal));

describe('CF calendars', () => {
  it('standard: Julian before 1582-10-15, Gregorian after (as cftime)', () => {
    expect(fmt(decodeTimes([0, 30000, 40000, 60000], 'days since 1500-01-01', 'standard'), 'standard')).toEqual(['1500-01-01', '1582-02-19', '1609-07-17', '1664-04-19']);
    expect(fmt(decodeTimes([0, 59, 60], 'days since 1500-02-28', 'gregorian'), 'gregorian')).toEqual(['1500-02-28', '1500-04-27', '1500-04-28']);
    expect(encodeTimes(Float64Array.of(0), 'days since 1500-01-01', 'standard').values[0]).toBe(171655);
    // the day after 1582-10-04 (Julian) is 1582-10-15 (Gregorian)
    const d = toCalendarMs({ year: 1582, month: 10, day: 4, hour: 0, minute: 0, second: 0, ms: 0 }, 'standard');
    expect(formatCalendarTime(d + 86_400_000, 'standard')).toBe('1582-10-15');
  });

  it('proleptic_gregorian matches JS Dates; hours since with a time of day', () => {
    const t = decodeTimes([0, 36.5], 'hours since 0850-01-01 00:00:00', 'proleptic_gregorian');
    expect(new Date(t[0]).toISOString()).toBe('0850-01-01T00:00:00.000Z');
    expect(formatCalendarTime(t[1], 'proleptic_gregorian')).toBe('0850-01-02T12:30:00');
  });

  it('noleap / 365_day, all_leap and 360_day', () => {
    expect(fmt(decodeTimes([58, 59, 365], 'days since 2000-01-01', 'noleap'), 'noleap')).toEqual(['2000-02-28', '2000-03-01', '2001-01-01']);
    expect(fmt(decodeTimes([58, 59], 'days since 2001-01-01', 'all_leap'), 'all_leap')).toEqual(['2001-02-28', '2001-02-29']);
    const t = decodeTimes([59, 60, 360], 'days since 1850-01-01', '360_day');
    expect(fmt(t, '360_day')).toEqual(['1850-02-30', '1850-03-01', '1851-01-01']);
    expect(calendarFields(t[0], '360_day')).toMatchObject({ year: 1850, month: 2, day: 30 });
    expect(() => toCalendarMs({ year: 2001, month: 2, day: 29, hour: 0, minute: 0, second: 0, ms: 0 }, 'noleap')).toThrow(/not a date in the noleap calendar/);
  });

  it('da.dt reads year/month/day in the array\'s calendar', () => {
    const ms = decodeTimes([59, 60, 360], 'days since 1850-01-01', '360_day');
    const t = new DataArray(new Variable(['time'], new NDArray(ms, [3], { dtype: 'datetime' }), {}, { calendar: '360_day' }), { name: 'time' });
    expect(t.dt.calendar).toBe('360_day');
    expect(t.dt.year.values.toArray()).toEqual([1850, 1850, 1851]);
    expect(t.dt.month.values.toArray()).toEqual([2, 3, 1]);
    expect(t.dt.day.values.toArray()).toEqual([30, 1, 1]);
    expect(t.dt.strings()).toEqual(['1850-02-30', '1850-03-01', '1851-01-01']);
    expect(() => new DataArray([1, 2]).dt).toThrow(/needs a time array/);
  });

  it('encodes back to the same numbers and picks coarse default units', () => {
    const raw = [0, 1.5, 700];
    for (const cal of ['standard', 'noleap', '360_day'] as const) {
      const ms = decodeTimes(raw, 'days since 1700-03-01', cal);
      expect(Array.from(encodeTimes(ms, 'days since 1700-03-01', cal).values)).toEqual(raw);
    }
    expect(encodeTimes(Float64Array.of(86_400_000 * 3), undefined, 'standard')).toEqual({ values: Float64Array.of(3), units: 'days since 1970-01-01 00:00:00' });
    expect(encodeTimes(Float64Array.of(3_600_000), undefined, 'standard').units).toBe('hours since 1970-01-01 00:00:00');
  });

  it('rejects unknown calendars and ambiguous units', () => {
    expect(() => decodeTimes([0], 'days since 2000-01-01', 'julian_ish')).toThrow(ValueError);
    expect(() => decodeTimes([0], 'months since 2000-01-01', 'standard')).toThrow(/ambiguous/);
    expect(() => decodeTimes([0], 'days since yesterday', 'standard')).toThrow(/Cannot parse the date/);
  });
});
