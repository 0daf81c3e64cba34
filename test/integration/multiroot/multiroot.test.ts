/**
 * A multi-root workspace (test/fixtures/workspace-multiroot/handbook.code-workspace): two folders
 * with their own `handbookRoles.roleFiles`, read per folder (a resource-scoped setting), and a
 * role in one folder linking to a role in the other.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api } from '../helpers';

function inFolder(name: string, relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(folder, `the workspace has no folder ${name}`);
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

describe('multi-root workspace: per-folder role files, links across folders', () => {
  it('opens both folders', () => {
    assert.deepStrictEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['alpha', 'beta'],
    );
  });

  it('reads handbookRoles.roleFiles for each folder', async () => {
    const alpha = vscode.workspace.getConfiguration('handbookRoles', inFolder('alpha', '')).get('roleFiles');
    const beta = vscode.workspace.getConfiguration('handbookRoles', inFolder('beta', '')).get('roleFiles');
    assert.deepStrictEqual(alpha, ['**/roles/**/*.md']);
    assert.deepStrictEqual(beta, ['team/*.md']);
    const { handbook } = await api();
    assert.strictEqual(handbook.isForced(inFolder('alpha', 'roles/cto.md')), true);
    assert.strictEqual(handbook.isForced(inFolder('alpha', 'team/notes.md')), false);
    assert.strictEqual(handbook.isForced(inFolder('beta', 'team/notes.md')), true);
    assert.strictEqual(handbook.isForced(inFolder('beta', 'roles/notes.md')), false);
  });

  it("indexes each folder's role files by that folder's globs", async () => {
    const { handbook } = await api();
    const indexed = [...handbook.index.uris()].map((u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u), true)).sort();
    assert.deepStrictEqual(indexed, ['alpha/roles/cto.md', 'beta/team/notes.md', 'beta/team/team-lead.md']);
    assert.strictEqual(handbook.workspaceRoleFiles, 3);
    // beta/team/notes.md has no frontmatter, and beta's glob makes it a role file: reported.
    const notes = handbook.index.findings(inFolder('beta', 'team/notes.md').toString()).map((f) => f.code);
    assert.deepStrictEqual(notes, ['frontmatter-missing']);
    const diagnostics = vscode.languages.getDiagnostics(inFolder('beta', 'roles/notes.md'));
    assert.deepStrictEqual(diagnostics, [], 'beta/roles/ is not a role folder in beta');
  });

  it('resolves a link and a relationship from one folder to a role in the other', async () => {
    const { handbook } = await api();
    const cto = inFolder('alpha', 'roles/cto.md').toString();
    const teamLead = inFolder('beta', 'team/team-lead.md').toString();
    assert.strictEqual(handbook.index.resolve('Team Lead')?.uri, teamLead);
    assert.strictEqual(handbook.index.resolve('CTO')?.uri, cto);
    assert.deepStrictEqual(handbook.index.findings(cto), [], 'the [[Team Lead]] link and the manages relationship resolve');
    assert.deepStrictEqual(handbook.index.findings(teamLead), [], 'the [[CTO]] link resolves');
  });
});
