/**
 * The pool-worker entry of the parallel CSV reader: parsing claimed chunks and joining them, in one
 * module so that a worker that has parsed has the join code loaded too.
 * @module
 */
export { parseClaimedChunks } from './csv-parallel-chunk.js';
export { joinChunks } from './csv-parallel-merge.js';
