/**
 * Gathering index labels by position (kept apart from gather.ts, which the core Column `take` uses,
 * so that module has no import of the Index classes and no import cycle).
 * @module
 */
import * as arrow from 'apache-arrow';
import { alloc } from '../alloc.js';
import { Column } from '../column.js';
import { Index, RangeIndex } from '../label-index.js';
import { MultiIndex } from '../multi-index.js';
import { gather } from './gather.js';
import { gatherRangeLabels, rangeLabels } from './gather-par.js';
import { runParts, teamThreads } from '../../parallel/team.js';

/**
 * The labels of `index` at positions `idx` (a RangeIndex becomes an int64 Index built from the
 * positions directly; a MultiIndex gathers its codes).
 * @example
 * gatherIndex(new RangeIndex(5), Int32Array.of(4, 0)).toArray() // [4, 0]
 */
export function gatherIndex(index: Index, idx: Int32Array): Index {
  if (index instanceof MultiIndex) return index.take(idx);
  if (index instanceof RangeIndex) {
    const n = idx.length;
    const words = alloc(Int32Array, 2 * n);
    const args = { idx, words, start: index.start, step: index.step };
    // Large reorders (a sort) write the labels on the thread team when it is up.
    if (n >= 1 << 17 && idx.buffer instanceof SharedArrayBuffer && teamThreads({ whenIdle: true }) > 1) runParts(gatherRangeLabels, args, 4 * teamThreads());
    else rangeLabels(args, 0, n);
    const labels = new BigInt64Array(words.buffer, 0, n);
    return new Index(new Column(arrow.makeData({ type: new arrow.Int64(), length: n, nullCount: 0, data: labels })), { name: index.name });
  }
  return new Index(gather(index.column, idx), { name: index.name });
}
