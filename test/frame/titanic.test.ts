/**
 * The ENCCS pandas lesson's titanic exercises on ../shared/datasets/pandas-doc-data/titanic.csv.
 * Reference numbers from pandas 1.5 (Debian python3-pandas) with:
 *   t = pd.read_csv('titanic.csv', index_col='Name'); m = t['Age'].mean()
 *   t['Age'][:10].mean(); t[t['Age'] > m]['Survived'].mean(); t[t['Age'] < m]['Survived'].mean()
 *   t['SibSp'].unique(); t[t['SibSp'] == 8].index; t.describe()['Age']; t.isna().sum()
 *   len(t.dropna()); len(t.dropna(subset=['Cabin'])); t.index.str.contains('Margaret').sum()
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/io/index.js';
import type { DataFrame } from '../../src/frame/dataframe.js';
import { hasShared, shared } from '../helpers.js';

describe.skipIf(!hasShared)('titanic exercises (pandas lesson)', () => {
  let t: DataFrame;
  beforeAll(async () => {
    t = await readCsv(shared('pandas-doc-data/titanic.csv'), { indexCol: 'Name' });
  });

  it('reads with pandas dtypes and Name as the index', () => {
    expect(t.shape).toEqual([891, 11]);
    expect(t.index.name).toBe('Name');
    expect(t.dtypes).toMatchObject({ PassengerId: 'int64', Survived: 'int64', Pclass: 'int64', Sex: 'string', Age: 'float64', SibSp: 'int64', Fare: 'float64', Cabin: 'string', Embarked: 'string' });
  });

  it('mean age of the first 10 passengers', () => {
    expect(t.col('Age').head(10).mean()).toBe(28.11111111111111);
    expect((t.iloc({ start: 0, stop: 10 }, null) as DataFrame).col('Age').mean()).toBe(28.11111111111111);
  });

  it('survival of passengers older and younger than the mean age', () => {
    const age = t.col('Age');
    const m = age.mean();
    expect(t.filter(age.gt(m)).col('Survived').mean()).toBeCloseTo(0.40606060606060607, 15);
    expect(t.filter(age.lt(m)).col('Survived').mean()).toBe(0.40625);
  });

  it('SibSp values and the seven Sages', () => {
    expect(t.col('SibSp').unique()).toEqual([1, 0, 3, 4, 2, 5, 8]);
    const sages = t.filter(t.col('SibSp').eq(8));
    expect(sages.index.toArray()).toEqual([
      'Sage, Master Thomas Henry', 'Sage, Miss Constance Gladys', 'Sage, Mr. Frederick', 'Sage, Mr. George John Jr',
      'Sage, Miss Stella Anna', 'Sage, Mr. Douglas Bullen', 'Sage, Miss Dorothy Edith "Dolly"',
    ]);
  });

  it('describe() matches pandas for Age', () => {
    const d = t.describe();
    const age = d.col('Age');
    expect(d.index.toArray()).toEqual(['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max']);
    expect(age.at('count')).toBe(714);
    expect(age.at('mean') as number).toBeCloseTo(29.69911764705882, 12);
    expect(age.at('std') as number).toBeCloseTo(14.526497332334044, 12);
    expect(age.at('25%')).toBe(20.125);
    expect(age.at('50%')).toBe(28);
    expect(age.at('75%')).toBe(38);
  });

  it('missing values per column and dropna', () => {
    const missing = t.isna().sum();
    expect(missing.at('Age')).toBe(177);
    expect(missing.at('Cabin')).toBe(687);
    expect(missing.at('Embarked')).toBe(2);
    expect(missing.at('Fare')).toBe(0);
    expect(t.dropna().length).toBe(183);
    expect(t.dropna({ subset: ['Cabin'] }).length).toBe(204);
  });

  it('labels by string matching on the index', () => {
    expect(t.filter(t.index.str.contains('Margaret')).length).toBe(14);
    expect(t.loc('Sage, Mr. Frederick', 'Age')).toBeNull();
  });
});
