import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compute } from '../../src/parallel/compute.js';
import { delayed, Delayed } from '../../src/parallel/delayed.js';
import { configure, shutdown } from '../../src/parallel/pool.js';
import { visualize } from '../../src/parallel/visualize.js';
import { t } from './helpers.js';

const inc = delayed<number>(t('inc'));
const dec = delayed<number>(t('dec'));
const add = delayed<number>(t('add'));
const double = delayed<number>(t('double'));

/** The lesson's graph: inc (0.5 s) for even x, dec (0.3 s) for odd, then a tree of adds (0.1 s). */
function lessonGraph(): Delayed<number> {
  let level: Delayed<number>[] = [1, 2, 3, 4, 5].map((x) => (x % 2 === 0 ? inc(x) : dec(x)));
  while (level.length > 1) {
    const next: Delayed<number>[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? add(level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0];
}

describe('delayed / compute', () => {
  beforeAll(async () => {
    // Five workers so the five first-level tasks can all start at once (they sleep, using no CPU).
    configure({ workers: 5 });
    const slow = delayed(t('slow'));
    await compute([0, 1, 2, 3, 4].map(() => slow(300))); // start the workers before timing
  });
  afterAll(async () => {
    await shutdown();
    configure({ workers: 2 });
  });

  it('runs the lesson graph in about its critical path, not the sum of its tasks', async () => {
    const total = lessonGraph();
    const t0 = performance.now();
    const [r] = await compute(total);
    const ms = performance.now() - t0;
    // even 2,4 -> 3,5; odd 1,3,5 -> 0,2,4; sum 14
    expect(r).toBe(14);
    // Sum of task times: 2*0.5 + 3*0.3 + 4*0.1 = 2.3 s; critical path: inc 0.5 + three adds 0.3 = 0.8 s.
    expect(ms).toBeGreaterThanOrEqual(790);
    expect(ms).toBeLessThan(1500);
  });

  it('gives the same results with the sync scheduler (all on the calling thread)', async () => {
    const [r] = await compute(add(double(3), double(4)), { scheduler: 'sync' });
    expect(r).toBe(14);
    const [a, b] = await compute(double(3), double(4));
    expect([a, b]).toEqual([6, 8]);
  });

  it('computes a node shared by several others once', async () => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const shared = delayed<number>(t('bump'))(counter);
    const sum = delayed<number>(t('total'));
    const progress: number[] = [];
    const [r] = await compute(sum(add(shared, 1), add(shared, 2), shared), { onProgress: (p) => progress.push(p.done * 100 + p.total) });
    // shared runs once and returns 1: (1+1) + (1+2) + 1 = 6
    expect(r).toBe(6);
    expect(Atomics.load(counter, 0)).toBe(1);
    expect(progress).toEqual([104, 204, 304, 404]);
  });

  it('runs independent tasks at the same time', async () => {
    const slow = delayed(t('slow'));
    const t0 = performance.now();
    const res = await compute(slow(400), slow(400), slow(400));
    expect(res).toEqual([400, 400, 400]);
    expect(performance.now() - t0).toBeLessThan(1100); // one after another: 1200 ms
  });

  it('passes nodes inside arrays and objects, and plain values through', async () => {
    const sum = delayed<number>(t('total'));
    const local = delayed((o: { a: number; b: number[] }) => o.a + o.b[0] + o.b[1]);
    const [x, y, z] = await compute(local({ a: double(1), b: [double(2), 10] }), 'plain', sum(1, 2, 3));
    expect([x, y, z]).toEqual([2 + 4 + 10, 'plain', 6]);
  });

  it('runs a plain function on the calling thread, its closure intact, under both schedulers', async () => {
    const k = 3;
    const seen: string[] = [];
    const plus = delayed((x: number) => {
      seen.push('ran');
      return x + k;
    });
    const node = plus(double(1));
    expect(await compute(node)).toEqual([5]);
    expect(await compute(node, { scheduler: 'sync' })).toEqual([5]);
    expect(await node.compute()).toBe(5);
    expect(seen).toEqual(['ran', 'ran', 'ran']); // it ran here, where `seen` lives
  });

  it('refuses relative and missing modules with a clear error', async () => {
    await expect(compute(delayed({ module: './tasks.mjs', name: 'x' })(1))).rejects.toThrow(/absolute path or a file: URL/);
    await expect(compute(delayed({ module: '/nonexistent/tasks.mjs', name: 'x' })(1))).rejects.toThrow(/does not exist/);
    await expect(compute(delayed(t('nope'))(1))).rejects.toThrow(/has no exported function 'nope'.*inc/);
  });

  it('shares SharedArrayBuffer memory with workers and moves results back', async () => {
    const shared = new Float64Array(new SharedArrayBuffer(8 * 100_000));
    expect(await compute(delayed(t('fillWith'))(shared, 3))).toEqual([true]);
    expect(shared[99_999]).toBe(3); // the worker wrote into our memory: no copy either way
    const plain = new Float64Array(100_000);
    expect(await compute(delayed(t('fillWith'))(plain, 3))).toEqual([true]); // copied once into shared memory
    expect(plain[0]).toBe(0); // ... so the caller's own buffer is untouched
    const [h] = (await compute(delayed(t('halves'))(100_000))) as [Float64Array];
    expect(h.length).toBe(100_000);
    expect(h[99_999]).toBe(49_999.5); // the worker's buffer was transferred
  });

  it('renders the graph as Mermaid and DOT', () => {
    const a = double(1);
    const g = add(a, add(a, 2));
    const m = visualize(g);
    expect(m.startsWith('graph BT')).toBe(true);
    expect(m.match(/-->/g)?.length).toBe(3); // a->inner, a->g, inner->g
    expect(m.match(/\["/g)?.length).toBe(3); // three nodes, `a` once
    const dot = visualize(g, { format: 'dot' });
    expect(dot).toMatch(/^digraph G \{/);
    expect(dot.match(/->/g)?.length).toBe(3);
    expect(dot).toContain('shape=doublecircle');
  });
});
