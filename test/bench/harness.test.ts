/**
 * The harness's process settings: the huge-page environment every cell process gets, the per-workload
 * Node flags (a heap cap for csv-chunked), the per-workload time limit, and the chunked CSV's shape.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HUGEPAGES_TUNABLE, cellEnv, cellTimeout, nodeFlags } from '../../bench/lib/harness.js';
import { CHUNKED_CSV_HEADER, CHUNKED_CSV_ROWS, chunkedCsvBytes, chunkedCsvPath, ensureChunkedCsv } from '../../bench/lib/chunked-csv.js';
import { fmtBytes, hugepagesLine, inputSizes } from '../../bench/lib/report.js';

describe('cell environment', () => {
  it('adds the glibc huge-page tunable, appending to an existing GLIBC_TUNABLES with ":"', () => {
    expect(cellEnv(true, { PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    expect(cellEnv(true, { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
    // not added twice
    expect(cellEnv(true, { GLIBC_TUNABLES: `a=1:${HUGEPAGES_TUNABLE}` }).GLIBC_TUNABLES).toBe(`a=1:${HUGEPAGES_TUNABLE}`);
    // --no-hugepages: the environment unchanged
    const base = { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' };
    expect(cellEnv(false, base)).toBe(base);
  });

  it('reaches a spawned Node child together with the workload heap cap', () => {
    const flags = nodeFlags('csv-chunked');
    expect(flags).toEqual(['--expose-gc', '--max-old-space-size=256']);
    const r = spawnSync(process.execPath, [...flags, '-e',
      'const v8 = require("node:v8"); console.log(JSON.stringify({ t: process.env.GLIBC_TUNABLES, mb: v8.getHeapStatistics().heap_size_limit / 2 ** 20, gc: typeof gc }))'],
    { env: cellEnv(true, { PATH: process.env.PATH }), encoding: 'utf8' });
    const got = JSON.parse(r.stdout) as { t: string; mb: number; gc: string };
    expect(got.t).toBe('glibc.malloc.hugetlb=1');
    expect(got.gc).toBe('function');
    // V8's limit is the old space plus young-generation room: close to, and far below the default 16 GB
    expect(got.mb).toBeGreaterThanOrEqual(256);
    expect(got.mb).toBeLessThan(400);
  });

  it('keeps the defaults for other workloads and raises only csv-chunked time limit', () => {
    expect(nodeFlags('groupby-int')).toEqual(['--expose-gc', '--max-old-space-size=16384']);
    expect(cellTimeout('groupby-int', 150)).toBe(150);
    expect(cellTimeout('csv-chunked', 150)).toBe(400);
    expect(cellTimeout('csv-chunked', 900)).toBe(900);
  });

  it('states the setting and the kernel THP mode in the report header', () => {
    expect(hugepagesLine(true, false)).toContain('GLIBC_TUNABLES=glibc.malloc.hugetlb=1');
    expect(hugepagesLine(true, false)).toContain('numpy');
    expect(hugepagesLine(true, false)).toMatch(/transparent_hugepage\/enabled here: `.+`/);
    expect(hugepagesLine(false, false)).toContain('off (`--no-hugepages`)');
    expect(hugepagesLine(true, true)).toContain('only the Python runner');
  });
});

describe('chunked CSV input', () => {
  beforeAll(async () => {
    await ensureChunkedCsv('quick');
  });

  it('has the header, one line per row, ids 0..n-1 and a few MB', () => {
    const text = readFileSync(chunkedCsvPath('quick'), 'utf8');
    const lines = text.split('\n');
    expect(lines[0]).toBe(CHUNKED_CSV_HEADER);
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 2).toBe(CHUNKED_CSV_ROWS.quick);
    expect(lines[1].startsWith('0,')).toBe(true);
    expect(lines[CHUNKED_CSV_ROWS.quick].startsWith(`${CHUNKED_CSV_ROWS.quick - 1},`)).toBe(true);
    expect(lines[1]).toMatch(/^0,-?\d+\.\d{3},s\d+,(true|false)$/);
    const bytes = chunkedCsvBytes('quick') ?? 0;
    expect(bytes).toBe(Buffer.byteLength(text));
    expect(bytes).toBeGreaterThan(1e6);
    expect(inputSizes(['csv-chunked', 'groupby-int'], 'quick')).toEqual({ 'csv-chunked': bytes });
  });

  it('formats sizes in decimal units', () => {
    expect(fmtBytes(1_012_345_678)).toBe('1.01 GB');
    expect(fmtBytes(2_610_399)).toBe('2.6 MB');
    expect(fmtBytes(41_368_193)).toBe('41 MB');
  });
});
