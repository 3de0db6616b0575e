import { afterEach, describe, expect, it } from 'vitest';
import { parseCsvBytes } from '../../src/io/csv-read.js';
import { csvTuning } from '../../src/io/csv-parallel.js';
import { csvChunkTuning } from '../../src/io/csv-parallel-chunk.js';
import type { ReadCsvOptions } from '../../src/io/csv-options.js';
import { rng, snapshot } from './csv-snapshot.js';

const DEFAULTS = { ...csvTuning };
afterEach(() => {
  Object.assign(csvTuning, DEFAULTS);
  csvChunkTuning.rowLoops = true;
});

function outcome(bytes: Uint8Array, opts: ReadCsvOptions): unknown {
  const warnings: string[] = [];
  try {
    return { frame: snapshot(parseCsvBytes(bytes, { ...opts, onWarning: (m) => warnings.push(m) })), warnings };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}`, warnings };
  }
}

/**
 * Rows long enough for the generated row loops (they start after 16 rows), with mostly common
 * spellings and, now and then, everything the loops hand back to the general rules.
 */
function genCsv(seed: number): { bytes: Uint8Array; opts: ReadCsvOptions } {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const kinds = ['int', 'float', 'bool', 'date', 'str', 'many'] as const;
  const cols = Array.from({ length: 1 + Math.floor(r() * 5) }, () => pick(kinds));
  const rare = r() * 0.08;
  const value = (k: (typeof kinds)[number], i: number): string => {
    if (r() < rare) return pick(['', 'NA', 'nan', '"q"', '"a""b"', '"x\ny"', ' 5', '1e3', '12345678901234567', '99999999999999999999', 'TRUE', 'tRUE', '2021-02-29', '0000-01-01', 'Nancy', 'N/A x']);
    switch (k) {
      case 'int': return String(Math.floor((r() - 0.5) * 1e6));
      case 'float': return pick([(r() * 1000).toFixed(3), (-r()).toFixed(2), '0.0', '-0.0', '5.', '+1.25', String(i)]);
      case 'bool': return pick(['true', 'false', 'True', 'False']);
      case 'date': return `20${10 + (i % 15)}-0${1 + (i % 9)}-${10 + (i % 19)}`;
      case 'str': return pick(['item-1', 'item-2', 'None of it', 'Nancy', 'n', '#x', '<y>', 'µg/m³']);
      default: return `s${Math.floor(r() * 1e6)}`;
    }
  };
  const sep = r() < 0.2 ? ';' : ',';
  const nl = r() < 0.3 ? '\r\n' : '\n';
  const lines = [cols.map((_, j) => `c${j}`).join(sep)];
  const nrows = 20 + Math.floor(r() * 400);
  for (let i = 0; i < nrows; i++) {
    let row = cols.map((k) => value(k, i)).join(sep);
    if (r() < rare / 8) row += `${sep}extra`;
    if (r() < rare / 4) lines.push('');
    lines.push(row);
  }
  const opts: ReadCsvOptions = { sep };
  if (r() < 0.5) opts.parseDates = true;
  if (r() < 0.2) opts.onBadLines = pick(['skip', 'warn'] as const);
  if (r() < 0.2) opts.dtype = { c0: pick(['float64', 'int64', 'string', 'bool', 'datetime'] as const) };
  return { bytes: new TextEncoder().encode(lines.join(nl) + (r() < 0.8 ? nl : '')), opts };
}

describe('generated row loops of the fused CSV parser', () => {
  it('give the general rules\' frame, warnings and errors (seeded random files)', () => {
    let looped = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { bytes, opts } = genCsv(seed);
      csvTuning.fastMinBytes = Infinity;
      const serial = outcome(bytes, opts);
      csvTuning.fastMinBytes = 0;
      csvChunkTuning.rowLoops = false;
      const general = outcome(bytes, opts);
      csvChunkTuning.rowLoops = true;
      const loops = outcome(bytes, opts);
      expect(loops, `seed ${seed}`).toEqual(general);
      expect(loops, `seed ${seed}`).toEqual(serial);
      if ('frame' in (loops as object)) looped++;
    }
    // Most files parse (the rest end in the same error both ways).
    expect(looped).toBeGreaterThan(100);
  });

  it('read a long text column whose dictionary gives up, rows read twice included', () => {
    const lines = ['a,s,b'];
    for (let i = 0; i < 20000; i++) lines.push(`${i},v${i % 7 === 0 ? i : i % 5000},${i % 97 === 0 ? 'NA' : i % 2 ? 'true' : 'false'}`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    csvTuning.fastMinBytes = 0;
    const loops = parseCsvBytes(bytes);
    csvChunkTuning.rowLoops = false;
    const general = parseCsvBytes(bytes);
    expect(snapshot(loops)).toEqual(snapshot(general));
    expect(loops.column('s').isDictionary).toBe(false);
    expect(loops.column('s').get(19998)).toBe('v4998');
    expect(loops.column('s').get(7)).toBe('v7');
    expect(loops.column('b').nullCount).toBe(207);
  });

  it('read text that outgrows its buffer after the dictionary gave up (short values first, long ones later)', () => {
    const lines = ['s,x'];
    for (let i = 0; i < 30000; i++) lines.push(`${i < 10000 ? `v${i}` : `${'long-value-'.repeat(5 + (i % 20))}${i}`},${i % 3 === 0 ? 'NA' : i}`);
    const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
    csvTuning.fastMinBytes = 0;
    const loops = parseCsvBytes(bytes);
    csvChunkTuning.rowLoops = false;
    const general = parseCsvBytes(bytes);
    expect(snapshot(loops)).toEqual(snapshot(general));
    expect(loops.column('s').get(29999)).toBe(`${'long-value-'.repeat(5 + (29999 % 20))}29999`);
    expect(loops.column('s').get(9999)).toBe('v9999');
  });
});
