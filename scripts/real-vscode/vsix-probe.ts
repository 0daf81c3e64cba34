/**
 * Runs inside the extension host during `npm run check:vsix` (bundled by check-vsix.ts, loaded as
 * the workbench's extensionTestsPath with no extension under development): checks that the
 * extension installed from the .vsix is the one loaded, that it activated in a workspace with role
 * files, that its API reports activationMs, and that the bundles it loads on first use are there.
 * Throwing fails the check (exit code 1).
 */
import * as vscode from 'vscode';

interface Api {
  activationMs?: unknown;
  indexed?: () => Promise<number>;
  testing?: unknown;
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
  if (typeof api.indexed !== 'function') throw new Error('activate() returned no indexed()');
  // The installed extension runs in ExtensionMode.Production: its test handles stay unexported.
  if ('testing' in api && api.testing !== undefined)
    throw new Error('the installed extension exported its test API outside ExtensionMode.Test');
  const roleFiles = await api.indexed();
  console.log(
    `[vsix] ${id} ${ext.packageJSON.version as string} from ${ext.extensionUri.fsPath}: active at start ${activeAtStart}, ` +
      `activationMs=${api.activationMs.toFixed(1)}, workspace role files ${roleFiles}`,
  );
  if (!activeAtStart) throw new Error('the installed extension was not activated by the workspace with role files (workspaceContains)');
  const expected = Number(process.env.HANDBOOK_EXPECT_ROLE_FILES);
  if (expected && roleFiles !== expected) throw new Error(`the installed extension indexed ${roleFiles} role files, expected ${expected}`);
  await lazyBundlesLoad();
}

/** What loads from dist/lazy/ on first use must be in the package too: a packaging slip shows only here. */
async function lazyBundlesLoad(): Promise<void> {
  const found = await vscode.commands.executeCommand<{ id: string }[]>('handbookRoles.findRole', { query: 'technology', limit: 2 });
  if (!Array.isArray(found) || found.length < 2) throw new Error(`Find Role (dist/lazy/findRole.js) answered ${JSON.stringify(found)}`);
  const compared = await vscode.commands.executeCommand<{ comparison?: unknown }>('handbookRoles.compareRoles', found[0].id, found[1].id);
  if (!compared?.comparison) throw new Error(`Compare Roles (dist/lazy/comparePanel.js) answered ${JSON.stringify(compared)}`);
  const map = await vscode.commands.executeCommand<{ items?: unknown[] }>('handbookRoles.showResponsibilityMap');
  if (!Array.isArray(map?.items) || map.items.length === 0)
    throw new Error(`the responsibility map (dist/lazy/mapPanel.js) answered ${JSON.stringify(map)?.slice(0, 200)}`);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  console.log(
    `[vsix] lazy bundles: Find Role found ${found.map((r) => r.id).join(', ')}; compared them; the map has ${map.items.length} items`,
  );
}
