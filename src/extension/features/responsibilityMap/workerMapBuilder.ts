/** The Node host's MapBuilder: a worker thread running dist/lazy/mapWorker.js (see mapBuilder.ts). */
import type * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import type { CancellationToken } from '../../../core/cancellation';
import type { ResponsibilityMap } from '../../../core/map/types';
import type { Role } from '../../../core/types';
import type { MapBuilder, MapWorkerReply, MapWorkerRequest } from './mapBuilder';
import { errorDetail } from '../../../core/errors';

class WorkerGone extends Error {}

/** A worker without work for this long is stopped (it holds a copy of the last handbook). */
const IDLE_MS = 60_000;

export class WorkerMapBuilder implements MapBuilder {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (map: ResponsibilityMap | undefined) => void; reject: (e: Error) => void }>();
  private idle: ReturnType<typeof setTimeout> | undefined;
  private broken = false;
  private disposed = false;

  constructor(
    private readonly log: Pick<vscode.LogOutputChannel, 'warn'>,
    private readonly fallback: MapBuilder,
    /** The worker's script: dist/lazy/mapWorker.js. */
    private readonly script: string,
  ) {}

  get where(): 'worker' | 'host' {
    return this.broken ? 'host' : 'worker';
  }

  build(roles: readonly Role[], token?: CancellationToken): Promise<ResponsibilityMap | undefined> {
    if (token?.isCancellationRequested) return Promise.resolve(undefined);
    // A worker that cannot start (or died) is not tried again: the host's thread does the work.
    if (this.broken) return this.fallback.build(roles, token);
    clearTimeout(this.idle);
    let worker: Worker;
    try {
      worker = this.worker ??= this.start();
    } catch (e) {
      this.giveUp(e);
      return this.fallback.build(roles, token);
    }
    const id = this.nextId++;
    // The worker polls this flag while it builds; the caller is answered at once on cancellation.
    const cancel = token && new Int32Array(new SharedArrayBuffer(4));
    let listener: { dispose(): void } | undefined;
    return new Promise<ResponsibilityMap | undefined>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      listener = token?.onCancellationRequested(() => {
        Atomics.store(cancel!, 0, 1);
        this.waiting.delete(id);
        resolve(undefined);
      });
      worker.postMessage({ id, roles, cancel } satisfies MapWorkerRequest);
    })
      .catch((e: unknown) => {
        // The worker went away (not an error of the analysis, which is passed on as it is).
        if (!(e instanceof WorkerGone) || this.disposed) throw e;
        this.giveUp(e);
        return this.fallback.build(roles, token);
      })
      .finally(() => listener?.dispose());
  }

  private start(): Worker {
    const worker = new Worker(this.script);
    worker.unref();
    worker.on('message', (reply: MapWorkerReply) => {
      const waiter = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      // A cancelled build's waiter was answered already.
      if (reply.error !== undefined) waiter?.reject(new Error(reply.error));
      else waiter?.resolve(reply.map);
      if (this.waiting.size === 0) {
        clearTimeout(this.idle);
        this.idle = setTimeout(() => this.stop(), IDLE_MS);
      }
    });
    const failed = (e: WorkerGone) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const w of this.waiting.values()) w.reject(e);
      this.waiting.clear();
    };
    worker.on('error', (e) => failed(new WorkerGone(e.message)));
    worker.on('exit', (code) => failed(new WorkerGone(`it stopped with exit code ${code}`)));
    return worker;
  }

  private giveUp(e: unknown): void {
    if (!this.broken)
      this.log.warn(`Responsibility map: the worker thread failed (${errorDetail(e)}); building on the extension host's thread.`);
    this.broken = true;
    this.stop();
  }

  private stop(): void {
    clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }

  dispose(): void {
    this.disposed = true;
    this.stop();
    for (const w of this.waiting.values()) w.reject(new WorkerGone('disposed'));
    this.waiting.clear();
  }
}
