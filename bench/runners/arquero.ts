/**
 * The arquero contender (columns from the generated binaries; strings as JS strings).
 * Lazy verbs (orderby, filter) are materialised with reify() so the work is done inside the timing.
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as aq from 'arquero';
import { keyNumber, spacedSum, sumF64 } from '../lib/answer.js';
import { loadJoin, loadMain, loadPivot, loadWide } from '../lib/data.js';
import { task, type Contender, type Ctx, type Task } from '../lib/task.js';

type Table = ReturnType<typeof aq.table>;

const num = (t: Table, c: string): Float64Array => Float64Array.from(t.array(c) as ArrayLike<number>);

function mainTable(ctx: Ctx): Table {
  const m = loadMain(ctx.data);
  return aq.table({ ikey: m.ikey, skey: Array.from(m.scodes, (c) => m.sdict[c]), v: m.v, w: m.w });
}

function groupbyInt(ctx: Ctx): Task {
  const t = mainTable(ctx);
  return task(() => t.groupby('ikey').rollup({ mean: 'd => op.mean(d.v)', sum: 'd => op.sum(d.v)', count: 'd => op.valid(d.v)' }), (r) => {
    const k = num(r, 'ikey'), mean = num(r, 'mean'), sum = num(r, 'sum');
    let wMean = 0, wSum = 0;
    for (let i = 0; i < k.length; i++) { wMean += (k[i] + 1) * mean[i]; wSum += (k[i] + 1) * sum[i]; }
    return { groups: r.numRows(), sumOfSums: sumF64(sum), sumOfCounts: sumF64(num(r, 'count')), wMean, wSum };
  });
}

function groupbyStr(ctx: Ctx): Task {
  const t = mainTable(ctx);
  return task(() => t.groupby('skey').rollup({ mean: 'd => op.mean(d.v)' }), (r) => {
    const k = r.array('skey') as string[], mean = num(r, 'mean');
    let wMean = 0;
    for (let i = 0; i < k.length; i++) wMean += (keyNumber(k[i]) + 1) * mean[i];
    return { groups: r.numRows(), wMean };
  });
}

function pivotTable(ctx: Ctx): Task {
  const p = loadPivot(ctx.data);
  const t = aq.table({ a: p.a, b: p.b, x: p.x });
  return task(() => t.groupby('a').pivot('b', { x: 'd => op.mean(d.x)' }).orderby('a').reify(), (r) => {
    const a = num(r, 'a');
    const cols = r.columnNames().filter((c) => c !== 'a');
    let cells = 0, wSum = 0;
    for (const c of cols) {
      const v = r.array(c) as ArrayLike<number | undefined>;
      for (let i = 0; i < a.length; i++) {
        const x = v[i];
        if (x !== undefined && x !== null && !Number.isNaN(x)) { cells++; wSum += (a[i] + 1) * (Number(c) + 1) * x; }
      }
    }
    return { rows: r.numRows(), cols: cols.length, cells, wSum };
  });
}

function csvRead(ctx: Ctx): Task {
  const file = path.join(ctx.data, 'mixed.csv');
  return task(() => aq.fromCSV(readFileSync(file, 'utf8')), (r) => {
    const names = r.array('name') as string[];
    const flags = r.array('flag') as boolean[];
    const days = r.array('day') as Date[];
    let nameLenSum = 0, trueCount = 0, daySum = 0;
    for (let i = 0; i < names.length; i++) {
      nameLenSum += names[i].length;
      trueCount += flags[i] ? 1 : 0;
      daySum += days[i].getTime() / 86400000;
    }
    return { rows: r.numRows(), idSum: sumF64(num(r, 'id')), priceSum: sumF64(num(r, 'price')), nameLenSum, trueCount, daySum };
  });
}

function sort(ctx: Ctx): Task {
  const t = mainTable(ctx);
  return task(() => t.orderby('v').reify(), (r) => {
    const v = num(r, 'v'), k = num(r, 'ikey');
    return { rows: r.numRows(), vAt: spacedSum(v.length, (i) => v[i]), keyAt: spacedSum(k.length, (i) => k[i]) };
  });
}

function filterArith(ctx: Ctx): Task {
  const t = mainTable(ctx);
  return task(() => t.derive({ z: 'd => d.v * d.w + 1' }).filter('d => d.v > 0').reify(), (r) => ({
    rows: r.numRows(), zSum: sumF64(num(r, 'z')), ikeySum: sumF64(num(r, 'ikey')),
  }));
}

function join(ctx: Ctx): Task {
  const t = mainTable(ctx);
  const j = loadJoin(ctx.data);
  const right = aq.table({ skey: j.keys, x: j.x });
  return task(() => t.join(right, 'skey'), (r) => ({ rows: r.numRows(), xSum: sumF64(num(r, 'x')), vSum: sumF64(num(r, 'v')) }));
}

function transform(ctx: Ctx): Task {
  const t = mainTable(ctx);
  return task(() => t.groupby('ikey').derive({ z: 'd => (d.v - op.mean(d.v)) / op.stdev(d.v)' }).ungroup(), (r) => {
    const z = num(r, 'z'), w = num(r, 'w');
    let zSq = 0, wz = 0;
    for (let i = 0; i < z.length; i++) { zSq += z[i] * z[i]; wz += w[i] * z[i]; }
    return { rows: z.length, zSq, wz };
  });
}

function meltPivot(ctx: Ctx): Task {
  const wd = loadWide(ctx.data, ctx.sizes.wideCols);
  const cols: Record<string, Int32Array | Float64Array> = { id: wd.id };
  wd.names.forEach((n, j) => { cols[n] = wd.cols[j]; });
  const t = aq.table(cols);
  return task(() => {
    const long = t.fold(wd.names, { as: ['variable', 'value'] }).reify();
    return { long, wide: long.groupby('id').pivot('variable', 'value').orderby('id').reify() };
  }, ({ long, wide }) => {
    const ids = num(wide, 'id');
    let wSum = 0;
    wd.names.forEach((c, j) => {
      const col = num(wide, c);
      for (let i = 0; i < col.length; i++) wSum += ((ids[i] % 7) + 1) * (j + 1) * col[i];
    });
    return { longRows: long.numRows(), longSum: sumF64(num(long, 'value')), rows: wide.numRows(), cols: wide.numCols() - 1, wSum };
  });
}

/** The arquero contender. */
export const contender: Contender = {
  version: () => {
    const req = createRequire(import.meta.url);
    return `arquero ${(req('arquero/package.json') as { version: string }).version}`;
  },
  prepare: {
    'groupby-int': groupbyInt, 'groupby-str': groupbyStr, 'pivot-table': pivotTable, 'csv-read': csvRead, sort,
    'filter-arith': filterArith, join, transform, 'melt-pivot': meltPivot,
  },
  notApplicable: {
    'parquet-write': 'no Parquet I/O of its own', 'parquet-read': 'no Parquet I/O of its own',
    'cdist-3-euclidean': 'no distance kernels', 'cdist-3-cityblock': 'no distance kernels', 'cdist-64-euclidean': 'no distance kernels',
    'curve-fit': 'no curve fitting', netcdf: 'no NetCDF reader',
    'csv-chunked': 'no chunked CSV reader (loadCSV parses the whole text in the V8 heap)',
  },
};
