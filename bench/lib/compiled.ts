/**
 * Compiled cells: full-mode cell processes run the TypeScript compiler's output of src/ and bench/
 * (tsconfig.bench.json → bench/.build/, git-ignored) with plain `node`, as users of the published
 * package run dist/, instead of compiling every module on the fly through tsx. tsx's loader hooks
 * make some dependencies far slower to load than plain node does (h5wasm's 4 MB module: ~2.8 s and
 * ~700 MB RSS under tsx against ~0.45 s and ~80 MB), and worker threads started from sources
 * register tsx again, so running the sources would measure the dev loader, not the library.
 * @module
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BENCH_DIR, REPO_ROOT } from './config.js';

/** Where tsconfig.bench.json writes its output. */
export const BUILD_DIR = path.join(BENCH_DIR, '.build');

/**
 * The child entry of cell processes: the compiled `child.js` (compiling src/ and bench/ first) when
 * `compiled`, else the TypeScript `child.ts` (run through `--import tsx`).
 * @example
 * childEntry(true) // '/repo/bench/.build/bench/child.js'
 */
export function childEntry(compiled: boolean): string {
  if (!compiled) return path.join(BENCH_DIR, 'child.ts');
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(REPO_ROOT, 'tsconfig.bench.json')], { cwd: REPO_ROOT, encoding: 'utf8' });
  const entry = path.join(BUILD_DIR, 'bench', 'child.js');
  const out = `${r.stdout || ''}${r.stderr || ''}`.trim();
  // tsc still emits JavaScript when it reports type errors: say so, and go on when the entry exists
  if (r.status !== 0 && !existsSync(entry)) throw new Error(`bench: compiling src/ and bench/ (tsconfig.bench.json) failed:\n${out}`);
  if (r.status !== 0) console.warn(`bench: tsc reported errors (the emitted JavaScript runs anyway):\n${out.split('\n').slice(0, 10).join('\n')}`);
  return entry;
}
