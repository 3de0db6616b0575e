/**
 * Child-process entry: measures one contender on one workload in a fresh process and prints
 * `@@RESULT <json>` (used by the harness; run with `node --expose-gc --import tsx bench/child.ts`).
 * Usage: child.ts <contender> <workload> <mode> <warmup> <repeats> [budgetMs]
 * @module
 */
import { CONTENDERS, WORKLOADS, type ContenderId, type Mode, type WorkloadId } from './lib/config.js';
import { measureInProcess } from './lib/measure.js';

const [id, workload, mode, warmup, repeats, budget] = process.argv.slice(2);
if (!CONTENDERS.includes(id as ContenderId) || id === 'pandas' || !WORKLOADS.includes(workload as WorkloadId) || (mode !== 'quick' && mode !== 'full')) {
  console.error('usage: child.ts <contender> <workload> <quick|full> <warmup> <repeats>');
  process.exit(2);
}
const m = await measureInProcess(id as Exclude<ContenderId, 'pandas'>, workload as WorkloadId, mode as Mode, {
  warmup: Number(warmup), repeats: Number(repeats), budgetMs: Number(budget ?? 0),
});
process.stdout.write(`@@RESULT ${JSON.stringify(m)}\n`);
// native pools (polars, DuckDB) can keep the process alive
process.exit(0);
