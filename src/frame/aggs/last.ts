/**
 * last: the last non-missing value per group (pandas `groupby().last()`), any dtype.
 * @module
 */
import { pick } from './pick.js';

/**
 * The `last` aggregation.
 * @example
 * const st = last.init(1); last.update(st, fromValues([1, 2, null]), null, 1); last.value(st).toArray() // [2]
 */
export const last = pick(true);
