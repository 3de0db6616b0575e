/**
 * first: the first non-missing value per group (pandas `groupby().first()`), any dtype.
 * @module
 */
import { pick } from './pick.js';

/**
 * The `first` aggregation.
 * @example
 * const st = first.init(1); first.update(st, fromValues([null, 2, 3]), null, 1); first.value(st).toArray() // [2]
 */
export const first = pick(false);
