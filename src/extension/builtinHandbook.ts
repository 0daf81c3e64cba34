/**
 * The built-in handbook (the seed's two roles), bundled into the extension and served read-only
 * under the `handbook-builtin:` scheme so that it opens like any file but cannot be changed.
 */
import * as vscode from 'vscode';
import cto from '../../builtin/roles/cto.md';
import headOfEngineering from '../../builtin/roles/head-of-engineering.md';

export const BUILTIN_SCHEME = 'handbook-builtin';

export const BUILTIN_FILES: ReadonlyMap<string, string> = new Map([
  [`${BUILTIN_SCHEME}:/roles/cto.md`, cto],
  [`${BUILTIN_SCHEME}:/roles/head-of-engineering.md`, headOfEngineering],
]);

export function isBuiltin(uri: vscode.Uri | string): boolean {
  return (typeof uri === 'string' ? uri : uri.scheme + ':').startsWith(`${BUILTIN_SCHEME}:`);
}

class BuiltinFileSystem implements vscode.FileSystemProvider {
  private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changes.event;
  private readonly encoder = new TextEncoder();

  private text(uri: vscode.Uri): string {
    const text = BUILTIN_FILES.get(`${BUILTIN_SCHEME}:${uri.path}`);
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
    if (uri.path === '/roles') return [...BUILTIN_FILES.keys()].map((k) => [k.split('/').pop()!, vscode.FileType.File]);
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
