/** Handbook: Find Role… in a workspace with role files (a copy of test/fixtures/workspace-roles). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FoundRole } from '../../../src/extension/commands/findRole';
import type { NewRoleFileResult } from '../../../src/extension/commands/newRoleFile';
import { api, closeAllEditors, command, DEFAULT_TIMEOUT_MS, fixtureUri, openDoc, setText } from '../helpers';

const FIND = 'handbookRoles.findRole';

/**
 * Runs a workbench command until `pending` settles: a quick pick opened by an extension reaches
 * the workbench a moment after the command that opens it, and no event says when.
 */
async function driveUntilSettled<T>(pending: Promise<T>, workbenchCommand: string): Promise<T> {
  let settled = false;
  const done = pending.finally(() => (settled = true));
  const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
  while (!settled) {
    if (Date.now() > deadline) throw new Error(`timed out running ${workbenchCommand} until the quick pick closed`);
    await vscode.commands.executeCommand(workbenchCommand);
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 50))]);
  }
  return done;
}

describe('find role (workspace with role files)', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAllEditors);

  it('answers a question with the role and the line that holds the answer', async () => {
    const results = await command<FoundRole[]>(FIND, 'who owns architecture decisions?');
    assert.ok(results.length >= 1, 'no result');
    const [first] = results;
    assert.strictEqual(first.id, 'tech-lead');
    assert.strictEqual(first.uri, fixtureUri('roles/tech-lead.md').toString());
    assert.deepStrictEqual(first.match, {
      kind: 'responsibility',
      index: 0,
      text: "Own the team's architecture decisions and write them down",
    });
    assert.deepStrictEqual(first.range, { line: 10, column: 11, endLine: 10, endColumn: 68 });
  });

  it('searches the built-in roles too, marked as such', async () => {
    const [first, ...rest] = await command<FoundRole[]>(FIND, 'who owns onboarding?');
    assert.strictEqual(first?.id, 'head-of-engineering');
    assert.strictEqual(first.builtin, true);
    assert.strictEqual(first.uri, 'handbook-builtin:/roles/head-of-engineering.md');
    assert.deepStrictEqual(first.match, { kind: 'successCriterion', index: 1, text: 'Is the onboarding process smooth?' });
    assert.deepStrictEqual(rest, []);
  });

  it('finds a role by alias, ranks names above lines, and honours the limit', async () => {
    const byAlias = await command<FoundRole[]>(FIND, { query: 'VPE' });
    assert.deepStrictEqual(
      byAlias.map((r) => r.id),
      ['vp-engineering'],
    );
    const engineering = await command<FoundRole[]>(FIND, { query: 'engineering' });
    const ids = engineering.map((r) => r.id);
    // The title the query starts comes first; names (no line shown) come before lines.
    assert.strictEqual(ids[0], 'engineering-manager', ids.join(', '));
    for (const id of ['head-of-engineering', 'vp-engineering', 'on-call-engineer'])
      assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    const firstLine = engineering.findIndex((r) => r.match);
    assert.ok(firstLine > 0, 'some role matches by a line only');
    assert.ok(
      engineering.slice(firstLine).every((r) => r.match),
      `names before lines: ${ids.join(', ')}`,
    );
    const limited = await command<FoundRole[]>(FIND, { query: 'engineering', limit: 1 });
    assert.deepStrictEqual(
      limited.map((r) => r.id),
      ['engineering-manager'],
    );
    assert.deepStrictEqual(await command<FoundRole[]>(FIND, 'zzzz-no-such-thing'), []);
  });

  it('sees an unsaved edit of a role file', async () => {
    const doc = await openDoc('roles/tech-lead.md');
    assert.strictEqual(doc.lineAt(12).text, '  - Review the riskiest changes');
    await setText(doc, doc.getText().replace('Review the riskiest changes', 'Run the quarterly chaos drill'));
    (await api()).handbook.syncDocument(doc);
    const [first] = await command<FoundRole[]>(FIND, 'chaos drill');
    assert.strictEqual(first?.id, 'tech-lead');
    assert.deepStrictEqual(first.match?.text, 'Run the quarterly chaos drill');
  });

  it('opens the picked role at the matching line from the quick pick', async () => {
    const picked = vscode.commands.executeCommand<FoundRole | undefined>(FIND, { query: 'architecture decisions', interactive: true });
    const found = await driveUntilSettled(Promise.resolve(picked), 'workbench.action.acceptSelectedQuickOpenItem');
    assert.strictEqual(found?.id, 'tech-lead');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no editor opened');
    assert.strictEqual(editor.document.uri.toString(), fixtureUri('roles/tech-lead.md').toString());
    assert.strictEqual(editor.document.getText(editor.selection), "Own the team's architecture decisions and write them down");
  });

  it('resolves with nothing when the quick pick is closed', async () => {
    const picked = vscode.commands.executeCommand<FoundRole | undefined>(FIND, { interactive: true });
    assert.strictEqual(await driveUntilSettled(Promise.resolve(picked), 'workbench.action.closeQuickOpen'), undefined);
  });

  it('new role file refuses an id or a title the handbook already has, and creates nothing', async () => {
    const target = fixtureUri('roles/tech-lead-2.md');
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand<NewRoleFileResult>('handbookRoles.newRoleFile', {
          id: 'tech-lead',
          title: 'Tech Lead Two',
          type: 'manager',
          folder: 'roles',
        }),
      ),
      /already exists/,
    );
    await assert.rejects(
      Promise.resolve(
        vscode.commands.executeCommand<NewRoleFileResult>('handbookRoles.newRoleFile', {
          id: 'tech-lead-2',
          title: 'EM',
          type: 'manager',
          folder: 'roles',
        }),
      ),
      /already exists/,
    );
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file was created');
  });
});
