/** The Roles tree in a workspace with role files (a copy of test/fixtures/workspace-roles). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RolesTreeNode } from '../../../src/core/rolesTree';
import type { RolesTreeApi } from '../../../src/extension/rolesTree';
import { ROLES_TREE_ROWS } from '../../support/workspaceRoles';
import { closeAllEditors, command, fixtureUri, openDoc, setText, treeApi, waitFor, waitForState } from '../helpers';

const WAIT_MS = 30_000;

const labels = (nodes: RolesTreeNode[]) => nodes.map((n) => n.label);
const find = (nodes: RolesTreeNode[], label: string) => {
  const n = nodes.find((x) => x.label === label);
  assert.ok(n, `no node "${label}" among ${labels(nodes).join(', ')}`);
  return n;
};

/** Runs the command a click on the node runs and returns the editor it leaves active. */
async function click(t: RolesTreeApi, node: RolesTreeNode): Promise<vscode.TextEditor> {
  const item = await t.provider.getTreeItem(node);
  assert.ok(item.command, `"${node.label}" has no click command`);
  await command(item.command.command, ...(item.command.arguments ?? []));
  const editor = vscode.window.activeTextEditor;
  assert.ok(editor, 'no active editor after the click');
  return editor;
}

const selection = (e: vscode.TextEditor) =>
  `${e.selection.start.line + 1}:${e.selection.start.character + 1}-${e.selection.end.line + 1}:${e.selection.end.character + 1}`;

