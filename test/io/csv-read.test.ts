import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/csv-read.js';
import { closeTo, hasShared, shared } from '../helpers.js';
import type { DataFrame } from '../../src/frame/dataframe.js';

/** Sum of a column's non-missing values (a plain loop over the float64 view). */
function sum(df: DataFrame, name: string): number {
  const v = df.column(name).toFloat64();
  let s = 0;
  for (const x of v) if (x === x) s += x;
  return s;
}

// dtypes from /usr/bin/python3 (pandas 1.5.3): pd.read_csv(f).dtypes, with object shown as 'string'.
const PANDAS_DTYPES: Record<string, Record<string, string>> = {
  'titanic.csv': {
    PassengerId: 'int64', Survived: 'int64', Pclass: 'int64', Name: 'string', Sex: 'string', Age: 'float64',
    SibSp: 'int64', Parch: 'int64', Ticket: 'string', Fare: 'float64', Cabin: 'string', Embarked: 'string',
  },
  'air_quality_no2.csv': { datetime: 'string', station_antwerp: 'float64', station_paris: 'float64', station_london: 'float64' },
  'air_quality_long.csv': { city: 'string', country: 'string', 'date.utc': 'string', location: 'string', parameter: 'string', value: 'float64', unit: 'string' },
  'air_quality_no2_long.csv': { city: 'string', country: 'string', 'date.utc': 'string', location: 'string', parameter: 'string', value: 'float64', unit: 'string' },
  'air_quality_pm25_long.csv': { city: 'string', country: 'string', 'date.utc': 'string', location: 'string', parameter: 'string', value: 'float64', unit: 'string' },
  'air_quality_parameters.csv': { id: 'string', description: 'string', name: 'string' },
  'air_quality_stations.csv': { location: 'string', 'coordinates.latitude': 'float64', 'coordinates.longitude': 'float64' },
};
// Shapes and missing counts from pandas: df.shape, df.isna().sum().
const SHAPES: Record<string, [number, number]> = {
  'titanic.csv': [891, 12], 'air_quality_no2.csv': [1035, 4], 'air_quality_long.csv': [5272, 7],
  'air_quality_no2_long.csv': [2068, 7], 'air_quality_pm25_long.csv': [1110, 7], 'air_quality_parameters.csv': [7, 3],
  'air_quality_stations.csv': [66, 3],
};

describe.skipIf(!hasShared)('readCsv on pandas-doc-data', () => {
  for (const [file, dtypes] of Object.entries(PANDAS_DTYPES)) {
    it(`${file} has pandas' dtypes and shape`, async () => {
      const df = await readCsv(shared(`pandas-doc-data/${file}`));
      expect(df.dtypes).toEqual(dtypes);
      expect(df.shape).toEqual(SHAPES[file]);
    });
  }

  it('titanic: values, missing counts, quoted names with commas, dictionary strings', async () => {
    const df = await readCsv(shared('pandas-doc-data/titanic.csv'));
    // pandas: t.Age.isna().sum() == 177, t.Cabin 687, t.Embarked 2; t.Age.sum() == 21205.17; t.Fare.sum() == 28693.9493
    expect(df.column('Age').nullCount).toBe(177);
    expect(df.column('Cabin').nullCount).toBe(687);
    expect(df.column('Embarked').nullCount).toBe(2);
    expect(closeTo(sum(df, 'Age'), 21205.17)).toBe(true);
    expect(closeTo(sum(df, 'Fare'), 28693.9493)).toBe(true);
    expect(df.column('Name').get(1)).toBe('Cumings, Mrs. John Bradley (Florence Briggs Thayer)');
    expect(df.column('Ticket').get(890)).toBe('370376');
    expect(df.column('Sex').isDictionary).toBe(true);
    expect(df.column('Name').isDictionary).toBe(false);
    // pandas: t.Embarked.value_counts() == {'S': 644, 'C': 168, 'Q': 77}
    const emb = df.column('Embarked').strings();
    expect(emb.filter((s) => s === 'S').length).toBe(644);
    expect(emb.filter((s) => s === 'Q').length).toBe(77);
  });

  it('air_quality_no2 with parseDates and indexCol gives a datetime index', async () => {
    const df = await readCsv(shared('pandas-doc-data/air_quality_no2.csv'), { parseDates: ['datetime'], indexCol: 'datetime' });
    // pandas: index dtype datetime64[ns], first 2019-05-07 02:00:00, last 2019-06-21 02:00:00,
    // station_paris.sum() == 27851.5, station_london.isna().sum() == 66
    expect(df.index.dtype).toBe('datetime');
    expect(df.index.name).toBe('datetime');
    expect(df.columns).toEqual(['station_antwerp', 'station_paris', 'station_london']);
    expect((df.index.get(0) as Date).getTime()).toBe(Date.UTC(2019, 4, 7, 2));
    expect((df.index.get(1034) as Date).getTime()).toBe(Date.UTC(2019, 5, 21, 2));
    expect(closeTo(sum(df, 'station_paris'), 27851.5)).toBe(true);
    expect(df.column('station_london').nullCount).toBe(66);
  });

  it('keeps the non-ASCII unit µg/m³ and reads offsets with parseDates', async () => {
    const df = await readCsv(shared('pandas-doc-data/air_quality_long.csv'), { parseDates: ['date.utc'] });
    // pandas: l.unit.unique() == ['µg/m³'], l.value.sum() == 127702.3, first date 2019-06-18 06:00:00+00:00
    expect(new Set(df.column('unit').strings())).toEqual(new Set(['µg/m³']));
    expect(closeTo(sum(df, 'value'), 127702.3)).toBe(true);
    expect(df.column('date.utc').dtype).toBe('datetime');
    expect((df.column('date.utc').get(0) as Date).getTime()).toBe(Date.UTC(2019, 5, 18, 6));
  });
});

