/**
 * max: the largest non-missing value per group (numbers, bools, strings, dates; keeps the dtype).
 * @module
 */
import { minMax } from './minmax.js';

/**
 * The `max` aggregation.
 * @example
 * const st = max.init(1); max.update(st, fromValues([3, 7]), null, 1); max.value(st).toArray() // [7]
 */
export const max = minMax(true);
