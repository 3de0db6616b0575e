/**
 * The worker entry: decodes a request, runs a module export or a built-in operation, encodes the
 * result (shared buffers as they are, other big buffers transferred) or the error with its stack.
 * @module
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { decode, encode } from './codec.js';
import { callModule } from './call-module.js';
import { runBuiltin } from './builtins.js';
import { toRemoteError, type WorkerRequest, type WorkerResponse } from './protocol.js';

/**
 * Runs one request (piscina calls this default export for every task).
 * @example
 * await dispatch({ kind: 'builtin', op: 'echo', args: [1] }) // { ok: true, value: 1 }
 */
export default async function dispatch(req: WorkerRequest): Promise<unknown> {
  let res: WorkerResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    const args = (await decode(req.args)) as unknown[];
    const out = req.kind === 'module' ? await callModule(req.url, req.name, args) : await runBuiltin(req.op, args);
    const enc = await encode(out, 'worker');
    res = { ok: true, value: enc.value };
    transfer = enc.transfer;
  } catch (e) {
    res = { ok: false, error: toRemoteError(e) };
  }
  if (transfer.length === 0) return res;
  const list = transfer;
  const result = res;
  return move({
    get [transferableSymbol]() {
      return list;
    },
    get [valueSymbol]() {
      return result;
    },
  });
}
