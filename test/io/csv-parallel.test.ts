import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseCsvBytes, readCsv } from '../../src/io/csv-read.js';
import { csvLastRead, csvTuning } from '../../src/io/csv-parallel.js';
import type { ReadCsvOptions } from '../../src/io/csv-options.js';
import type { DataFrame } from '../../src/frame/dataframe.js';
import { rng, snapshot } from './csv-snapshot.js';

const DEFAULTS = { ...csvTuning };
afterEach(() => Object.assign(csvTuning, DEFAULTS));

type Outcome = { ok: true; frame: unknown; warnings: string[] } | { ok: false; error: string; warnings: string[] };

async function outcome(run: (o: ReadCsvOptions) => DataFrame | Promise<DataFrame>, opts: ReadCsvOptions): Promise<Outcome> {
  const warnings: string[] = [];
  try {
    const df = await run({ ...opts, onWarning: (m) => warnings.push(m) });
    return { ok: true, frame: snapshot(df), warnings };
  } catch (e) {
    return { ok: false, error: `${(e as Error).name}: ${(e as Error).message}`, warnings };
  }
}

/** The serial reader's outcome, the fused parser's (one chunk), and the parallel reader's (small chunks, workers). */
async function threeWays(bytes: Uint8Array, opts: ReadCsvOptions, chunkBytes: number): Promise<[Outcome, Outcome, Outcome]> {
  Object.assign(csvTuning, { fastMinBytes: Infinity });
  const serial = await outcome((o) => parseCsvBytes(bytes, o), opts);
  Object.assign(csvTuning, { fastMinBytes: 0 });
  const fused = await outcome((o) => parseCsvBytes(bytes, o), opts);
  Object.assign(csvTuning, { fastMinBytes: 0, parallelMinBytes: 0, chunkBytes });
  const parallel = await outcome((o) => readCsv(bytes, o), opts);
  return [serial, fused, parallel];
}

const enc = new TextEncoder();

describe('fused and parallel CSV readers give exactly the serial reader\'s frame', () => {
  it('mixed columns with nulls, NaN, -0, big integers, quotes, CRLF and blank lines, cut into many chunks', async () => {
    const text =
      'i,f,b,d,s,q,big,none\r\n' +
      '1,1.5,True,2020-01-01,x,"a,b",9007199254740993,\r\n' +
      '-0,-0.0,false,2020-02-29,y,"say ""hi""",-9223372036854775808,NA\r\n\r\n' +
      '3,NaN,TRUE,,x,"multi\nline",12,\r\n' +
      '4,,False,2021-12-31,,plain,13,nan\r\n' +
      '5,1e3,true,2019-05-07,z,"",14,\r\n';
    for (const chunkBytes of [8, 16, 33, 1000]) {
      const [serial, fused, parallel] = await threeWays(enc.encode(text), { parseDates: ['d'] }, chunkBytes);
      expect(serial.ok).toBe(true);
      expect(fused).toEqual(serial);
      expect(parallel).toEqual(serial);
    }
    // Dtypes and values read off the text above: i has integers only (no missing), f has a decimal.
    const df = parseCsvBytes(enc.encode(text), { parseDates: ['d'] });
    expect(df.dtypes).toEqual({ i: 'int64', f: 'float64', b: 'bool', d: 'datetime', s: 'string', q: 'string', big: 'int64', none: 'float64' });
    expect(df.column('big').get(0)).toBe(9007199254740993n);
    expect(df.column('q').get(1)).toBe('say "hi"');
    expect(df.column('none').nullCount).toBe(5);
  });

  it('random files and options (seeded): same frame, or the same error and warnings', async () => {
    const deadline = Date.now() + 2500;
    let cases = 0;
    for (let seed = 1; Date.now() < deadline; seed++) {
      const { bytes, opts } = randomCsv(seed);
      const chunkBytes = 4 + Math.floor(rng(seed * 7)() * 120);
      const [serial, fused, parallel] = await threeWays(bytes, opts, chunkBytes);
      const where = `seed ${seed}, chunkBytes ${chunkBytes}, opts ${JSON.stringify(opts)}, input ${JSON.stringify(new TextDecoder().decode(bytes))}`;
      expect(fused, where).toEqual(serial);
      expect(parallel, where).toEqual(serial);
      cases++;
    }
    expect(cases).toBeGreaterThan(30);
  });

  it('an NA string that is also a number is missing wherever it appears (pandas)', async () => {
    // pandas 1.5.3: pd.read_csv(io.StringIO('a,b\n1,x\n-999,y\n3,z\n'), na_values=['-999']).a -> [1.0, nan, 3.0], float64
    const [serial, fused, parallel] = await threeWays(enc.encode('a,b\n1,x\n-999,y\n3,z\n'), { naValues: ['-999'] }, 6);
    expect(serial.ok && (serial.frame as { cols: { dtype: string; values: unknown[] }[] }).cols[0]).toMatchObject({ dtype: 'float64', values: [1, null, 3] });
    expect(fused).toEqual(serial);
    expect(parallel).toEqual(serial);
  });

  it('a column that turns out to be text in a later chunk is a string column, as in the serial reader', async () => {
    const rows = ['n,m'];
    for (let i = 0; i < 200; i++) rows.push(`${i},${i % 3}`);
    rows.push('oops,1');
    const [serial, fused, parallel] = await threeWays(enc.encode(rows.join('\n') + '\n'), {}, 64);
    expect(serial.ok && (serial.frame as { cols: { dtype: string }[] }).cols.map((c) => c.dtype)).toEqual(['string', 'int64']);
    expect(fused).toEqual(serial);
    expect(parallel).toEqual(serial);
    expect(csvLastRead.rounds).toBe(2);
  });

  it('dictionary or plain strings exactly when the serial rule decides so, across chunks', async () => {
    // (a) 6000 rows of one value, then 6000 distinct: later chunks give up alone, the file does not
    // until the end (6001 distinct > half of 12000 rows): plain UTF-8.
    // (b) 7000 repeated + 5000 distinct over 12000 rows: 5001 * 2 <= 12000, a dictionary.
    // (c) 8000 distinct first: gives up at row 8194 (4097 * 2 > 8194): plain.
    const make = (rep: number, distinct: number): Uint8Array => {
      const out = ['s'];
      for (let i = 0; i < rep; i++) out.push('same');
      for (let i = 0; i < distinct; i++) out.push(`v${i}`);
      return enc.encode(out.join('\n') + '\n');
    };
    const expectDict = [false, true, false];
    const inputs = [make(6000, 6000), make(7000, 5000), make(0, 8000)];
    for (let k = 0; k < inputs.length; k++) {
      const [serial, fused, parallel] = await threeWays(inputs[k], {}, 4000);
      expect(serial.ok && (serial.frame as { cols: { dict: boolean }[] }).cols[0].dict).toBe(expectDict[k]);
      expect(fused).toEqual(serial);
      expect(parallel).toEqual(serial);
    }
  });
});

