// The element-wise layer on real data (../shared/datasets), reference numbers from pandas 1.5.3
// (/usr/bin/python3): t = pd.read_csv('titanic.csv'); a = pd.read_csv('air_quality_no2_long.csv',
// parse_dates=['date.utc']); each expectation names the pandas expression.
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/index.js';
import type { DataFrame } from '../../src/frame/dataframe.js';
import type { Series } from '../../src/frame/series.js';
import { closeTo, hasShared, shared } from '../helpers.js';

describe.skipIf(!hasShared)('Series ops on titanic and air quality', () => {
  let t: DataFrame;
  let a: DataFrame;
  beforeAll(async () => {
    t = await readCsv(shared('pandas-doc-data/titanic.csv'));
    a = await readCsv(shared('pandas-doc-data/air_quality_no2_long.csv'), { parseDates: ['date.utc'] });
  });

  it('valueCounts and str methods', () => {
    const vc = t.col('Embarked').valueCounts(); // t['Embarked'].value_counts()
    expect(vc.index.toArray()).toEqual(['S', 'C', 'Q']);
    expect(vc.toArray()).toEqual([644, 168, 77]);
    expect(t.col('Name').str.contains('Mrs.', { regex: false }).sum()).toBe(125);
    // .str.split(',').str.get(0).value_counts(): Andersson 9, Sage 7, then five names with 6 (pandas 1.5
    // orders that tie by hash; we keep first appearance, as the brief asks).
    const surnames = t.col('Name').str.splitGet(',', 0).valueCounts().head(7);
    expect(surnames.index.toArray().slice(0, 2)).toEqual(['Andersson', 'Sage']);
    expect(surnames.toArray()).toEqual([9, 7, 6, 6, 6, 6, 6]);
    expect(new Set(surnames.index.toArray().slice(2))).toEqual(new Set(['Panula', 'Skoog', 'Carter', 'Goodwin', 'Johnson']));
    const sex = t.col('Sex').str.upper().valueCounts();
    expect(sex.index.toArray()).toEqual(['MALE', 'FEMALE']);
    expect(sex.toArray()).toEqual([577, 314]);
    expect(t.col('Name').str.len().max()).toBe(82);
    expect(t.col('Cabin').isna().sum()).toBe(687);
  });

  it('arithmetic, comparisons, logical, fillna/round, cumulative', () => {
    expect((t.col('Fare').mul(2).add(1).head(3).toArray() as number[]).every((v, i) => closeTo(v, [15.5, 143.5666, 16.85][i]))).toBe(true);
    expect(t.col('Age').gt(30).sum()).toBe(305); // (t['Age'] > 30).sum()
    expect(t.col('Age').gt(30).and(t.col('Sex').eq('female')).sum()).toBe(103);
    const age = t.col('Age');
    expect(age.fillna(29.69911764705882).round(2).head(6).toArray()).toEqual([22, 38, 26, 35, 35, 29.7]);
    expect(closeTo(age.cumsum().iat(-1) as number, 21205.17, 1e-12)).toBe(true);
    const d = t.col('Fare').diff().iloc({ start: 1, stop: 4 }) as Series; // t['Fare'].diff().iloc[1:4]
    expect((d.toArray() as number[]).every((v, i) => closeTo(v, [64.0333, -63.3583, 45.175000000000004][i]))).toBe(true);
  });

  it('dt fields of parsed UTC timestamps', () => {
    const dt = a.col('date.utc').dt;
    const hours = dt.hour.valueCounts().head(5); // value_counts(): 1: 109, 2: 94, then 7, 8, 9 tied at 88
    expect(hours.index.toArray().slice(0, 2)).toEqual([1, 2]);
    expect(hours.toArray()).toEqual([109, 94, 88, 88, 88]);
    expect(dt.weekday.sum()).toBe(6175);
    expect(dt.month.unique()).toEqual([6, 5]);
  });
});
