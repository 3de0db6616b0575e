/**
 * Parallel execution over worker threads (dask-style): the shared pool, task graphs
 * (`delayed` / `compute` / `visualize`), partitioned frames, chunked N-d arrays and row blocks for
 * kernels. See pool.ts and codec.ts for the pool and the zero-copy rules.
 * @module
 */
export { configure, poolInfo, shutdown, type PoolOptions } from './pool.js';
export { moduleTask, type ModuleTask, type TaskSpec } from './task.js';
export { TaskError, WorkerCrashError, TaskDefinitionError, AbortError } from './errors.js';
export { delayed, Delayed, type DelayedOptions, type LocalFn } from './delayed.js';
export { compute, type ComputeOptions, type Progress } from './compute.js';
export { visualize, type VisualizeOptions } from './visualize.js';
export { PartitionedFrame, PartitionedGroupBy, PendingFrame, partition, type PartitionedAggSpec as PartitionAggSpec, type PartitionRunOptions } from './partitioned.js';
export type { Predicate, ColumnExpr } from './exprs.js';
export { runBlocks, sharedArray, blockRanges, type Block, type RunBlocksOptions } from './blocks.js';
export { ChunkedDataArray, chunkDataArray, type ChunkReduceOptions, type ChunkComputeOptions } from './chunked.js';
export type { ChunkOp, ChunkReduceOp } from './chunk-kernels.js';
