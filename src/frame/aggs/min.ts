/**
 * min: the smallest non-missing value per group (numbers, bools, strings, dates; keeps the dtype).
 * @module
 */
import { minMax } from './minmax.js';

/**
 * The `min` aggregation.
 * @example
 * const st = min.init(1); min.update(st, fromValues(['b', 'a']), null, 1); min.value(st).toArray() // ['a']
 */
export const min = minMax(false);
