/** Numeric kernels: per-row power-law fits and distance matrices on the CPU and (when present) the GPU. */
import * as gf from '../../src/index.js';
import { quick, section, show, timed } from '../util.js';

export async function kernels(): Promise<void> {
  section('7. Per-row curve fits (the lesson: t = A * n^s for every run)');
  const runs = await gf.loadPowerlaw();
  const fits = await timed(`fitRows(${runs.length} rows x ${runs.shape[1]} sizes, 'powerlaw')`, () => gf.fitRows(runs, 'powerlaw', { p0: [100, -1] }));
  show("fitRows(runs, 'powerlaw', { p0: [100, -1] })", fits);

  section('8. Distance matrices (the CSCS course): CPU, and GPU when there is one');
  const n = quick ? 500 : 5000;
  const X: number[][] = [];
  for (let i = 0; i < n; i++) X.push([Math.sin(i), Math.cos(i * 1.3), (i % 97) / 97]);
  for (const metric of ['euclidean', 'cityblock'] as const) {
    const d = await timed(`cdist(${n}x${n}, d=3, '${metric}', device: 'cpu')`, () => gf.cdist(X, X, { metric, device: 'cpu' }));
    show(`  d[0, 1..3] (${metric})`, Array.from(d.data.subarray(1, 4)));
  }
  const info = await gf.gpuInfo();
  show('await gpuInfo()', info);
  if (info.available) {
    const d = await timed(`cdist(${n}x${n}, 'euclidean', device: 'gpu')`, () => gf.cdist(X, X, { metric: 'euclidean', device: 'gpu' }));
    show('  ran on', d.device);
  }
  section('9. Autocorrelation (numpy.correlate)');
  const a = Float64Array.from({ length: 64 }, (_, i) => Math.sin((2 * Math.PI * i) / 16));
  show("correlate(a, a, { mode: 'full' }) at lags 0, 8, 16 (a sine of period 16)", [63, 71, 79].map((k) => gf.correlate(a, a, { mode: 'full' })[k].toFixed(3)));
}
