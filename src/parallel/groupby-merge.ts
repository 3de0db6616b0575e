/**
 * Merging partial aggregation states from partitions (computed in workers over local groups) into
 * one result on the main thread: the key values of all partitions are factorized together (sorted,
 * as pandas sorts group keys), each partition's state is scattered onto the global groups, and the
 * registry's `merge` folds them in partition order (so `first`/`last` stay correct).
 * @module
 */
import { DataFrame } from '../frame/dataframe.js';
import type { Column } from '../frame/column.js';
import { concatColumns } from '../frame/column-build.js';
import { Index } from '../frame/label-index.js';
import { MultiIndex, factorizeSorted } from '../frame/multi-index.js';
import { getAggregation, type AggState, type Aggregation } from '../frame/aggs/registry.js';
import type { PartialGroups } from './partition-worker.js';

/** The output columns of an aggregation spec: (input column, aggregation) pairs and their labels. */
export interface AggPlan {
  aggs: Array<[string, string]>;
  /** Flat names, or tuples (input, agg) when the spec lists several aggregations for a column. */
  labels: string[] | Array<[string, string]>;
}

/** A state of `ngroups` groups scattered onto `G` global groups (`map[g]` = global group of g). */
function remap(agg: Aggregation, st: AggState, map: Int32Array, G: number): AggState {
  const out = agg.init(G) as unknown as Record<string, unknown>;
  const src = st as unknown as Record<string, unknown>;
  const n = st.ngroups;
  for (const [k, v] of Object.entries(src)) {
    if (k === 'ngroups') continue;
    const dst = out[k];
    if (ArrayBuffer.isView(v) && !(v instanceof DataView) && (v as Float64Array).length === n && ArrayBuffer.isView(dst)) {
      const a = v as Float64Array;
      const d = dst as Float64Array;
      for (let g = 0; g < n; g++) d[map[g]] = a[g];
    } else if (Array.isArray(v) && v.length === n && Array.isArray(dst)) {
      for (let g = 0; g < n; g++) dst[map[g]] = v[g] as unknown;
    } else out[k] = v;
  }
  return out as unknown as AggState;
}

/** Global group ids of the (partition, local group) rows, with the key index. */
function globalGroups(keyCols: readonly Column[], names: readonly string[]): { ids: Int32Array; G: number; index: Index } {
  const facts = keyCols.map((c) => factorizeSorted(c));
  if (facts.length === 1) {
    const { uniques, codes } = facts[0];
    return { ids: codes, G: uniques.length, index: new Index(uniques, { name: names[0] }) };
  }
  const n = keyCols[0].length;
  const comp = new Float64Array(n);
  let stride = 1;
  for (let k = facts.length - 1; k >= 0; k--) {
    const { codes, uniques } = facts[k];
    for (let i = 0; i < n; i++) comp[i] += codes[i] * stride;
    stride *= uniques.length;
  }
  const sorted = Float64Array.from(new Set(comp)).sort();
  const rank = new Map<number, number>();
  sorted.forEach((v, i) => rank.set(v, i));
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = rank.get(comp[i]) as number;
  const G = sorted.length;
  const levelCodes = facts.map(() => new Int32Array(G));
  for (let g = 0; g < G; g++) {
    let rest = sorted[g];
    for (let k = facts.length - 1; k >= 0; k--) {
      const card = facts[k].uniques.length;
      levelCodes[k][g] = rest % card;
      rest = Math.floor(rest / card);
    }
  }
  return { ids, G, index: new MultiIndex(facts.map((f) => f.uniques), levelCodes, names) };
}

/**
 * The grouped result from the partial states of every partition (in partition order).
 * @example
 * mergePartials(partials, ['k'], { aggs: [['v', 'mean']], labels: ['v'] })
 */
export function mergePartials(partials: readonly PartialGroups[], keys: readonly string[], plan: AggPlan): DataFrame {
  const parts = partials.filter((p) => p.keys[0].length > 0);
  const use = parts.length ? parts : partials.slice(0, 1);
  const keyCols = keys.map((_, k) => concatColumns(use.map((p) => p.keys[k])));
  const { ids, G, index } = globalGroups(keyCols, keys);
  const cols = plan.aggs.map(([, name], j) => {
    const agg = getAggregation(name);
    const total = agg.init(G);
    let off = 0;
    for (const p of use) {
      const n = p.keys[0].length;
      if (n === 0) continue;
      agg.merge(total, remap(agg, p.states[j], ids.subarray(off, off + n), G));
      off += n;
    }
    return agg.value(total);
  });
  const labels = plan.labels;
  if (labels.length && Array.isArray(labels[0])) {
    const tuples = labels as Array<[string, string]>;
    return DataFrame.fromColumns(tuples.map((t) => t.join('_')), cols, index, MultiIndex.fromTuples(tuples));
  }
  return DataFrame.fromColumns(labels as string[], cols, index);
}
