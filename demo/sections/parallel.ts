/** Parallel: partitioned frames and a dask.delayed-style task graph on worker threads. */
import * as gf from '../../src/index.js';
import { quick, section, show, timed } from '../util.js';

export async function parallel(): Promise<void> {
  section('10. Parallel: partitions and task graphs on worker threads');
  const n = quick ? 100_000 : 5_000_000;
  const k = new Int32Array(n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    k[i] = i % 100;
    v[i] = i / n;
  }
  const df = new gf.DataFrame({ k: gf.fromTyped(k), v: gf.fromFloat64(v) });
  const label = `df.partition(4).groupby('k').agg({ v: 'mean' }).collect() on ${n.toLocaleString()} rows`;
  await timed(`${label} (cold: starts the workers)`, () => df.partition(4).groupby('k').agg({ v: 'mean' }).collect());
  const par = await timed(`${label} (warm pool)`, () => df.partition(4).groupby('k').agg({ v: 'mean' }).collect());
  const single = await timed("df.groupby('k').agg({ v: 'mean' }) on the calling thread", () => df.groupby('k').agg({ v: 'mean' }));
  show('  same answer as the single-threaded groupby', Math.max(...(single.col('v').toFloat64().map((x, i) => Math.abs(x - (par as gf.DataFrame).col('v').toFloat64()[i])))) < 1e-12);
  show('  head', (par as gf.DataFrame).head(3));
  const inc = gf.delayed((x: number) => x + 1, { name: 'inc' });
  const add = gf.delayed((a: number, b: number) => a + b, { name: 'add' });
  const total = add(inc(1), inc(2));
  show('visualize(add(inc(1), inc(2)))', gf.visualize(total));
  show('await compute(total)', await gf.compute(total));
  await gf.shutdown();
}
