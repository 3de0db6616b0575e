/**
 * `filter`: the rows of the groups for which a predicate of the group's sub-frame is true, in their
 * original order.
 * @module
 */
import type { DataFrame } from '../frame/dataframe.js';
import type { GroupContext } from './context.js';
import { GroupSlices } from './slices.js';

/**
 * Rows of the groups where `fn(group)` is true.
 * @example
 * filterGroups(ctx, (g) => g.length > 2)
 */
export function filterGroups(ctx: GroupContext, fn: (group: DataFrame) => boolean): DataFrame {
  const sl = new GroupSlices(ctx);
  const { order, offsets } = sl.rows;
  const keep = new Uint8Array(ctx.frame.length);
  for (let k = 0; k < ctx.groups.ngroups; k++) {
    const g = sl.physical(k);
    if (fn(sl.frame(g))) for (let j = offsets[g]; j < offsets[g + 1]; j++) keep[order[j]] = 1;
  }
  let c = 0;
  for (let i = 0; i < keep.length; i++) c += keep[i];
  const idx = new Int32Array(c);
  for (let i = 0, j = 0; i < keep.length; i++) if (keep[i]) idx[j++] = i;
  return ctx.frame.take(idx);
}
