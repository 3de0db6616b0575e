/**
 * The nodejs-polars contender (eager API; inputs read from the generated Parquet files, untimed).
 * @module
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import pl from 'nodejs-polars';
import { keyNumber, spacedSum, sumF64 } from '../lib/answer.js';
import { task, type Contender, type Ctx, type Task } from '../lib/task.js';

const num = (s: pl.Series): Float64Array => Float64Array.from(s.toArray() as number[]);
/** An input table, rechunked (untimed) so polars computes on contiguous columns like the others. */
const read = (ctx: Ctx, name: string): pl.DataFrame => pl.readParquet(path.join(ctx.data, `${name}.parquet`)).rechunk();

function groupbyInt(ctx: Ctx): Task {
  const df = read(ctx, 'main');
  return task(() => df.groupBy('ikey').agg(pl.col('v').mean().alias('mean'), pl.col('v').sum().alias('sum'), pl.col('v').count().alias('count')), (r) => {
    const k = num(r.getColumn('ikey')), mean = num(r.getColumn('mean')), sum = num(r.getColumn('sum')), count = num(r.getColumn('count'));
    let wMean = 0, wSum = 0;
    for (let i = 0; i < k.length; i++) { wMean += (k[i] + 1) * mean[i]; wSum += (k[i] + 1) * sum[i]; }
    return { groups: r.height, sumOfSums: sumF64(sum), sumOfCounts: sumF64(count), wMean, wSum };
  });
}

function groupbyStr(ctx: Ctx): Task {
  const df = read(ctx, 'main');
  return task(() => df.groupBy('skey').agg(pl.col('v').mean().alias('mean')), (r) => {
    const k = r.getColumn('skey').toArray() as string[], mean = num(r.getColumn('mean'));
    let wMean = 0;
    for (let i = 0; i < k.length; i++) wMean += (keyNumber(k[i]) + 1) * mean[i];
    return { groups: r.height, wMean };
  });
}

function pivotTable(ctx: Ctx): Task {
  const df = read(ctx, 'pivot');
  return task(() => df.pivot('x', { index: 'a', on: 'b', aggregateFunc: 'mean', sortColumns: true }).sort('a'), (r) => {
    const a = num(r.getColumn('a'));
    let cells = 0, wSum = 0;
    const cols = r.columns.filter((c) => c !== 'a');
    for (const c of cols) {
      const v = r.getColumn(c).toArray() as (number | null)[];
      v.forEach((x, i) => { if (x !== null && !Number.isNaN(x)) { cells++; wSum += (a[i] + 1) * (Number(c) + 1) * x; } });
    }
    return { rows: r.height, cols: cols.length, cells, wSum };
  });
}

function csvRead(ctx: Ctx): Task {
  const file = path.join(ctx.data, 'mixed.csv');
  return task(() => pl.readCSV(file, { tryParseDates: true }), (r) => {
    const names = r.getColumn('name').toArray() as string[];
    const flags = r.getColumn('flag').toArray() as boolean[];
    const days = num(r.getColumn('day').cast(pl.Int32));
    return {
      rows: r.height, idSum: sumF64(num(r.getColumn('id'))), priceSum: sumF64(num(r.getColumn('price'))),
      nameLenSum: names.reduce((s, x) => s + x.length, 0), trueCount: flags.filter(Boolean).length, daySum: sumF64(days),
    };
  });
}

function parquetWrite(ctx: Ctx): Task {
  const df = read(ctx, 'main');
  const file = path.join(ctx.out, 'polars.parquet');
  return task(() => df.writeParquet(file, { compression: 'snappy' }), () => ({ rows: pl.readParquet(file).height }));
}

function parquetRead(ctx: Ctx): Task {
  const file = path.join(ctx.data, 'main.parquet');
  return task(() => pl.readParquet(file), (r) => ({ rows: r.height, ikeySum: sumF64(num(r.getColumn('ikey'))), vSum: sumF64(num(r.getColumn('v'))) }));
}

