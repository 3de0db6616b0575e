/**
 * `npm run bench` — gridframe side by side with its peers.
 *
 *   npm run bench                 full mode (sizes of issue 3), every cell in a fresh process,
 *                                 1 warm-up + 7 timed runs (fewer for slow cells: --budget), writes bench/RESULTS.md
 *   npm run bench -- --quick      CI smoke mode: small inputs, JS contenders in this process and pandas
 *                                 in one Python process; writes bench/out/RESULTS-quick.md; exit 1 when
 *                                 a contender's answer differs from gridframe's
 *   options: --only w1,w2  --contenders c1,c2  --warmup N  --repeats N  --out FILE
 *            --timeout S (per cell; a slower contender is skipped with a note; full default 150)
 *            --budget S (timed runs per cell; when the warm-up shows they would exceed it, fewer run;
 *            full default 20)  --isolate process|inprocess
 *            --tsx (process cells run the TypeScript sources through tsx instead of the tsc output in bench/.build)
 *            --no-hugepages (cell processes without GLIBC_TUNABLES=glibc.malloc.hugetlb=1; see harness.ts cellEnv)
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, CONTENDERS, SIZES, WORKLOADS, outDir, type ContenderId, type Mode, type WorkloadId } from './lib/config.js';
import { ensureData } from './lib/generate.js';
import { runSuite, type SuiteOptions } from './lib/harness.js';
import { checkAnswers, fmtBytes, fmtMs, formatTables, hugepagesLine, inputSizes, legends, loadAverage, machineInfo, versions } from './lib/report.js';
import { CHUNKED_CSV_ROWS } from './lib/chunked-csv.js';
import type { Measurement } from './lib/measure.js';
import { METHOD } from './lib/method.js';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = argv[i];
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
}

function list<T extends string>(name: string, all: readonly T[]): T[] {
  const v = arg(name);
  if (!v) return [...all];
  const want = v.split(',').map((s) => s.trim());
  const unknown = want.filter((s) => !all.includes(s as T));
  if (unknown.length) throw new Error(`--${name}: unknown ${unknown.join(', ')} (known: ${all.join(', ')})`);
  return all.filter((x) => want.includes(x));
}

const mode: Mode = process.argv.includes('--quick') ? 'quick' : 'full';
const isolate = (arg('isolate') ?? (mode === 'full' ? 'process' : 'inprocess')) as SuiteOptions['isolate'];
const opts: SuiteOptions = {
  mode, isolate,
  contenders: list<ContenderId>('contenders', CONTENDERS),
  workloads: list<WorkloadId>('only', WORKLOADS),
  warmup: Number(arg('warmup') ?? 1),
  // Seven timed runs: the median of three moved by 30-50% from one process to the next on the 2-core
  // bench machine for the ~100 ms cells; the budget keeps slow cells at fewer runs.
  repeats: Number(arg('repeats') ?? (mode === 'full' ? 7 : 1)),
  timeoutS: Number(arg('timeout') ?? (mode === 'full' ? 150 : 120)),
  budgetMs: 1000 * Number(arg('budget') ?? (mode === 'full' ? 20 : 0)),
  hugepages: !process.argv.includes('--no-hugepages'),
  compiled: !process.argv.includes('--tsx'),
  onResult: (m: Measurement) => {
    const t = m.status === 'ok' && m.median !== undefined ? `${fmtMs(m.median)}  peak ${Math.round(m.peakRssMB ?? 0)} MB` : `${m.status}: ${m.note ?? ''}`;
    console.log(`  ${m.workload.padEnd(20)} ${m.contender.padEnd(10)} ${t}`);
  },
};
const outFile = arg('out') ?? (mode === 'full' ? path.join(BENCH_DIR, 'RESULTS.md') : path.join(outDir('quick'), 'RESULTS-quick.md'));

const started = new Date();
const loadBefore = loadAverage();
await ensureData(mode, console.log);
console.log(`gridframe bench, ${mode} mode, ${isolate === 'process' ? 'each cell in a fresh process' : 'in-process smoke run'}, ${opts.warmup} warm-up + ${opts.repeats} timed runs, huge pages ${opts.hugepages ? 'on' : 'off'}`);
const results = await runSuite(opts);
const elapsed = (Date.now() - started.getTime()) / 1000;
const inputs = inputSizes(opts.workloads, mode);
const tables = formatTables(results, opts.contenders, opts.workloads, inputs);
const chunkedBytes = inputSizes(['csv-chunked'], mode)['csv-chunked'];
const mismatches = checkAnswers(results);
const userArgs = process.argv.slice(2).filter((a, i, all) => a !== '--out' && !a.startsWith('--out=') && all[i - 1] !== '--out');
const command = `npm run bench${userArgs.length ? ` -- ${userArgs.join(' ')}` : ''}`;
const s = SIZES[mode];
const md = [
  `# gridframe benchmarks (${mode} mode)`, '',
  `Run ${started.toISOString()} · ${elapsed.toFixed(0)} s wall · ${isolate === 'process' ? 'each cell in a fresh process' : 'in-process smoke run'} · ${opts.warmup} warm-up + ${opts.repeats} timed run(s) per cell (fewer where the warm-up shows they would take over ${(opts.budgetMs ?? 0) / 1000} s), median reported; a cell over ${opts.timeoutS} s is skipped.`, '',
  `Machine: ${machineInfo()} · load average ${loadBefore} at the start, ${loadAverage()} at the end (the machine is shared; every ratio compares cells of this one run).`, '',
  hugepagesLine(opts.hugepages ?? true, isolate === 'inprocess'), '',
  `Reproduce: \`${command}\` (inputs are generated, seeded, into bench/data/${mode}/ on first use; about ${Math.ceil(elapsed / 60)} min here)`, '',
  `Sizes: main table ${s.rows.toLocaleString('en')} rows (int key ${s.intGroups.toLocaleString('en')} groups, string key ${s.strKeys.toLocaleString('en')} distinct, two float64); pivotTable input ${s.pivotRows.toLocaleString('en')} rows (${s.pivotIndex} x ${s.pivotCols}); join table ${s.joinRows.toLocaleString('en')} rows; CSV ${s.csvRows.toLocaleString('en')} rows; chunked CSV ${CHUNKED_CSV_ROWS[mode].toLocaleString('en')} rows${chunkedBytes === undefined ? '' : ` (${fmtBytes(chunkedBytes)})`}; wide table ${s.wideRows.toLocaleString('en')} x ${s.wideCols}; cdist ${s.cdist3.join('x')} and ${s.cdist64.join('x')}; ${s.fitRows.toLocaleString('en')} curve rows of ${s.fitPoints} points; ${s.ncFiles} NetCDF files.`, '',
  'Versions:', '', ...versions(results), '',
  tables,
  mismatches.length ? `**${mismatches.length} answer mismatch(es)** (marked ≠ above).` : 'Every contender that ran returned the same answer digest as the reference (gridframe where it ran, else the loop) — see bench/lib/answer.ts.',
  '', legends(opts.contenders, opts.workloads), METHOD,
].join('\n');
mkdirSync(path.dirname(outFile), { recursive: true });
writeFileSync(outFile, `${md}\n`);
mkdirSync(outDir(mode), { recursive: true });
writeFileSync(path.join(outDir(mode), 'results.json'), JSON.stringify(results, null, 1));
console.log(`\n${tables}`);
console.log(`wrote ${path.relative(process.cwd(), outFile)} (${elapsed.toFixed(0)} s)`);
for (const m of mismatches) console.error(`MISMATCH ${m.workload} ${m.contender} vs ${m.reference}: ${m.diffs.join('; ')}`);
process.exit(mode === 'quick' && mismatches.length ? 1 : 0);
