/**
 * Coordinates: variables by name, normalised from what users pass.
 * @module
 */
import { ValueError, TypeError_ } from '../errors.js';
import { NDArray } from './ndarray.js';
import { Variable, toNDArray, type ArrayLikeInput, type Attrs } from './variable.js';

/** Coordinate variables by name, in order. */
export type Coords = Record<string, Variable>;

/** Something with `.variable` (a DataArray), without importing the class. */
interface HasVariable {
  readonly variable: Variable;
}

/** A coordinate as users give it: values along the dim of the same name, `[dims, values, attrs?]`, a Variable or a DataArray. */
export type CoordInput = ArrayLikeInput | Variable | HasVariable | number | string | Date
  | readonly [string | readonly string[], ArrayLikeInput | number | string, Attrs?];

function isHasVariable(v: unknown): v is HasVariable {
  return typeof v === 'object' && v !== null && 'variable' in v && (v as HasVariable).variable instanceof Variable;
}

/**
 * Normalises one coordinate.
 * @example
 * toCoordVariable('x', [1, 2, 3]) // Variable(['x'], ...)
 */
export function toCoordVariable(name: string, v: CoordInput): Variable {
  if (v instanceof Variable) return v;
  if (isHasVariable(v)) return v.variable;
  if (typeof v === 'number' || typeof v === 'string' || v instanceof Date) {
    return new Variable([], toNDArray([v] as readonly (number | string | Date)[]).reshape([]));
  }
  if (Array.isArray(v) && v.length >= 2 && v.length <= 3 && (typeof v[0] === 'string' || (Array.isArray(v[0]) && v[0].every((d: unknown) => typeof d === 'string'))) && (Array.isArray(v[1]) || ArrayBuffer.isView(v[1]) || v[1] instanceof NDArray || (Array.isArray(v[0]) && v[0].length === 0 && (typeof v[1] === 'number' || typeof v[1] === 'string')))) {
    const dims = typeof v[0] === 'string' ? [v[0]] : [...(v[0] as readonly string[])];
    const raw = v[1] as ArrayLikeInput | number | string;
    const data = typeof raw === 'number' || typeof raw === 'string' ? toNDArray([raw] as readonly (number | string)[]).reshape([]) : toNDArray(raw);
    return new Variable(dims, data, (v[2] as Attrs | undefined) ?? {});
  }
  const data = toNDArray(v as ArrayLikeInput);
  if (data.ndim !== 1) throw new ValueError(`Coordinate '${name}' must be 1-D when given as plain values; use [dims, values] for ${data.ndim}-D coordinates`);
  return new Variable([name], data);
}

/**
 * Normalises a coords object and checks it against dimension sizes.
 * @example
 * normalizeCoords({ x: [1, 2] }, { x: 2 })
 */
export function normalizeCoords(input: Readonly<Record<string, CoordInput>> | undefined, sizes: Readonly<Record<string, number>>): Coords {
  const out: Coords = {};
  if (!input) return out;
  if (typeof input !== 'object') throw new TypeError_('coords must be an object of name -> values');
  for (const [name, v] of Object.entries(input)) {
    const cv = toCoordVariable(name, v);
    cv.dims.forEach((d, i) => {
      if (!(d in sizes)) throw new ValueError(`Coordinate '${name}' has dimension '${d}', which is not among the dimensions [${Object.keys(sizes).join(', ')}]`);
      if (cv.shape[i] !== sizes[d]) {
        throw new ValueError(`Coordinate '${name}' has length ${cv.shape[i]} along '${d}', but the data has ${sizes[d]}`);
      }
    });
    out[name] = cv;
  }
  return out;
}

/** Coordinates that apply to a set of dims (all of theirs among `dims`). */
export function coordsFor(coords: Coords, dims: readonly string[]): Coords {
  const out: Coords = {};
  for (const [k, v] of Object.entries(coords)) if (v.dims.every((d) => dims.includes(d))) out[k] = v;
  return out;
}

/** Dimension sizes of a list of variables, checking that they agree. */
export function dimSizes(vars: readonly Variable[]): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const v of vars) {
    v.dims.forEach((d, i) => {
      const n = v.shape[i];
      if (d in sizes && sizes[d] !== n) throw new ValueError(`conflicting sizes for dimension '${d}': ${sizes[d]} and ${n}`);
      sizes[d] = n;
    });
  }
  return sizes;
}
