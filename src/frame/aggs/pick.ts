/**
 * The shared kernel of first and last: the first (or last) non-missing value per group, any dtype.
 * Numbers, bools and dates go through a float64 scatter; strings through their dictionary codes.
 * @module
 */
import type { Column } from '../column.js';
import { baseState, mergeBase, noteDtype, stringResult, typedResult, type AggState, type ValueOptions } from './state.js';

/** State of first/last: the picked value per group and whether there is one. */
export interface PickState extends AggState {
  val: Float64Array;
  has: Uint8Array;
  strs: (string | null)[] | null;
}

/** Builds `first` (isLast false) or `last`. Merging assumes `from` holds later rows than `into`. */
export function pick(isLast: boolean) {
  return {
    name: isLast ? 'last' : 'first',
    input: 'any' as const,
    init(ngroups: number): PickState {
      return { ...baseState(ngroups), val: new Float64Array(ngroups), has: new Uint8Array(ngroups), strs: null };
    },
    update(st: PickState, col: Column, codes: Int32Array | null, ngroups: number): void {
      noteDtype(st, col);
      const n = col.length;
      const has = st.has;
      if (col.dtype === 'string') {
        const { codes: dc, dictionary } = col.dictionaryCodes();
        if (st.strs === null) st.strs = new Array<string | null>(ngroups).fill(null);
        const strs = st.strs;
        const got = new Int32Array(ngroups).fill(-1);
        for (let i = 0; i < n; i++) {
          const g = codes === null ? 0 : codes[i];
          const c = dc[i];
          if (g < 0 || c < 0) continue;
          if (isLast || got[g] < 0) got[g] = c;
        }
        for (let g = 0; g < ngroups; g++) {
          if (got[g] < 0 || (!isLast && has[g])) continue;
          strs[g] = dictionary[got[g]];
          has[g] = 1;
        }
        return;
      }
      const x = col.toFloat64();
      const val = st.val;
      for (let i = 0; i < n; i++) {
        const g = codes === null ? 0 : codes[i];
        const v = x[i];
        if (g < 0 || v !== v || (!isLast && has[g])) continue;
        val[g] = v;
        has[g] = 1;
      }
    },
    merge(into: PickState, from: PickState): void {
      mergeBase(into, from);
      if (from.strs !== null && into.strs === null) into.strs = new Array<string | null>(into.ngroups).fill(null);
      for (let g = 0; g < into.ngroups; g++) {
        if (!from.has[g] || (!isLast && into.has[g])) continue;
        into.has[g] = 1;
        into.val[g] = from.val[g];
        if (from.strs !== null && into.strs !== null) into.strs[g] = from.strs[g];
      }
    },
    value(st: PickState, _opts?: ValueOptions): Column {
      if (st.dtype === 'string') {
        const strs = st.strs ?? new Array<string | null>(st.ngroups).fill(null);
        return stringResult(strs.map((s, g) => (st.has[g] ? s : null)));
      }
      return typedResult(st.val, st.has, st.dtype ?? 'float64');
    },
  };
}
