/** A small frame with a column of every dtype and nulls in each, for round-trip tests. */
import { expect } from 'vitest';
import { fromCodes, fromStrings, fromTyped, fromValues } from '../../src/frame/column-build.js';
import { DataFrame } from '../../src/frame/dataframe.js';
import type { Column } from '../../src/frame/column.js';
import { packBits } from '../../src/frame/bitmap.js';

/** Validity from 1/0 flags. */
function valid(flags: number[]): Uint8Array {
  return packBits(flags);
}

/** Every dtype, 4 rows, a null in each column (row 1 or 2). */
export function everyDtypeFrame(): DataFrame {
  const v = valid([1, 0, 1, 1]);
  const cols: Record<string, Column> = {
    i8: fromTyped(Int8Array.of(-128, 0, 5, 127), v, 'int8'),
    i16: fromTyped(Int16Array.of(-32768, 0, 300, 32767), v, 'int16'),
    i32: fromTyped(Int32Array.of(-2147483648, 0, 7, 2147483647), v, 'int32'),
    i64: fromTyped(BigInt64Array.of(-(2n ** 62n), 0n, 9007199254740993n, 42n), v, 'int64'),
    u8: fromTyped(Uint8Array.of(0, 0, 200, 255), v, 'uint8'),
    u16: fromTyped(Uint16Array.of(0, 0, 60000, 65535), v, 'uint16'),
    u32: fromTyped(Uint32Array.of(0, 0, 4000000000, 4294967295), v, 'uint32'),
    f32: fromTyped(Float32Array.of(1.5, 0, -2.25, 3.4028234663852886e38), v, 'float32'),
    f64: fromTyped(Float64Array.of(0.1, 0, -0, 1.7976931348623157e308), v, 'float64'),
    b: fromValues([true, null, false, true], 'bool'),
    s: fromStrings(['plain', null, 'with "quotes", commas\nand a newline', 'µg/m³']),
    cat: fromCodes(Int32Array.of(0, 1, -1, 0), ['low', 'high']),
    d: fromValues([new Date(Date.UTC(2020, 1, 29)), new Date(Date.UTC(1969, 11, 31)), null, new Date(Date.UTC(2038, 0, 19))], 'date'),
    t: fromValues([new Date(Date.UTC(2019, 4, 7, 2, 0, 0, 125)), null, new Date(Date.UTC(1900, 0, 1)), new Date(Date.UTC(2024, 11, 31, 23, 59, 59))], 'datetime'),
  };
  return new DataFrame(cols);
}

/** Asserts two frames have the same columns, dtypes and values (nulls included). */
export function expectFrameEqual(got: DataFrame, want: DataFrame): void {
  expect(got.columns).toEqual(want.columns);
  expect(got.dtypes).toEqual(want.dtypes);
  for (const name of want.columns) {
    const g = got.column(name).toArray();
    const w = want.column(name).toArray();
    expect(g.map((x) => (x instanceof Date ? x.getTime() : x)), name).toEqual(w.map((x) => (x instanceof Date ? x.getTime() : x)));
    // -0 and NaN must survive bit for bit.
    if (want.column(name).dtype.startsWith('float')) {
      const gv = got.column(name).toFloat64();
      const wv = want.column(name).toFloat64();
      wv.forEach((x, i) => expect(Object.is(gv[i], x), `${name}[${i}]`).toBe(true));
    }
  }
}
