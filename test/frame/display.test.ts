import { describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { DataFrame } from '../../src/frame/dataframe.js';
import { Series } from '../../src/frame/series.js';
import { formatFloats, formatTimes } from '../../src/frame/display/format.js';
import { formatFrame } from '../../src/frame/display/frame.js';

describe('value formatting', () => {
  it('floats as pandas prints a column (pandas 1.5.3 Series.to_string via /usr/bin/python3)', () => {
    expect(formatFloats([22, 38, 7.25])).toEqual(['22.00', '38.00', '7.25']);
    expect(formatFloats([1e-8, 2])).toEqual(['1.000000e-08', '2.000000e+00']);
    expect(formatFloats([1234567.891, 2])).toEqual(['1234567.891', '2.000']);
    expect(formatFloats([0.1, 0.25, NaN])).toEqual(['0.10', '0.25', 'NaN']);
    expect(formatFloats([100, 2])).toEqual(['100.0', '2.0']);
    expect(formatFloats([1 / 3])).toEqual(['0.333333']);
    expect(formatFloats([Infinity, -Infinity, 1])).toEqual(['inf', '-inf', '1.0']);
    // pandas: pd.Series([12345678.5, 1.0]) -> 12345678.5, 1.0; [123456789.123, 1.0] -> 1.234568e+08, 1.000000e+00
    expect(formatFloats([12345678.5, 1])).toEqual(['12345678.5', '1.0']);
    expect(formatFloats([123456789.123, 1])).toEqual(['1.234568e+08', '1.000000e+00']);
  });
  it('dates and datetimes as ISO text', () => {
    expect(formatTimes([Date.UTC(2020, 0, 31)], 'date')).toEqual(['2020-01-31']);
    expect(formatTimes([Date.UTC(2020, 0, 31), Date.UTC(2020, 0, 31, 13, 5, 9)], 'datetime')).toEqual(['2020-01-31 00:00:00', '2020-01-31 13:05:09']);
    expect(formatTimes([Date.UTC(2020, 0, 31, 0, 0, 0, 5), NaN], 'datetime')).toEqual(['2020-01-31 00:00:00.005', '<NA>']);
  });
});

describe('box-drawn tables', () => {
  it('a small frame, exactly', () => {
    const df = new DataFrame({ a: [1, null], b: ['x', 'long text'], c: [0.5, NaN] }, { index: ['p', 'q'] });
    expect(String(df)).toBe([
      'shape: (2, 3)',
      '┌───┬───────┬───────────┬─────────┐',
      '│   │ a     │ b         │ c       │',
      '│   │ int64 │ string    │ float64 │',
      '├───┼───────┼───────────┼─────────┤',
      '│ p │     1 │ x         │     0.5 │',
      '│ q │  <NA> │ long text │     NaN │',
      '└───┴───────┴───────────┴─────────┘',
    ].join('\n'));
    expect(inspect(df)).toBe(String(df));
  });
  it('a Series with a named index', () => {
    const s = new Series([true, null], { name: 'ok', index: new DataFrame({ k: ['u', 'v'] }).setIndex('k').index });
    expect(String(s)).toBe([
      'shape: (2,)',
      '┌───┬──────┐',
      '│ k │ ok   │',
      '│   │ bool │',
      '├───┼──────┤',
      '│ u │ true │',
      '│ v │ <NA> │',
      '└───┴──────┘',
    ].join('\n'));
  });
  it('long frames show the first and last 5 rows around a … row', () => {
    const df = new DataFrame({ v: Array.from({ length: 891 }, (_, i) => i) });
    const lines = String(df).split('\n');
    expect(lines[0]).toBe('shape: (891, 1)');
    expect(lines.length).toBe(1 + 3 + 1 + 11 + 1);
    expect(lines[5]).toBe('│   0 │     0 │');
    expect(lines[10]).toBe('│   … │     … │');
    expect(lines[15]).toBe('│ 890 │   890 │');
  });
  it('wide frames are cut in the middle of the columns to fit 120 characters', () => {
    const cols: Record<string, number[]> = {};
    for (let j = 0; j < 30; j++) cols[`column_${j}`] = [j];
    const lines = String(new DataFrame(cols)).split('\n');
    expect(lines[0]).toBe('shape: (1, 30)');
    for (const l of lines.slice(1)) expect(l.length).toBeLessThanOrEqual(120);
    expect(lines[2]).toContain('column_0 ');
    expect(lines[2]).toContain('column_29 ');
    expect(lines[2]).toContain(' … ');
    expect(lines[2]).not.toContain('column_15 ');
  });
  it('a MultiIndex shows one column per level with its name', () => {
    const df = new DataFrame({ k: ['a', 'b'], j: [1, 2], v: [0.25, 0.5] }).setIndex(['k', 'j']);
    const lines = formatFrame(df).split('\n');
    expect(lines[2]).toBe('│ k │ j │ v       │');
    expect(lines[5]).toBe('│ a │ 1 │    0.25 │');
  });
});
