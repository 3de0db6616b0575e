/**
 * nunique: the number of distinct non-missing values per group, any dtype. The state is the list of
 * (group, value) pairs seen, deduplicated per update, so partial states merge by concatenation.
 * @module
 */
import type { Column } from '../column.js';
import { baseState, int64Result, mergeBase, noteDtype, type AggState } from './state.js';
import { sortedByGroup } from './quantile.js';
import { reserveValues, type ValueBuffer } from './value-buffer.js';

/** State of nunique: numeric values with their groups, or (strings) distinct strings with groups. */
export interface NuniqueState extends AggState, ValueBuffer {
  strs: string[];
  strGroups: number[];
}

function append(st: NuniqueState, vals: Float64Array, groups: Int32Array, m: number): void {
  reserveValues(st, m);
  st.vals.set(vals.subarray(0, m), st.n);
  st.groups.set(groups.subarray(0, m), st.n);
  st.n += m;
}

/**
 * The `nunique` aggregation.
 * @example
 * const st = nunique.init(1); nunique.update(st, fromValues(['a', 'b', 'a', null]), null, 1); nunique.value(st).toArray() // [2]
 */
export const nunique = {
  name: 'nunique',
  input: 'any' as const,
  init(ngroups: number): NuniqueState {
    return { ...baseState(ngroups), vals: new Float64Array(0), groups: new Int32Array(0), n: 0, strs: [], strGroups: [] };
  },
  update(st: NuniqueState, col: Column, codes: Int32Array | null, ngroups: number): void {
    noteDtype(st, col);
    const len = col.length;
    if (col.dtype === 'string') {
      const { codes: dc, dictionary } = col.dictionaryCodes();
      const seen = new Set<number | string>();
      const D = dictionary.length;
      const dense = ngroups * D < 2 ** 52;
      for (let i = 0; i < len; i++) {
        const g = codes === null ? 0 : codes[i];
        const c = dc[i];
        if (g < 0 || c < 0) continue;
        const key = dense ? g * D + c : `${g}|${c}`;
        if (seen.has(key)) continue;
        seen.add(key);
        st.strs.push(dictionary[c]);
        st.strGroups.push(g);
      }
      return;
    }
    const x = col.toFloat64();
    const vals = new Float64Array(len);
    const groups = new Int32Array(len);
    let m = 0;
    for (let i = 0; i < len; i++) {
      const g = codes === null ? 0 : codes[i];
      const v = x[i];
      if (g < 0 || v !== v) continue;
      vals[m] = v;
      groups[m] = g;
      m++;
    }
    append(st, vals, groups, m);
  },
  merge(into: NuniqueState, from: NuniqueState): void {
    mergeBase(into, from);
    append(into, from.vals, from.groups, from.n);
    for (let i = 0; i < from.strs.length; i++) {
      into.strs.push(from.strs[i]);
      into.strGroups.push(from.strGroups[i]);
    }
  },
  value(st: NuniqueState): Column {
    const out = new Float64Array(st.ngroups);
    if (st.strs.length > 0) {
      const seen = new Set<string>();
      for (let i = 0; i < st.strs.length; i++) {
        const key = `${st.strGroups[i]}\u0000${st.strs[i]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out[st.strGroups[i]]++;
      }
      return int64Result(out);
    }
    const { sorted, offsets } = sortedByGroup(st);
    for (let g = 0; g < st.ngroups; g++) {
      let c = 0;
      for (let i = offsets[g]; i < offsets[g + 1]; i++) if (i === offsets[g] || sorted[i] !== sorted[i - 1]) c++;
      out[g] = c;
    }
    return int64Result(out);
  },
};
