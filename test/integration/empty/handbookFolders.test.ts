/**
 * The handbook follows folders of role files: a renamed or deleted folder reports only itself,
 * yet its roles must move or go (a copy of test/fixtures/workspace-empty).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, command, DEFAULT_TIMEOUT_MS, fixtureUri, waitForState } from '../helpers';
import { exists } from '../../../src/extension/util/fs';

describe('handbook follows folders of role files (workspace without role files)', () => {
  const uris = (handbook: { index: { uris(): string[] } }) =>
    handbook.index
      .uris()
      .filter((u) => u.startsWith('file:'))
      .sort();

  before(async () => {
    const { handbook } = await api();
    for (const id of ['folder-role-a', 'folder-role-b']) {
      const text = `---\nrole: ${id}\ntitle: ${id}\ntype: manager\nresponsibilities:\n  - Exist\n---\n`;
      await vscode.workspace.fs.writeFile(fixtureUri(`team/${id}.md`), new TextEncoder().encode(text));
    }
    await waitForState(handbook.onDidChange, () => uris(handbook).length === 2 || undefined, DEFAULT_TIMEOUT_MS, 'two roles under team/');
  });

  after(async () => {
    for (const dir of ['team', 'crew'])
      if (await exists(fixtureUri(dir))) await vscode.workspace.fs.delete(fixtureUri(dir), { recursive: true, useTrash: false });
  });

  it('moves the roles of a renamed folder to their new place', async () => {
    const { handbook } = await api();
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(fixtureUri('team'), fixtureUri('crew'));
    assert.ok(await vscode.workspace.applyEdit(edit), 'rename failed');
    const expected = ['crew/folder-role-a.md', 'crew/folder-role-b.md'].map((p) => fixtureUri(p).toString());
    await waitForState(
      handbook.onDidChange,
      () => JSON.stringify(uris(handbook)) === JSON.stringify(expected),
      DEFAULT_TIMEOUT_MS,
      `roles under crew/ only (now: ${uris(handbook).join(', ')})`,
    );
  });

  it('drops every role of a deleted folder, and the built-ins come back', async () => {
    const { handbook } = await api();
    await vscode.workspace.fs.delete(fixtureUri('crew'), { recursive: true, useTrash: false });
    await waitForState(
      handbook.onDidChange,
      () => uris(handbook).length === 0 && handbook.showingBuiltins,
      DEFAULT_TIMEOUT_MS,
      'no workspace role left',
    );
  });

  it('a deleted file whose document VS Code still holds does not come back on refresh', async () => {
    const { handbook } = await api();
    const uri = fixtureUri('ghost/ghost-role.md');
    const text = '---\nrole: ghost-role\ntitle: Ghost Role\ntype: manager\nresponsibilities:\n  - Haunt\n---\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await waitForState(handbook.onDidChange, () => handbook.index.has(uri.toString()), DEFAULT_TIMEOUT_MS, 'the ghost role in the index');
    const doc = await vscode.workspace.openTextDocument(uri); // a document without an editor
    await vscode.workspace.fs.delete(fixtureUri('ghost'), { recursive: true, useTrash: false });
    await waitForState(handbook.onDidChange, () => !handbook.index.has(uri.toString()), DEFAULT_TIMEOUT_MS, 'the ghost role to go');
    assert.ok(!doc.isClosed && vscode.workspace.textDocuments.includes(doc), 'precondition: VS Code still holds the document');
    await command('handbookRoles.refresh');
    await handbook.ready;
    assert.ok(!handbook.index.has(uri.toString()), 'the deleted role came back from its leftover document');
    assert.ok(handbook.showingBuiltins, 'the built-ins stand in again');
  });
});
