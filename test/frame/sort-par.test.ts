import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFrame } from '../../src/frame/dataframe.js';
import { fromFloat64, fromTyped } from '../../src/frame/column-build.js';
import type { Column } from '../../src/frame/column.js';
import { argsort, argsortFloat64 } from '../../src/frame/ops/sort.js';
import { PAR_MIN } from '../../src/frame/ops/radix.js';
import { configure } from '../../src/parallel/pool.js';
import { configureTeam, teamReady, teamStats } from '../../src/parallel/team.js';

// The parallel sort (thread team) against the single-thread sort: bit-identical positions and values.
// The single-thread paths are checked against pandas and a comparison sort in sort.test.ts; here the
// results are also checked to be sorted and stable directly.
const N = PAR_MIN + 5000;
let seed = 5;
const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;

function serial<T>(f: () => T): T {
  configure({ workers: 1 });
  try {
    return f();
  } finally {
    configure({ workers: 2 });
  }
}

/** Runs `f` on the team (asserting it was used) and on one thread; both results. */
async function both<T>(f: () => T): Promise<[T, T]> {
  await teamReady();
  const jobs = teamStats().jobs;
  const par = f();
  expect(teamStats().jobs).toBeGreaterThan(jobs);
  return [par, serial(f)];
}

function same(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/** True when `perm` orders `v` ascending (NaN last) and keeps equal values in row order. */
function sortedStable(v: Float64Array, perm: Int32Array): boolean {
  const seen = new Uint8Array(v.length);
  for (let i = 0; i < perm.length; i++) {
    if (seen[perm[i]]++) return false;
    if (i === 0) continue;
    const x = v[perm[i - 1]], y = v[perm[i]];
    if (Number.isNaN(x) ? !Number.isNaN(y) || perm[i - 1] > perm[i] : x > y || (x === y && perm[i - 1] > perm[i])) {
      if (!Number.isNaN(x) || !Number.isNaN(y) || perm[i - 1] > perm[i]) return false;
    }
  }
  return true;
}

describe('parallel sort (thread team)', () => {
  beforeAll(async () => {
    // The team even on a busy machine (sort and gather skip it when the load leaves no core free).
    configureTeam({ loadAware: false });
    configure({ workers: 2 });
    expect(await teamReady()).toBe(2);
  });
  afterAll(() => {
    configure({ workers: 2 });
    configureTeam({ loadAware: true });
  });

  it('float64 key with NaN, infinities, ties: same positions and values, both directions and NaN positions', async () => {
    const v = Float64Array.from({ length: N }, () => {
      const u = rand();
      return u < 0.03 ? NaN : u < 0.04 ? Infinity : u < 0.05 ? -Infinity : u < 0.3 ? Math.round(rand() * 50) : (rand() - 0.5) * 10 ** Math.floor(rand() * 30 - 15);
    });
    const col = fromFloat64(v);
    for (const asc of [true, false]) {
      for (const na of ['last', 'first'] as const) {
        const [p, s] = await both(() => argsortFloat64(col, asc, na));
        expect(same(p.perm, s.perm)).toBe(true);
        expect(p.sorted !== null && s.sorted !== null && same(p.sorted, s.sorted)).toBe(true);
      }
    }
    expect(sortedStable(v, argsortFloat64(col, true).perm)).toBe(true);
  });

  it('sortValues moves every column the same way; a -0 key is gathered, not decoded', async () => {
    const v = Float64Array.from({ length: N }, (_, i) => (i % 1000 === 0 ? -0 : Math.round((rand() - 0.5) * 1e4) / 8));
    const df = DataFrame.fromColumns(['v', 'i', 'w'], [fromFloat64(v), fromTyped(Int32Array.from({ length: N }, (_, i) => i)), fromFloat64(v.map((x) => x * 3))]);
    const [p, s] = await both(() => df.sortValues('v', { ascending: false }));
    for (const name of ['v', 'i', 'w']) expect(same(p.column(name).values, s.column(name).values)).toBe(true);
    // The RangeIndex labels (written on the team) are the original row numbers: column i.
    expect(same(p.index.column.values, s.index.column.values)).toBe(true);
    const labels = p.index.column.values as BigInt64Array;
    const rows = p.column('i').values as Int32Array;
    expect(rows.every((r, k) => BigInt(r) === labels[k])).toBe(true);
    expect(Object.is((p.column('v').values as Float64Array)[N - 1], -0) || (p.column('v').values as Float64Array).some((x) => Object.is(x, -0))).toBe(true);
  });

  it('keys equal in their top 16 bits split on the next digit; keys equal in their top 32 bits sort on one thread', async () => {
    // 1 + tiny: same sign, exponent and top mantissa bits.
    const close = fromFloat64(Float64Array.from({ length: N }, () => 1 + Math.floor(rand() * 1e6) * 2 ** -40));
    const [p, s] = await both(() => argsortFloat64(close, true));
    expect(same(p.perm, s.perm)).toBe(true);
    const flat = fromFloat64(Float64Array.from({ length: N }, () => 1 + Math.floor(rand() * 100) * 2 ** -50));
    await teamReady();
    const jobs = teamStats().jobs;
    const pf = argsortFloat64(flat, true);
    expect(same(pf.perm, serial(() => argsortFloat64(flat, true)).perm)).toBe(true);
    // Two histogram jobs found one bucket each; no scatter or bucket jobs ran.
    expect(teamStats().jobs - jobs).toBe(2);
  });

  it('an input sorted within each thread\'s rows but not across them is sorted; a sorted one is the identity', async () => {
    // Two runs 0..N/2: each half (one thread's rows) is in order, the whole is not.
    const half = Math.floor(N / 2);
    const runs = fromFloat64(Float64Array.from({ length: N }, (_, i) => (i < half ? i : i - half)));
    const [p, s] = await both(() => argsortFloat64(runs, true));
    expect(same(p.perm, s.perm)).toBe(true);
    expect(Array.from(p.perm.subarray(0, 4))).toEqual([0, half, 1, half + 1]);
    const [q] = await both(() => argsortFloat64(fromFloat64(Float64Array.from({ length: N }, (_, i) => i * 0.5)), false));
    expect(q.perm.every((x, i) => x === N - 1 - i)).toBe(true);
    const [id] = await both(() => argsortFloat64(fromFloat64(Float64Array.from({ length: N }, (_, i) => i * 0.5)), true));
    expect(id.perm.every((x, i) => x === i)).toBe(true);
    expect(id.sorted?.[N - 1]).toBe((N - 1) * 0.5);
  });

  it('int64 beyond 2^53 and several keys (64-bit words through radixSortPerm)', async () => {
    const big = fromTyped(BigInt64Array.from({ length: N }, () => (rand() < 0.5 ? 2n ** 60n : -(2n ** 61n)) + BigInt(Math.floor(rand() * 1e6))));
    const small = fromTyped(Int32Array.from({ length: N }, () => Math.floor(rand() * 4)));
    const f = fromFloat64(Float64Array.from({ length: N }, () => (rand() < 0.02 ? NaN : Math.floor(rand() * 1000) / 4)));
    const keys: Column[][] = [[big], [small, f], [f, big]];
    for (const k of keys) {
      const [p, s] = await both(() => argsort(k, { ascending: k.map((_, i) => i % 2 === 0) }));
      expect(same(p, s)).toBe(true);
    }
  });
});
