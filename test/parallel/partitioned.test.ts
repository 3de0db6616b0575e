import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { DataFrame } from '../../src/frame/dataframe.js';
import { factorizeSorted } from '../../src/frame/multi-index.js';
import { aggregateColumn } from '../../src/frame/aggs/registry.js';
import { fromFloat64 } from '../../src/frame/column-build.js';
import type { Scalar } from '../../src/frame/dtypes.js';
import { partition } from '../../src/parallel/partitioned.js';
import { configure, shutdown } from '../../src/parallel/pool.js';
import { compute } from '../../src/parallel/compute.js';
import { delayed } from '../../src/parallel/delayed.js';
import { alloc } from '../../src/frame/alloc.js';
import { closeTo } from '../helpers.js';
import { KeyError } from '../../src/errors.js';

const FT = fileURLToPath(new URL('./fixtures/frame-tasks.ts', import.meta.url));
const ft = (name: string) => ({ module: FT, name });

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x ^= x + Math.imul(x ^ (x >>> 7), 61 | x);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function randomFrame(seed: number, n: number): DataFrame {
  const r = rng(seed);
  const k: (number | null)[] = [];
  const s: (string | null)[] = [];
  const v: number[] = [];
  const i64: number[] = [];
  for (let i = 0; i < n; i++) {
    k.push(r() < 0.05 ? null : Math.floor(r() * 7));
    s.push(r() < 0.05 ? null : 'abcde'[Math.floor(r() * 5)]);
    v.push(r() < 0.05 ? NaN : (r() - 0.3) * 1000);
    i64.push(Math.floor(r() * 101) - 50);
  }
  return new DataFrame({ k, s, v, i: i64 });
}

/** The single-threaded result of one aggregation through the same registry. */
function reference(df: DataFrame, key: string, col: string, agg: string): Scalar[] {
  const { uniques, codes } = factorizeSorted(df.column(key));
  return [uniques.toArray(), aggregateColumn(agg, df.column(col), codes, uniques.length).toArray()].flat();
}

const EXACT = [['i', 'sum'], ['i', 'min'], ['i', 'max'], ['v', 'count'], ['v', 'min'], ['v', 'max'], ['i', 'first'], ['i', 'last'], ['i', 'nunique'], ['v', 'size']] as const;
const FLOAT = [['v', 'sum'], ['v', 'mean'], ['v', 'std'], ['v', 'var'], ['i', 'mean']] as const;

