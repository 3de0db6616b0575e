/**
 * The shared kernel of min and max: numbers, bools and dates through a float64 scatter; strings by
 * ranking the dictionary once and scattering ranks (no string comparison per row). Results keep the
 * input dtype; a group without a value gives null (NaN for floats).
 * @module
 */
import type { Column } from '../column.js';
import { baseState, mergeBase, mergeStrings, noteDtype, stringResult, typedResult, type AggState, type ValueOptions } from './state.js';

/** State of min/max: the best value per group, whether the group has one, and (strings) the best string. */
export interface MinMaxState extends AggState {
  best: Float64Array;
  has: Uint8Array;
  strs: (string | null)[] | null;
}

/** Ranks of the dictionary entries in sorted order. */
function dictRanks(dict: readonly string[]): Int32Array {
  const order = Array.from(dict.keys()).sort((a, b) => (dict[a] < dict[b] ? -1 : dict[a] > dict[b] ? 1 : 0));
  const rank = new Int32Array(dict.length);
  order.forEach((d, r) => {
    rank[d] = r;
  });
  return rank;
}

/** Builds the min (`isMax` false) or max aggregation. */
export function minMax(isMax: boolean) {
  const name = isMax ? 'max' : 'min';
  const better = isMax ? (a: string, b: string) => b > a : (a: string, b: string) => b < a;
  return {
    name,
    input: 'any' as const,
    init(ngroups: number): MinMaxState {
      return { ...baseState(ngroups), best: new Float64Array(ngroups).fill(isMax ? -Infinity : Infinity), has: new Uint8Array(ngroups), strs: null };
    },
    update(st: MinMaxState, col: Column, codes: Int32Array | null, ngroups: number): void {
      noteDtype(st, col);
      const n = col.length;
      if (col.dtype === 'string') {
        const { codes: dc, dictionary } = col.dictionaryCodes();
        const rank = dictRanks(dictionary);
        const bestRank = new Int32Array(ngroups).fill(-1);
        for (let i = 0; i < n; i++) {
          const g = codes === null ? 0 : codes[i];
          const c = dc[i];
          if (g < 0 || c < 0) continue;
          const r = rank[c];
          const b = bestRank[g];
          if (b < 0 || (isMax ? r > b : r < b)) bestRank[g] = r;
        }
        const byRank: string[] = new Array<string>(dictionary.length);
        for (let d = 0; d < dictionary.length; d++) byRank[rank[d]] = dictionary[d];
        const picks = Array.from(bestRank, (r) => (r < 0 ? null : byRank[r]));
        if (st.strs === null) st.strs = new Array<string | null>(ngroups).fill(null);
        mergeStrings(st.strs, picks, better);
        for (let g = 0; g < ngroups; g++) if (picks[g] !== null) st.has[g] = 1;
        return;
      }
      const x = col.toFloat64();
      const best = st.best;
      const has = st.has;
      if (codes === null) {
        let b = best[0];
        let h = has[0];
        for (let i = 0; i < n; i++) {
          const v = x[i];
          if (v !== v) continue;
          h = 1;
          if (isMax ? v > b : v < b) b = v;
        }
        best[0] = b;
        has[0] = h;
        return;
      }
      if (isMax) {
        for (let i = 0; i < n; i++) {
          const g = codes[i];
          const v = x[i];
          if (g < 0 || v !== v) continue;
          has[g] = 1;
          if (v > best[g]) best[g] = v;
        }
      } else {
        for (let i = 0; i < n; i++) {
          const g = codes[i];
          const v = x[i];
          if (g < 0 || v !== v) continue;
          has[g] = 1;
          if (v < best[g]) best[g] = v;
        }
      }
    },
    merge(into: MinMaxState, from: MinMaxState): void {
      mergeBase(into, from);
      if (from.strs !== null) {
        if (into.strs === null) into.strs = new Array<string | null>(into.ngroups).fill(null);
        mergeStrings(into.strs, from.strs, better);
      }
      for (let g = 0; g < into.ngroups; g++) {
        if (!from.has[g]) continue;
        into.has[g] = 1;
        const v = from.best[g];
        if (isMax ? v > into.best[g] : v < into.best[g]) into.best[g] = v;
      }
    },
    value(st: MinMaxState, opts?: ValueOptions): Column {
      const valid = Uint8Array.from(st.has);
      if (opts?.skipna === false) for (let g = 0; g < valid.length; g++) if (st.missing[g]) valid[g] = 0;
      if (st.dtype === 'string') {
        const strs = st.strs ?? new Array<string | null>(st.ngroups).fill(null);
        return stringResult(strs.map((s, g) => (valid[g] ? s : null)));
      }
      return typedResult(st.best, valid, st.dtype ?? 'float64');
    },
  };
}