describe('readCsv options and syntax', () => {
  it.skipIf(!hasShared)('onProgress reports bytes read of a file', async () => {
    const calls: [number, number][] = [];
    await readCsv(shared('pandas-doc-data/air_quality_stations.csv'), { onProgress: (r, t) => calls.push([r, t]) });
    expect(calls.at(-1)).toEqual([1923, 1923]);
  });

  it('quotes with escaped quotes and embedded newlines, CRLF, BOM', async () => {
    const text = '\uFEFFa,b\r\n1,"say ""hi"""\r\n2,"two\r\nlines"\r\n3,plain\r\n';
    const df = await readCsv(text);
    expect(df.columns).toEqual(['a', 'b']);
    expect(df.column('a').toArray()).toEqual([1, 2, 3]);
    expect(df.column('b').toArray()).toEqual(['say "hi"', 'two\r\nlines', 'plain']);
  });

  it('infers int64, float64 (ints with missing), bool, string; NA strings are missing', async () => {
    const df = await readCsv('i,f,n,b,s\n1,1.5,1,True,x\n2,-2e3,NA,false,y\n3,inf,3,TRUE,\n');
    expect(df.dtypes).toEqual({ i: 'int64', f: 'float64', n: 'float64', b: 'bool', s: 'string' });
    expect(df.column('f').toArray()).toEqual([1.5, -2000, Infinity]);
    expect(df.column('n').toArray()).toEqual([1, null, 3]);
    expect(df.column('b').toArray()).toEqual([true, false, true]);
    expect(df.column('s').toArray()).toEqual(['x', 'y', null]);
  });

  it('int64 beyond 2^53 stays exact', async () => {
    const df = await readCsv('v\n9007199254740993\n-9223372036854775808\n');
    expect(df.column('v').dtype).toBe('int64');
    expect(df.column('v').toArray()).toEqual([9007199254740993n, -9223372036854775808n]);
  });

  it('sep, header: null, names, usecols, nrows, skiprows, naValues, dtype', async () => {
    const text = 'junk line\nx;y;z\n1;a;2.5\n2;b;-\n3;c;4\n';
    const df = await readCsv(text, { sep: ';', skiprows: 1, usecols: ['x', 'z'], nrows: 2, naValues: ['-'], dtype: { x: 'int32' } });
    expect(df.dtypes).toEqual({ x: 'int32', z: 'float64' });
    expect(df.column('z').toArray()).toEqual([2.5, null]);
    const h = await readCsv('1,2\n3,4\n', { header: null });
    expect(h.columns).toEqual(['0', '1']);
    expect(h.column('1').toArray()).toEqual([2, 4]);
    const named = await readCsv('1,2\n3,4\n', { header: null, names: ['p', 'q'] });
    expect(named.column('q').toArray()).toEqual([2, 4]);
  });

  it('parseDates: true infers ISO 8601 columns; offsets convert to UTC', async () => {
    const df = await readCsv('t,d\n2020-01-02T03:04:05.250Z,2020-02-29\n2020-01-02 05:04:05+02:00,\n', { parseDates: true });
    expect(df.dtypes).toEqual({ t: 'datetime', d: 'datetime' });
    expect(df.column('t').toFloat64()[0]).toBe(Date.UTC(2020, 0, 2, 3, 4, 5, 250));
    expect(df.column('t').toFloat64()[1]).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(df.column('d').toArray()).toEqual([new Date(Date.UTC(2020, 1, 29)), null]);
  });

  it('duplicate header names are suffixed as pandas does', async () => {
    const df = await readCsv('a,a,b\n1,2,3\n');
    expect(df.columns).toEqual(['a', 'a.1', 'b']);
  });

  it('float parsing is correctly rounded (matches Number())', async () => {
    const vals = ['0.1', '3.141592653589793', '1e-300', '123456789012345678', '2.2250738585072014e-308', '0.30000000000000004', '-0.0'];
    const df = await readCsv('v\n' + vals.join('\n') + '\n');
    const got = df.column('v').toFloat64();
    vals.forEach((s, i) => expect(Object.is(got[i], Number(s))).toBe(true));
  });
});

describe('readCsv matches pandas on edge cases', () => {
  // Each expectation from /usr/bin/python3: pd.read_csv(io.StringIO(text)) -> dtype, values.
  const cases: [string, string, unknown[]][] = [
    ['a\n 1\n2\n', 'int64', [1, 2]],
    ['a\n1 \n2\n', 'int64', [1, 2]],
    ['a\n 1.5\n2\n', 'float64', [1.5, 2]],
    ['a\n1\n\n2\n', 'int64', [1, 2]],
    ['a\n1e5\n', 'float64', [100000]],
    ['a\n+3\n', 'int64', [3]],
    ['a\n.5\n', 'float64', [0.5]],
    ['a\n5.\n', 'float64', [5]],
    ['a\n0x10\n', 'string', ['0x10']],
    ['a\ninf\n-Infinity\n', 'float64', [Infinity, -Infinity]],
    ['a\n-\n', 'string', ['-']],
    ['a,b\n"",x\n', 'float64', [null]],
  ];
  for (const [text, dtype, values] of cases) {
    it(JSON.stringify(text), async () => {
      const df = await readCsv(text);
      expect(df.columnList[0].dtype).toBe(dtype);
      expect(df.columnList[0].toArray()).toEqual(values);
    });
  }
});
