/**
 * Entry point of the web suite inside the browser's web worker extension host: the `run()`
 * contract of extensionTestsPath, loaded by the workbench into the same web worker as the
 * installed extension (see scripts/real-vscode/web-suite.ts). Bundled for the browser with
 * everything inlined but `vscode`: nothing here may reach Node.
 */
import * as vscode from 'vscode';
import { checksFolder, readJson } from './harness';
import { runTests } from './runner';
import { EXTENSION_ID, startup } from './state';
import './web.test';

export async function run(): Promise<void> {
  // Before anything of ours could activate it: the workspace's role files should have.
  startup.activeAtStart = vscode.extensions.getExtension(EXTENSION_ID)?.isActive ?? false;
  const config = await readJson<{ grep?: string }>(vscode.Uri.joinPath(checksFolder(), 'config.json')).catch(() => ({ grep: '' }));
  console.log(`[handbook] suite "web" (web worker extension host): extension active at start: ${startup.activeAtStart}`);
  const result = await runTests('web worker extension host (installed .vsix)', config.grep ?? '', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  console.log(`[handbook] suite "web": ${result.passed} passed, ${result.failed} failed`);
  if (result.failed > 0) throw new Error(`${result.failed} test(s) failed in suite "web"`);
  if (result.passed === 0 && !config.grep) throw new Error('suite "web" ran no test');
}