describe('partitioned frames', () => {
  beforeAll(() => configure({ workers: 2 }));
  afterAll(() => shutdown());

  it('groupby-agg equals the single-threaded result for random frames and partition counts', async () => {
    const r = rng(7);
    for (let trial = 0; trial < 5; trial++) {
      const n = 50 + Math.floor(r() * 3000);
      const parts = 1 + Math.floor(r() * 9);
      const df = randomFrame(100 + trial, n);
      for (const key of ['k', 's']) {
        const spec: Record<string, string[]> = { v: [], i: [] };
        for (const [c, a] of [...EXACT, ...FLOAT]) spec[c].push(a);
        const out = await partition(df, parts).groupby(key).agg(spec);
        const keys = out.index.toArray();
        for (const [c, a] of EXACT) {
          const ref = reference(df, key, c, a);
          expect([keys, out.column(`${c}_${a}`).toArray()].flat(), `${key} ${c} ${a} n=${n} parts=${parts}`).toEqual(ref);
        }
        for (const [c, a] of FLOAT) {
          const ref = reference(df, key, c, a).slice(keys.length) as number[];
          const got = out.column(`${c}_${a}`).toArray() as number[];
          expect(got.length).toBe(ref.length);
          got.forEach((g, j) => expect(closeTo(g, ref[j], 1e-11), `${key} ${c} ${a} group ${j}: ${g} vs ${ref[j]}`).toBe(true));
        }
      }
    }
  });

  it('equals df.groupby(keys).agg(spec) (the single-threaded groupby) for random frames', async () => {
    const r = rng(11);
    for (let trial = 0; trial < 3; trial++) {
      const df = randomFrame(200 + trial, 100 + Math.floor(r() * 2000));
      const parts = 1 + Math.floor(r() * 7);
      for (const keys of [['s'], ['k', 's']]) {
        const spec = { i: ['sum', 'min', 'max', 'count', 'first', 'last'], v: ['mean', 'std'] };
        const want = df.groupby(keys).agg(spec);
        const got = await partition(df, parts).groupby(keys).agg(spec);
        expect(got.columns).toEqual(want.columns);
        expect(got.index.toArray()).toEqual(want.index.toArray());
        for (const c of ['i_sum', 'i_min', 'i_max', 'i_count', 'i_first', 'i_last']) expect(got.column(c).toArray(), c).toEqual(want.column(c).toArray());
        for (const c of ['v_mean', 'v_std']) {
          const g = got.column(c).toFloat64();
          const w = want.column(c).toFloat64();
          g.forEach((x, j) => expect(closeTo(x, w[j], 1e-11), `${c}[${j}] ${x} vs ${w[j]}`).toBe(true));
        }
      }
    }
  });

  it('groups by two keys, sorted as pandas sorts them', async () => {
    const df = new DataFrame({ a: ['x', 'y', 'x', 'y', 'x', null], b: [2, 1, 2, 2, 1, 1], v: [1, 2, 3, 4, 5, 6] });
    const out = await df.partition(3).groupby(['a', 'b']).agg({ v: ['sum', 'count'] }).collect();
    // pandas: df.groupby(['a','b']).v.agg(['sum','count']) -> (x,1):5,1 (x,2):4,2 (y,1):2,1 (y,2):4,1
    expect(out.index.toArray()).toEqual([['x', 1], ['x', 2], ['y', 1], ['y', 2]]);
    expect(out.column('v_sum').toArray()).toEqual([5, 4, 2, 4]);
    expect(out.column('v_count').toArray()).toEqual([1, 2, 1, 1]);
  });

  it('matches hand-computed means (pandas semantics: NaN skipped, null keys dropped)', async () => {
    const df = new DataFrame({ k: [1, 2, 1, null, 2, 1], v: [1.5, NaN, 2.5, 100, 4, 5] });
    const out = await df.partition(4).groupby('k').agg({ v: 'mean' });
    // pandas: DataFrame(...).groupby('k').v.mean() -> k=1: (1.5+2.5+5)/3 = 3.0, k=2: 4.0
    expect(out.index.toArray()).toEqual([1, 2]);
    expect(out.column('v').toArray()).toEqual([3, 4]);
  });

  it('filter / assign / mapPartitions then collect equal the same steps single-threaded', async () => {
    const df = randomFrame(3, 2500);
    const got = await df
      .partition(5)
      .filter({ col: 'v', op: 'gt', value: 0 })
      .assign({ v2: { col: 'v', op: 'mul', value: 2 }, vi: { col: 'v', op: 'add', other: 'i' } })
      .mapPartitions(ft('addW'))
      .filter(ft('evenKey'))
      .collect();
    const v = df.column('v').toFloat64();
    const k = df.column('k').toFloat64();
    const iv = df.column('i').toFloat64();
    const rows: number[] = [];
    for (let r = 0; r < df.length; r++) if (v[r] > 0 && k[r] % 2 === 0) rows.push(r);
    expect(got.columns).toEqual(['k', 's', 'v', 'i', 'v2', 'vi', 'w']);
    expect(got.index.toArray()).toEqual(rows);
    expect(got.column('v').toArray()).toEqual(rows.map((r) => v[r]));
    expect(got.column('v2').toArray()).toEqual(rows.map((r) => 2 * v[r]));
    expect(got.column('vi').toArray()).toEqual(rows.map((r) => v[r] + iv[r]));
    expect(got.column('w').toArray()).toEqual(rows.map((r) => 2 * v[r] + 1));
    expect(got.column('s').toArray()).toEqual(rows.map((r) => df.column('s').get(r)));
  });

  it('promotes a column to float64 when partitions infer int64 and float64 (as pandas.concat)', async () => {
    const df = new DataFrame({ v: [1.5, 2, 3, 4] });
    const out = await df.partition(2).mapPartitions(ft('plusOneArray')).collect();
    expect(out.dtypes.w).toBe('float64');
    expect(out.column('w').toArray()).toEqual([2.5, 3, 4, 5]);
  });

  it('applies a module task to every row in the workers', async () => {
    const df = new DataFrame({ k: [1, 2, 3, 4, 5], s: ['a', 'b', null, 'd', 'e'] });
    const s = await df.partition(2).apply(ft('label'));
    expect(s.toArray()).toEqual(['a:1', 'b:2', 'null:3', 'd:4', 'e:5']);
    expect(s.index.toArray()).toEqual([0, 1, 2, 3, 4]);
  });

  it('hands columns to workers on shared memory, also when the source buffer was not shared', async () => {
    const n = 20_000; // 160 KB: above the 64 KiB sharing threshold
    const plain = new Float64Array(n).map((_, i) => i); // a non-shared buffer: copied once to shared memory
    const df = new DataFrame({ v: fromFloat64(plain) });
    const vIsShared = delayed(ft('vIsShared'));
    expect(await compute(vIsShared(df))).toEqual([[true]]);
    // a partition of a shared column is a view of the same SharedArrayBuffer
    const big = new DataFrame({ v: fromFloat64(alloc(Float64Array, n)) });
    expect(await compute(vIsShared(partition(big, 3).partitions[1]))).toEqual([[true]]);
    // a small frame is cloned (cheaper than a shared allocation)
    expect(await compute(vIsShared(new DataFrame({ v: [1.5, 2] })))).toEqual([[false]]);
    const out = await df.partition(2).mapPartitions(ft('addW')).collect();
    expect(out.column('w').get(n - 1)).toBe(2 * (n - 1) + 1);
  });

  it('raises the same error class as single-threaded code for an unknown column', async () => {
    const df = new DataFrame({ k: [1, 2], v: [1.5, 2.5] });
    await expect(df.partition(2).groupby('k').agg({ vv: 'mean' })).rejects.toThrow(KeyError);
    await expect(df.partition(2).groupby('k').agg({ vv: 'mean' })).rejects.toThrow(/Unknown column 'vv'\. Did you mean 'v'/);
    expect(() => df.partition(2).groupby('kk')).not.toThrow(); // lazy until agg
    expect(() => df.partition(2).groupby('kk').agg('mean')).toThrow(KeyError);
  });

  it('refuses a closure, explaining how to write a module task', () => {
    const factor = 2;
    expect(() => partition(new DataFrame({ v: [1] }), 1).mapPartitions(((d: DataFrame) => d.assign({ w: [factor] })) as never)).toThrow(
      /function cannot be sent to a worker thread.*export function myTask/,
    );
  });

  it('reports progress per partition and stops on abort', async () => {
    const df = randomFrame(5, 400);
    const seen: string[] = [];
    await partition(df, 4).groupby('k').agg('count').collect({ onProgress: (p) => seen.push(`${p.done}/${p.total}`) });
    expect(seen).toEqual(['1/8', '2/8', '3/8', '4/8', '5/8', '6/8', '7/8', '8/8']); // two phases per partition
    await expect(partition(df, 4).collect({ signal: AbortSignal.abort() })).rejects.toThrow(/aborted/);
  });
});
