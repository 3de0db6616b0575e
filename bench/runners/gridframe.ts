/**
 * The gridframe contender, through its public API only (src/index.ts). Inputs are built from the
 * generated binaries as Columns (string key dictionary-encoded, as gridframe's readers do); reading
 * files is measured in the csv-read, parquet-read and netcdf workloads.
 * @module
 */
import path from 'node:path';
import * as gf from '../../src/index.js';
import { keyNumber, spacedSum, sumF64, type Answer } from '../lib/answer.js';
import { loadCurves, loadJoin, loadMain, loadMatrices, loadPivot, loadWide } from '../lib/data.js';
import { task, type Contender, type Ctx, type Task } from '../lib/task.js';
import { CHUNKED_NC, chunkedNcPath } from '../lib/chunked-nc.js';

/**
 * A public function looked up by name, so the harness still compiles and runs while an area is being
 * written: a missing export becomes a clear "not available yet" cell instead of a type error.
 */
function api<T>(name: string): T {
  const f = (gf as unknown as Record<string, unknown>)[name];
  if (typeof f !== 'function') throw new Error(`gf.${name} is not exported yet`);
  return f as T;
}

/** What the netcdf workload needs of a DataArray. */
interface DataArrayLike {
  readonly values: { toFloat64(): Float64Array };
  readonly shape: readonly number[];
  mean(dim: string): DataArrayLike;
  groupby(key: string): { mean(): DataArrayLike };
}
type ReadCsv = (path: string, opts: { parseDates: string[] }) => Promise<gf.DataFrame>;
type ReadParquet = (path: string) => Promise<gf.DataFrame>;
type OpenMf = (paths: string[]) => Promise<{ get(name: string): DataArrayLike }>;

const f64 = (df: gf.DataFrame, name: string): Float64Array => df.column(name).toFloat64();
const labels = (ix: gf.Index): number[] => ix.toArray().map((l) => Number(l));

function mainFrame(ctx: Ctx): gf.DataFrame {
  const m = loadMain(ctx.data);
  return gf.DataFrame.fromColumns(['ikey', 'skey', 'v', 'w'], [gf.fromTyped(m.ikey), gf.fromCodes(m.scodes, m.sdict), gf.fromFloat64(m.v), gf.fromFloat64(m.w)]);
}

/** The column of a result whose (possibly '_'-joined MultiIndex) name ends with `suffix`. */
function pick(df: gf.DataFrame, suffix: string): Float64Array {
  const name = df.columns.find((c) => c === suffix || c.endsWith(`_${suffix}`));
  if (name === undefined) throw new Error(`no column '${suffix}' in result columns ${df.columns.join(', ')}`);
  return f64(df, name);
}

function groupbyInt(ctx: Ctx): Task {
  const df = mainFrame(ctx);
  return task(() => df.groupby('ikey').agg({ v: ['mean', 'sum', 'count'] }), (r) => {
    const k = labels(r.index), mean = pick(r, 'mean'), sum = pick(r, 'sum'), count = pick(r, 'count');
    let wMean = 0, wSum = 0;
    for (let i = 0; i < k.length; i++) { wMean += (k[i] + 1) * mean[i]; wSum += (k[i] + 1) * sum[i]; }
    return { groups: r.length, sumOfSums: sumF64(sum), sumOfCounts: sumF64(count), wMean, wSum };
  });
}

function groupbyStr(ctx: Ctx): Task {
  const df = mainFrame(ctx);
  return task(() => df.groupby('skey').col('v').mean(), (r: gf.Series) => {
    const k = r.index.toArray().map(String), mean = r.column.toFloat64();
    let wMean = 0;
    for (let i = 0; i < k.length; i++) wMean += (keyNumber(k[i]) + 1) * mean[i];
    return { groups: r.length, wMean };
  });
}

