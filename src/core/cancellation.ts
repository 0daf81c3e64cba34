/**
 * Cancellation for the engine's longer analyses (lookup index, workspace symbols, references,
 * rename edits, responsibility map, comparison, handbook diff). The shape is VS Code's
 * CancellationToken, minus the editor: adapters pass the editor's token as it is, tests and the CLI
 * a plain object. An analysis polls its token between units of work and, once cancelled, throws
 * `Cancelled`; `unlessCancelled` turns that into "no result".
 */

/** A cancellation token as VS Code's (a plain object in tests and the CLI). */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

/** Thrown by the engine when its token asks it to stop; adapters turn it into "no result". */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export function throwIfCancelled(token: CancellationLike | undefined): void {
  if (token?.isCancellationRequested) throw new Cancelled();
}

/** The analysis's result, or undefined when it stopped because its token was cancelled. */
export function unlessCancelled<T>(analysis: () => T): T | undefined {
  try {
    return analysis();
  } catch (e) {
    if (e instanceof Cancelled) return undefined;
    throw e;
  }
}

/** A token that can also say when it is cancelled (structurally a VS Code CancellationToken). */
export interface CancellationToken extends CancellationLike {
  onCancellationRequested(listener: (e: undefined) => unknown): { dispose(): void };
}

class Token implements CancellationToken {
  private cancelled = false;
  private listeners: ((e: undefined) => unknown)[] = [];

  get isCancellationRequested(): boolean {
    return this.cancelled;
  }

  onCancellationRequested(listener: (e: undefined) => unknown): { dispose(): void } {
    if (this.cancelled) {
      listener(undefined);
      return { dispose: () => undefined };
    }
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }

  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    const listeners = this.listeners;
    this.listeners = [];
    for (const l of listeners) l(undefined);
  }
}

/**
 * One run at a time: starting a run cancels the one before it (a newer workspace scan makes an
 * older one pointless, as does a map build of a newer index).
 */
export class LatestRun {
  private current: Token | undefined;

  /** Cancels the running run, if any, and returns the token of a new one. */
  start(): CancellationToken {
    this.current?.cancel();
    return (this.current = new Token());
  }

  /** Cancels the running run, if any (on dispose). */
  cancel(): void {
    this.current?.cancel();
    this.current = undefined;
  }
}