describe('errors from the parallel path carry the same global line numbers', () => {
  /** 3000 good rows (lines 2..3001), with `bad` replacing line `at`. */
  function withBadLine(at: number, bad: string): Uint8Array {
    const lines = ['a,b,c'];
    for (let i = 2; i <= 3001; i++) lines.push(i === at ? bad : `${i},${i * 0.5},x${i % 7}`);
    return enc.encode(lines.join('\n') + '\n');
  }
  const parallel = async (bytes: Uint8Array, opts: ReadCsvOptions = {}): Promise<DataFrame> => {
    Object.assign(csvTuning, { fastMinBytes: 0, parallelMinBytes: 0, chunkBytes: 1024 });
    return readCsv(bytes, opts);
  };

  it('ragged row, unterminated quote and bad dtype value deep in the file', async () => {
    await expect(parallel(withBadLine(2500, '1,2,3,4'))).rejects.toThrow('Line 2500: expected 3 fields, found 4');
    await expect(parallel(withBadLine(2999, '7'))).rejects.toThrow('Line 2999: expected 3 fields, found 1');
    await expect(parallel(withBadLine(2000, '1,"open,x'))).rejects.toThrow(`Line 2000: unterminated quoted field (a '"' opened here is never closed)`);
    await expect(parallel(withBadLine(1500, '9,nine,x'), { dtype: { b: 'float64' } })).rejects.toThrow(`Column 'b', line 1500: cannot parse "nine" as float64`);
    await expect(parallel(withBadLine(2800, '9.5,1,x'), { dtype: { a: 'int64' } })).rejects.toThrow(`Column 'a', line 2800: cannot parse "9.5" as int64`);
    await expect(parallel(withBadLine(2900, '1,2,x'), { dtype: { c: 'bool' } })).rejects.toThrow(`Column 'c', line 2: cannot parse "x2" as bool`);
  });

  it("onBadLines 'skip' and 'warn' drop the same rows and warn with the same lines", async () => {
    const bytes = withBadLine(2222, '1,2');
    const skip = await parallel(bytes, { onBadLines: 'skip' });
    expect(skip.length).toBe(2999);
    const warnings: string[] = [];
    const warn = await parallel(bytes, { onBadLines: 'warn', onWarning: (m) => warnings.push(m) });
    expect(warn.length).toBe(2999);
    expect(warnings).toEqual(['Skipping line 2222: expected 3 fields, found 2']);
    expect(warn.column('a').toArray().slice(2219, 2221)).toEqual([2221, 2223]);
  });
});

