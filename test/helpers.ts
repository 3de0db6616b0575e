/** Shared test helpers: paths to the repo and to ../shared/datasets (never copied into the repo). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** A file in ../shared/datasets beside the repository, e.g. shared('pandas-doc-data/titanic.csv'). */
export function shared(rel: string): string {
  return path.resolve(repoRoot, '..', 'shared', 'datasets', rel);
}

/** True when ../shared/datasets is present (it is in CI and on developer machines). */
export const hasShared = existsSync(shared('SOURCES.md'));

/** Asserts two numbers agree to a relative tolerance; returns the message on failure. */
export function closeTo(a: number, b: number, rel = 1e-12): boolean {
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
}
