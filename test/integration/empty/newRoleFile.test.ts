/**
 * Handbook: New Role File… in a workspace without role files (a copy of
 * test/fixtures/workspace-empty), and the walkthrough that points at it. Every file a test
 * creates is deleted again, so later test files still see an empty handbook.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseFile } from '../../../src/core/parse';
import type { NewRoleFileResult } from '../../../src/extension/commands/newRoleFile';
import { api, closeAllEditors, command, DEFAULT_TIMEOUT_MS, EXTENSION_ID, fixtureUri, waitForState } from '../helpers';
import { exists } from '../../../src/extension/util/fs';

const NEW = 'handbookRoles.newRoleFile';
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('new role file (workspace without role files)', () => {
  const rolesDir = () => fixtureUri('roles');

  before(async () => {
    await api();
    assert.ok(!(await exists(rolesDir())), 'the fixture has no roles/ folder');
  });

  afterEach(closeAllEditors);

  after(async () => {
    const { handbook } = await api();
    if (await exists(rolesDir())) await vscode.workspace.fs.delete(rolesDir(), { recursive: true, useTrash: false });
    await waitForState(
      handbook.onDidChange,
      () => handbook.workspaceRoleFiles === 0 && handbook.showingBuiltins,
      DEFAULT_TIMEOUT_MS,
      'the handbook to be empty again',
    );
  });

  it('creates roles/<id>.md from the schema (folder included), opens it with the placeholder selected', async () => {
    const { handbook } = await api();
    const result = await command<NewRoleFileResult>(NEW, {
      id: 'staff-engineer',
      title: 'Staff Engineer',
      type: 'individual-contributor',
      folder: 'roles',
    });
    const target = fixtureUri('roles/staff-engineer.md');
    assert.deepStrictEqual(result, { uri: target.toString(), created: true });

    const text = decode(await vscode.workspace.fs.readFile(target));
    const parsed = parseFile(target.toString(), text, { forceRoleFile: true });
    assert.deepStrictEqual(parsed.findings, []);
    assert.strictEqual(parsed.role?.title, 'Staff Engineer');
    assert.strictEqual(parsed.role?.type, 'individual-contributor');

    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), target.toString());
    assert.strictEqual(editor.document.getText(editor.selection), 'Describe one thing this role is responsible for');

    // The handbook picks it up: the built-ins step aside and the new role has no finding.
    await waitForState(
      handbook.onDidChange,
      () => handbook.index.get(target.toString())?.role,
      DEFAULT_TIMEOUT_MS,
      'the new role in the index',
    );
    assert.deepStrictEqual(handbook.index.findings(target.toString()), []);
  });

  it('never overwrites: an existing file stays as it was', async () => {
    const target = fixtureUri('roles/keep-me.md');
    const original = '---\nrole: keep-me\ntitle: Keep Me\ntype: manager\nresponsibilities:\n  - Stay as I am\n---\n';
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(original));
    const result = await command<NewRoleFileResult>(NEW, { id: 'keep-me', title: 'Kept Title', type: 'executive', folder: 'roles' });
    assert.deepStrictEqual(result, { uri: target.toString(), created: false });
    assert.strictEqual(decode(await vscode.workspace.fs.readFile(target)), original);
  });

  it('rejects an id that is not kebab-case and a type the schema does not know', async () => {
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(NEW, { id: 'Bad Id', title: 'Bad', type: 'manager', folder: 'roles' })),
      /kebab-case/,
    );
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand(NEW, { id: 'wizard', title: 'Wizard', type: 'wizard', folder: 'roles' })),
      /not a role type/,
    );
    assert.ok(!(await exists(fixtureUri('roles/wizard.md'))));
  });

  it("suggests the first workspace folder's roles/ when no folder is given", async () => {
    const pending = Promise.resolve(
      vscode.commands.executeCommand<NewRoleFileResult>(NEW, {
        id: 'data-engineer',
        title: 'Data Engineer',
        type: 'individual-contributor',
      }),
    );
    let settled = false;
    const done = pending.finally(() => (settled = true));
    const deadline = Date.now() + DEFAULT_TIMEOUT_MS;
    // The folder quick pick reaches the workbench a moment after the command: accept it once shown.
    while (!settled) {
      if (Date.now() > deadline) throw new Error('timed out accepting the folder quick pick');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    const result = await done;
    assert.deepStrictEqual(result, { uri: fixtureUri('roles/data-engineer.md').toString(), created: true });
  });
});

describe('walkthrough', () => {
  it('declares four steps whose buttons run commands the extension registers', async () => {
    await api();
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.strictEqual(walkthrough.id, 'handbookRoles.gettingStarted');
    const stepCommands = walkthrough.steps.map((s: { completionEvents: string[] }) => s.completionEvents[0].replace('onCommand:', ''));
    assert.deepStrictEqual(stepCommands, [
      'handbookRoles.showBuiltinHandbook',
      'handbookRoles.compareRoles',
      'handbookRoles.newRoleFile',
      'handbookRoles.importRoles',
    ]);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepStrictEqual(
      stepCommands.filter((c: string) => !registered.has(c)),
      [],
      'commands not registered',
    );
  });

  it('opens in the Welcome editor', async () => {
    await command('workbench.action.openWalkthrough', `${EXTENSION_ID}#handbookRoles.gettingStarted`, false);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab, 'no tab opened');
    assert.match(tab.label, /Welcome|Walkthrough|Handbook/);
    await closeAllEditors();
  });
});
