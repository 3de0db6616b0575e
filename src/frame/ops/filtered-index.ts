/**
 * The index a boolean filter leaves of a RangeIndex: the labels start + i * step of the kept rows i,
 * held as the range and the mask bits (n / 8 bytes) and written out as int64 labels on first use —
 * the way RangeIndex itself materialises its labels only when asked. A filter whose result is only
 * read by column (the common case) never pays for 8 bytes per kept row of labels.
 * @module
 */
import type { Column } from '../column.js';
import { fromTyped } from '../column-build.js';
import type { DType } from '../dtypes.js';
import { Index, RangeIndex } from '../label-index.js';
import { bitPositions, rangeLabelsFromBits } from './compact.js';
import { gatherIndex } from './gather-index.js';

/**
 * Labels of the rows of `range` whose bit is set in `bits` (`count` of them), materialised lazily.
 * Behaves as an int64 `Index` holding those labels.
 * @example
 * new FilteredRangeIndex(new RangeIndex(4), Uint8Array.of(0b1010), 2).toArray() // [1, 3]
 */
export class FilteredRangeIndex extends Index {
  readonly #range: RangeIndex;
  readonly #bits: Uint8Array;
  readonly #count: number;
  #col?: Column;

  constructor(range: RangeIndex, bits: Uint8Array, count: number) {
    super(null as unknown as Column, { name: range.name });
    this.#range = range;
    this.#bits = bits;
    this.#count = count;
  }
  override get length(): number {
    return this.#count;
  }
  override get dtype(): DType {
    return 'int64';
  }
  override get column(): Column {
    if (!this.#col) {
      const { start, step, size } = this.#range;
      const last = start + (size - 1) * step;
      // Labels that fit in int32 are written straight from the bits; others go through positions.
      if (Number.isInteger(start) && Number.isInteger(step) && Math.min(start, last) >= -0x80000000 && Math.max(start, last) <= 0x7fffffff) {
        this.#col = fromTyped(rangeLabelsFromBits(this.#bits, size, this.#count, start, step), null, 'int64');
      } else {
        this.#col = gatherIndex(this.#range, bitPositions(this.#bits, size, this.#count)).column;
      }
    }
    return this.#col;
  }
  override get isUnique(): boolean {
    return true;
  }
  override rename(name: string | null): Index {
    return new FilteredRangeIndex(this.#range.rename(name) as RangeIndex, this.#bits, this.#count);
  }
}