function sort(ctx: Ctx): Task {
  const df = read(ctx, 'main');
  return task(() => df.sort('v'), (r) => {
    const v = num(r.getColumn('v')), k = num(r.getColumn('ikey'));
    return { rows: r.height, vAt: spacedSum(v.length, (i) => v[i]), keyAt: spacedSum(k.length, (i) => k[i]) };
  });
}

function filterArith(ctx: Ctx): Task {
  const df = read(ctx, 'main');
  return task(() => df.withColumns(pl.col('v').mul(pl.col('w')).add(1).alias('z')).filter(pl.col('v').gt(0)), (r) => ({
    rows: r.height, zSum: sumF64(num(r.getColumn('z'))), ikeySum: sumF64(num(r.getColumn('ikey'))),
  }));
}

function join(ctx: Ctx): Task {
  const left = read(ctx, 'main');
  const right = read(ctx, 'join');
  return task(() => left.join(right, { on: 'skey', how: 'inner' }), (r) => ({ rows: r.height, xSum: sumF64(num(r.getColumn('x'))), vSum: sumF64(num(r.getColumn('v'))) }));
}

function transform(ctx: Ctx): Task {
  const df = read(ctx, 'main');
  return task(() => df.select(pl.col('v').sub(pl.col('v').mean().over('ikey')).div(pl.col('v').std().over('ikey')).alias('z'), pl.col('w')), (r) => {
    const z = num(r.getColumn('z')), w = num(r.getColumn('w'));
    let zSq = 0, wz = 0;
    for (let i = 0; i < z.length; i++) { zSq += z[i] * z[i]; wz += w[i] * z[i]; }
    return { rows: z.length, zSq, wz };
  });
}

function meltPivot(ctx: Ctx): Task {
  const df = read(ctx, 'wide');
  const names = df.columns.filter((c) => c !== 'id');
  return task(() => {
    const long = df.unpivot('id', names);
    return { long, wide: long.pivot('value', { index: 'id', on: 'variable' }).sort('id') };
  }, ({ long, wide }) => {
    const ids = num(wide.getColumn('id'));
    let wSum = 0;
    names.forEach((c, j) => {
      const col = num(wide.getColumn(c));
      for (let i = 0; i < col.length; i++) wSum += ((ids[i] % 7) + 1) * (j + 1) * col[i];
    });
    return { longRows: long.height, longSum: sumF64(num(long.getColumn('value'))), rows: wide.height, cols: wide.width - 1, wSum };
  });
}

/** Streaming (batched) query over the lazily scanned CSV, as polars documents for larger-than-memory files. */
function csvChunked(ctx: Ctx): Task {
  const file = path.join(ctx.data, 'chunked.csv');
  const q = (): pl.LazyDataFrame => pl.scanCSV(file).select(pl.len().alias('rows'), pl.col('x').sum().alias('xSum'), pl.col('flag').cast(pl.Int64).sum().alias('trueCount'));
  return task(() => q().collect({ streaming: true }), (r) => ({
    rows: Number(r.getColumn('rows').get(0)), xSum: Number(r.getColumn('xSum').get(0)), trueCount: Number(r.getColumn('trueCount').get(0)),
  }));
}

/** The polars contender. */
export const contender: Contender = {
  version: () => {
    const req = createRequire(import.meta.url);
    return `nodejs-polars ${(req('nodejs-polars/package.json') as { version: string }).version}`;
  },
  prepare: {
    'groupby-int': groupbyInt, 'groupby-str': groupbyStr, 'pivot-table': pivotTable, 'csv-read': csvRead, 'csv-chunked': csvChunked,
    'parquet-write': parquetWrite, 'parquet-read': parquetRead, sort, 'filter-arith': filterArith, join, transform,
    'melt-pivot': meltPivot,
  },
  notApplicable: {
    'cdist-3-euclidean': 'no distance kernels', 'cdist-3-cityblock': 'no distance kernels', 'cdist-64-euclidean': 'no distance kernels',
    'curve-fit': 'no curve fitting', netcdf: 'no NetCDF reader',
  },
};
