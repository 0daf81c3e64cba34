/**
 * Builds responsibility maps away from the extension host's thread where it can: on a worker thread
 * (dist/lazy/mapWorker.js) in the Node host, started on first use and stopped after a minute
 * without work; in the web host, where the extension is one file, on the host's thread.
 */
import type * as vscode from 'vscode';
import { unlessCancelled, type CancellationToken } from '../../../core/cancellation';
import type { ResponsibilityMap } from '../../../core/map/types';
import type { Role } from '../../../core/types';
import { lazyBundlePath, once } from '../../util/lazy';

declare const __WEB__: boolean;

/** The map analysis, loaded on first use (a bundle of its own in the Node host: lazyModules.json). */
const loadAnalysis = once(() => require('../../../core/map') as typeof import('../../../core/map'));

export interface MapWorkerRequest {
  id: number;
  roles: readonly Role[];
  /**
   * One Int32 over a SharedArrayBuffer, which the host sets to 1 to cancel the build: the worker's
   * thread is busy with the analysis and reads no message until it is done, but it can read this.
   */
  cancel?: Int32Array;
}

export type MapWorkerReply =
  | { id: number; map: ResponsibilityMap; error?: undefined; cancelled?: undefined }
  | { id: number; error: string; map?: undefined; cancelled?: undefined }
  | { id: number; cancelled: true; map?: undefined; error?: undefined };

export interface MapBuilder extends vscode.Disposable {
  /** The map of `roles`; undefined once `token` is cancelled (the build then stops early). */
  build(roles: readonly Role[], token?: CancellationToken): Promise<ResponsibilityMap | undefined>;
  /** Where the builds run now. */
  readonly where: 'worker' | 'host';
}

const inThread: MapBuilder = {
  // One thread: the token can only have been cancelled before the build starts, which it checks first.
  build: (roles, token) =>
    new Promise((resolve) => resolve(unlessCancelled(() => loadAnalysis().buildResponsibilityMap(roles, {}, token)))),
  where: 'host',
  dispose: () => undefined,
};

export function createMapBuilder(log: vscode.LogOutputChannel): MapBuilder {
  // One expression, so that esbuild drops the Node branch (and worker_threads) from the web bundle.
  return __WEB__
    ? inThread
    : new (require('./workerMapBuilder') as typeof import('./workerMapBuilder')).WorkerMapBuilder(
        log,
        inThread,
        lazyBundlePath('mapWorker'),
      );
}
