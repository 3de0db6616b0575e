/**
 * Reductions of a Variable over dimensions given by name.
 * @module
 */
import { unknownName } from '../errors.js';
import { Variable } from './variable.js';
import type { ReduceOp, ReduceOptions } from './reduce.js';
import { reduceChunked } from './chunk-reduce.js';

/**
 * Reduces `v` over `dim` (a name, several, or all when omitted); attributes are dropped, as xarray does.
 * A variable opened with `chunks` and not loaded is reduced one chunk at a time (median reads it whole).
 * @example
 * reduceVariable(v, 'mean', 'time')
 */
export function reduceVariable(v: Variable, op: ReduceOp | 'median', dim?: string | readonly string[], opts?: ReduceOptions): Variable {
  const names = dim === undefined ? [...v.dims] : typeof dim === 'string' ? [dim] : [...dim];
  for (const d of names) if (!v.dims.includes(d)) throw unknownName('dimension', d, v.dims);
  if (v.chunks && v.isLazy && op !== 'median' && v.dtype !== 'string') {
    return new Variable(v.dims.filter((d) => !names.includes(d)), reduceChunked(v, op, names, opts));
  }
  const axes = names.map((d) => v.dims.indexOf(d));
  const out = v.values.reduce(op, axes, opts);
  return new Variable(v.dims.filter((d) => !names.includes(d)), out);
}
