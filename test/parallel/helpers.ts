/** Helpers of the parallel tests: the fixture task module and task specs for its exports. */
import { fileURLToPath } from 'node:url';
import type { ModuleTask } from '../../src/parallel/task.js';

/** Absolute path of the fixture task module. */
export const TASKS = fileURLToPath(new URL('./fixtures/tasks.ts', import.meta.url));

/** A task spec for an export of the fixture module. */
export function t(name: string): ModuleTask {
  return { module: TASKS, name };
}
