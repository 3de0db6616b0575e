/**
 * `fitRows` in row blocks in the worker pool (see ../parallel.ts for the `parallel` option): every
 * block fits its rows with the same code as the calling thread (fit-range.ts) into shared output
 * buffers, so the parameters, rss and convergence flags are bit-identical.
 *
 * Only the built-in models go to workers: a user model is a JS function, and a function cannot be
 * sent to a worker thread (its closure would be lost). With `parallel: 'auto'` a user model runs on
 * the calling thread; with `parallel: true` it is refused with a TaskDefinitionError.
 * @module
 */
import { TaskDefinitionError } from '../../parallel/errors.js';
import { COST_MS, runKernelBlocks, sharedZeros, usePool, type ParallelOption } from '../parallel.js';
import { checkShapes, fitResult, type FitOutputs } from './fit-range.js';
import { fitRowsMatrix, type FitRowsOptions, type FitRowsResult, type RowStarts } from './fit-rows.js';
import type { BuiltinModel, RowModel, UserModel } from './models.js';
import type { FitBlockParams } from './rows-task.js';

/**
 * Fits every row of a (rows x m) matrix, in the pool when `parallel` says so.
 * @example
 * (await fitRowsPooled(Y, rows, 10, x, 'powerlaw', MODELS.powerlaw, { p0: [100, -1] }, true)).params.s
 */
export async function fitRowsPooled(
  Y: Float64Array, rows: number, m: number, x: Float64Array, model: BuiltinModel | UserModel, rm: RowModel, opts: FitRowsOptions, parallel: ParallelOption, starts?: RowStarts,
): Promise<FitRowsResult> {
  if (typeof model !== 'string') {
    if (parallel === true) {
      throw new TaskDefinitionError(
        "fitRows: parallel: true needs a built-in model ('powerlaw', 'exponential', 'linear', 'gaussian'): a user model's functions " +
          "cannot be sent to a worker thread (their closures would be lost). Use parallel: 'auto' or false to fit it on the calling thread.",
      );
    }
    return fitRowsMatrix(Y, rows, m, x, rm, opts, starts);
  }
  checkShapes(rm, opts, x, m);
  if (!(await usePool(parallel, rows * m * rm.params.length * COST_MS.fitRows))) return fitRowsMatrix(Y, rows, m, x, rm, opts, starts);
  const out: FitOutputs = { params: rm.params.map(() => sharedZeros(Float64Array, rows)), rss: sharedZeros(Float64Array, rows), converged: sharedZeros(Uint8Array, rows) };
  const inputs: Record<string, unknown> = { Y, x, rss: out.rss, converged: out.converged, starts: starts ? starts.out : null };
  out.params.forEach((p, a) => {
    inputs[`p${a}`] = p;
  });
  const params: FitBlockParams = { model, m, p0: opts.p0 ? [...opts.p0] : undefined, ftol: opts.ftol, xtol: opts.xtol, maxfev: opts.maxfev };
  const failed = (await runKernelBlocks('./fit/rows-task.js', 'fitRowsBlock', inputs, rows, params)) as [number, string][][];
  return fitResult(rm, out, rows, failed.flat(), starts ? 'gpu' : 'cpu');
}
