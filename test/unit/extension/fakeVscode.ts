/**
 * A small stand-in for the `vscode` module, enough to run src/extension/handbookWorkspace.ts in
 * the unit tests: an in-memory workspace folder (`files`), the events the workspace listens to
 * (fired by the tests), and counters of the calls that cost (findFiles, readFile, stat).
 *
 * Importing this module makes `require('vscode')` resolve to it (and `.md` files load as text, as
 * esbuild's loader does), so import it before any module of src/extension.
 */
import * as fs from 'fs';
import Module = require('module');

type Listener<T> = (value: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(value: T): void {
    for (const l of [...this.listeners]) l(value);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

export class Uri {
  private constructor(
    readonly scheme: string,
    readonly path: string,
  ) {}
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...parts: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...parts].join('/'));
  }
  static parse(s: string): Uri {
    const i = s.indexOf(':');
    return new Uri(s.slice(0, i), s.slice(i + 1).replace(/^\/\//, ''));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.scheme === 'file' ? `file://${this.path}` : `${this.scheme}:${this.path}`;
  }
}

export enum FileType {
  File = 1,
  Directory = 2,
}

export class Range {
  constructor(
    readonly startLine: number,
    readonly startCharacter: number,
    readonly endLine: number,
    readonly endCharacter: number,
  ) {}
}

export class RelativePattern {
  constructor(
    readonly base: Uri,
    readonly pattern: string,
  ) {}
}

export class CancellationTokenSource {
  readonly token = { isCancellationRequested: false };
  cancel(): void {
    this.token.isCancellationRequested = true;
  }
  dispose(): void {}
}

export const FileSystemError = { FileNotFound: (u: Uri) => new Error(`not found: ${u.toString()}`) };
export const FilePermission = { Readonly: 1 };
export const l10n = { t: (s: string) => s };

export const ROOT = '/ws';
/** The workspace folder's files: path relative to ROOT → content. */
export const files = new Map<string, string>();
/** Calls that cost, per kind; `reads` lists each readFile's relative path. */
export const calls = { findFiles: 0, stat: 0, reads: [] as string[] };
/** findFiles: files it leaves out (as `files.exclude` would), and a promise it waits for before answering. */
export const findFilesOptions = { excluded: new Set<string>(), gate: undefined as Promise<void> | undefined };

export const events = {
  open: new EventEmitter<unknown>(),
  change: new EventEmitter<unknown>(),
  close: new EventEmitter<unknown>(),
  configuration: new EventEmitter<unknown>(),
  folders: new EventEmitter<unknown>(),
  deleteFiles: new EventEmitter<{ files: Uri[] }>(),
  renameFiles: new EventEmitter<{ files: { oldUri: Uri; newUri: Uri }[] }>(),
  /** The watchers' events: [glob, create, change, delete], in the order they were created. */
  watchers: [] as { glob: string; create: EventEmitter<Uri>; change: EventEmitter<Uri>; delete: EventEmitter<Uri> }[],
};

export function reset(): void {
  files.clear();
  calls.findFiles = 0;
  calls.stat = 0;
  calls.reads = [];
  events.watchers = [];
  findFilesOptions.excluded.clear();
  findFilesOptions.gate = undefined;
}

const rel = (uri: Uri) => uri.path.slice(ROOT.length + 1);
const encoder = new TextEncoder();
const folder = { uri: Uri.file(ROOT), name: 'ws', index: 0 };
/** Answers come back on a later task, as the real host's do. */
const later = <T>(f: () => T) =>
  new Promise<T>((resolve, reject) =>
    setImmediate(() => {
      try {
        resolve(f());
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }),
  );

export const workspace = {
  workspaceFolders: [folder],
  textDocuments: [] as unknown[],
  onDidOpenTextDocument: events.open.event,
  onDidChangeTextDocument: events.change.event,
  onDidCloseTextDocument: events.close.event,
  onDidChangeConfiguration: events.configuration.event,
  onDidChangeWorkspaceFolders: events.folders.event,
  onDidDeleteFiles: events.deleteFiles.event,
  onDidRenameFiles: events.renameFiles.event,
  createFileSystemWatcher(glob: string) {
    const w = { glob, create: new EventEmitter<Uri>(), change: new EventEmitter<Uri>(), delete: new EventEmitter<Uri>() };
    events.watchers.push(w);
    return {
      onDidCreate: w.create.event,
      onDidChange: w.change.event,
      onDidDelete: w.delete.event,
      dispose: () => undefined,
    };
  },
  async findFiles(): Promise<Uri[]> {
    calls.findFiles++;
    await findFilesOptions.gate;
    return later(() =>
      [...files.keys()]
        .filter((f) => /\.(md|markdown)$/i.test(f) && !findFilesOptions.excluded.has(f))
        .map((f) => Uri.file(`${ROOT}/${f}`)),
    );
  },
  getWorkspaceFolder: (uri: Uri) => (uri.path.startsWith(`${ROOT}/`) ? folder : undefined),
  asRelativePath: (uri: Uri) => rel(uri),
  getConfiguration: () => ({ get: () => undefined }),
  fs: {
    readFile(uri: Uri): Promise<Uint8Array> {
      calls.reads.push(rel(uri));
      return later(() => {
        const text = files.get(rel(uri));
        if (text === undefined) throw new Error(`not found: ${uri.toString()}`);
        return encoder.encode(text);
      });
    },
    stat(uri: Uri): Promise<{ type: FileType; size: number }> {
      calls.stat++;
      return later(() => {
        const text = files.get(rel(uri));
        if (text !== undefined) return { type: FileType.File, size: text.length };
        if ([...files.keys()].some((f) => f.startsWith(`${rel(uri)}/`))) return { type: FileType.Directory, size: 0 };
        throw new Error(`not found: ${uri.toString()}`);
      });
    },
  },
};

export const window = {
  withProgress: <T>(_options: unknown, task: (progress: unknown) => Promise<T>) => task({ report: () => undefined }),
};

const resolve = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: typeof resolve })._resolveFilename = function (this: unknown, request, ...rest) {
  return request === 'vscode' ? __filename : resolve.call(this, request, ...rest);
};
const extensions = (Module as unknown as { _extensions: Record<string, (m: { exports: unknown }, file: string) => void> })._extensions;
extensions['.md'] ??= (m, file) => void (m.exports = fs.readFileSync(file, 'utf8'));
