/**
 * The "loop" contender: hand-written single-thread loops over typed arrays, the JavaScript limit.
 * Strings stay dictionary codes, as loaded.
 * @module
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { keyNumber, spacedSum, sumF64 } from '../lib/answer.js';
import { loadCurves, loadJoin, loadMain, loadMatrices, loadPivot, loadWide } from '../lib/data.js';
import { task, type Contender, type Ctx, type Task } from '../lib/task.js';
import { cdistLoop, fitPowerLaw, gather, parseMixedCsv, radixArgsortF64 } from './loop-kernels.js';

const f64 = (n: number): Float64Array => new Float64Array(n);
const i32 = (n: number): Int32Array => new Int32Array(n);

function groupSums(keys: Int32Array, v: Float64Array, g: number): { sum: Float64Array; count: Float64Array } {
  const sum = new Float64Array(g);
  const count = new Float64Array(g);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    sum[k] += v[i];
    count[k]++;
  }
  return { sum, count };
}

function groupbyInt(ctx: Ctx): Task {
  const m = loadMain(ctx.data);
  const g = ctx.sizes.intGroups;
  return task(() => {
    const { sum, count } = groupSums(m.ikey, m.v, g);
    const mean = new Float64Array(g);
    for (let k = 0; k < g; k++) mean[k] = sum[k] / count[k];
    return { sum, count, mean };
  }, (r) => {
    let sumOfSums = 0, sumOfCounts = 0, wMean = 0, wSum = 0, groups = 0;
    for (let k = 0; k < g; k++) {
      if (r.count[k] === 0) continue;
      groups++;
      sumOfSums += r.sum[k]; sumOfCounts += r.count[k]; wMean += (k + 1) * r.mean[k]; wSum += (k + 1) * r.sum[k];
    }
    return { groups, sumOfSums, sumOfCounts, wMean, wSum };
  });
}

function groupbyStr(ctx: Ctx): Task {
  const m = loadMain(ctx.data);
  const g = m.sdict.length;
  return task(() => {
    const { sum, count } = groupSums(m.scodes, m.v, g);
    for (let k = 0; k < g; k++) sum[k] /= count[k];
    return { mean: sum, count };
  }, (r) => {
    let groups = 0, wMean = 0;
    for (let k = 0; k < g; k++) {
      if (r.count[k] === 0) continue;
      groups++;
      wMean += (keyNumber(m.sdict[k]) + 1) * r.mean[k];
    }
    return { groups, wMean };
  });
}

function pivotTable(ctx: Ctx): Task {
  const p = loadPivot(ctx.data);
  const { pivotIndex: na, pivotCols: nb } = ctx.sizes;
  return task(() => {
    const sum = new Float64Array(na * nb);
    const cnt = new Float64Array(na * nb);
    for (let i = 0; i < p.x.length; i++) {
      const c = p.a[i] * nb + p.b[i];
      sum[c] += p.x[i];
      cnt[c]++;
    }
    for (let c = 0; c < sum.length; c++) sum[c] = cnt[c] ? sum[c] / cnt[c] : NaN;
    return sum;
  }, (mean) => {
    let cells = 0, wSum = 0;
    for (let a = 0; a < na; a++) for (let b = 0; b < nb; b++) {
      const v = mean[a * nb + b];
      if (!Number.isNaN(v)) { cells++; wSum += (a + 1) * (b + 1) * v; }
    }
    return { rows: na, cols: nb, cells, wSum };
  });
}

function csvRead(ctx: Ctx): Task {
  const file = path.join(ctx.data, 'mixed.csv');
  return task(() => parseMixedCsv(readFileSync(file)), (t) => {
    let nameLenSum = 0, trueCount = 0, daySum = 0;
    for (let i = 0; i < t.id.length; i++) {
      nameLenSum += t.names[t.nameCodes[i]].length;
      trueCount += t.flag[i];
      daySum += t.day[i];
    }
    return { rows: t.id.length, idSum: sumF64(t.id), priceSum: sumF64(t.price), nameLenSum, trueCount, daySum };
  });
}

function sort(ctx: Ctx): Task {
  const m = loadMain(ctx.data);
  return task(() => {
    const idx = radixArgsortF64(m.v);
    return { v: gather(m.v, idx, f64), w: gather(m.w, idx, f64), ikey: gather(m.ikey, idx, i32), skey: gather(m.scodes, idx, i32) };
  }, (r) => ({ rows: r.v.length, vAt: spacedSum(r.v.length, (i) => r.v[i]), keyAt: spacedSum(r.v.length, (i) => r.ikey[i]) }));
}

function filterArith(ctx: Ctx): Task {
  const m = loadMain(ctx.data);
  return task(() => {
    const n = m.v.length;
    const z = new Float64Array(n);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      z[i] = m.v[i] * m.w[i] + 1;
      if (m.v[i] > 0) kept++;
    }
    const idx = new Int32Array(kept);
    for (let i = 0, j = 0; i < n; i++) if (m.v[i] > 0) idx[j++] = i;
    return { ikey: gather(m.ikey, idx, i32), skey: gather(m.scodes, idx, i32), v: gather(m.v, idx, f64), w: gather(m.w, idx, f64), z: gather(z, idx, f64) };
  }, (r) => ({ rows: r.z.length, zSum: sumF64(r.z), ikeySum: sumF64(r.ikey) }));
}

function join(ctx: Ctx): Task {
  const m = loadMain(ctx.data);
  const j = loadJoin(ctx.data);
  return task(() => {
    const codeOf = new Map<string, number>();
    m.sdict.forEach((s, c) => codeOf.set(s, c));
    const rightOf = new Int32Array(m.sdict.length).fill(-1);
    j.keys.forEach((s, r) => {
      const c = codeOf.get(s);
      if (c !== undefined) rightOf[c] = r;
    });
    let n = 0;
    for (let i = 0; i < m.scodes.length; i++) if (rightOf[m.scodes[i]] >= 0) n++;
    const li = new Int32Array(n);
    const ri = new Int32Array(n);
    for (let i = 0, k = 0; i < m.scodes.length; i++) {
      const r = rightOf[m.scodes[i]];
      if (r >= 0) { li[k] = i; ri[k++] = r; }
    }
    return { ikey: gather(m.ikey, li, i32), skey: gather(m.scodes, li, i32), v: gather(m.v, li, f64), w: gather(m.w, li, f64), x: gather(j.x, ri, f64) };
  }, (r) => ({ rows: r.x.length, xSum: sumF64(r.x), vSum: sumF64(r.v) }));
}

function transform(ctx: Ctx): Task {
  const m = loadMain(ctx.data);
  const g = ctx.sizes.intGroups;
  return task(() => {
    const { sum: mean, count } = groupSums(m.ikey, m.v, g);
    for (let k = 0; k < g; k++) mean[k] /= count[k];
    const m2 = new Float64Array(g);
    for (let i = 0; i < m.v.length; i++) { const d = m.v[i] - mean[m.ikey[i]]; m2[m.ikey[i]] += d * d; }
    const inv = new Float64Array(g);
    for (let k = 0; k < g; k++) inv[k] = 1 / Math.sqrt(m2[k] / (count[k] - 1));
    const z = new Float64Array(m.v.length);
    for (let i = 0; i < z.length; i++) { const k = m.ikey[i]; z[i] = (m.v[i] - mean[k]) * inv[k]; }
    return z;
  }, (z) => {
    let zSq = 0, wz = 0;
    for (let i = 0; i < z.length; i++) { zSq += z[i] * z[i]; wz += m.w[i] * z[i]; }
    return { rows: z.length, zSq, wz };
  });
}

function meltPivot(ctx: Ctx): Task {
  const wd = loadWide(ctx.data, ctx.sizes.wideCols);
  return task(() => {
    const n = wd.id.length, c = wd.cols.length;
    const id = new Int32Array(n * c), variable = new Int32Array(n * c), value = new Float64Array(n * c);
    for (let j = 0; j < c; j++) { id.set(wd.id, j * n); variable.fill(j, j * n, (j + 1) * n); value.set(wd.cols[j], j * n); }
    // pivot back: factorize ids (hash map), sort the labels, scatter values
    const pos = new Map<number, number>();
    const labels: number[] = [];
    const rowOf = new Int32Array(id.length);
    for (let i = 0; i < id.length; i++) {
      let r = pos.get(id[i]);
      if (r === undefined) { r = labels.length; pos.set(id[i], r); labels.push(id[i]); }
      rowOf[i] = r;
    }
    const order = Int32Array.from(labels.keys()).sort((p, q) => labels[p] - labels[q]);
    const rank = new Int32Array(order.length);
    order.forEach((r, k) => { rank[r] = k; });
    const wide = Array.from({ length: c }, () => new Float64Array(labels.length).fill(NaN));
    for (let i = 0; i < id.length; i++) wide[variable[i]][rank[rowOf[i]]] = value[i];
    return { long: value, ids: Int32Array.from(order, (r) => labels[r]), wide };
  }, (r) => {
    let wSum = 0;
    r.wide.forEach((col, j) => { for (let i = 0; i < col.length; i++) wSum += ((r.ids[i] % 7) + 1) * (j + 1) * col[i]; });
    return { longRows: r.long.length, longSum: sumF64(r.long), rows: r.ids.length, cols: r.wide.length, wSum };
  });
}

function cdist(d: 3 | 64, metric: 'euclidean' | 'cityblock') {
  return (ctx: Ctx): Task => {
    const { x, y } = loadMatrices(ctx.data, d);
    return task(() => cdistLoop(x.data, y.data, d, metric), (out) => ({ sum: sumF64(out), first: out[0], last: out[out.length - 1] }));
  };
}

function curveFit(ctx: Ctx): Task {
  const c = loadCurves(ctx.data);
  const p = c.x.length;
  return task(() => {
    const out = new Float64Array(c.rows * 2);
    for (let r = 0; r < c.rows; r++) fitPowerLaw(c.x, c.y, r * p, p, 1, -1, out, 2 * r);
    return out;
  }, (out) => {
    let aSum = 0, bSum = 0;
    for (let r = 0; r < c.rows; r++) { aSum += out[2 * r]; bSum += out[2 * r + 1]; }
    return { rows: c.rows, aSum, bSum };
  });
}

/** The loop contender. */
export const contender: Contender = {
  version: () => `node ${process.version}`,
  prepare: {
    'groupby-int': groupbyInt, 'groupby-str': groupbyStr, 'pivot-table': pivotTable, 'csv-read': csvRead, sort,
    'filter-arith': filterArith, join, transform, 'melt-pivot': meltPivot,
    'cdist-3-euclidean': cdist(3, 'euclidean'), 'cdist-3-cityblock': cdist(3, 'cityblock'), 'cdist-64-euclidean': cdist(64, 'euclidean'),
    'curve-fit': curveFit,
  },
  notApplicable: {
    'parquet-write': 'no hand-written Parquet codec',
    'parquet-read': 'no hand-written Parquet codec',
    netcdf: 'no hand-written HDF5 reader',
    'csv-chunked': 'no hand-written chunked CSV reader (csv-read shows the loop parsing a CSV)',
  },
};
