/**
 * The thread-team kernel of the synchronous `cdist` (src/parallel/team.ts): part p of P computes a
 * contiguous range of result rows with the same kernel the calling thread would use, into one
 * shared output, so the result is bit-identical to the single-thread one. Each part builds its
 * kernel (and the row norms the Gram and cosine forms need: O((m + n)·d), small next to the part).
 * This module is loaded by the team workers: it imports only light modules.
 * @module
 */
import { defineKernel, partRange } from '../../parallel/team-kernel.js';
import { makeKernel, normsFor } from './kernels.js';
import { METRICS } from './types.js';

/** Arguments of the cdist team kernel (metric as its index in METRICS: team arguments are numbers). */
export type CdistTeamArgs = {
  X: Float64Array;
  Y: Float64Array;
  out: Float64Array;
  m: number;
  n: number;
  d: number;
  metric: number;
  p: number;
};

/**
 * Rows partRange(m, part, parts) of cdist(X, Y) into `out`.
 * @example
 * runParts(cdistTeam, { X, Y, out, m, n, d, metric: METRICS.indexOf('euclidean'), p: 2 }, 16);
 */
export const cdistTeam = defineKernel('distance.cdist', (a: CdistTeamArgs, part: number, parts: number) => {
  const [r0, r1] = partRange(a.m, part, parts);
  if (r1 <= r0) return;
  const metric = METRICS[a.metric];
  const nx = normsFor(metric, { data: a.X, rows: a.m, cols: a.d });
  const ny = a.X === a.Y ? nx : normsFor(metric, { data: a.Y, rows: a.n, cols: a.d });
  makeKernel(metric, a.p, a.d, nx, ny)(a.X, a.Y, a.d, a.n, a.out, r0, r1);
});
