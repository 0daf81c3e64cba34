/**
 * Builds responsibility maps away from the extension host's thread where it can: on a worker thread
 * (dist/lazy/mapWorker.js) in the Node host, started on first use and stopped after a minute
 * without work; in the web host, where the extension is one file, on the host's thread.
 */
import type * as vscode from 'vscode';
import type { ResponsibilityMap } from '../../../core/map/types';
import type { Role } from '../../../core/types';
import { lazyBundlePath, once } from '../../util/lazy';

declare const __WEB__: boolean;

/** The map analysis, loaded on first use (a bundle of its own in the Node host: lazyModules.json). */
const loadAnalysis = once(() => require('../../../core/map') as typeof import('../../../core/map'));

export interface MapWorkerRequest {
  id: number;
  roles: readonly Role[];
}

export type MapWorkerReply = { id: number; map: ResponsibilityMap; error?: undefined } | { id: number; error: string; map?: undefined };

export interface MapBuilder extends vscode.Disposable {
  build(roles: readonly Role[]): Promise<ResponsibilityMap>;
  /** Where the builds run now. */
  readonly where: 'worker' | 'host';
}

const inThread: MapBuilder = {
  build: (roles) => new Promise((resolve) => resolve(loadAnalysis().buildResponsibilityMap(roles))),
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
