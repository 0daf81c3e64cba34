/**
 * The responsibility map's analysis on a worker thread of the Node extension host: on a handbook of
 * thousands of roles it takes a second or more, which must not hold up hovers, completions and
 * diagnostics. Takes `{ id, roles }`, answers `{ id, map }` or `{ id, error }`; see
 * src/extension/util/mapBuilder.ts.
 */
import { parentPort } from 'worker_threads';
import { buildResponsibilityMap } from '../../../core/map';
import type { MapWorkerReply, MapWorkerRequest } from './mapBuilder';
import { errorMessage } from '../../../core/errors';

parentPort?.on('message', ({ id, roles }: MapWorkerRequest) => {
  let reply: MapWorkerReply;
  try {
    reply = { id, map: buildResponsibilityMap(roles) };
  } catch (e) {
    reply = { id, error: errorMessage(e) };
  }
  parentPort!.postMessage(reply);
});
