/**
 * Global groups of a partitioned groupby, and the merge of the partitions' aggregation states.
 *
 * Phase 1 (workers): each partition factorizes its keys locally. Here: the key values of all
 * partitions are factorized together, sorted as pandas sorts group keys, giving for each partition
 * a map local group -> global group. Phase 2 (workers): each partition folds its rows into states
 * over the global groups. Here: the registry's `merge` folds them in partition order (which keeps
 * `first`/`last` right), and `value` gives the result.
 * @module
 */
import { DataFrame } from '../frame/dataframe.js';
import type { Column } from '../frame/column.js';
import { concatColumns } from '../frame/column-build.js';
import { Index } from '../frame/label-index.js';
import { MultiIndex, factorizeSorted } from '../frame/multi-index.js';
import { getAggregation, type AggState } from '../frame/aggs/registry.js';

/** The output columns of an aggregation spec: (input column, aggregation) pairs and their labels. */
export interface AggPlan {
  aggs: Array<[string, string]>;
  /** Flat names, or tuples (input, agg) when the spec lists several aggregations for a column. */
  labels: string[] | Array<[string, string]>;
}

/** Global groups: per partition, local group -> global group; the number of groups; the key index. */
export interface GlobalGroups {
  maps: Int32Array[];
  G: number;
  index: Index;
}

/**
 * Factorizes the partitions' local key values together (sorted; several keys lexicographically).
 * @example
 * globalGroups([[fromValues(['b', 'a'])], [fromValues(['a'])]], ['k']) // maps [[1, 0], [0]], G 2
 */
export function globalGroups(partKeys: readonly (readonly Column[])[], names: readonly string[]): GlobalGroups {
  const sizes = partKeys.map((k) => k[0].length);
  const keyCols = names.map((_, k) => concatColumns(partKeys.map((p) => p[k])));
  const facts = keyCols.map((c) => factorizeSorted(c));
  const n = keyCols[0].length;
  let ids: Int32Array;
  let G: number;
  let index: Index;
  if (facts.length === 1) {
    ids = facts[0].codes;
    G = facts[0].uniques.length;
    index = new Index(facts[0].uniques, { name: names[0] });
  } else {
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
    ids = new Int32Array(n);
    for (let i = 0; i < n; i++) ids[i] = rank.get(comp[i]) as number;
    G = sorted.length;
    const levelCodes = facts.map(() => new Int32Array(G));
    for (let g = 0; g < G; g++) {
      let rest = sorted[g];
      for (let k = facts.length - 1; k >= 0; k--) {
        const card = facts[k].uniques.length;
        levelCodes[k][g] = rest % card;
        rest = Math.floor(rest / card);
      }
    }
    index = new MultiIndex(facts.map((f) => f.uniques), levelCodes, names);
  }
  const maps: Int32Array[] = [];
  let off = 0;
  for (const s of sizes) {
    maps.push(ids.slice(off, off + s));
    off += s;
  }
  return { maps, G, index };
}

/**
 * The grouped frame from each partition's states over the global groups (partition order).
 * @example
 * mergeStates(statesPerPartition, groups, { aggs: [['v', 'mean']], labels: ['v'] })
 */
export function mergeStates(states: readonly (readonly AggState[])[], groups: GlobalGroups, plan: AggPlan): DataFrame {
  const cols = plan.aggs.map(([, name], j) => {
    const agg = getAggregation(name);
    const total = agg.init(groups.G);
    for (const p of states) agg.merge(total, p[j]);
    return agg.value(total);
  });
  const labels = plan.labels;
  if (labels.length && Array.isArray(labels[0])) {
    const tuples = labels as Array<[string, string]>;
    return DataFrame.fromColumns(tuples.map((t) => t.join('_')), cols, groups.index, MultiIndex.fromTuples(tuples));
  }
  return DataFrame.fromColumns(labels as string[], cols, groups.index);
}
