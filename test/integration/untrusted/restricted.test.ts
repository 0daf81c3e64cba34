/**
 * Restricted mode: the folder (a copy of test/fixtures/workspace-untrusted) is not trusted. The
 * extension declares untrustedWorkspaces supported (it runs no workspace code), so everything
 * still works read-only; workspace settings cannot make it read outside the folder.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, codeOf, command, DEFAULT_TIMEOUT_MS, fixtureUri, waitForDiagnostics, workspaceRoot } from '../helpers';

describe('untrusted workspace', () => {
  it('opens untrusted, and the extension is active there', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the suite must run in restricted mode');
    const exports = await api();
    assert.ok(exports.handbook.index.resolve('cto'), 'the workspace roles are indexed');
  });

  it('reports findings in role files as usual', async () => {
    await api();
    const uri = fixtureUri('roles/schema-error.md');
    const diagnostics = await waitForDiagnostics(uri, (d) => d.some((x) => x.source === 'handbook-roles'), DEFAULT_TIMEOUT_MS);
    assert.deepStrictEqual(
      diagnostics
        .filter((d) => d.source === 'handbook-roles')
        .map((d) => `${codeOf(d)} ${d.range.start.line + 1}:${d.range.start.character + 1}`),
      ['schema 4:7'],
    );
  });

  it('compares roles and finds them from the command palette', async () => {
    await api();
    const model = await command<{ left?: { id: string }; right?: { id: string } } | undefined>(
      'handbookRoles.compareRoles',
      'cto',
      'head-of-engineering',
    );
    assert.ok(model, 'the comparison opened');
    const results = await command<{ id?: string; role?: { id: string } }[]>('handbookRoles.findRole', 'onboarding');
    assert.ok(results.length > 0, 'Find Role answers');
  });

  it('role-file globs from workspace settings never reach outside the folder', async () => {
    const { handbook } = await api();
    const root = workspaceRoot();
    const outside = vscode.Uri.joinPath(root, '..', 'outside-role.md');
    const text = '---\nrole: outsider\ntitle: Outsider\ntype: manager\nresponsibilities: [Leak]\n---\n';
    await vscode.workspace.fs.writeFile(outside, new TextEncoder().encode(text));
    try {
      assert.deepStrictEqual(vscode.workspace.getConfiguration('handbookRoles').get('roleFiles'), [
        '../**/*.md',
        '/etc/**',
        '**/roles/**/*.md',
      ]);
      await command('handbookRoles.refresh');
      await handbook.ready;
      const prefix = root.toString() + '/';
      const strays = handbook.index.uris().filter((u) => !u.startsWith(prefix) && !u.startsWith('handbook-builtin:'));
      assert.deepStrictEqual(strays, []);
      assert.strictEqual(handbook.index.resolve('outsider'), undefined);
    } finally {
      await vscode.workspace.fs.delete(outside, { useTrash: false });
    }
  });
});
