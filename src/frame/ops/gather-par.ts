/**
 * Row gather loops over fixed-width values, by output range, and the team kernel that runs them on
 * several threads (each thread gathers a contiguous range of output rows for every column, through
 * its own blocked plan when the range is large). gather.ts uses the same loops on one thread, so both
 * paths give the same bits. Every element width has its own loop over one typed-array class (one
 * function over all classes runs 10x slower in V8); 64-bit values move as two 32-bit words.
 * This module is loaded by the team workers: it imports only light modules.
 * @module
 */
import { defineKernel, partRange, type TeamTyped } from '../../parallel/team-kernel.js';
import { applyF64, applyI32, applyPairs, gatherPlan, type GatherPlan } from './gather-plan.js';

/** Value layouts of a gather: float64, 64-bit words as pairs, 32/16/8-bit words. */
export const F64 = 0;
export const PAIRS = 1;
export const I32 = 2;
export const I16 = 3;
export const U8 = 4;

/** From this many rows (output and source) a gather plan beats direct random reads. */
export const PLAN_MIN = 1 << 20;

function gatherF64(src: Float64Array, idx: Int32Array, out: Float64Array, s: number, e: number): void {
  let i = s;
  for (; i + 4 <= e; i += 4) {
    const a = idx[i], b = idx[i + 1], c = idx[i + 2], d = idx[i + 3];
    out[i] = a < 0 ? 0 : src[a];
    out[i + 1] = b < 0 ? 0 : src[b];
    out[i + 2] = c < 0 ? 0 : src[c];
    out[i + 3] = d < 0 ? 0 : src[d];
  }
  for (; i < e; i++) out[i] = idx[i] < 0 ? 0 : src[idx[i]];
}

function gatherPairs(src: Int32Array, idx: Int32Array, out: Int32Array, s: number, e: number): void {
  for (let i = s; i < e; i++) {
    const j = idx[i];
    if (j >= 0) {
      out[2 * i] = src[2 * j];
      out[2 * i + 1] = src[2 * j + 1];
    }
  }
}

function gatherI32(src: Int32Array, idx: Int32Array, out: Int32Array, s: number, e: number): void {
  let i = s;
  for (; i + 4 <= e; i += 4) {
    const a = idx[i], b = idx[i + 1], c = idx[i + 2], d = idx[i + 3];
    out[i] = a < 0 ? 0 : src[a];
    out[i + 1] = b < 0 ? 0 : src[b];
    out[i + 2] = c < 0 ? 0 : src[c];
    out[i + 3] = d < 0 ? 0 : src[d];
  }
  for (; i < e; i++) out[i] = idx[i] < 0 ? 0 : src[idx[i]];
}

function gatherI16(src: Int16Array, idx: Int32Array, out: Int16Array, s: number, e: number): void {
  for (let i = s; i < e; i++) out[i] = idx[i] < 0 ? 0 : src[idx[i]];
}

function gatherU8(src: Uint8Array, idx: Int32Array, out: Uint8Array, s: number, e: number): void {
  for (let i = s; i < e; i++) out[i] = idx[i] < 0 ? 0 : src[idx[i]];
}

/** The arguments of a multi-column gather: `outs[c][i] = srcs[c][idx[i]]` with layout `kinds[c]`. */
export type GatherArgs = {
  idx: Int32Array;
  srcLength: number;
  srcs: readonly TeamTyped[];
  outs: readonly TeamTyped[];
  kinds: readonly number[];
};

/**
 * Gathers output rows [s, e) of every column of `a` (through a plan when the range is large; with
 * `plan` given, that plan, which must cover exactly these rows).
 * @example
 * gatherRange({ idx, srcLength: n, srcs: [v], outs: [out], kinds: [F64] }, 0, idx.length);
 */
export function gatherRange(a: GatherArgs, s: number, e: number, plan?: GatherPlan): void {
  const { idx, srcs, outs, kinds } = a;
  const p = plan ?? (e - s >= PLAN_MIN && a.srcLength >= PLAN_MIN ? gatherPlan(idx, a.srcLength, s, e) : undefined);
  for (let c = 0; c < srcs.length; c++) {
    const src = srcs[c];
    const out = outs[c];
    switch (kinds[c]) {
      case F64:
        if (p) applyF64(p, src as Float64Array, out as Float64Array);
        else gatherF64(src as Float64Array, idx, out as Float64Array, s, e);
        break;
      case PAIRS:
        if (p) applyPairs(p, src as Int32Array, out as Int32Array);
        else gatherPairs(src as Int32Array, idx, out as Int32Array, s, e);
        break;
      case I32:
        if (p) applyI32(p, src as Int32Array, out as Int32Array);
        else gatherI32(src as Int32Array, idx, out as Int32Array, s, e);
        break;
      case I16:
        gatherI16(src as Int16Array, idx, out as Int16Array, s, e);
        break;
      default:
        gatherU8(src as Uint8Array, idx, out as Uint8Array, s, e);
    }
  }
}

/**
 * Team kernel: part `part` of `parts` gathers its contiguous range of output rows for every column.
 * @example
 * runParts(gatherRows, { idx, srcLength: n, srcs, outs, kinds }, threads);
 */
export const gatherRows = defineKernel('gather.rows', (a: GatherArgs, part: number, parts: number) => {
  const [s, e] = partRange(a.idx.length, part, parts);
  gatherRange(a, s, e);
});

/** Arguments of `gather.rangeLabels`: the int64 labels `start + idx[i] * step` of a RangeIndex, as word pairs. */
export type RangeLabelArgs = { idx: Int32Array; words: Int32Array; start: number; step: number };

/**
 * Writes RangeIndex labels at positions idx[s..e) as int64 word pairs (exact below 2^53).
 * @example
 * rangeLabels({ idx, words, start: 0, step: 1 }, 0, idx.length);
 */
export function rangeLabels(a: RangeLabelArgs, s: number, e: number): void {
  const { idx, words, start, step } = a;
  if (start === 0 && step === 1) {
    // The default RangeIndex: the label is the position itself, sign-extended.
    for (let i = s; i < e; i++) {
      const j = idx[i];
      words[2 * i] = j;
      words[2 * i + 1] = j >> 31;
    }
    return;
  }
  for (let i = s; i < e; i++) {
    const v = start + idx[i] * step;
    if (v === (v | 0)) {
      words[2 * i] = v;
      words[2 * i + 1] = v < 0 ? -1 : 0;
    } else {
      const hi = Math.floor(v / 4294967296);
      words[2 * i] = (v - hi * 4294967296) | 0;
      words[2 * i + 1] = hi;
    }
  }
}

/** Team kernel: part `part` of `parts` writes its contiguous range of RangeIndex labels. */
export const gatherRangeLabels = defineKernel('gather.rangeLabels', (a: RangeLabelArgs, part: number, parts: number) => {
  const [s, e] = partRange(a.idx.length, part, parts);
  rangeLabels(a, s, e);
});
