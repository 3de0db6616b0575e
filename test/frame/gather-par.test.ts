import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromCodes, fromStrings, fromTyped, fromValues } from '../../src/frame/column-build.js';
import { take } from '../../src/frame/column-take.js';
import type { Column } from '../../src/frame/column.js';
import { gatherColumns, shareColumn } from '../../src/frame/ops/gather.js';
import { F64, gatherRange, I16, I32, PAIRS, U8 } from '../../src/frame/ops/gather-par.js';
import { gatherOnTeam } from '../../src/frame/ops/gather-team.js';
import { gatherPlan } from '../../src/frame/ops/gather-plan.js';
import { configure } from '../../src/parallel/pool.js';
import { configureTeam, teamReady, teamStats } from '../../src/parallel/team.js';

// Oracle: the core's column take (one thread, per-row semantics: a negative position gives null).
let seed = 11;
const rand = (): number => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;

function columns(n: number): Column[] {
  return [
    fromValues(Array.from({ length: n }, (_, i) => (i % 97 === 0 ? null : i % 89 === 0 ? NaN : i * 0.5 - 7))),
    fromTyped(BigInt64Array.from({ length: n }, (_, i) => BigInt(i) * 3n - 2n ** 40n)),
    fromTyped(Int32Array.from({ length: n }, (_, i) => i * 7 - 1000)),
    fromValues(Array.from({ length: n }, (_, i) => (i % 5) - 2), 'int16'),
    fromValues(Array.from({ length: n }, (_, i) => i % 251), 'uint8'),
    fromCodes(Int32Array.from({ length: n }, (_, i) => (i % 13 === 0 ? -1 : i % 3)), ['a', 'b', 'c']),
    fromValues(Array.from({ length: n }, (_, i) => (i % 11 === 0 ? null : i % 2 === 0))),
    fromStrings(Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : `s${i % 1000}`))),
  ];
}

