/**
 * Helpers for integration tests in the real extension host. Tests wait on events (or on a
 * command's result) with a timeout that fails with a clear message; they never sleep.
 *
 * Each *.test.ts file is bundled on its own with this module inlined, so nothing here keeps state
 * between files; what index.ts records before the tests start lives on globalThis.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { HandbookRolesApi, TestApi } from '../../src/extension/activate';
import type { RolesTreeApi } from '../../src/extension/rolesTree';

export const EXTENSION_ID = 'handbook-roles.handbook-roles';
export const STARTUP_STATE_KEY = '__handbookIntegrationStartup';
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface StartupState {
  suite: string;
  /** Whether the extension was active before any test file was loaded. */
  activeAtStart: boolean;
}

export function startupState(): StartupState {
  const state = (globalThis as Record<string, unknown>)[STARTUP_STATE_KEY] as StartupState | undefined;
  if (!state) throw new Error('startup state missing: run the tests through test/integration/index.ts');
  return state;
}

/**
 * Resolves with the first value of `event` that satisfies `predicate`; rejects after `timeoutMs`
 * with `what` in the message. Start waiting *before* the action that fires the event.
 */
export function waitFor<T>(
  event: vscode.Event<T>,
  predicate: (value: T) => boolean = () => true,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  what = 'event',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const listener = event((value) => {
      let ok: boolean;
      try {
        ok = predicate(value);
      } catch (e) {
        clearTimeout(timer);
        listener.dispose();
        reject(e instanceof Error ? e : new Error(String(e)));
        return;
      }
      if (!ok) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

/**
 * Like waitFor, but checks `condition` right away and again after each firing of `event`, so a
 * state that is already reached resolves at once (no race between checking and subscribing).
 * `what` may be a function, evaluated at the timeout (to say what the state was then).
 */
export function waitForState<T>(
  event: vscode.Event<unknown>,
  condition: () => T | undefined | false,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  what: string | (() => string) = 'state',
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      listener.dispose();
      done();
    };
    const check = () => {
      try {
        const value = condition();
        if (value) finish(() => resolve(value));
      } catch (e) {
        finish(() => reject(e instanceof Error ? e : new Error(String(e))));
      }
    };
    const listener = event(check);
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`))),
      timeoutMs,
    );
    check();
  });
}

/**
 * For the few states VS Code announces with no event (extension activation): polls `condition`
 * every `intervalMs` until it holds or `timeoutMs` passes. Prefer waitFor/waitForState.
 */
export async function waitUntil<T>(
  condition: () => T | undefined | false,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  what = 'condition',
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** The diagnostics of `uri` once `predicate` holds for them (checked now and on every change). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const current = () => {
    const d = vscode.languages.getDiagnostics(uri);
    return predicate(d) ? d : undefined;
  };
  return waitForState(
    (listener) => vscode.languages.onDidChangeDiagnostics((e) => e.uris.some((u) => u.toString() === key) && listener(e)),
    current,
    timeoutMs,
    () => `diagnostics of ${vscode.workspace.asRelativePath(uri)} (they are: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))})`,
  );
}

/** `code line:col` per diagnostic (1-based), for assertion messages. */
export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
  if (!diagnostics.length) return 'none';
  return diagnostics
    .map((d) => `${typeof d.code === 'object' ? d.code.value : (d.code ?? '?')} ${d.range.start.line + 1}:${d.range.start.character + 1}`)
    .join(', ');
}

/** The code of a diagnostic as a string (`schema`, `unknown-role`...). */
export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : (d.code ?? ''));
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test needs an open workspace folder');
  return folder.uri;
}

/** A file of the open fixture workspace, by path relative to its root (`roles/cto.md`). */
export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

/** Opens a workspace file (relative path or URI) in an editor and returns its document. */
export async function openDoc(file: string | vscode.Uri, options: vscode.TextDocumentShowOptions = {}): Promise<vscode.TextDocument> {
  const uri = typeof file === 'string' ? fixtureUri(file) : file;
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false, ...options });
  return doc;
}

/** Replaces the whole text of an open document (unsaved, like typing) and waits for the change. */
export async function setText(doc: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
  const changed = waitFor(
    vscode.workspace.onDidChangeTextDocument,
    (e) => e.document === doc,
    DEFAULT_TIMEOUT_MS,
    `an edit of ${doc.uri.path}`,
  );
  assert.ok(await vscode.workspace.applyEdit(edit), `could not edit ${doc.uri.path}`);
  await changed;
}

/** Closes all editors, reverting unsaved changes, so the next test starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isClosed)) {
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The extension, asserted to be installed (not necessarily active). */
export function extension(): vscode.Extension<HandbookRolesApi> {
  const ext = vscode.extensions.getExtension<HandbookRolesApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

/**
 * The extension's test API (exported under ExtensionMode.Test only), activating the extension if
 * needed, once its workspace scan is done. A scan that starts while another runs supersedes it
 * (`ready` then names the newer one), so wait until no newer scan has begun.
 */
/** What the extension exports in every mode (activating it if needed). */
export async function publicApi(): Promise<HandbookRolesApi> {
  const exports = await extension().activate();
  assert.ok(exports && typeof exports === 'object', 'activate() returned no API');
  return exports;
}

export async function api(): Promise<TestApi> {
  const exports = await extension().activate();
  assert.ok(exports && typeof exports === 'object', 'activate() returned no API');
  assert.ok(exports.testing, 'the extension exported no test API: is it running under ExtensionMode.Test?');
  await settledHandbook(exports.testing);
  return exports.testing;
}

/** The Roles tree's API, once the handbook has settled. */
export async function treeApi(): Promise<RolesTreeApi> {
  const exports = await api();
  assert.ok(exports.tree, 'the API has no tree');
  return exports.tree;
}

export async function settledHandbook(exports: TestApi, maxScans = 20): Promise<void> {
  let ready = exports.handbook.ready;
  for (let scans = 1; ; scans++) {
    await ready;
    const next = exports.handbook.ready;
    if (next === ready) return;
    if (scans >= maxScans) throw new Error(`the handbook was still rescanning after ${maxScans} scans`);
    ready = next;
  }
}

/** Runs a command and returns its result, failing with the command id if it throws. */
export async function command<T = unknown>(id: string, ...args: unknown[]): Promise<T> {
  try {
    return await vscode.commands.executeCommand<T>(id, ...args);
  } catch (e) {
    throw new Error(`command ${id} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
