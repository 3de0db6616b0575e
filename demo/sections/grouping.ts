/** Split-apply-combine and reshaping. */
import * as gf from '../../src/index.js';
import { out, quick, section, show, timed } from '../util.js';

export async function grouping(): Promise<void> {
  section('4. groupby, agg, transform');
  const t = await gf.loadPassengers();
  const t2 = t.assign({ Child: t.col('Age').lt(12) });
  show("t.assign({ Child: t.col('Age').lt(12) }).groupby(['Sex', 'Child']).col('Survived').mean()", t2.groupby(['Sex', 'Child']).col('Survived').mean());
  show("t.groupby('Pclass').agg({ Fare: ['mean', 'max'], Age: 'median' })", t.groupby('Pclass').agg({ Fare: ['mean', 'max'], Age: 'median' }));
  const byClass = t.groupby('Pclass').col('Survived').mean();
  await byClass.plot({ kind: 'bar', title: 'Survival rate by class' }).save(out('survival-by-class.svg'));
  await byClass.plot({ kind: 'bar', title: 'Survival rate by class' }).save(out('survival-by-class.png'));

  const w = (await gf.readCsv(gf.vegaDatasetPath('seattle-weather.csv'), { parseDates: ['date'] })).setIndex('date');
  show("w.groupby(w.index.dt.month).agg({ temp_max: 'mean', precipitation: 'max', temp_min: 'min' })   // monthly climatology",
    w.groupby(w.index.dt.month).agg({ temp_max: 'mean', precipitation: 'max', temp_min: 'min' }));
  const standardize = (s: gf.Series): gf.Series => s.sub(s.mean()).div(s.std());
  show("w.groupby(w.index.dt.month).col('temp_max').transform(standardize).head()", w.groupby(w.index.dt.month).col('temp_max').transform(standardize).head());

  section('5. pivotTable, stack and unstack');
  show("t.pivotTable({ index: 'Sex', columns: 'Pclass', values: 'Survived', aggfunc: 'mean' })", t.pivotTable({ index: 'Sex', columns: 'Pclass', values: 'Survived', aggfunc: 'mean' }));
  const mi = gf.MultiIndex.fromProduct([['bar', 'baz', 'foo', 'qux'], ['one', 'two']], { names: ['first', 'second'] });
  const df = new gf.DataFrame({ A: [1, 2, 3, 4, 5, 6, 7, 8], B: [10, 20, 30, 40, 50, 60, 70, 80] }, { index: mi });
  const stacked = df.stack();
  show('df.stack()   // the pandas reshaping docs frame', stacked);
  show('df.unstack()', df.unstack());
  show('df.unstack(0)', df.unstack(0));

  const n = quick ? 200_000 : 10_000_000;
  const keys = new Int32Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    keys[i] = (i * 7919) % 1000;
    v[i] = Math.sin(i);
  }
  const big = new gf.DataFrame({ k: gf.fromTyped(keys), v: gf.fromFloat64(v) });
  await timed(`groupby('k').col('v').mean() on ${n.toLocaleString()} rows, 1,000 groups`, () => big.groupby('k').col('v').mean());
}
