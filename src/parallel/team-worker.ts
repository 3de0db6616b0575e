/**
 * Team worker entry (see team.ts): loads the kernel modules, counts itself ready, then loops —
 * sleep in `Atomics.wait` until the job number changes, take the job's message from its port
 * synchronously, claim free parts one by one and run them, mark each done. A part whose kernel
 * throws is marked failed and left to the calling thread (which then raises the error itself).
 * @module
 */
import { receiveMessageOnPort, workerData } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isKernel, type TeamArgs, type TeamKernel } from './team-kernel.js';
import { BUILTIN_KERNEL_MODULES } from './team-kernels.js';
import { CLAIMED, DONE, FAILED, FREE, PARTS, READY, REMAINING, SEQ, STOP, tag, type JobMessage, type TeamWorkerData } from './team-protocol.js';

const data = workerData as TeamWorkerData;
const ctrl = new Int32Array(data.ctrl);
const kernels = new Map<string, TeamKernel>();

function collect(mod: unknown): void {
  if (typeof mod !== 'object' || mod === null) return;
  for (const v of Object.values(mod)) if (isKernel(v)) kernels.set(v.id, v);
}

for (const m of BUILTIN_KERNEL_MODULES) collect(m);
for (const url of data.modules) collect(await import(url));

function runJob(job: JobMessage, seq: number): void {
  const kernel = kernels.get(job.id);
  // An unknown kernel: claim nothing, the calling thread runs every part.
  if (!kernel) return;
  const t = tag(seq);
  for (let p = 0; p < job.parts; p++) {
    if (Atomics.load(ctrl, SEQ) !== seq) return;
    if (Atomics.compareExchange(ctrl, PARTS + p, t | FREE, t | CLAIMED) !== (t | FREE)) continue;
    let state = DONE;
    try {
      kernel.run(job.args as TeamArgs, p, job.parts);
    } catch {
      state = FAILED;
    }
    if (Atomics.compareExchange(ctrl, PARTS + p, t | CLAIMED, t | state) === (t | CLAIMED) && Atomics.sub(ctrl, REMAINING, 1) === 1) {
      Atomics.notify(ctrl, REMAINING);
    }
  }
}

// Shared buffers a job message carried stay alive in this worker until its heap is collected, and
// this loop never returns to the event loop, so no idle GC ever runs: without the explicit
// collection below every large output (e.g. a 200 MB cdist result) stayed in memory for good
// (RSS grew by its size per call). `gc` comes from a fresh context with --expose-gc set just for it.
// (Added by the cdist/distance engineer; see carriesBigBuffers.)
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
setFlagsFromString('--no-expose-gc');
/** A job whose shared arrays total this many bytes is followed by a collection (~1 ms here). */
const RELEASE_MIN_BYTES = 16 << 20;

function sharedBytes(v: unknown): number {
  if (ArrayBuffer.isView(v)) return v.byteLength;
  if (Array.isArray(v)) return (v as unknown[]).reduce((s: number, x) => s + sharedBytes(x), 0);
  return 0;
}

/** Whether a job's arguments hold large buffers: then the heap is collected once the job is done and dropped. */
function carriesBigBuffers(job: JobMessage): boolean {
  const args = job.args;
  if (typeof args !== 'object' || args === null) return false;
  return Object.values(args).reduce((s: number, x) => s + sharedBytes(x), 0) >= RELEASE_MIN_BYTES;
}

let seen = Atomics.load(ctrl, SEQ);
let latest: JobMessage | null = null;
Atomics.add(ctrl, READY, 1);
Atomics.notify(ctrl, READY);
for (;;) {
  Atomics.wait(ctrl, SEQ, seen);
  if (Atomics.load(ctrl, STOP) === 1) break;
  const seq = Atomics.load(ctrl, SEQ);
  seen = seq;
  // The caller posts a job's message before it bumps SEQ; keep the newest one seen (it may belong
  // to the next job when this worker was late).
  for (let m = receiveMessageOnPort(data.port); m !== undefined; m = receiveMessageOnPort(data.port)) latest = m.message as JobMessage;
  if (latest !== null && latest.seq === seq) {
    const big = carriesBigBuffers(latest);
    runJob(latest, seq);
    latest = null;
    if (big) collectGarbage();
  }
}
data.port.close();
