/**
 * openHdf5: plain HDF5 files as a tree of groups and datasets with attributes; dataset values are read
 * on demand (whole, or a hyperslab through `slice`).
 * @module
 */
import { KeyError, unknownName } from '../../errors.js';
import type { NDArray } from '../../nd/ndarray.js';
import type { NDType } from '../../nd/dtype.js';
import type { Attrs } from '../../nd/variable.js';
import type { AxisSel } from '../../nd/view.js';
import { LazyArray } from '../../nd/lazy.js';
import { loadH5, h5call, sniffArrayFile, cachedFile, type H5 } from './h5.js';
import { H5Source, dtypeFromMeta, readAttrs } from './h5-source.js';
import { ParseError } from '../../errors.js';

/** A dataset in an HDF5 file. */
export class Hdf5Dataset {
  readonly kind = 'dataset' as const;
  readonly #lazy: LazyArray;
  /**
   * @example
   * (await openHdf5('f.h5')).get('data') as Hdf5Dataset
   */
  constructor(readonly path: string, readonly attrs: Attrs, source: H5Source) {
    this.#lazy = new LazyArray(source, null, source.dtype);
  }
  /** The shape. */
  get shape(): number[] { return this.#lazy.shape; }
  /** The dtype. */
  get dtype(): NDType { return this.#lazy.dtype; }
  /** Reads the whole dataset. */
  get value(): NDArray { return this.#lazy.load(); }
  /** Reads a hyperslab (one selection per dimension). */
  slice(sel: readonly AxisSel[]): NDArray { return this.#lazy.isel(sel).load(); }
}

/** A group: child groups and datasets by name, with attributes. */
export class Hdf5Group {
  readonly kind = 'group' as const;
  /**
   * @example
   * const root = await openHdf5('f.h5');
   */
  constructor(readonly path: string, readonly attrs: Attrs, readonly children: Map<string, Hdf5Group | Hdf5Dataset>, readonly skipped: readonly string[] = []) {}
  /** Child names in file order (`skipped` lists datasets of types gridframe does not read, e.g. compound). */
  keys(): string[] { return [...this.children.keys()]; }
  /** A child by name or by a path relative to this group ('a/b/c'). */
  get(name: string): Hdf5Group | Hdf5Dataset {
    const parts = name.split('/').filter(Boolean);
    const head = this.children.get(parts[0] ?? '');
    if (!head) throw unknownName('HDF5 object', parts[0] ?? name, this.keys());
    let node: Hdf5Group | Hdf5Dataset = head;
    for (const part of parts.slice(1)) {
      if (!(node instanceof Hdf5Group)) throw new KeyError(`'${node.path}' is a dataset, not a group`);
      const next: Hdf5Group | Hdf5Dataset | undefined = node.children.get(part);
      if (!next) throw unknownName('HDF5 object', part, node.keys());
      node = next;
    }
    return node;
  }
}

function walk(h5: H5, file: string, g: InstanceType<H5['Group']>, gpath: string): Hdf5Group {
  const children = new Map<string, Hdf5Group | Hdf5Dataset>();
  const skipped: string[] = [];
  for (const name of g.keys()) {
    const obj = g.get(name);
    const p = gpath === '/' ? `/${name}` : `${gpath}/${name}`;
    if (obj instanceof h5.Group) children.set(name, walk(h5, file, obj, p));
    else if (obj instanceof h5.Dataset) {
      const shape = obj.shape ?? [];
      let dtype: NDType;
      try {
        dtype = dtypeFromMeta(obj.metadata, `${file}:${p}`);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        skipped.push(name);
        continue;
      }
      children.set(name, new Hdf5Dataset(p, readAttrs(obj), new H5Source(h5, file, p, shape, dtype)));
    }
  }
  return new Hdf5Group(gpath, readAttrs(g), children, skipped);
}

/**
 * Opens an HDF5 file as a tree (metadata now, values on demand).
 * @example
 * const root = await openHdf5('data.h5');
 * const arr = (root.get('group/temperature') as Hdf5Dataset).slice([{ start: 0, stop: 10 }]);
 */
export async function openHdf5(file: string): Promise<Hdf5Group> {
  if (sniffArrayFile(file) !== 'hdf5') throw new ParseError(`${file} is a NetCDF-3 file, not HDF5; use openDataset`);
  const h5 = await loadH5();
  const f = cachedFile(h5, file);
  return h5call(file, 'reading metadata', () => walk(h5, file, f, '/'));
}
