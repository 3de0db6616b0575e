/**
 * A growable (value, group) buffer: the state of the aggregations that must keep every value
 * (quantile/median, nunique) rather than a running summary.
 * @module
 */

/** Values with the group of each, `n` of them used. */
export interface ValueBuffer {
  vals: Float64Array;
  groups: Int32Array;
  n: number;
}

/**
 * Makes room for `extra` more values (capacity doubles, so appends are amortised O(1)).
 * @example
 * reserveValues(st, 1000); st.vals.set(chunk, st.n);
 */
export function reserveValues(st: ValueBuffer, extra: number): void {
  const need = st.n + extra;
  if (need <= st.vals.length) return;
  const cap = Math.max(need, st.vals.length * 2, 16);
  const v = new Float64Array(cap);
  v.set(st.vals.subarray(0, st.n));
  const g = new Int32Array(cap);
  g.set(st.groups.subarray(0, st.n));
  st.vals = v;
  st.groups = g;
}
