/**
 * Large multi-column gathers on the thread team: the blocked plan of gather-plan.ts, built and
 * applied in parallel (kernels in gather-plan-par.ts), so each thread streams through whole source
 * blocks and whole output blocks. Same values as the single-thread gather.
 * @module
 */
import { sharedArray } from '../../parallel/blocks.js';
import { runParts } from '../../parallel/team.js';
import type { TeamTyped } from '../../parallel/team-kernel.js';
import { alloc } from '../alloc.js';
import { F64, gatherRange, I32, PAIRS, type GatherArgs } from './gather-par.js';
import { BLOCK, gplanCount, gplanPhase1, gplanPhase2, gplanScatter, type Phase2Args } from './gather-plan-par.js';

/**
 * `outs[c][i] = srcs[c][idx[i]]` for every column of `a` (0 where idx[i] < 0), in `parts` parts.
 * @example
 * gatherOnTeam({ idx, srcLength: n, srcs, outs, kinds }, 8);
 */
export function gatherOnTeam(a: GatherArgs, parts: number): void {
  const { idx } = a;
  const n = idx.length;
  const P = parts;
  const Q = parts;
  const nbS = (a.srcLength >> BLOCK) + 1;
  const nbD = (n >> BLOCK) + 1;
  const countS = sharedArray(Uint32Array, P * nbS);
  const countQD = sharedArray(Uint32Array, P * Q * nbD);
  runParts(gplanCount, { idx, nbS, nbD, Q, countS, countQD }, P);
  // Entries in source-block order, parts in row order inside a block; ranges q of whole blocks.
  const posS = sharedArray(Uint32Array, P * nbS);
  const kStart = sharedArray(Int32Array, Q + 1).fill(-1);
  let m = 0;
  for (let S = 0; S < nbS; S++) {
    const q = Math.floor((S * Q) / nbS);
    if (kStart[q] < 0) kStart[q] = m;
    for (let p = 0; p < P; p++) {
      posS[p * nbS + S] = m;
      m += countS[p * nbS + S];
    }
  }
  kStart[Q] = m;
  for (let q = Q - 1; q >= 0; q--) if (kStart[q] < 0) kStart[q] = kStart[q + 1];
  // Slots: destination blocks in order; inside one, range q's slots after those of ranges before it.
  const offQD = sharedArray(Uint32Array, Q * nbD);
  const dStart = sharedArray(Uint32Array, nbD + 1);
  let t = 0;
  for (let D = 0; D < nbD; D++) {
    dStart[D] = t;
    for (let q = 0; q < Q; q++) {
      offQD[q * nbD + D] = t;
      for (let p = 0; p < P; p++) t += countQD[(p * Q + q) * nbD + D];
    }
  }
  dStart[nbD] = t;
  const src = alloc(Int32Array, m);
  const dstOf = alloc(Int32Array, m);
  if (!(src.buffer instanceof SharedArrayBuffer)) {
    // Few entries (most positions -1): direct reads on this thread.
    gatherRange(a, 0, n);
    return;
  }
  runParts(gplanScatter, { idx, nbS, posS, src, dstOf }, P);
  const tmps = a.kinds.map((k): TeamTyped => (k === F64 ? alloc(Float64Array, m) : k === PAIRS ? alloc(Int32Array, 2 * m) : k === I32 ? alloc(Int32Array, m) : sharedArray(Uint8Array, 0)));
  const dst = alloc(Int32Array, m);
  runParts(gplanPhase1, { src, dstOf, dst, kStart, nbD, offQD, srcs: a.srcs, tmps, kinds: a.kinds }, Q);
  runParts(gplanPhase2, phase2Args(a, dst, dStart, P, nbD, tmps), P);
}

function phase2Args(a: GatherArgs, dst: Int32Array, dStart: Uint32Array, P: number, nbD: number, tmps: readonly TeamTyped[]): Phase2Args {
  const dBlock = sharedArray(Int32Array, P + 1);
  for (let r = 0; r <= P; r++) dBlock[r] = Math.floor((r * nbD) / P);
  return { idx: a.idx, srcLength: a.srcLength, dst, dStart, dBlock, srcs: a.srcs, tmps, outs: a.outs, kinds: a.kinds };
}
