/**
 * median: the 0.5 quantile per group (the mean of the two middle values for an even count).
 * @module
 */
import type { Column } from '../column.js';
import { groupQuantiles, quantile, type QuantileState } from './quantile.js';
import { floatResult, type ValueOptions } from './state.js';

/**
 * The `median` aggregation.
 * @example
 * const st = median.init(1); median.update(st, fromValues([1, 5, 2, 4]), null, 1); median.value(st).toArray() // [3]
 */
export const median = {
  name: 'median',
  input: 'numeric' as const,
  init: quantile.init,
  update: quantile.update,
  merge: quantile.merge,
  value(st: QuantileState, opts?: ValueOptions): Column {
    return floatResult(groupQuantiles(st, 0.5, opts));
  },
};
