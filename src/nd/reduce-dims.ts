/**
 * Reductions of a Variable over dimensions given by name.
 * @module
 */
import { unknownName } from '../errors.js';
import { Variable } from './variable.js';
import type { ReduceOp, ReduceOptions } from './reduce.js';

/**
 * Reduces `v` over `dim` (a name, several, or all when omitted); attributes are dropped, as xarray does.
 * @example
 * reduceVariable(v, 'mean', 'time')
 */
export function reduceVariable(v: Variable, op: ReduceOp | 'median', dim?: string | readonly string[], opts?: ReduceOptions): Variable {
  const names = dim === undefined ? [...v.dims] : typeof dim === 'string' ? [dim] : [...dim];
  for (const d of names) if (!v.dims.includes(d)) throw unknownName('dimension', d, v.dims);
  const axes = names.map((d) => v.dims.indexOf(d));
  const out = v.values.reduce(op, axes, opts);
  return new Variable(v.dims.filter((d) => !names.includes(d)), out);
}
