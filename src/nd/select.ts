/**
 * isel / sel over a set of variables sharing coordinates (used by DataArray and Dataset).
 * @module
 */
import { unknownName, ValueError, KeyError } from '../errors.js';
import type { Variable } from './variable.js';
import type { Coords } from './coords.js';
import type { PosSlice } from './view.js';
import { locate, locateSlice, timeLabelRange, type LabelValue, type SelMethod } from './coord-index.js';
import { normalizeCalendar } from '../io/cf/calendar.js';

/** A positional selection along one dimension: an index, a slice or a list of positions. */
export type Indexer = number | PosSlice | readonly number[];
/** A label selection: a label, a label slice `{ start, stop }` (inclusive) or a list of labels. */
export type LabelIndexer = LabelValue | { start?: LabelValue | null; stop?: LabelValue | null } | readonly LabelValue[];
/** Options of `sel`. */
export interface SelOptions {
  method?: SelMethod;
  tolerance?: number;
}

function checkDims(keys: readonly string[], dims: readonly string[]): void {
  for (const k of keys) if (!dims.includes(k)) throw unknownName('dimension', k, dims);
}

/** Applies positional indexers to each variable (and coordinate) that has the dimension. */
export function iselVariables<T extends Record<string, Variable>>(vars: T, indexers: Readonly<Record<string, Indexer>>): T {
  const out: Record<string, Variable> = {};
  const simple: Record<string, number | PosSlice> = {};
  const lists: [string, readonly number[]][] = [];
  for (const [d, ix] of Object.entries(indexers)) {
    if (Array.isArray(ix) || ArrayBuffer.isView(ix)) lists.push([d, ix as readonly number[]]);
    else if (typeof ix === 'number' || (typeof ix === 'object' && ix !== null)) simple[d] = ix as number | PosSlice;
    else throw new ValueError(`Invalid indexer for '${d}': expected an integer, a slice or a list of integers`);
  }
  for (const [name, v0] of Object.entries(vars)) {
    let v = v0;
    for (const [d, pos] of lists) {
      if (!v.dims.includes(d)) continue;
      const n = v.sizeOf(d);
      const norm = Array.from(pos, (p) => {
        const q = p < 0 ? p + n : p;
        if (!(Number.isInteger(q) && q >= 0 && q < n)) throw new ValueError(`index ${p} is out of bounds for dimension '${d}' with size ${n}`);
        return q;
      });
      v = v.take(d, norm);
    }
    v = v.isel(simple);
    out[name] = v;
  }
  return out as T;
}

function isSliceObject(v: unknown): v is { start?: LabelValue | null; stop?: LabelValue | null } {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && !Array.isArray(v) && ('start' in v || 'stop' in v);
}

/**
 * Converts label indexers to positional ones using the index coordinates.
 * @example
 * selToIsel(coords, ['lat', 'lon'], { lat: 59.33 }, { method: 'nearest' })
 */
export function selToIsel(coords: Coords, dims: readonly string[], indexers: Readonly<Record<string, LabelIndexer>>, opts: SelOptions = {}): Record<string, Indexer> {
  checkDims(Object.keys(indexers), dims);
  const out: Record<string, Indexer> = {};
  for (const [d, lab] of Object.entries(indexers)) {
    const c = coords[d];
    if (!c || c.dims.length !== 1 || c.dims[0] !== d) throw new KeyError(`no index found for dimension '${d}' (it has no coordinate); use isel for positions`);
    if (isSliceObject(lab)) {
      if (opts.method) throw new ValueError('method is not supported with label slices');
      out[d] = locateSlice(c, lab);
    } else if (Array.isArray(lab)) {
      out[d] = lab.map((l: LabelValue) => locate(c, l, opts.method, opts.tolerance));
    } else if (typeof lab === 'string' && c.dtype === 'datetime' && !opts.method) {
      const [a, b] = timeLabelRange(lab, normalizeCalendar(c.encoding.calendar));
      if (a === b) out[d] = locate(c, lab);
      else {
        const s = locateSlice(c, { start: lab, stop: lab });
        if ((s.stop ?? 0) <= (s.start ?? 0)) throw new KeyError(`'${lab}' matches no label of '${d}'`);
        out[d] = s;
      }
    } else {
      out[d] = locate(c, lab as LabelValue, opts.method, opts.tolerance);
    }
  }
  return out;
}

/** Checks isel keys against the dims. */
export function checkIselDims(indexers: Readonly<Record<string, unknown>>, dims: readonly string[]): void {
  checkDims(Object.keys(indexers), dims);
}
