/**
 * Runs inside the extension host during `npm run screenshots`, loaded as the workbench's
 * extensionTestsPath (bundled by screenshots.ts into out/screenshots/driver.js). It lets the
 * Playwright script do what the UI cannot: run a command with arguments, place the cursor, wait
 * for diagnostics. It long-polls the script's loopback server (HANDBOOK_DRIVER_PORT) for the next
 * step, performs it, posts the result, and returns from run() on `done` (which ends the session).
 */
import * as http from 'http';
import * as vscode from 'vscode';

export type Step =
  | { op: 'command'; id: string; args?: unknown[] }
  | { op: 'open'; file: string; find?: string; offset?: number; viewColumn?: number; atTop?: boolean }
  | { op: 'waitDiagnostics'; file: string; timeoutMs: number }
  | { op: 'extension'; id: string; timeoutMs: number }
  | { op: 'done' };

export interface StepResult {
  ok: boolean;
  value?: unknown;
  error?: string;
}

function request(port: number, method: string, path: string, body?: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.write(JSON.stringify(body));
    req.end();
  });
}

function fileUri(file: string): vscode.Uri {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) throw new Error('no workspace folder open');
  return vscode.Uri.joinPath(root, ...file.split('/'));
}

/** Plain data for the script: drop what JSON cannot carry (webview panels, URIs become strings). */
function summarise(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as unknown;
  } catch {
    return String(value);
  }
}

async function perform(step: Exclude<Step, { op: 'done' }>): Promise<unknown> {
  switch (step.op) {
    case 'command':
      return summarise(await vscode.commands.executeCommand(step.id, ...(step.args ?? [])));
    case 'open': {
      const doc = await vscode.workspace.openTextDocument(fileUri(step.file));
      const editor = await vscode.window.showTextDocument(doc, { preview: false, viewColumn: step.viewColumn });
      if (step.find) {
        const at = doc.getText().indexOf(step.find);
        if (at < 0) throw new Error(`"${step.find}" not found in ${step.file}`);
        const pos = doc.positionAt(at + (step.offset ?? 0));
        editor.selection = new vscode.Selection(pos, pos);
        // A hover opens below a line near the top of the editor, above one lower down.
        editor.revealRange(
          new vscode.Range(pos, pos),
          step.atTop ? vscode.TextEditorRevealType.AtTop : vscode.TextEditorRevealType.InCenter,
        );
      }
      return { line: editor.selection.active.line + 1, character: editor.selection.active.character + 1 };
    }
    case 'waitDiagnostics': {
      const uri = fileUri(step.file);
      const current = () => vscode.languages.getDiagnostics(uri);
      if (current().length) return current().length;
      return await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          listener.dispose();
          reject(new Error(`no diagnostics for ${step.file} within ${step.timeoutMs} ms`));
        }, step.timeoutMs);
        const listener = vscode.languages.onDidChangeDiagnostics((e) => {
          if (!e.uris.some((u) => u.toString() === uri.toString()) || !current().length) return;
          clearTimeout(timer);
          listener.dispose();
          resolve(current().length);
        });
      });
    }
    case 'extension': {
      const ext = vscode.extensions.getExtension(step.id);
      if (!ext) throw new Error(`extension ${step.id} not loaded`);
      const exports = (await ext.activate()) as { activationMs?: unknown } | undefined;
      return { active: ext.isActive, activationMs: exports?.activationMs };
    }
  }
}

export async function run(): Promise<void> {
  const port = Number(process.env.HANDBOOK_DRIVER_PORT);
  if (!port) throw new Error('HANDBOOK_DRIVER_PORT is not set');
  for (;;) {
    const step = JSON.parse(await request(port, 'GET', '/next')) as Step;
    if (step.op === 'done') return;
    let result: StepResult;
    try {
      result = { ok: true, value: await perform(step) };
    } catch (e) {
      result = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    await request(port, 'POST', '/result', result);
  }
}
