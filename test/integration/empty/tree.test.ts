/** The Roles tree in a workspace without role files (a copy of test/fixtures/workspace-empty). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RolesTreeNode } from '../../../src/core/rolesTree';
import { api, closeAllEditors, command, fixtureUri, treeApi, waitForState } from '../helpers';

const WAIT_MS = 30_000;

const labels = (nodes: RolesTreeNode[]) => nodes.map((n) => n.label);

describe('roles tree (workspace without role files)', function () {
  // Live updates wait on a rescan or a watcher event: generous limits for a loaded machine.
  this.timeout(60_000);
  afterEach(closeAllEditors);

  it('shows the built-in handbook, expanded, with a message saying so', async () => {
    const t = await treeApi();
    const roots = t.roots();
    assert.deepStrictEqual(labels(roots), ['Built-in handbook']);
    assert.deepStrictEqual(labels(roots[0].children), ['Chief Technology Officer', 'Head of Engineering']);
    assert.deepStrictEqual(
      roots[0].children.map((n) => n.description),
      ['executive', 'manager'],
    );
    assert.strictEqual((await t.provider.getTreeItem(roots[0])).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const cto = await t.provider.getTreeItem(roots[0].children[0]);
    assert.strictEqual(cto.contextValue, 'roleBuiltin');
    assert.strictEqual((cto.iconPath as vscode.ThemeIcon).id, 'briefcase');
    assert.match(t.view.message ?? '', /built-in handbook/);
  });

  it('opens a built-in role read-only at its line, and its shared criteria in the owner file', async () => {
    const t = await treeApi();
    const cto = t.roots()[0].children[0];
    const opened = await command<string>('handbookRoles.openRole', cto);
    assert.strictEqual(opened, 'handbook-builtin:/roles/cto.md');
    let editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.getText(editor.selection), 'cto');
    assert.strictEqual(editor.selection.start.line, 1);
    const shared = cto.children.find((s) => s.section === 'successCriteria')!.children.find((c) => c.sharedFrom)!;
    const item = await t.provider.getTreeItem(shared);
    await command(item.command!.command, ...(item.command!.arguments ?? []));
    editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document.uri.toString(), 'handbook-builtin:/roles/head-of-engineering.md');
    assert.strictEqual(editor.document.getText(editor.selection), shared.label);
  });

  it('replaces the built-ins with the first workspace role file, and brings them back when it goes', async () => {
    const t = await treeApi();
    const uri = fixtureUri('roles/designer.md');
    const text = [
      '---',
      'role: designer',
      'title: Product Designer',
      'type: individual-contributor',
      'responsibilities: [Design the product]',
      '---',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await waitForState(t.onDidRefresh, () => labels(t.roots()).join() === 'Product Designer', WAIT_MS, 'the new role alone');
    assert.strictEqual(t.view.message, undefined);
    await vscode.workspace.fs.delete(uri);
    await waitForState(t.onDidRefresh, () => labels(t.roots()).join() === 'Built-in handbook', WAIT_MS, 'the built-ins back');
  });

  // Last: "Show Built-in Handbook" keeps the built-ins shown for the rest of the session.
  it('with the setting "never" the tree is empty (welcome view) until Show Built-in Handbook', async () => {
    const t = await treeApi();
    const config = vscode.workspace.getConfiguration('handbookRoles');
    try {
      const { handbook } = await api();
      const state = () =>
        `roots ${labels(t.roots()).join(', ') || 'none'}, mode ${handbook.builtinMode}, showing built-ins ${handbook.showingBuiltins}, workspace role files ${handbook.workspaceRoleFiles}`;
      const emptied = waitForState(t.onDidRefresh, () => t.roots().length === 0, WAIT_MS, 'an empty tree').catch((e: Error) => {
        throw new Error(`${e.message} (${state()})`);
      });
      await config.update('showBuiltinHandbook', 'never', vscode.ConfigurationTarget.Workspace);
      await emptied;
      const group = await command<RolesTreeNode>('handbookRoles.showBuiltinHandbook');
      assert.strictEqual(group?.id, 'builtin');
      assert.deepStrictEqual(labels(t.roots()), ['Built-in handbook']);
      assert.ok(t.view.visible, 'the Roles view is shown');
    } finally {
      await config.update('showBuiltinHandbook', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