function pivotTable(ctx: Ctx): Task {
  const p = loadPivot(ctx.data);
  const df = gf.DataFrame.fromColumns(['a', 'b', 'x'], [gf.fromTyped(p.a), gf.fromTyped(p.b), gf.fromFloat64(p.x)]);
  return task(() => df.pivotTable({ index: 'a', columns: 'b', values: 'x', aggfunc: 'mean' }), (r) => {
    const a = labels(r.index);
    let cells = 0, wSum = 0;
    for (const c of r.columns) {
      const b = Number(c.split('_').pop());
      const v = f64(r, c);
      for (let i = 0; i < v.length; i++) if (!Number.isNaN(v[i])) { cells++; wSum += (a[i] + 1) * (b + 1) * v[i]; }
    }
    return { rows: r.length, cols: r.columns.length, cells, wSum };
  });
}

function csvRead(ctx: Ctx): Task {
  const file = path.join(ctx.data, 'mixed.csv');
  return task(() => api<ReadCsv>('readCsv')(file, { parseDates: ['day'] }), (r) => {
    const names = r.column('name').strings();
    const flags = r.column('flag').boolBytes();
    let nameLenSum = 0, trueCount = 0;
    for (let i = 0; i < names.length; i++) { nameLenSum += names[i]?.length ?? 0; trueCount += flags[i]; }
    const days = f64(r, 'day');
    let daySum = 0;
    for (let i = 0; i < days.length; i++) daySum += days[i] / 86400000;
    return { rows: r.length, idSum: sumF64(f64(r, 'id')), priceSum: sumF64(f64(r, 'price')), nameLenSum, trueCount, daySum };
  });
}

function csvChunked(ctx: Ctx): Task {
  const file = path.join(ctx.data, 'chunked.csv');
  return task(async () => {
    let rows = 0, xSum = 0, trueCount = 0;
    for await (const df of gf.readCsvChunks(file, { chunkSize: 100_000 })) {
      rows += df.length;
      xSum += df.col('x').sum();
      trueCount += df.col('flag').sum();
    }
    return { rows, xSum, trueCount };
  }, (a) => a);
}

function parquetWrite(ctx: Ctx): Task {
  const df = mainFrame(ctx);
  const file = path.join(ctx.out, 'gridframe.parquet');
  return task(() => df.toParquet(file, { compression: 'snappy' }), async () => ({ rows: (await api<ReadParquet>('readParquet')(file)).length }));
}

function parquetRead(ctx: Ctx): Task {
  const file = path.join(ctx.data, 'main.parquet');
  return task(() => api<ReadParquet>('readParquet')(file), (r) => ({ rows: r.length, ikeySum: sumF64(f64(r, 'ikey')), vSum: sumF64(f64(r, 'v')) }));
}

function sort(ctx: Ctx): Task {
  const df = mainFrame(ctx);
  return task(() => df.sortValues('v'), (r) => {
    const v = f64(r, 'v'), k = f64(r, 'ikey');
    return { rows: r.length, vAt: spacedSum(v.length, (i) => v[i]), keyAt: spacedSum(k.length, (i) => k[i]) };
  });
}

function filterArith(ctx: Ctx): Task {
  const df = mainFrame(ctx);
  return task(() => {
    const withZ = df.assign({ z: df.col('v').mul(df.col('w')).add(1) });
    return withZ.filter(withZ.col('v').gt(0));
  }, (r) => ({ rows: r.length, zSum: sumF64(f64(r, 'z')), ikeySum: sumF64(f64(r, 'ikey')) }));
}

function join(ctx: Ctx): Task {
  const df = mainFrame(ctx);
  const j = loadJoin(ctx.data);
  const right = gf.DataFrame.fromColumns(['skey', 'x'], [gf.fromStrings(j.keys, { dictionary: true }), gf.fromFloat64(j.x)]);
  return task(() => df.merge(right, { on: 'skey', how: 'inner' }), (r) => ({ rows: r.length, xSum: sumF64(f64(r, 'x')), vSum: sumF64(f64(r, 'v')) }));
}

function transform(ctx: Ctx): Task {
  const df = mainFrame(ctx);
  return task(() => {
    const g = df.groupby('ikey').col('v');
    return df.col('v').sub(g.transform('mean')).div(g.transform('std'));
  }, (z: gf.Series): Answer => {
    const zv = z.column.toFloat64(), w = f64(df, 'w');
    let zSq = 0, wz = 0;
    for (let i = 0; i < zv.length; i++) { zSq += zv[i] * zv[i]; wz += w[i] * zv[i]; }
    return { rows: zv.length, zSq, wz };
  });
}

