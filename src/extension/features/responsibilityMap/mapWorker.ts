/**
 * The responsibility map's analysis on a worker thread of the Node extension host: on a handbook of
 * thousands of roles it takes a second or more, which must not hold up hovers, completions and
 * diagnostics. Takes `{ id, roles, cancel? }`, answers `{ id, map }`, `{ id, error }` or `{ id, cancelled }`; see
 * src/extension/util/mapBuilder.ts.
 */
import { parentPort } from 'worker_threads';
import { buildResponsibilityMap } from '../../../core/map';
import type { MapWorkerReply, MapWorkerRequest } from './mapBuilder';
import { Cancelled } from '../../../core/cancellation';
import { errorMessage } from '../../../core/errors';

parentPort?.on('message', ({ id, roles, cancel }: MapWorkerRequest) => {
  const token = cancel && {
    get isCancellationRequested() {
      return Atomics.load(cancel, 0) !== 0;
    },
  };
  let reply: MapWorkerReply;
  try {
    reply = { id, map: buildResponsibilityMap(roles, {}, token) };
  } catch (e) {
    reply = e instanceof Cancelled ? { id, cancelled: true } : { id, error: errorMessage(e) };
  }
  parentPort!.postMessage(reply);
});
