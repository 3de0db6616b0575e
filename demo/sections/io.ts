/** I/O: Arrow and Parquet files of real flights (vega-datasets), and round trips. */
import * as gf from '../../src/index.js';
import { out, quick, section, show, timed } from '../util.js';

export async function io(): Promise<void> {
  section('11. I/O: Arrow IPC and Parquet (real flight data from vega-datasets)');
  const flights = await timed('readArrow(flights-200k.arrow)', () => gf.readArrow(gf.vegaDatasetPath('flights-200k.arrow')));
  show('flights', flights);
  if (!quick) {
    const big = await timed("readParquet(flights-3m.parquet, { columns: ['delay', 'distance'] })", () => gf.readParquet(gf.vegaDatasetPath('flights-3m.parquet'), { columns: ['delay', 'distance'] }));
    show('  shape', big.shape);
    show("  delay.mean() / distance.max()", [big.col('delay').mean(), big.col('distance').max()]);
  }
  await timed('flights.toParquet(out/flights.parquet)', () => flights.toParquet(out('flights.parquet')));
  const back = await gf.readParquet(out('flights.parquet'));
  show('readParquet(out/flights.parquet).shape', back.shape);
}
