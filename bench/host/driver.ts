/**
 * Runs inside the real extension host for the bench's "host" section (bench/host/section.ts
 * bundles it and loads it as the workbench's extensionTestsPath, the extension under development
 * being this repository). It waits for the extension's own ready signal, reads the host's heap, then
 * makes EDITS edits of one role file, each to a new broken [[link]], and times each edit until the
 * diagnostics show that link. The figures go out as one `[bench-host] {json}` console line.
 */
import * as vscode from 'vscode';
import type { HandbookRolesApi } from '../../src/extension/activate';

const EXTENSION_ID = 'handbook-roles.handbook-roles';
const MARKER = 'BENCH-LINK';

function diagnosticsShow(uri: vscode.Uri, needle: string): boolean {
  return vscode.languages.getDiagnostics(uri).some((d) => d.source === 'handbook-roles' && d.message.includes(needle));
}

/**
 * Resolves when the diagnostics of `uri` mention `needle`. The collection is polled every
 * millisecond, not only awaited through `onDidChangeDiagnostics`: in the extension host that event
 * is a DebounceEmitter with a 50 ms delay (VS Code 1.100's ExtHostDiagnostics; seen in code-server
 * 4.100.3's extensionHostProcess.js), so it reports a change 50 ms after the collection — and the
 * workbench, which is sent the diagnostics at once — had it. Timing by the event alone added those
 * 50 ms of VS Code's to every edit.
 */
function whenDiagnosticsShow(uri: vscode.Uri, needle: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const done = () => {
      clearTimeout(timer);
      clearInterval(poll);
      listener.dispose();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no diagnostic mentioning ${needle} after ${timeoutMs} ms`));
    }, timeoutMs);
    const poll = setInterval(() => {
      if (!diagnosticsShow(uri, needle)) return;
      done();
      resolve();
    }, 1);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === key) || !diagnosticsShow(uri, needle)) return;
      done();
      resolve();
    });
  });
}

export async function run(): Promise<void> {
  const ext = vscode.extensions.getExtension<HandbookRolesApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  const roleFiles = await api.indexed();
  const readyMs = api.readyMs();
  if (readyMs === undefined) throw new Error('indexed() resolved but readyMs() is undefined');
  // The host's heap after a full collection when the bench exposed gc (NODE_OPTIONS=--expose-gc).
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap = process.memoryUsage();

  const file = vscode.Uri.joinPath(
    vscode.workspace.workspaceFolders![0].uri,
    process.env.HANDBOOK_BENCH_EDIT_FILE ?? 'roles/role-00001.md',
  );
  const doc = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(doc);
  const edits = Number(process.env.HANDBOOK_BENCH_EDITS ?? 200);
  const latencies: number[] = [];
  // The body's last line holds the link each edit renames; one warm-up edit first (not counted).
  const line = doc.lineCount;
  const append = new vscode.WorkspaceEdit();
  append.insert(file, new vscode.Position(line, 0), `\nSee [[${MARKER}-warm]].\n`);
  await vscode.workspace.applyEdit(append);
  await whenDiagnosticsShow(file, `${MARKER}-warm`, 30_000);
  for (let i = 0; i < edits; i++) {
    const text = doc.getText();
    const at = text.lastIndexOf(`[[${MARKER}-`);
    const end = text.indexOf(']]', at);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, new vscode.Range(doc.positionAt(at + 2), doc.positionAt(end)), `${MARKER}-${i}`);
    const shown = whenDiagnosticsShow(file, `${MARKER}-${i}`, 30_000);
    const started = performance.now();
    await vscode.workspace.applyEdit(edit);
    await shown;
    latencies.push(performance.now() - started);
  }
  gc?.();
  const heapAfter = process.memoryUsage();
  console.log(
    `[bench-host] ${JSON.stringify({
      roleFiles,
      readyMs,
      gcExposed: gc !== undefined,
      activationMs: api.activationMs,
      heapUsedMB: heap.heapUsed / 1024 / 1024,
      heapTotalMB: heap.heapTotal / 1024 / 1024,
      heapUsedAfterEditsMB: heapAfter.heapUsed / 1024 / 1024,
      latencies,
    })}`,
  );
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
