/** Frames: reading, indexing, selection, missing data, tidy vs wide (the ENCCS pandas lesson). */
import * as gf from '../../src/index.js';
import { out, section, show } from '../util.js';

export async function frames(): Promise<void> {
  section('1. DataFrames: read, index, select (bundled titanic-like passenger list)');
  const t = await gf.loadPassengers();
  show("const t = await loadPassengers()   // readCsv(datasetPath('passengers.csv'), { indexCol: 'Name' })", t);
  show('t.dtypes', t.dtypes);
  show("t.col('Age').head(10).mean()", t.col('Age').head(10).mean());
  const age = t.col('Age');
  const m = age.mean();
  show("t.filter(t.col('Age').gt(m)).col('Survived').mean()", t.filter(age.gt(m)).col('Survived').mean());
  show("t.loc(t.index.get(0), ['Age', 'Fare'])", t.loc(t.index.get(0), ['Age', 'Fare']));
  show("t.iloc({ start: 0, stop: 3 }, [3, 4])", t.iloc({ start: 0, stop: 3 }, [3, 4]));
  show("t.col('SibSp').unique()", t.col('SibSp').unique());
  show("t.sortValues(['Pclass', 'Fare'], { ascending: [true, false] }).head(3)", t.sortValues(['Pclass', 'Fare'], { ascending: [true, false] }).head(3));
  show('t.describe()', t.describe());

  section('2. Missing data');
  show('t.isna().sum()', t.isna().sum());
  show('t.dropna().shape', t.dropna().shape);
  show("t.dropna({ subset: ['Cabin'] }).shape", t.dropna({ subset: ['Cabin'] }).shape);
  show("t.fillna({ Age: age.median(), Cabin: 'unknown' }).isna().sum().sum()", t.fillna({ Age: age.median(), Cabin: 'unknown' }).isna().sum().sum());

  section('3. Tidy and wide (real data: Seattle weather from the vega-datasets package)');
  const w = await gf.readCsv(gf.vegaDatasetPath('seattle-weather.csv'), { parseDates: ['date'] });
  show("const w = await readCsv(vegaDatasetPath('seattle-weather.csv'), { parseDates: ['date'] })", w);
  const long = w.melt({ idVars: ['date'], valueVars: ['temp_max', 'temp_min'], varName: 'measure', valueName: 'celsius' });
  show("w.melt({ idVars: ['date'], valueVars: ['temp_max', 'temp_min'], varName: 'measure', valueName: 'celsius' })", long);
  const wide = long.pivot({ index: 'date', columns: 'measure', values: 'celsius' });
  show("long.pivot({ index: 'date', columns: 'measure', values: 'celsius' }).head()", wide.head());
  show("w.col('weather').valueCounts()", w.col('weather').valueCounts());
  await w.setIndex('date').plot({ y: ['temp_max', 'temp_min'], title: 'Seattle daily temperature (°C)' }).save(out('seattle-temperature.svg'));
  await w.setIndex('date').plot({ y: ['temp_max', 'temp_min'], title: 'Seattle daily temperature (°C)' }).save(out('seattle-temperature.png'));
  await t.col('Age').plot({ kind: 'hist', bins: 20, title: 'Passenger ages' }).save(out('passenger-ages.svg'));
  await t.col('Age').plot({ kind: 'hist', bins: 20, title: 'Passenger ages' }).save(out('passenger-ages.png'));
  console.log(`  plots: ${out('seattle-temperature.svg')}, ${out('passenger-ages.svg')} (+ .png)`);
}
