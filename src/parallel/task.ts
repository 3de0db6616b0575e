/**
 * Tasks: what a worker can run. A task is a module plus the name of one of its exports
 * (`{ module: '/abs/path/tasks.mjs' | 'file:///...', name: 'myFn' }`) or a built-in operation.
 * A closure is never sent to a worker (its captured variables would be lost): it is refused with an
 * error that shows how to write it instead.
 * @module
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TaskDefinitionError } from './errors.js';

/** A task in a module: the module (absolute path, `file:` URL string or URL) and an export name. */
export interface ModuleTask {
  readonly module: string | URL;
  readonly name: string;
}

/** A built-in operation of the worker (used internally by partitioned frames, chunked arrays, blocks). */
export interface BuiltinTask {
  readonly builtin: string;
}

/** Anything accepted where a worker task is expected. */
export type TaskSpec = ModuleTask | BuiltinTask;

/** A checked task, ready to post to a worker. */
export type ResolvedTask =
  | { readonly kind: 'module'; readonly url: string; readonly name: string; readonly label: string }
  | { readonly kind: 'builtin'; readonly op: string; readonly label: string };

/**
 * A module task: `moduleTask(import.meta.url, './tasks.mjs', 'inc')` resolves the module relative
 * to the caller; `moduleTask('/abs/tasks.mjs', 'inc')` takes an absolute path or file URL.
 * @example
 * const inc = moduleTask(import.meta.url, './tasks.mjs', 'inc');
 * await compute(delayed(inc)(1)); // [2]
 */
export function moduleTask(base: string | URL, relOrName: string, name?: string): ModuleTask {
  if (name === undefined) return { module: base, name: relOrName };
  return { module: new URL(relOrName, base).href, name };
}

/**
 * The text that explains how to write a task, used by every refusal.
 * @example
 * throw new TaskDefinitionError(howToWriteTask('mapPartitions()'))
 */
export function howToWriteTask(where: string): string {
  return (
    `${where} got a function, but a function cannot be sent to a worker thread: its closure (captured ` +
    `variables, imports) would be lost. Export it from a module and pass the module and the export name, e.g. ` +
    `in tasks.mjs: \`export function myTask(part) { ... }\`, then ` +
    `\`{ module: new URL('./tasks.mjs', import.meta.url).href, name: 'myTask' }\` ` +
    `(or moduleTask(import.meta.url, './tasks.mjs', 'myTask')).`
  );
}

/**
 * True for `{ module, name }` objects.
 * @example
 * isModuleTask({ module: '/abs/tasks.mjs', name: 'inc' }) // true
 */
export function isModuleTask(t: unknown): t is ModuleTask {
  if (typeof t !== 'object' || t === null) return false;
  const m = (t as { module?: unknown }).module;
  return (typeof m === 'string' || m instanceof URL) && typeof (t as { name?: unknown }).name === 'string';
}

/**
 * True for `{ builtin }` objects.
 * @example
 * isBuiltinTask({ builtin: 'echo' }) // true
 */
export function isBuiltinTask(t: unknown): t is BuiltinTask {
  return typeof t === 'object' && t !== null && typeof (t as { builtin?: unknown }).builtin === 'string';
}

/**
 * The file URL of a module task; `.js` falls back to the `.ts` source when running from src.
 * @example
 * moduleUrl('/abs/tasks.mjs') // 'file:///abs/tasks.mjs'
 */
export function moduleUrl(module: string | URL, where = 'task'): string {
  const raw = module instanceof URL ? module.href : module;
  let file: string;
  if (raw.startsWith('file:')) file = fileURLToPath(raw);
  else if (path.isAbsolute(raw)) file = raw;
  else {
    throw new TaskDefinitionError(
      `${where}: module '${raw}' must be an absolute path or a file: URL (a worker cannot know what it is relative to); ` +
        `use new URL('${raw}', import.meta.url).href`,
    );
  }
  if (!existsSync(file)) {
    const ts = file.replace(/\.(m?)js$/, '.$1ts');
    if (ts !== file && existsSync(ts)) file = ts;
    else throw new TaskDefinitionError(`${where}: module ${file} does not exist`);
  }
  return pathToFileURL(file).href;
}

/**
 * Checks a task and resolves its module. Functions are refused with an explanation.
 * @example
 * resolveTask({ module: '/abs/tasks.mjs', name: 'inc' }, 'delayed()')
 */
export function resolveTask(t: unknown, where: string): ResolvedTask {
  if (typeof t === 'function') throw new TaskDefinitionError(howToWriteTask(where));
  if (isBuiltinTask(t)) return { kind: 'builtin', op: t.builtin, label: t.builtin };
  if (isModuleTask(t)) {
    if (!t.name) throw new TaskDefinitionError(`${where}: the task needs the name of an exported function`);
    const url = moduleUrl(t.module, where);
    return { kind: 'module', url, name: t.name, label: `${t.name} (${path.basename(fileURLToPath(url))})` };
  }
  throw new TaskDefinitionError(
    `${where}: a task is { module: '/abs/path/tasks.mjs', name: 'exportedFn' }, got ${describe(t)}`,
  );
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v !== 'object') return `${typeof v} ${String(v)}`;
  return `an object with keys [${Object.keys(v).join(', ')}]`;
}