/** True when both are null or hold the same bytes (bit-exact comparison). */
function sameBytes(a: ArrayBufferView | null, b: ArrayBufferView | null): boolean {
  if (a === null || b === null) return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

describe('parallel gather (thread team)', () => {
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

  it('gives the same columns as take, above the parallel threshold, with -1 and on a plain buffer', () => {
    const n = 150_000;
    const cols = columns(n);
    // A permutation-like index on a plain ArrayBuffer (copied to shared memory for the team), with 1% -1.
    const idx = Int32Array.from({ length: 160_000 }, () => (rand() < 0.01 ? -1 : Math.floor(rand() * n)));
    const jobs = teamStats().jobs;
    const par = gatherColumns(cols, idx);
    expect(teamStats().jobs).toBe(jobs + 1);
    configure({ workers: 1 });
    const serial = gatherColumns(cols, idx);
    configure({ workers: 2 });
    for (let c = 0; c < cols.length; c++) {
      expect(par[c].dtype).toBe(cols[c].dtype);
      expect(par[c].nullCount).toBe(serial[c].nullCount);
      expect(sameBytes(par[c].validity, serial[c].validity)).toBe(true);
      expect(sameBytes(par[c].values, serial[c].values)).toBe(true);
      // Spot check against take (the serial path is checked against it row by row in gather.test.ts).
      const few = idx.subarray(0, 2000);
      expect(gatherColumns([cols[c]], few)[0].toArray()).toEqual(take(cols[c], few).toArray());
    }
    expect(gatherColumns(cols, new Int32Array(0)).map((c) => c.length)).toEqual(cols.map(() => 0));
  });

  it('the blocked plan built and applied on the team gives the bytes of the direct gather', async () => {
    await teamReady();
    // 200k source rows (7 blocks of 32k), 230k positions with repeats and 1% -1: every layout.
    const n = 200_000;
    const m = 230_000;
    // Typed arrays on shared memory, filled in place (map would return a non-shared copy).
    const sh = <T extends { length: number; [i: number]: number }>(C: new (b: SharedArrayBuffer) => T, bytes: number, f: (i: number) => number = () => 0): T => {
      const a = new C(new SharedArrayBuffer(bytes));
      for (let i = 0; i < a.length; i++) a[i] = f(i);
      return a;
    };
    const idx = sh(Int32Array, 4 * m, () => (rand() < 0.01 ? -1 : Math.floor(rand() * n)));
    const srcs = [
      sh(Float64Array, 8 * n, (i) => i * 0.5 - 3),
      sh(Int32Array, 8 * n, (i) => i * 7 - 5),
      sh(Int32Array, 4 * n, (i) => i ^ 0x55),
      sh(Int16Array, 2 * n, (i) => i - 30000),
      sh(Uint8Array, n, (i) => i % 251),
    ];
    const kinds = [F64, PAIRS, I32, I16, U8];
    const outs = () => [sh(Float64Array, 8 * m), sh(Int32Array, 8 * m), sh(Int32Array, 4 * m), sh(Int16Array, 2 * m), sh(Uint8Array, m)];
    const par = outs();
    const jobs = teamStats().jobs;
    gatherOnTeam({ idx, srcLength: n, srcs, outs: par, kinds }, 8);
    expect(teamStats().jobs).toBe(jobs + 4);
    const serial = outs();
    gatherRange({ idx, srcLength: n, srcs, outs: serial, kinds }, 0, m);
    for (let c = 0; c < kinds.length; c++) expect(sameBytes(par[c], serial[c])).toBe(true);
    // Spot check against the definition: out[i] = src[idx[i]], 0 for -1.
    const f = par[0] as Float64Array;
    expect(idx.every((j, i) => f[i] === (j < 0 ? 0 : j * 0.5 - 3))).toBe(true);
  });

  it('shareColumn copies a large column to shared memory with its type, dictionary and nulls', () => {
    for (const c of columns(70_000)) {
      const s = shareColumn(c);
      const fixed = c.dtype !== 'bool' && !(c.dtype === 'string' && !c.isDictionary);
      // Fixed-width values end up shared; bool bits and UTF-8 strings are left as they are.
      if (fixed) expect(s.values.buffer instanceof SharedArrayBuffer).toBe(true);
      else expect(s).toBe(c);
      expect(s.dtype).toBe(c.dtype);
      expect(s.isDictionary).toBe(c.isDictionary);
      expect(s.nullCount).toBe(c.nullCount);
      expect(s.toArray()).toEqual(c.toArray());
    }
    const small = fromValues([1.5, 2.5]);
    expect(shareColumn(small)).toBe(small);
  });

  it('a plan over one range of output rows moves exactly those rows', () => {
    const n = 70_000;
    const src = Float64Array.from({ length: n }, (_, i) => i + 0.25);
    const words = Int32Array.from({ length: 2 * n }, (_, i) => i);
    const idx = Int32Array.from({ length: 90_000 }, () => (rand() < 0.02 ? -1 : Math.floor(rand() * n)));
    const out = new Float64Array(idx.length).fill(-9);
    const outW = new Int32Array(2 * idx.length).fill(-9);
    const [s, e] = [10_000, 75_000];
    gatherRange({ idx, srcLength: n, srcs: [src, words], outs: [out, outW], kinds: [F64, PAIRS] }, s, e, gatherPlan(idx, n, s, e));
    let bad = 0;
    for (let i = 0; i < idx.length; i++) {
      const j = idx[i];
      const inside = i >= s && i < e;
      // Outside the range nothing is written; inside, a -1 position leaves the output as it was.
      if (out[i] !== (inside && j >= 0 ? j + 0.25 : -9)) bad++;
      if (outW[2 * i + 1] !== (inside && j >= 0 ? 2 * j + 1 : -9)) bad++;
    }
    expect(bad).toBe(0);
  });
});
