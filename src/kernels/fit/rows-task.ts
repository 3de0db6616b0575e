/**
 * The worker entry point of a parallel `fitRows`: fits one block of rows with a built-in model
 * into shared output buffers. Only plain data crosses (the model by name), so a user model, whose
 * functions cannot be sent to a worker, never comes here (see ../parallel.ts).
 * @module
 */
import { ValueError } from '../../errors.js';
import { fitRowsRange, type FitOutputs } from './fit-range.js';
import { MODELS, type BuiltinModel } from './models.js';

/** Shared inputs and outputs of every block. */
export interface FitBlockInputs {
  Y: Float64Array;
  x: Float64Array;
  rss: Float64Array;
  converged: Uint8Array;
  /** Per-row GPU starts ([A, k, status] per row), when polishing a GPU pass. */
  starts: Float32Array | null;
  [param: `p${number}`]: Float64Array;
}

/** The plain options every block gets. */
export interface FitBlockParams {
  model: BuiltinModel;
  m: number;
  p0?: number[];
  ftol?: number;
  xtol?: number;
  maxfev?: number;
}

/**
 * Fits rows [block.start, block.end) and returns the failed rows' [row, message] pairs.
 * @example
 * await runBlocks({ module: fitTaskUrl, name: 'fitRowsBlock' }, inputs, rows, { params: { model: 'powerlaw', m: 10 } });
 */
export function fitRowsBlock(inputs: FitBlockInputs, block: { start: number; end: number }, params: FitBlockParams): [number, string][] {
  const model = (MODELS as Record<string, (typeof MODELS)[BuiltinModel] | undefined>)[params.model];
  if (!model) throw new ValueError(`fitRowsBlock: unknown built-in model '${params.model}'`);
  const out: FitOutputs = { params: model.params.map((_, a) => inputs[`p${a}`]), rss: inputs.rss, converged: inputs.converged };
  const opts = { p0: params.p0, ftol: params.ftol, xtol: params.xtol, maxfev: params.maxfev };
  const starts = inputs.starts ? { out: inputs.starts } : undefined;
  return fitRowsRange(inputs.Y, block.start, block.end, params.m, inputs.x, model, opts, out, starts);
}
