/**
 * The built-in handbook (the seed's two roles), bundled into the extension and served read-only
 * under the `handbook-builtin:` scheme so that it opens like any file but cannot be changed.
 */
import * as vscode from 'vscode';
import { once } from './util/lazy';

export const BUILTIN_SCHEME = 'handbook-builtin';

/** The files' text, loaded on first use (src/extension/lazyModules.json: `builtinTexts`). */
const loadTexts = once(() => require('./builtinTexts') as typeof import('./builtinTexts'));

/** The built-in handbook's files: URI (as a string) → text. */
export const builtinFiles = once(
  (): ReadonlyMap<string, string> => new Map([...loadTexts().BUILTIN_TEXTS].map(([path, text]) => [`${BUILTIN_SCHEME}:${path}`, text])),
);

export function isBuiltin(uri: vscode.Uri | string): boolean {
  return (typeof uri === 'string' ? uri : uri.scheme + ':').startsWith(`${BUILTIN_SCHEME}:`);
}

class BuiltinFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly encoder = new TextEncoder();

  private text(uri: vscode.Uri): string {
    const text = builtinFiles().get(`${BUILTIN_SCHEME}:${uri.path}`);
    if (text === undefined) throw vscode.FileSystemError.FileNotFound(uri);
    return text;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    if (uri.path === '/' || uri.path === '/roles') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: this.text(uri).length, permissions: vscode.FilePermission.Readonly };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (uri.path === '/') return [['roles', vscode.FileType.Directory]];
    if (uri.path === '/roles') return [...builtinFiles().keys()].map((k) => [k.split('/').pop()!, vscode.FileType.File]);
    throw vscode.FileSystemError.FileNotFound(uri);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    return this.encoder.encode(this.text(uri));
  }

  createDirectory(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  writeFile(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): void {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

export function registerBuiltinFileSystem(): vscode.Disposable {
  return vscode.workspace.registerFileSystemProvider(BUILTIN_SCHEME, new BuiltinFileSystem(), { isCaseSensitive: true, isReadonly: true });
}
