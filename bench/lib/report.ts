/**
 * Checking answers across contenders and formatting the results as Markdown tables.
 * @module
 */
import os from 'node:os';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { CONTENDER_TEXT, WORKLOAD_SETTINGS, WORKLOAD_TEXT, type ContenderId, type Mode, type WorkloadId } from './config.js';
import { compareAnswers, tolerance } from './answer.js';
import type { Measurement } from './measure.js';

/** A disagreement between a contender's answer and the reference answer of a workload. */
export interface Mismatch {
  workload: WorkloadId;
  contender: ContenderId;
  reference: ContenderId;
  diffs: string[];
}

/** The reference of a workload: gridframe when it ran, else the first contender that did (loop first). */
export function referenceOf(ms: readonly Measurement[], w: WorkloadId): Measurement | undefined {
  const ok = ms.filter((m) => m.workload === w && m.status === 'ok' && m.answer);
  return ok.find((m) => m.contender === 'gridframe') ?? ok.find((m) => m.contender === 'loop') ?? ok[0];
}

/** Every answer that differs from its workload's reference. */
export function checkAnswers(ms: readonly Measurement[]): Mismatch[] {
  const out: Mismatch[] = [];
  for (const w of new Set(ms.map((m) => m.workload))) {
    const ref = referenceOf(ms, w);
    if (!ref?.answer) continue;
    for (const m of ms) {
      if (m.workload !== w || m.status !== 'ok' || !m.answer || m === ref) continue;
      const diffs = compareAnswers(ref.answer, m.answer, tolerance(w));
      if (diffs.length) out.push({ workload: w, contender: m.contender, reference: ref.contender, diffs });
    }
  }
  return out;
}

/** Milliseconds with sensible precision. */
export function fmtMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

function fmtRatio(r: number): string {
  return r >= 10 ? `${r.toFixed(0)}×` : r >= 1 ? `${r.toFixed(1)}×` : `${r.toFixed(2)}×`;
}

const SHORT: Record<string, string> = { na: 'n/a', unavailable: 'not available yet', error: 'error', timeout: 'skipped (time)', skipped: 'skipped' };

/** Bytes as MB or GB (decimal units, as `ls -l` sizes read). */
export function fmtBytes(b: number): string {
  return b >= 1e9 ? `${(b / 1e9).toFixed(2)} GB` : `${(b / 1e6).toFixed(b >= 1e7 ? 0 : 1)} MB`;
}

/** Total size of each workload's declared input files (WorkloadSettings.inputs) that exist. */
export function inputSizes(workloads: readonly WorkloadId[], mode: Mode): Partial<Record<WorkloadId, number>> {
  const out: Partial<Record<WorkloadId, number>> = {};
  for (const w of workloads) {
    const files = WORKLOAD_SETTINGS[w]?.inputs?.(mode).filter((f) => existsSync(f));
    if (files?.length) out[w] = files.reduce((s, f) => s + statSync(f).size, 0);
  }
  return out;
}

/**
 * Markdown tables (time with ratios, peak memory) plus numbered notes; `inputs` (bytes per workload)
 * are printed beside the workload's name in the memory table.
 */
export function formatTables(ms: readonly Measurement[], contenders: readonly ContenderId[], workloads: readonly WorkloadId[],
  inputs: Partial<Record<WorkloadId, number>> = {}): string {
  const notes: string[] = [];
  const noteRef = (text: string): string => {
    let i = notes.indexOf(text);
    if (i < 0) i = notes.push(text) - 1;
    return `[${i + 1}]`;
  };
  const bad = new Map(checkAnswers(ms).map((x) => [`${x.workload}/${x.contender}`, x]));
  const cell = (w: WorkloadId, c: ContenderId): Measurement | undefined => ms.find((m) => m.workload === w && m.contender === c);
  const head = `| workload | ${contenders.join(' | ')} |\n|---|${contenders.map(() => '---:').join('|')}|`;
  const time: string[] = [`| workload | ${contenders.join(' | ')} | fastest |\n|---|${contenders.map(() => '---:').join('|')}|---|`];
  const mem: string[] = [head];
  for (const w of workloads) {
    const gf = cell(w, 'gridframe');
    const gfMs = gf?.status === 'ok' ? gf.median : undefined;
    const tr: string[] = [];
    const mr: string[] = [];
    for (const c of contenders) {
      const m = cell(w, c);
      if (!m) { tr.push(''); mr.push(''); continue; }
      if (m.status !== 'ok' || m.median === undefined) {
        tr.push(m.status === 'na'
          ? `n/a ${noteRef(`${c}: ${m.note ?? 'not applicable'}`)}`
          : `${SHORT[m.status]} ${noteRef(`${c}: ${m.note ?? m.status}`)}`);
        mr.push('');
        continue;
      }
      let s = fmtMs(m.median);
      if (m.note) s += ` ${noteRef(m.note)}`;
      if (c !== 'gridframe' && gfMs !== undefined) s += ` (${fmtRatio(m.median / gfMs)})`;
      const mm = bad.get(`${w}/${c}`);
      if (mm) s += ` ≠ ${noteRef(`${c}, ${w}: answer differs from ${mm.reference}: ${mm.diffs.join('; ')}`)}`;
      tr.push(s);
      mr.push(m.peakRssMB === undefined ? '' : `${Math.round(m.peakRssMB)} MB`);
    }
    const ran = ms.filter((m) => m.workload === w && m.status === 'ok' && m.median !== undefined).sort((a, b) => (a.median ?? 0) - (b.median ?? 0));
    time.push(`| ${w} | ${tr.join(' | ')} | ${ran[0]?.contender ?? ''} |`);
    const size = inputs[w];
    mem.push(`| ${w}${size === undefined ? '' : ` (input file ${fmtBytes(size)})`} | ${mr.join(' | ')} |`);
  }
  return [
    '### Time (median of the timed runs; in brackets: contender time ÷ gridframe time, above 1× means gridframe is faster)',
    '', ...time, '',
    '### Peak memory (RSS high-water of the process that ran the cell, inputs included)',
    '', ...mem, '',
    ...(notes.length ? ['Notes:', '', ...notes.map((n, i) => `${i + 1}. ${n}`), ''] : []),
  ].join('\n');
}