function meltPivot(ctx: Ctx): Task {
  const wd = loadWide(ctx.data, ctx.sizes.wideCols);
  const df = gf.DataFrame.fromColumns(['id', ...wd.names], [gf.fromTyped(wd.id), ...wd.cols.map((c) => gf.fromFloat64(c))]);
  return task(() => {
    const long = df.melt({ idVars: ['id'], valueVars: wd.names });
    return { long, wide: long.pivot({ index: 'id', columns: 'variable', values: 'value' }) };
  }, ({ long, wide }) => {
    const ids = labels(wide.index);
    let wSum = 0;
    wd.names.forEach((c, j) => {
      const col = pick(wide, c);
      for (let i = 0; i < col.length; i++) wSum += ((ids[i] % 7) + 1) * (j + 1) * col[i];
    });
    return { longRows: long.length, longSum: sumF64(f64(long, 'value')), rows: wide.length, cols: wide.columns.length, wSum };
  });
}

function cdist(d: 3 | 64, metric: 'euclidean' | 'cityblock') {
  return (ctx: Ctx): Task => {
    const { x, y } = loadMatrices(ctx.data, d);
    const X = { shape: [x.rows, d], data: x.data };
    const Y = { shape: [y.rows, d], data: y.data };
    return task(() => gf.cdist(X, Y, { metric }), (out) => ({ sum: sumF64(out.data), first: out.data[0], last: out.data[out.data.length - 1] }));
  };
}

function curveFit(ctx: Ctx): Task {
  const c = loadCurves(ctx.data);
  const p = c.x.length;
  const names = Array.from({ length: p }, (_, j) => `y${String(j).padStart(2, '0')}`);
  const cols = names.map((_, j) => {
    const col = new Float64Array(c.rows);
    for (let r = 0; r < c.rows; r++) col[r] = c.y[r * p + j];
    return gf.fromFloat64(col);
  });
  const df = gf.DataFrame.fromColumns(names, cols);
  return task(() => gf.fitRows(df, 'powerlaw', { p0: [1, -1], x: c.x }), (r) => ({ rows: r.length, aSum: sumF64(f64(r, 'A')), bSum: sumF64(f64(r, 's')) }));
}

function netcdf(ctx: Ctx): Task {
  return task(async () => {
    const ds = await api<OpenMf>('openMfDataset')(ctx.nc);
    const tas = ds.get('tas');
    return { mean: tas.mean('time'), annual: tas.groupby('time.year').mean() };
  }, ({ mean, annual }) => ({
    meanSum: sumF64(mean.values.toFloat64()), annualSum: sumF64(annual.values.toFloat64()), years: annual.shape[0],
  }));
}

function netcdfChunked(ctx: Ctx): Task {
  const file = chunkedNcPath(ctx.mode);
  const chunk = CHUNKED_NC[ctx.mode].chunk;
  return task(async () => {
    const ds = await gf.openDataset(file, { chunks: { time: chunk } });
    // as xarray + dask: the chunks the file was opened with, computed in the worker pool (each worker
    // reads its chunks from the file); `ds.get('tas').mean('time')` is the same reduction on this thread
    const mean = await ds.get('tas').chunk().mean('time').compute();
    ds.close();
    return mean;
  }, (mean) => ({ meanSum: sumF64(mean.values.toFloat64()), cells: mean.size }));
}

/** The gridframe contender. */
export const contender: Contender = {
  version: () => 'gridframe (this checkout)',
  prepare: {
    'groupby-int': groupbyInt, 'groupby-str': groupbyStr, 'pivot-table': pivotTable, 'csv-read': csvRead, 'csv-chunked': csvChunked,
    'parquet-write': parquetWrite, 'parquet-read': parquetRead, sort, 'filter-arith': filterArith, join, transform,
    'melt-pivot': meltPivot, 'cdist-3-euclidean': cdist(3, 'euclidean'), 'cdist-3-cityblock': cdist(3, 'cityblock'),
    'cdist-64-euclidean': cdist(64, 'euclidean'), 'curve-fit': curveFit, netcdf, 'netcdf-chunked': netcdfChunked,
  },
};
