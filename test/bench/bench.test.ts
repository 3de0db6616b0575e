/**
 * The benchmark never compares different work: the quick mode runs every contender through the
 * harness's library functions, and each answer digest (group sums, join row count, ...) must equal the
 * reference's — gridframe's where it ran, else the hand-written loop's.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENDERS, SIZES, WORKLOADS, type ContenderId, type WorkloadId } from '../../bench/lib/config.js';
import { ensureData } from '../../bench/lib/generate.js';
import { pythonUnavailable, runSuite } from '../../bench/lib/harness.js';
import { compareAnswers } from '../../bench/lib/answer.js';
import { checkAnswers, formatTables, referenceOf } from '../../bench/lib/report.js';
import type { Measurement } from '../../bench/lib/measure.js';
import { CHUNKED_CSV_ROWS } from '../../bench/lib/chunked-csv.js';

const noPython = pythonUnavailable();
const contenders = CONTENDERS.filter((c) => c !== 'pandas' || !noPython);
let results: Measurement[] = [];

const cell = (w: WorkloadId, c: ContenderId): Measurement | undefined => results.find((m) => m.workload === w && m.contender === c);

beforeAll(async () => {
  await ensureData('quick');
  results = await runSuite({ mode: 'quick', isolate: 'inprocess', contenders, workloads: WORKLOADS, warmup: 0, repeats: 1, timeoutS: 50 });
}, 60_000);

describe('bench quick mode', () => {
  it('runs every contender on every workload it supports', () => {
    expect(results.length).toBe(WORKLOADS.length * contenders.length);
    // peers are installed: none may error; gridframe may only be "not available yet" while areas are written
    const broken = results.filter((m) => m.status === 'error' || m.status === 'timeout' || (m.status === 'unavailable' && m.contender !== 'gridframe'));
    expect(broken.map((m) => `${m.contender}/${m.workload}: ${m.note}`)).toEqual([]);
    for (const m of results.filter((r) => r.status === 'ok')) {
      expect(m.times?.length).toBe(1);
      expect(m.peakRssMB).toBeGreaterThan(10);
    }
    expect(results.filter((m) => m.status === 'unavailable').every((m) => m.note?.startsWith('not available yet: '))).toBe(true);
  });

  it('gives the same answers across contenders (same group sums, same join row count, ...)', () => {
    const mismatches = checkAnswers(results);
    expect(mismatches.map((x) => `${x.workload}: ${x.contender} vs ${x.reference}: ${x.diffs.join('; ')}`)).toEqual([]);
    // the reference is gridframe wherever gridframe ran
    for (const w of WORKLOADS) {
      if (cell(w, 'gridframe')?.status === 'ok') expect(referenceOf(results, w)?.contender).toBe('gridframe');
    }
    // at least two contenders agree on each table workload (the check compared real work)
    for (const w of ['groupby-int', 'groupby-str', 'join', 'sort', 'csv-read', 'csv-chunked', 'melt-pivot'] as const) {
      expect(results.filter((m) => m.workload === w && m.status === 'ok').length, w).toBeGreaterThanOrEqual(3);
    }
  });

  it('answers match facts known from the generator', () => {
    const s = SIZES.quick;
    const g = cell('groupby-int', 'loop')?.answer;
    expect(g?.groups).toBe(s.intGroups);
    expect(g?.sumOfCounts).toBe(s.rows);
    expect(cell('groupby-str', 'polars')?.answer?.groups).toBe(s.strKeys);
    expect(cell('csv-read', 'duckdb')?.answer?.rows).toBe(s.csvRows);
    // every chunk was read: all rows, flag true with probability 0.3
    expect(cell('csv-chunked', 'polars')?.answer?.rows).toBe(CHUNKED_CSV_ROWS.quick);
    expect((cell('csv-chunked', 'duckdb')?.answer?.trueCount ?? 0) / CHUNKED_CSV_ROWS.quick).toBeCloseTo(0.3, 2);
    // ids 0..n-1 in the CSV
    expect(cell('csv-read', 'arquero')?.answer?.idSum).toBe((s.csvRows * (s.csvRows - 1)) / 2);
    expect(cell('parquet-read', 'polars')?.answer?.rows).toBe(s.rows);
    expect(cell('melt-pivot', 'duckdb')?.answer?.longRows).toBe(s.wideRows * s.wideCols);
    // the join table holds joinRows of joinKeySpace possible keys, so about joinRows / joinKeySpace of the rows match
    const joined = cell('join', 'loop')?.answer?.rows ?? 0;
    const expected = s.joinRows / s.joinKeySpace;
    expect(joined / s.rows).toBeGreaterThan(0.8 * expected);
    expect(joined / s.rows).toBeLessThan(1.2 * expected);
    expect(cell('join', 'duckdb')?.answer?.rows).toBe(joined);
  });

  it.skipIf(noPython !== null)(`pandas/scipy/xarray agree with the reference${noPython ? ` (skipped: ${noPython})` : ''}`, () => {
    for (const w of WORKLOADS) {
      const m = cell(w, 'pandas');
      expect(m?.status === 'ok' || m?.status === 'na', `${w}: ${m?.note}`).toBe(true);
    }
    expect(cell('netcdf', 'pandas')?.answer?.years).toBe(SIZES.quick.ncFiles);
    expect(cell('parquet-read', 'pandas')?.status).toBe('na');
  });

  it('renders a table with ratios to gridframe and notes', () => {
    const md = formatTables(results, contenders, WORKLOADS);
    expect(md).toContain('| workload | gridframe | loop |');
    expect(md.split('\n').filter((l) => l.startsWith('| groupby-int |')).length).toBe(2);
  });
});

describe('answer comparison', () => {
  it('flags a different group sum and a missing digest, accepts rounding noise', () => {
    const ref = { groups: 100, sumOfSums: 63.735536628178 };
    expect(compareAnswers(ref, { groups: 100, sumOfSums: 63.735536628178 * (1 + 1e-13) }, 1e-9)).toEqual([]);
    expect(compareAnswers(ref, { groups: 100, sumOfSums: 63.74 }, 1e-9)).toHaveLength(1);
    expect(compareAnswers(ref, { groups: 99 }, 1e-9)).toEqual(['groups: 99 vs reference 100', 'sumOfSums: missing']);
  });

  it('picks gridframe as the reference when it ran, else the loop', () => {
    const a = (c: ContenderId, v: number): Measurement => ({ contender: c, workload: 'join', status: 'ok', answer: { rows: v } });
    expect(referenceOf([a('polars', 1), a('loop', 2), a('gridframe', 3)], 'join')?.contender).toBe('gridframe');
    expect(referenceOf([a('polars', 1), a('loop', 2)], 'join')?.contender).toBe('loop');
    expect(checkAnswers([a('loop', 2), a('polars', 1)])).toHaveLength(1);
  });
});
