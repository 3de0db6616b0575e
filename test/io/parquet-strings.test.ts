import * as arrow from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { fromCodes, fromStrings } from '../../src/frame/column-build.js';
import { plainStrings } from '../../src/io/parquet-strings.js';

describe('plainStrings (dictionary rows gathered as plain UTF-8 for the Parquet writer)', () => {
  // Lengths 0, 3, 8 (the packed limit), 9 and 20 bytes, multi-byte characters included.
  const dict = ['', 'abc', '12345678', '123456789', 'µg/m³ and more text'];
  const codes = Int32Array.from({ length: 23 }, (_, i) => (i % 6 === 5 ? -1 : (i * 3) % 5));
  const col = fromCodes(codes, dict);
  const want = Array.from(codes, (c) => (c < 0 ? null : dict[c]));

  it('gives the same strings and nulls for every row range, including unaligned starts', () => {
    for (const [start, end] of [[0, 23], [3, 23], [5, 6], [7, 7]]) {
      const d = plainStrings(col, start, end) as arrow.Data<arrow.Utf8>;
      expect(arrow.makeVector(d).toArray()).toEqual(want.slice(start, end));
      expect(d.nullCount).toBe(want.slice(start, end).filter((s) => s === null).length);
    }
  });

  it('is null for columns that are not dictionaries', () => {
    expect(plainStrings(fromStrings(['a', 'b'], { dictionary: false }), 0, 2)).toBeNull();
  });
});
