/**
 * Public API contract, section "Parallel" of /work/shared/API.md (configure, partition,
 * mapPartitions, partitioned groupby/agg, collect, delayed/compute, chunked DataArrays), through the
 * package root. One worker only (the machine is shared) and shut down afterwards. Expected values are
 * worked out by hand (stated beside each).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as gf from '../../src/index.js';

/** Absolute path of the plain-JavaScript task module. */
const TASKS = fileURLToPath(new URL('./fixtures/tasks.mjs', import.meta.url));

beforeAll(() => gf.configure({ workers: 1 }));
afterAll(async () => {
  await gf.shutdown();
});

describe('API.md Parallel', () => {
  it('configure({ workers })', () => {
    gf.configure({ workers: 1 });
    expect(gf.poolInfo().workers).toBe(1);
  });

  it('df.partition(n) -> PartitionedFrame: .mapPartitions(task) .groupby(...).agg(...) .collect()', async () => {
    const df = new gf.DataFrame({ k: ['a', 'b', 'a', 'b', 'a'], v: [1, 2, 3, 4, 5] });
    const pf = df.partition(2);
    expect(pf).toBeInstanceOf(gf.PartitionedFrame);
    expect(pf.npartitions).toBe(2);
    const mapped = pf.mapPartitions({ module: TASKS, name: 'addW' });
    const out = await mapped.collect();
    expect(out.col('w').toArray()).toEqual([2, 4, 6, 8, 10]);
    expect(out.index.toArray()).toEqual([0, 1, 2, 3, 4]);
    // a: v 1 + 3 + 5 = 9, w = 18; b: v 2 + 4 = 6, w = 12.
    const agg = await mapped.groupby('k').agg({ v: 'sum', w: 'max' }).collect();
    expect(agg.index.toArray()).toEqual(['a', 'b']);
    expect(agg.col('v').toArray()).toEqual([9, 6]);
    expect(agg.col('w').toArray()).toEqual([10, 8]);
    // A PendingFrame is awaitable as it is.
    const mean = await pf.groupby('k').agg({ v: 'mean' });
    expect(mean.col('v').toArray()).toEqual([3, 3]);
    // A closure cannot be sent to a worker: refused with an error explaining { module, name }.
    const closure = ((d: gf.DataFrame) => d) as unknown as gf.ModuleTask;
    expect(() => pf.mapPartitions(closure)).toThrow(/module/);
  });

  it("delayed(task)(...args), await compute(a, b, { scheduler: 'threads' | 'sync' }) -> [resultA, resultB]", async () => {
    const square = gf.delayed<number>({ module: TASKS, name: 'square' });
    const plus = gf.delayed<number>((x: number, y: number) => x + y); // a plain function runs on this thread
    const a = square(3); // 9
    const b = plus(square(a), 1); // 9 * 9 + 1 = 82
    expect(a).toBeInstanceOf(gf.Delayed);
    expect(await gf.compute(a, b, { scheduler: 'threads' })).toEqual([9, 82]);
    expect(await gf.compute(a, b, { scheduler: 'sync' })).toEqual([9, 82]);
    expect(await b.compute()).toBe(82);
    // Nodes inside arrays and plain objects are computed too (as dask.compute walks lists and dicts).
    expect(await gf.compute([a, square(2)], { total: b, n: 7 })).toEqual([[9, 4], { total: 82, n: 7 }]);
    // An error thrown in the worker surfaces with the worker's message.
    await expect(gf.compute(gf.delayed({ module: TASKS, name: 'boom' })())).rejects.toThrow(/boom from the worker/);
  });

  it("da.chunk({ time: 12 }), await da.mean('time').compute()", async () => {
    // value(t, x) = t + 100 x for t = 0..23: mean over time = 11.5 + 100 x.
    const data = Array.from({ length: 24 }, (_, t) => [t, t + 100]);
    const da = new gf.DataArray(data, { dims: ['time', 'x'], coords: { x: [0, 1] } });
    const chunked = da.chunk({ time: 12 });
    expect(chunked).toBeInstanceOf(gf.ChunkedDataArray);
    expect(chunked.chunks).toEqual([[12, 12], [2]]);
    const m = await chunked.mean('time').compute();
    expect(m).toBeInstanceOf(gf.DataArray);
    expect(m.dims).toEqual(['x']);
    expect(m.values.toArray()).toEqual([11.5, 111.5]);
    expect(m.coords.x.values.toArray()).toEqual([0, 1]);
  });
});
