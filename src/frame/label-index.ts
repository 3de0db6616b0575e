/**
 * Row (and column) labels. `Index` holds labels in a Column; `RangeIndex` is the default 0..n-1
 * without storage; `MultiIndex` (multi-index.ts) holds several levels. Label lookup builds a hash
 * map once, lazily.
 * @module
 */
import { Column } from './column.js';
import { fromTyped, fromValues } from './column-build.js';
import { take, sliceColumn } from './column-take.js';
import { KeyError } from '../errors.js';
import { StringAccessor } from './accessors/str.js';
import { DatetimeAccessor } from './accessors/dt.js';
import { float64ToInt64, type DType, type Scalar } from './dtypes.js';

/** A row label: a scalar, or a tuple of scalars for a MultiIndex. */
export type Label = Scalar | readonly Scalar[];

/** The hash key of a scalar label (dates by time; numbers and strings kept apart). */
export function labelKey(v: Label): string | number | boolean | null {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return 's' + v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.getTime();
  return JSON.stringify(v.map((x) => (x instanceof Date ? x.getTime() : typeof x === 'bigint' ? Number(x) : x)));
}

/** Immutable labels for the rows (or columns) of a frame. */
export class Index {
  /** The index's name (pandas `index.name`), shown in display and restored by `resetIndex`. */
  readonly name: string | null;
  protected readonly _col: Column | null;
  #map?: Map<string | number | boolean | null, number | number[]>;

  /**
   * @example
   * new Index(['a', 'b', 'c'], { name: 'key' })
   */
  constructor(labels: Column | readonly Scalar[], opts: { name?: string | null } = {}) {
    this._col = labels instanceof Column ? labels : labels === null ? null : fromValues(labels);
    this.name = opts.name ?? null;
  }

  /** Number of labels. */
  get length(): number {
    return this.column.length;
  }
  /** Number of levels (1 unless a MultiIndex). */
  get nlevels(): number {
    return 1;
  }
  /** Level names (one for a flat index). */
  get names(): (string | null)[] {
    return [this.name];
  }
  /** dtype of the labels. */
  get dtype(): DType {
    return this.column.dtype;
  }
  /** The labels as a Column. */
  get column(): Column {
    return this._col as Column;
  }
  /** Label at position i. */
  get(i: number): Label {
    return this.column.get(i);
  }
  /** All labels as an array. */
  toArray(): Label[] {
    const n = this.length;
    const out = new Array<Label>(n);
    for (let i = 0; i < n; i++) out[i] = this.get(i);
    return out;
  }
  [Symbol.iterator](): Iterator<Label> {
    return this.toArray()[Symbol.iterator]();
  }

