/** Smoke tests in a workspace without role files (a copy of test/fixtures/workspace-empty). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, command, extension, publicApi, startupState, waitUntil } from '../helpers';

describe('activation in a workspace without role files', () => {
  it('was not active when the suite started (its activation events are narrow)', () => {
    assert.strictEqual(startupState().suite, 'empty');
    assert.strictEqual(startupState().activeAtStart, false, 'nothing in an empty workspace should activate the extension');
  });

  it('activates when the Roles view is shown (onView:handbookRoles.roles)', async () => {
    await command('workbench.view.extension.handbook');
    await waitUntil(() => extension().isActive, 10_000, 'activation by the Roles view');
    const { activationMs } = await publicApi();
    assert.ok(Number.isFinite(activationMs) && activationMs >= 0, `activationMs = ${activationMs}`);
    console.log(`[handbook] activationMs=${activationMs.toFixed(1)} (empty workspace, onView)`);
  });

  it('shows the built-in handbook in place of the missing role files', async () => {
    const { handbook } = await api();
    assert.strictEqual(handbook.workspaceRoleFiles, 0);
    assert.strictEqual(handbook.showingBuiltins, true);
    const ids = handbook.index
      .roles()
      .map((r) => r.id)
      .sort();
    assert.deepStrictEqual(ids, ['cto', 'head-of-engineering']);
    assert.ok(vscode.workspace.workspaceFolders?.length, 'a folder is open');
  });
});
