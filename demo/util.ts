/** Small helpers for the demo's output: section headers, timings, and the output folder. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const outDir = path.join(root, 'out');
mkdirSync(outDir, { recursive: true });

/** True when the demo runs in its quick mode (tests, CI). */
export const quick = process.argv.includes('--quick') || process.env.GRIDFRAME_DEMO_QUICK === '1';

/** Prints a section header. */
export function section(title: string): void {
  console.log(`\n\x1b[1m━━ ${title} ${'━'.repeat(Math.max(0, 70 - title.length))}\x1b[0m`);
}

/** Prints a line of code and what it shows. */
export function show(code: string, value: unknown): void {
  console.log(`\x1b[36m> ${code}\x1b[0m`);
  console.log(typeof value === 'string' ? value : inspect(value, { depth: 4, colors: false }));
}

/** Runs `fn`, prints how long it took, returns its result. */
export async function timed<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const r = await fn();
  console.log(`  ⏱  ${label}: ${(performance.now() - t0).toFixed(1)} ms`);
  return r;
}

/** A path in the output folder. */
export function out(name: string): string {
  return path.join(outDir, name);
}
