/**
 * Runs inside the extension host during `npm run check:vsix` (bundled by check-vsix.ts, loaded as
 * the workbench's extensionTestsPath with no extension under development): checks that the
 * extension installed from the .vsix is the one loaded, that it activated in a workspace with role
 * files, and that its API reports activationMs. Throwing fails the check (exit code 1).
 */
import * as vscode from 'vscode';

interface Api {
  activationMs?: unknown;
  handbook?: { ready?: Promise<void>; workspaceRoleFiles?: number };
}

export async function run(): Promise<void> {
  const id = process.env.HANDBOOK_EXTENSION_ID ?? 'handbook-roles.handbook-roles';
  const extensionsDir = process.env.HANDBOOK_EXPECT_EXTENSIONS_DIR ?? '';
  const ext = vscode.extensions.getExtension<Api>(id);
  if (!ext) throw new Error(`${id} is not installed`);
  if (!extensionsDir || !ext.extensionUri.fsPath.startsWith(extensionsDir)) {
    throw new Error(`${id} was loaded from ${ext.extensionUri.fsPath}, not from the extensions folder ${extensionsDir}`);
  }
  const activeAtStart = ext.isActive;
  const api = await ext.activate();
  if (typeof api?.activationMs !== 'number') throw new Error(`activate() returned no numeric activationMs: ${JSON.stringify(api)}`);
  // A scan started while another runs supersedes it: wait until no newer scan has begun.
  let scans = 0;
  for (let ready = api.handbook?.ready; ready; ) {
    await ready;
    scans++;
    const next = api.handbook?.ready;
    if (next === ready || scans > 20) break;
    ready = next;
  }
  console.log(
    `[vsix] ${id} ${ext.packageJSON.version as string} from ${ext.extensionUri.fsPath}: active at start ${activeAtStart}, ` +
      `activationMs=${api.activationMs.toFixed(1)}, workspace role files ${api.handbook?.workspaceRoleFiles ?? '?'} (after ${scans} scan(s))`,
  );
  if (!activeAtStart) throw new Error('the installed extension was not activated by the workspace with role files (workspaceContains)');
  const expected = Number(process.env.HANDBOOK_EXPECT_ROLE_FILES);
  if (expected && api.handbook?.workspaceRoleFiles !== expected) {
    throw new Error(`the installed extension indexed ${api.handbook?.workspaceRoleFiles} role files, expected ${expected}`);
  }
}
