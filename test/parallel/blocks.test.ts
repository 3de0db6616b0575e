import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockRanges, runBlocks, sharedArray } from '../../src/parallel/blocks.js';
import { configure, shutdown } from '../../src/parallel/pool.js';
import { TaskDefinitionError } from '../../src/parallel/errors.js';
import { t } from './helpers.js';

describe('runBlocks', () => {
  beforeAll(() => configure({ workers: 2 }));
  afterAll(() => shutdown());

  it('splits rows into contiguous blocks covering every row once', () => {
    expect(blockRanges(10, 3).map((b) => [b.start, b.end])).toEqual([[0, 3], [3, 6], [6, 10]]);
    expect(blockRanges(2, 5).map((b) => [b.start, b.end])).toEqual([[0, 1], [1, 2]]);
  });

  it('fills a shared output block by block, equal to a single-threaded loop', async () => {
    const n = 301;
    const m = 57;
    const d = 3;
    // X is a plain (non-shared) array: runBlocks shares it once
    const X = Float64Array.from({ length: n * d }, (_, i) => Math.sin(i));
    const Y = Float64Array.from({ length: m * d }, (_, i) => Math.cos(i) * 2);
    const out = sharedArray(Float64Array, n * m);
    const res = await runBlocks(t('sqdistBlock'), { X, Y, out, d, m }, n, { blocks: 3 });
    expect(res).toEqual([100, 100, 101]); // rows per block
    const ref = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) {
      let s = 0;
      for (let k = 0; k < d; k++) s += (X[i * d + k] - Y[j * d + k]) ** 2;
      ref[i * m + j] = s;
    }
    expect(out).toEqual(ref); // same loop, same order: exact
  });

  it('refuses a function with an explanation', async () => {
    await expect(runBlocks((() => 1) as never, {}, 10)).rejects.toThrow(TaskDefinitionError);
  });
});