describe('a file big enough for the default parallel path', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gridframe-csv-par-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is read in chunks by the pool (and this thread), equal to the serial read', async () => {
    const r = rng(42);
    const parts: string[] = ['id,price,name,flag,day,note'];
    for (let i = 0; i < 100_000; i++) {
      const note = i % 997 === 0 ? '"has, comma\nand newline"' : i % 13 === 0 ? '' : `n${i % 50}`;
      parts.push(`${i},${(r() * 1000).toFixed(3)},item-${Math.floor(r() * 9000)},${r() < 0.5 ? 'true' : 'false'},20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10},${note}`);
    }
    const file = path.join(dir, 'big.csv');
    writeFileSync(file, parts.join('\n') + '\n');
    expect(statSync(file).size).toBeGreaterThan(csvTuning.parallelMinBytes);
    // Default sizes. The first large read of a process is read by this thread until the pool's
    // workers have started, then by them; later ones by the workers (this thread only waits here).
    const first = await readCsv(file, { parseDates: ['day'] });
    csvTuning.callerParses = false;
    const par = await readCsv(file, { parseDates: ['day'] });
    expect(csvLastRead.chunks).toBeGreaterThan(1);
    expect(csvLastRead.inWorkers).toBe(csvLastRead.chunks);
    expect(par.length).toBe(100_000);
    // This thread parsing alongside (as with a cold pool) reads the same frame.
    csvTuning.callerParses = true;
    expect(snapshot(await readCsv(file, { parseDates: ['day'] }))).toEqual(snapshot(par));
    csvTuning.fastMinBytes = Infinity;
    const serial = await readCsv(file, { parseDates: ['day'] });
    expect(snapshot(par)).toEqual(snapshot(serial));
    expect(snapshot(first)).toEqual(snapshot(serial));
    expect(par.dtypes).toEqual({ id: 'int64', price: 'float64', name: 'string', flag: 'bool', day: 'datetime', note: 'string' });
    expect(par.column('note').get(997)).toBe('has, comma\nand newline');
  });
});

/** A random CSV and read options: typed columns, NA spellings, quotes, escapes, newlines, bad rows. */
function randomCsv(seed: number): { bytes: Uint8Array; opts: ReadCsvOptions } {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const kinds = ['int', 'float', 'bool', 'date', 'str', 'low', 'quoted', 'late', 'na', 'big', 'mixnum'] as const;
  const ncols = 1 + Math.floor(r() * 5);
  const cols = Array.from({ length: ncols }, () => pick(kinds));
  const nrows = Math.floor(r() * 60);
  const na = ['', 'NA', 'nan', 'null', '-999'];
  const value = (k: (typeof kinds)[number], i: number): string => {
    if (r() < 0.1) return pick(na);
    switch (k) {
      case 'int': return String(Math.floor((r() - 0.5) * 1e6));
      case 'float': return pick([(r() * 100).toFixed(3), String(r()), '1e5', '-0.0', '.5', '5.', 'inf', '123456789012345678']);
      case 'bool': return pick(['True', 'false', 'TRUE', 'False']);
      case 'date': return pick(['2020-01-31', '1999-12-31', '2020-02-29', '2021-06-01 12:30:00', '2000-01-01T00:00:00Z']);
      case 'str': return `s${Math.floor(r() * 1000)}`;
      case 'low': return pick(['a', 'b', 'µg/m³']);
      case 'quoted': return pick(['"x,y"', '"say ""hi"""', '"line\nbreak"', '"plain"', '""']);
      case 'late': return i > nrows / 2 && r() < 0.2 ? 'text' : String(i);
      case 'na': return pick(na);
      case 'big': return pick(['9007199254740993', '-9223372036854775808', '12', '99999999999999999999']);
      default: return pick(['1', '2.5', ' 3 ', '+4', '-0', '007']);
    }
  };
  const sep = r() < 0.2 ? ';' : ',';
  const nl = r() < 0.3 ? '\r\n' : '\n';
  const lines = [cols.map((_, j) => `c${j}`).join(sep)];
  for (let i = 0; i < nrows; i++) {
    let row = cols.map((k) => value(k, i)).join(sep);
    if (r() < 0.02) row += `${sep}extra`;
    if (r() < 0.02) lines.push('');
    if (r() < 0.01) row = `"${row}`;
    lines.push(row);
  }
  const opts: ReadCsvOptions = { sep };
  if (r() < 0.3) opts.parseDates = true;
  if (r() < 0.2) opts.naValues = ['-999'];
  if (r() < 0.1) opts.keepDefaultNa = false;
  if (r() < 0.2) opts.onBadLines = pick(['skip', 'warn'] as const);
  if (r() < 0.15) opts.dtype = { c0: pick(['float64', 'int64', 'string', 'bool', 'datetime', 'int32'] as const) };
  if (r() < 0.1 && ncols > 1) opts.usecols = ['c1'];
  return { bytes: enc.encode(lines.join(nl) + (r() < 0.8 ? nl : '')), opts };
}
