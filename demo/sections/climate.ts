/** Labelled N-d arrays: the xarray lesson's climate exercise on the bundled synthetic tas files. */
import * as gf from '../../src/index.js';
import { out, section, show, timed } from '../util.js';

export async function climate(): Promise<void> {
  section('6. Labelled N-d arrays: monthly temperature in three NetCDF4 files (bundled, synthetic)');
  const ds = await timed('openClimate()   // openMfDataset(datasets/climate/tas_*.nc)', () => gf.openClimate());
  show('ds', ds);
  const tas = ds.get('tas');
  const celsius = tas.sub(273.15);
  const mean = await timed("tas.sub(273.15).mean('time')", () => celsius.mean('time'));
  show("celsius.mean('time')", mean);
  const annual = celsius.groupby('time.year').mean();
  show("celsius.groupby('time.year').mean().mean(['lat', 'lon'])   // global annual means (unweighted)", annual.mean(['lat', 'lon']));
  const sthlm = celsius.sel({ lat: 59.33, lon: 18.07 }, { method: 'nearest' });
  show("celsius.sel({ lat: 59.33, lon: 18.07 }, { method: 'nearest' })   // Stockholm", sthlm.toSeries().head(12));
  await mean.plot({ title: 'Mean near-surface temperature (°C)', center: 0 }).save(out('mean-temperature.svg'));
  await mean.plot({ title: 'Mean near-surface temperature (°C)', center: 0 }).save(out('mean-temperature.png'));
  await sthlm.toSeries().plot({ title: 'Monthly temperature nearest Stockholm (°C)' }).save(out('stockholm.svg'));
  console.log(`  plots: ${out('mean-temperature.svg')} (+ .png), ${out('stockholm.svg')}`);
  const df = mean.toDataFrame();
  show("mean.toDataFrame().head()", df.head());
}