  /** Label -> positions map, built once. */
  protected lookup(): Map<string | number | boolean | null, number | number[]> {
    if (this.#map) return this.#map;
    const m = new Map<string | number | boolean | null, number | number[]>();
    const n = this.length;
    for (let i = 0; i < n; i++) {
      const k = labelKey(this.get(i));
      const prev = m.get(k);
      if (prev === undefined) m.set(k, i);
      else if (typeof prev === 'number') m.set(k, [prev, i]);
      else prev.push(i);
    }
    this.#map = m;
    return m;
  }

  /** True when every label occurs once. */
  get isUnique(): boolean {
    return this.lookup().size === this.length;
  }

  /** True when `label` is in the index. */
  has(label: Label): boolean {
    return this.lookup().has(labelKey(label));
  }

  /**
   * Positions of `label` (several when duplicated). Throws KeyError naming the label when absent.
   * @example
   * new Index(['a', 'b']).getLoc('b') // [1]
   */
  getLoc(label: Label): number[] {
    const p = this.lookup().get(labelKey(label));
    if (p === undefined) {
      const shown = Array.isArray(label) ? `(${label.map(String).join(', ')})` : String(label);
      throw new KeyError(`Label ${JSON.stringify(shown)} is not in the index${this.name ? ` '${this.name}'` : ''}`);
    }
    return typeof p === 'number' ? [p] : p;
  }

  /**
   * Position of each label, -1 where missing (pandas `get_indexer`). Duplicated labels map to their first position.
   * @example
   * new Index(['a', 'b']).getIndexer(['b', 'z']) // Int32Array [1, -1]
   */
  getIndexer(labels: readonly Label[]): Int32Array {
    const m = this.lookup();
    const out = new Int32Array(labels.length);
    for (let i = 0; i < labels.length; i++) {
      const p = m.get(labelKey(labels[i]));
      out[i] = p === undefined ? -1 : typeof p === 'number' ? p : p[0];
    }
    return out;
  }

  /** Labels at the given positions. */
  take(idx: Int32Array | readonly number[]): Index {
    return new Index(take(this.column, idx), { name: this.name });
  }
  /** Labels [start, end). */
  slice(start: number, end: number): Index {
    return new Index(sliceColumn(this.column, start, end), { name: this.name });
  }
  /** Same labels with another name. */
  rename(name: string | null): Index {
    return new Index(this.column, { name });
  }
  /** True when both hold the same labels in the same order. */
  equals(other: Index): boolean {
    if (this === other) return true;
    if (this.length !== other.length || this.nlevels !== other.nlevels) return false;
    if (this instanceof RangeIndex && other instanceof RangeIndex) return this.start === other.start && this.step === other.step;
    const n = this.length;
    for (let i = 0; i < n; i++) if (labelKey(this.get(i)) !== labelKey(other.get(i))) return false;
    return true;
  }
  /**
   * String methods over the labels, giving Series aligned with this index (pandas `index.str`).
   * @example
   * df.filter(df.index.str.contains('Margaret'))
   */
  get str(): StringAccessor {
    return new StringAccessor(this.column, this, this.name);
  }
  /**
   * Datetime fields of the labels, as Series aligned with this index (pandas `index.month` / `.dt`).
   * @example
   * df.groupby(df.index.dt.month)
   */
  get dt(): DatetimeAccessor {
    return new DatetimeAccessor(this.column, this, this.name);
  }
  /** A short description, for display. */
  toString(): string {
    const shown = this.toArray().slice(0, 10).map((l) => JSON.stringify(l)).join(', ');
    return `Index([${shown}${this.length > 10 ? ', ...' : ''}], dtype='${this.dtype}', length=${this.length})`;
  }
}

/** The default index 0, 1, ..., n-1 (or start + k*step), stored as three numbers. */
export class RangeIndex extends Index {
  readonly start: number;
  readonly step: number;
  readonly size: number;
  #col?: Column;

  /**
   * @example
   * new RangeIndex(5) // 0..4
   */
  constructor(size: number, opts: { start?: number; step?: number; name?: string | null } = {}) {
    super(null as unknown as Column, { name: opts.name ?? null });
    this.size = size;
    this.start = opts.start ?? 0;
    this.step = opts.step ?? 1;
  }
  override get length(): number {
    return this.size;
  }
  override get dtype(): DType {
    return 'int64';
  }
  override get column(): Column {
    if (!this.#col) {
      const v = new Float64Array(this.size);
      for (let i = 0; i < this.size; i++) v[i] = this.start + i * this.step;
      this.#col = fromTyped(float64ToInt64(v), null, 'int64');
    }
    return this.#col;
  }
  override get(i: number): Label {
    if (i < 0 || i >= this.size) throw new RangeError(`Position ${i} is out of bounds for length ${this.size}`);
    return this.start + i * this.step;
  }
  override get isUnique(): boolean {
    return true;
  }
  override getLoc(label: Label): number[] {
    const v = typeof label === 'bigint' ? Number(label) : label;
    if (typeof v === 'number') {
      const k = (v - this.start) / this.step;
      if (Number.isInteger(k) && k >= 0 && k < this.size) return [k];
    }
    throw new KeyError(`Label ${JSON.stringify(String(label))} is not in the index (a RangeIndex of length ${this.size})`);
  }
  override has(label: Label): boolean {
    try {
      this.getLoc(label);
      return true;
    } catch {
      return false;
    }
  }
  override getIndexer(labels: readonly Label[]): Int32Array {
    const out = new Int32Array(labels.length);
    for (let i = 0; i < labels.length; i++) out[i] = this.has(labels[i]) ? this.getLoc(labels[i])[0] : -1;
    return out;
  }
  override slice(start: number, end: number): Index {
    const s = Math.max(0, Math.min(start, this.size));
    const e = Math.max(s, Math.min(end, this.size));
    return new RangeIndex(e - s, { start: this.start + s * this.step, step: this.step, name: this.name });
  }
  override take(idx: Int32Array | readonly number[]): Index {
    const v = new Float64Array(idx.length);
    for (let i = 0; i < idx.length; i++) v[i] = this.start + idx[i] * this.step;
    return new Index(fromTyped(float64ToInt64(v), null, 'int64'), { name: this.name });
  }
  override rename(name: string | null): Index {
    return new RangeIndex(this.size, { start: this.start, step: this.step, name });
  }
  override toString(): string {
    return `RangeIndex(start=${this.start}, stop=${this.start + this.size * this.step}, step=${this.step})`;
  }
}
