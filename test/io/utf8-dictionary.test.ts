import { describe, expect, it } from 'vitest';
import { fromStrings } from '../../src/frame/column-build.js';
import { utf8ToDictionary } from '../../src/io/utf8-dictionary.js';
import { readParquet } from '../../src/io/parquet-read.js';
import { repoRoot } from '../helpers.js';
import path from 'node:path';
import { existsSync } from 'node:fs';

describe('utf8ToDictionary', () => {
  it('encodes a low-cardinality plain column with the same values (nulls kept)', () => {
    const vals = Array.from({ length: 100 }, (_, i) => (i % 10 === 3 ? null : ['LAS', 'PHL', 'µg/m³'][i % 3]));
    const d = utf8ToDictionary(fromStrings(vals));
    expect(d?.isDictionary).toBe(true);
    expect(d?.toArray()).toEqual(vals);
    expect(d?.dictionaryCodes().dictionary).toEqual(['LAS', 'PHL', 'µg/m³']);
  });

  it('leaves high-cardinality columns alone', () => {
    expect(utf8ToDictionary(fromStrings(Array.from({ length: 100 }, (_, i) => `id${i}`)))).toBeNull();
  });

  const flights = path.join(repoRoot, 'node_modules/vega-datasets/data/flights-3m.parquet');
  it.skipIf(!existsSync(flights))('flights-3m.parquet (LargeUtf8 airports) reads with dictionary airport columns', async () => {
    const df = await readParquet(flights, { columns: ['origin', 'delay'] });
    // The file declares origin/destination large_string (parquet-wasm's schema). DuckDB: SELECT * ... LIMIT 1 ->
    // (2001-01-01 00:01, 33, 2176, 'LAS', 'PHL'); count(*) = 3000000, count(DISTINCT origin) = 229.
    expect(df.dtypes).toEqual({ delay: 'int64', origin: 'string' });
    expect(df.length).toBe(3_000_000);
    expect(df.column('origin').isDictionary).toBe(true);
    expect(df.column('origin').get(0)).toBe('LAS');
    expect(df.column('origin').dictionaryCodes().dictionary.length).toBe(229);
    expect(df.column('delay').get(0)).toBe(33);
  });
});
