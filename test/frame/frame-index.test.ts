import { describe, expect, it } from 'vitest';
import { DataFrame, MultiIndex } from '../../src/frame/dataframe.js';
import { RangeIndex } from '../../src/frame/label-index.js';

// Reference column names from pandas 1.5.3 (/usr/bin/python3), e.g.
// pd.DataFrame({'v':[1,2]}, index=pd.Index(['p','q'], name='key')).reset_index().columns -> ['key', 'v']
describe('setIndex / resetIndex', () => {
  const df = new DataFrame({ k: ['b', 'a', 'b'], j: [2, 1, 1], v: [0.5, 1.5, 2.5] });
  it('one key: a named Index, the column dropped', () => {
    const s = df.setIndex('k');
    expect(s.columns).toEqual(['j', 'v']);
    expect(s.index.name).toBe('k');
    expect(s.index.toArray()).toEqual(['b', 'a', 'b']);
    expect(df.setIndex('k', { drop: false }).columns).toEqual(['k', 'j', 'v']);
    expect(s.loc('a', 'v')).toBe(1.5);
  });
  it('several keys: a MultiIndex keeping row order', () => {
    const s = df.setIndex(['k', 'j']);
    expect(s.index).toBeInstanceOf(MultiIndex);
    expect(s.index.names).toEqual(['k', 'j']);
    expect(s.index.toArray()).toEqual([['b', 2], ['a', 1], ['b', 1]]);
    expect(s.columns).toEqual(['v']);
  });
  it('resetIndex restores the columns and a RangeIndex', () => {
    const back = df.setIndex(['k', 'j']).resetIndex();
    expect(back.columns).toEqual(['k', 'j', 'v']);
    expect(back.toColumns()).toEqual(df.toColumns());
    expect(back.index).toBeInstanceOf(RangeIndex);
    const named = new DataFrame({ v: [1, 2] }, { index: ['p', 'q'] }).resetIndex();
    expect(named.columns).toEqual(['index', 'v']); // pandas ['index', 'v']
    expect(named.col('index').toArray()).toEqual(['p', 'q']);
    expect(new DataFrame({ index: [1, 2] }, { index: ['p', 'q'] }).resetIndex().columns).toEqual(['level_0', 'index']);
    expect(df.setIndex('k').resetIndex({ drop: true }).columns).toEqual(['j', 'v']);
  });
  it('errors name the problem', () => {
    expect(() => df.setIndex('K')).toThrow(/Unknown column 'K'. Did you mean 'k'/);
    expect(() => df.setIndex('k', { drop: false }).resetIndex()).toThrow(/Cannot insert 'k'/);
  });
});