/** The workload and contender legends. */
export function legends(contenders: readonly ContenderId[], workloads: readonly WorkloadId[]): string {
  return [
    '### Workloads', '', ...workloads.map((w) => `- **${w}**: ${WORKLOAD_TEXT[w]}`), '',
    '### Contenders', '', ...contenders.map((c) => `- **${c}**: ${CONTENDER_TEXT[c]}`), '',
  ].join('\n');
}

/** The machine: cores, CPU model, memory, OS, Node. */
export function machineInfo(): string {
  const cpus = os.cpus();
  let model = cpus[0]?.model ?? 'unknown CPU';
  try {
    const m = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) model = m[1].trim();
  } catch { /* not Linux */ }
  return `${os.availableParallelism()} cores (nproc) · ${model} · ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM · ${os.type()} ${os.release()} · Node ${process.version}`;
}

/** The kernel's transparent huge page mode, e.g. 'always [madvise] never'. */
export function thpMode(): string {
  try {
    return readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8').trim();
  } catch {
    return 'unreadable (not Linux?)';
  }
}

/**
 * True on a VM whose virtio-balloon does free page reporting (feature bit 5): free blocks of 2 MiB and
 * more are handed back to the host, so a fresh huge page may cost host faults when first touched.
 */
export function freePageReporting(): boolean {
  const dir = '/sys/bus/virtio/devices';
  try {
    return readdirSync(dir).some((d) => {
      const dev = readFileSync(`${dir}/${d}/device`, 'utf8').trim();
      return dev === '0x0005' && readFileSync(`${dir}/${d}/features`, 'utf8')[5] === '1';
    });
  } catch {
    return false;
  }
}

/** The report's line on huge pages: whether the cell processes got the glibc tunable, and why. */
export function hugepagesLine(on: boolean, inProcess: boolean): string {
  const thp = `/sys/kernel/mm/transparent_hugepage/enabled here: \`${thpMode()}\``;
  if (!on) {
    return `Huge pages: off (\`--no-hugepages\`): cell processes get glibc malloc's default 4 KiB pages (numpy still madvises huge pages for its own large arrays, so pandas keeps them) · ${thp}.`;
  }
  return [
    'Huge pages: every contender\'s cell process (the Node children and the Python runner alike) runs with',
    '`GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (appended to any value already set), so glibc malloc madvises',
    'transparent huge pages on its large mmapped chunks: what glibc malloc serves (Node\'s ArrayBuffers, so typed',
    'arrays; Python\'s heap) gets 2 MiB pages instead of a page fault per 4 KiB on first touch (a native library with its',
    'own allocator, such as a bundled jemalloc, is unaffected). It applies to all contenders because numpy',
    'does the equivalent by itself (it madvises huge pages for every array of 4 MiB or more), so pandas has them anyway.',
    `${thp}; \`--no-hugepages\` turns the tunable off.`,
    ...(freePageReporting() ? ['This VM\'s virtio-balloon reports free 2 MiB blocks to the host (free page reporting), so a fresh huge page',
      'may need the host to fault its memory back in on first touch: large fresh allocations can vary more in time with huge pages on.'] : []),
    ...(inProcess ? ['In this in-process smoke run the JavaScript contenders run inside the harness process, so it reaches only the Python runner.'] : []),
  ].join(' ');
}

/** The 1-minute load average, rounded (the machine may be shared: ratios from one run stay comparable). */
export function loadAverage(): string {
  return os.loadavg()[0].toFixed(1);
}

/** Library versions reported by the contenders. */
export function versions(ms: readonly Measurement[]): string[] {
  const seen = new Map<string, string>();
  for (const m of ms) if (m.version && !seen.has(m.contender)) seen.set(m.contender, m.version);
  return [...seen].map(([c, v]) => `- ${c}: ${v}`);
}
