/**
 * The `chunks` option of openDataset/openMfDataset: each data variable remembers its chunk lengths, so
 * its reductions read and reduce one chunk at a time (src/nd/chunk-reduce.ts) and `da.chunk()` cuts the
 * same chunks for the worker pool.
 * @module
 */
import { unknownName, ValueError } from '../../errors.js';
import { Dataset } from '../../nd/dataset.js';
import { Variable } from '../../nd/variable.js';

/**
 * Checks `chunks` against the dataset's dimensions (an unknown name is a KeyError with suggestions;
 * a length must be a positive integer, or -1 for the whole dimension) and returns a Dataset whose
 * data variables carry their chunk lengths. Coordinates stay as they are (read at open).
 * @example
 * applyChunks(ds, { time: 12 }).get('tas').variable.chunks // { time: 12 }
 */
export function applyChunks(ds: Dataset, chunks: Readonly<Record<string, number>>, onClose: () => void): Dataset {
  const sizes = ds.sizes;
  for (const [d, n] of Object.entries(chunks)) {
    if (!(d in sizes)) throw unknownName('dimension', d, Object.keys(sizes));
    if (!(n === -1 || (Number.isInteger(n) && n >= 1))) throw new ValueError(`chunks: the chunk length of '${d}' must be a positive integer (or -1 for the whole dimension), got ${String(n)}`);
  }
  const vars: Record<string, Variable> = {};
  for (const [name, v] of Object.entries(ds.variables)) {
    const own = Object.fromEntries(Object.entries(chunks).filter(([d]) => v.dims.includes(d)));
    vars[name] = Object.keys(own).length ? new Variable(v.dims, v.raw, v.attrs, v.encoding, own) : v;
  }
  return Dataset.fromParts(vars, ds.coords, ds.attrs, onClose);
}
