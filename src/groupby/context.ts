/**
 * What the grouped verbs (agg, transform, apply, filter, cumulative) need from a GroupBy: the
 * frame, the group codes, the result index and the rows of each group. Kept as an interface so the
 * verb files do not import the GroupBy class.
 * @module
 */
import type { DataFrame } from '../frame/dataframe.js';
import type { MeanState } from '../frame/aggs/mean.js';
import type { Index } from '../frame/label-index.js';
import type { Groups } from './factorize.js';
import type { GroupRows } from './layout.js';

/** The grouping state shared by the verbs. */
export interface GroupContext {
  /** The grouped frame. */
  readonly frame: DataFrame;
  /** Codes and distinct keys. */
  readonly groups: Groups;
  /** The index of a one-row-per-group result. */
  readonly resultIndex: Index;
  /** The columns to aggregate (the frame's columns minus the key columns, or a selection). */
  readonly valueNames: readonly string[];
  /** Key names (null when unnamed). */
  readonly keyNames: readonly (string | null)[];
  /** Rows of each group, computed once. */
  rows(): GroupRows;
  /**
   * Per column: the mean state (sum, count per physical group) once computed, reused by later
   * mean/sum/count/var/std/transform calls on the same grouping (the frame is immutable).
   */
  readonly meanStates: Map<string, MeanState>;
}