describe('roles tree (workspace with role files)', function () {
  // Live updates wait on a rescan or a watcher event: generous limits for a loaded machine.
  this.timeout(60_000);
  afterEach(closeAllEditors);

  it('lists every role file by title, roles with problems included, unreadable files last, no built-ins', async () => {
    const roots = (await treeApi()).roots();
    assert.deepStrictEqual(labels(roots), ROLES_TREE_ROWS);
    assert.deepStrictEqual(
      roots.map((n) => n.description),
      [
        'manager',
        'individual-contributor · 1 problem',
        'wizard · 1 problem',
        'individual-contributor · 2 problems',
        'individual-contributor',
        'executive',
        'no role could be read · 1 problem',
      ],
    );
    assert.ok(!roots.some((n) => n.kind === 'group'), 'the built-in handbook should be hidden');
  });

  it('shows tree items with a type icon, a problem icon, context values and summary tooltips', async () => {
    const t = await treeApi();
    const roots = t.roots();
    const em = await t.provider.getTreeItem(find(roots, 'Engineering Manager'));
    assert.strictEqual((em.iconPath as vscode.ThemeIcon).id, 'organization');
    assert.strictEqual(em.contextValue, 'role');
    assert.strictEqual(em.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    // appendText escapes the role's strings (spaces become &nbsp;): read it back as text.
    const tooltip = (em.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ');
    assert.match(
      tooltip,
      /^\*\*Engineering Manager\*\*\n\nengineering\\-manager · manager\n\nLeads one team, its people, its process and its delivery\.$/,
    );
    const captain = await t.provider.getTreeItem(find(roots, 'Release Captain'));
    assert.strictEqual((captain.iconPath as vscode.ThemeIcon).id, 'error');
    assert.match((captain.tooltip as vscode.MarkdownString).value, /type/);
  });

  it('a role has Focus, Responsibilities, Success criteria (own, then shared and from whom), Relationships', async () => {
    const roots = (await treeApi()).roots();
    const em = find(roots, 'Engineering Manager');
    assert.deepStrictEqual(labels(em.children), ['Responsibilities', 'Success criteria', 'Relationships']);
    const criteria = find(em.children, 'Success criteria').children;
    assert.deepStrictEqual(
      criteria.map((c) => [c.label, c.description ?? '']),
      [
        ['Does the team deliver what it committed to?', ''],
        ['Do the teams ship what they planned?', 'shared from VP of Engineering'],
        ['Do the managers grow into their roles?', 'shared from VP of Engineering'],
      ],
    );
    assert.strictEqual(criteria[1].uri, fixtureUri('roles/vp-engineering.md').toString());
    const rels = find(em.children, 'Relationships').children;
    assert.deepStrictEqual(
      rels.map((r) => [r.label, r.description, r.target?.id]),
      [
        ['VP of Engineering', 'reports-to', 'vp-engineering'],
        ['Tech Lead', 'peer', 'tech-lead'],
      ],
    );
    const vp = find(roots, 'VP of Engineering');
    assert.deepStrictEqual(labels(find(vp.children, 'Focus').children), ['Delivery across teams', 'Hiring and growing managers']);
  });

  it('clicking a node opens its file at that exact place', async () => {
    const t = await treeApi();
    const em = find(t.roots(), 'Engineering Manager');
    let editor = await click(t, em);
    assert.strictEqual(editor.document.uri.toString(), fixtureUri('roles/engineering-manager.md').toString());
    assert.strictEqual(selection(editor), '2:7-2:26');
    const resp = find(em.children, 'Responsibilities').children[1];
    editor = await click(t, resp);
    assert.strictEqual(selection(editor).split('-')[0], '11:5');
    assert.strictEqual(editor.document.getText(editor.selection), "Plan the team's work with the product manager");
    // A shared criterion opens where it is defined: in the VP's file.
    const shared = find(find(em.children, 'Success criteria').children, 'Do the managers grow into their roles?');
    editor = await click(t, shared);
    assert.strictEqual(editor.document.uri.toString(), fixtureUri('roles/vp-engineering.md').toString());
    assert.strictEqual(editor.document.getText(editor.selection), 'Do the managers grow into their roles?');
  });

  it('Open on a relationship opens the role it links to; Reveal in Explorer works for workspace roles', async () => {
    const t = await treeApi();
    const em = find(t.roots(), 'Engineering Manager');
    const toVp = find(find(em.children, 'Relationships').children, 'VP of Engineering');
    const item = await t.provider.getTreeItem(toVp);
    assert.strictEqual(item.contextValue, 'roleLink');
    const opened = await command<string>('handbookRoles.openRole', toVp);
    assert.strictEqual(opened, fixtureUri('roles/vp-engineering.md').toString());
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), opened);
    assert.strictEqual(selection(vscode.window.activeTextEditor), '2:7-2:21');
    assert.strictEqual(await command('handbookRoles.openRole', 'TL'), fixtureUri('roles/tech-lead.md').toString());
    assert.strictEqual(await command('handbookRoles.revealRole', em), true);
  });

  it('follows file changes on disk: a new role appears, an edited title moves, a deleted role goes', async () => {
    const t = await treeApi();
    const uri = fixtureUri('roles/architect.md');
    const text = [
      '---',
      'role: architect',
      'title: Architect',
      'type: individual-contributor',
      'responsibilities: [Draw the big picture]',
      '---',
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await waitForState(t.onDidRefresh, () => t.roots().some((n) => n.label === 'Architect'), WAIT_MS, 'the new role in the tree');
    assert.strictEqual(t.roots()[0].label, 'Architect');

    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text.replace('title: Architect', 'title: Zeta Architect')));
    await waitForState(t.onDidRefresh, () => t.roots().some((n) => n.label === 'Zeta Architect'), WAIT_MS, 'the renamed role');
    assert.ok(!t.roots().some((n) => n.label === 'Architect'));

    await vscode.workspace.fs.delete(uri);
    await waitForState(t.onDidRefresh, () => !t.roots().some((n) => n.label === 'Zeta Architect'), WAIT_MS, 'the role to go');
  });

  it('follows unsaved edits in an open editor, including criteria shared from the edited role', async () => {
    const t = await treeApi();
    const doc = await openDoc('roles/vp-engineering.md');
    await setText(doc, doc.getText().replace('Do the managers grow into their roles?', 'Do the managers grow fast?'));
    const criteria = () => find(find(t.roots(), 'Engineering Manager').children, 'Success criteria').children;
    await waitForState(
      t.onDidRefresh,
      () => criteria().some((c) => c.label === 'Do the managers grow fast?'),
      WAIT_MS,
      'the shared criterion to change',
    );
    assert.strictEqual(find(criteria(), 'Do the managers grow fast?').description, 'shared from VP of Engineering');
  });

  it('shows the built-in handbook under its own node when the setting says always', async () => {
    const t = await treeApi();
    const config = vscode.workspace.getConfiguration('handbookRoles');
    try {
      const refreshed = waitForState(t.onDidRefresh, () => t.roots().some((n) => n.kind === 'group'), WAIT_MS, 'the built-in node');
      await config.update('showBuiltinHandbook', 'always', vscode.ConfigurationTarget.Workspace);
      await refreshed;
      const group = t.roots()[t.roots().length - 1];
      assert.strictEqual(group.label, 'Built-in handbook');
      assert.deepStrictEqual(labels(group.children), ['Chief Technology Officer', 'Head of Engineering']);
      assert.strictEqual((await t.provider.getTreeItem(group)).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.strictEqual(await command('handbookRoles.revealRole', group.children[0]), false, 'built-in roles are not in the Explorer');
      const editor = await click(t, group.children[0]);
      assert.strictEqual(editor.document.uri.toString(), 'handbook-builtin:/roles/cto.md');
    } finally {
      const back = waitForState(t.onDidRefresh, () => !t.roots().some((n) => n.kind === 'group'), WAIT_MS, 'the built-in node to go');
      await config.update('showBuiltinHandbook', undefined, vscode.ConfigurationTarget.Workspace);
      await back;
    }
  });

  it('Refresh rescans and returns the roots', async () => {
    const roots = await command<RolesTreeNode[]>('handbookRoles.refresh');
    assert.strictEqual(roots.length, 7);
    assert.strictEqual(roots[0].label, 'Engineering Manager');
  });

  // Last: the built-in node then stays for the rest of the session.
  it('Show Built-in Handbook reveals the built-ins even in a workspace with roles', async () => {
    const t = await treeApi();
    const changed = waitFor(
      t.view.onDidChangeSelection,
      (e) => e.selection.some((n) => n.id === 'builtin'),
      WAIT_MS,
      'the built-in node selected',
    );
    const group = await command<RolesTreeNode>('handbookRoles.showBuiltinHandbook');
    assert.strictEqual(group.id, 'builtin');
    assert.deepStrictEqual(labels(group.children), ['Chief Technology Officer', 'Head of Engineering']);
    await changed;
    assert.ok(t.view.visible, 'the Roles view should be visible');
  });
});
