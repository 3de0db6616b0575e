/**
 * Loading a task module and calling one of its exports (in a worker, or on the calling thread for
 * the 'sync' scheduler).
 * @module
 */
import { TaskDefinitionError } from './errors.js';

const cache = new Map<string, Promise<Record<string, unknown>>>();

/**
 * Imports `url` (cached) and calls its export `name` with `args`.
 * @example
 * await callModule('file:///abs/tasks.mjs', 'inc', [1]) // 2
 */
export async function callModule(url: string, name: string, args: readonly unknown[]): Promise<unknown> {
  let p = cache.get(url);
  if (!p) {
    p = import(url) as Promise<Record<string, unknown>>;
    cache.set(url, p);
    p.catch(() => cache.delete(url));
  }
  const mod = await p;
  const fn = mod[name];
  if (typeof fn !== 'function') {
    const names = Object.keys(mod).filter((k) => typeof mod[k] === 'function');
    throw new TaskDefinitionError(`Module ${url} has no exported function '${name}' (its exported functions: ${names.join(', ') || 'none'})`);
  }
  return (fn as (...a: unknown[]) => unknown)(...args);
}
