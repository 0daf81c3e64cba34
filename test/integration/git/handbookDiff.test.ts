/**
 * The handbook diff in the editor, in a git repository the suite makes of its workspace (a copy of
 * test/fixtures/workspace-git): commit and tag `v1`, then edit the working tree — the CTO gives
 * "Hire engineering managers" to the Head of Engineering and gains "Talk to investors", the QA
 * Lead is deleted, an SRE Lead is added (untracked).
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { toDiffJson } from '../../../src/core/diff/json';
import type { CompareViewModel } from '../../../src/core/protocol/compareProtocol';
import type { DiffViewModel } from '../../../src/core/protocol/diffProtocol';
import type { HandbookDiffApi } from '../../../src/extension/features/handbookDiff';
import { api, closeAllEditors, command, fixtureUri, waitFor } from '../helpers';

const WAIT_MS = 30_000;

function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args],
    {
      cwd,
      encoding: 'utf8',
    },
  );
}

interface GitApiLike {
  repositories: unknown[];
  openRepository?(root: vscode.Uri): Promise<unknown>;
}

async function diffApi(): Promise<HandbookDiffApi> {
  const exports = await api();
  assert.ok(exports.handbookDiff, 'the API has no handbook diff');
  return exports.handbookDiff;
}

const write = (rel: string, text: string) => fs.writeFileSync(fixtureUri(rel).fsPath, text);

describe('handbook diff (a git repository in the workspace)', function () {
  this.timeout(90_000);

  before(async () => {
    const root = fixtureUri('').fsPath;
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'v1');
    git(root, 'tag', 'v1');
    const cto = fs.readFileSync(fixtureUri('roles/cto.md').fsPath, 'utf8');
    write('roles/cto.md', cto.replace('  - Hire engineering managers\n', '  - Talk to investors\n'));
    const hoe = fs.readFileSync(fixtureUri('roles/head-of-engineering.md').fsPath, 'utf8');
    write('roles/head-of-engineering.md', hoe.replace('  - Run delivery\n', '  - Run delivery\n  - Hire engineering managers\n'));
    fs.rmSync(fixtureUri('roles/qa-lead.md').fsPath);
    write('roles/sre-lead.md', '---\nrole: sre-lead\ntitle: SRE Lead\ntype: manager\nresponsibilities:\n  - Own reliability\n---\n');
    // The git extension found no repository at start-up (there was none): show it this one.
    const extension = vscode.extensions.getExtension<{ getAPI(v: 1): GitApiLike }>('vscode.git');
    assert.ok(extension, 'the built-in git extension is not installed');
    const gitApi = (await extension.activate()).getAPI(1);
    await gitApi.openRepository?.(vscode.Uri.file(root));
    assert.strictEqual(gitApi.repositories.length, 1, 'git should see the workspace repository');
    assert.ok(fs.existsSync(path.join(root, '.git')));
  });

  after(closeAllEditors);

  it('"Compare Handbook with…" v1 opens the changes, role by role, as handbook-diff reports them', async () => {
    const d = await diffApi();
    const rendered = waitFor(d.onDidRender, () => true, WAIT_MS, 'the handbook changes page to render');
    const model = await command<DiffViewModel>('handbookRoles.compareHandbookWith', 'v1');
    assert.ok(model && 'diff' in model, JSON.stringify(model));
    assert.deepStrictEqual(toDiffJson(model.diff), {
      added: ['sre-lead'],
      removed: ['qa-lead'],
      renamed: [],
      changed: [
        {
          role: 'cto',
          responsibilities: { added: ['Talk to investors'], removed: [] },
          successCriteria: { added: [], removed: [] },
          focus: { added: [], removed: [] },
          fields: [],
        },
      ],
      moved: [{ text: 'Hire engineering managers', from: 'cto', to: 'head-of-engineering' }],
    });
    assert.strictEqual(model.base, 'v1');
    const r = await rendered;
    // Nothing but the page's own elements: role text never becomes markup.
    assert.strictEqual(r.foreign, 0);
    // sre-lead, qa-lead, cto (heading and its item), the move (text, from, to).
    assert.strictEqual(r.items, 7);
    assert.match(r.text, /Moved responsibilities \(1\)/);
    assert.match(r.text, /Hire engineering managers/);
    const panel = d.panel();
    assert.ok(panel?.visible);
    assert.strictEqual(panel.title, 'Handbook: v1 ↔ working tree');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(panel.webview.html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none';/);
    assert.match(csp, /script-src 'nonce-[0-9a-f]{36}'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  it('a change links to its role: the working-tree file, or the file at the revision', async () => {
    const d = await diffApi();
    if (!d.current()) await command('handbookRoles.compareHandbookWith', 'v1');
    const moved = d.current()!.diff.moved[0];
    const opened = waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      (e) => !!e && e.document.uri.path.endsWith('/roles/head-of-engineering.md'),
      WAIT_MS,
      'the Head of Engineering to open',
    );
    assert.strictEqual(await d.receive({ type: 'open', side: 'target', path: moved.toSide.path, ...moved.toRange }), true);
    const editor = (await opened)!;
    assert.strictEqual(editor.document.uri.scheme, 'file');
    assert.strictEqual(editor.selection.start.line, moved.toRange.line - 1);
    assert.strictEqual(editor.document.getText(editor.selection), 'Hire engineering managers');

    const removed = d.current()!.diff.roles.find((r) => r.status === 'removed')!;
    const atV1 = waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      (e) => !!e && e.document.uri.scheme === 'git',
      WAIT_MS,
      'the QA Lead at v1 to open',
    );
    assert.strictEqual(await d.receive({ type: 'open', side: 'base', path: removed.base!.path, ...removed.base!.idRange }), true);
    const old = (await atV1)!;
    assert.match(old.document.getText(), /^role: qa-lead$/m);
  });

  it('refuses to open a file the diff does not show, and malformed messages', async () => {
    const d = await diffApi();
    if (!d.current()) await command('handbookRoles.compareHandbookWith', 'v1');
    const rejected = waitFor(d.onDidReject, () => true, WAIT_MS, 'a refusal');
    assert.strictEqual(
      await d.receive({ type: 'open', side: 'target', path: '../../etc/passwd', line: 1, column: 1, endLine: 1, endColumn: 1 }),
      false,
    );
    await rejected;
    assert.strictEqual(
      await d.receive({ type: 'open', side: 'elsewhere', path: 'roles/cto.md', line: 1, column: 1, endLine: 1, endColumn: 1 }),
      false,
    );
    assert.strictEqual(await d.receive({ type: 'refresh', extra: 1 }), false);
  });

  it('an unknown revision is said, not thrown', async () => {
    const result = await command<{ unavailable: string }>('handbookRoles.compareHandbookWith', 'no-such-tag');
    assert.deepStrictEqual(result, { unavailable: 'Git knows no revision "no-such-tag".' });
  });

  it('"Compare with HEAD" on a role file shows what it gained, lost, and what moved', async () => {
    const d = await diffApi();
    const rendered = waitFor(d.revision.onDidRender, () => true, WAIT_MS, 'the comparison page to render');
    const model = await command<CompareViewModel>('handbookRoles.compareWithHead', fixtureUri('roles/cto.md'));
    assert.ok(model && model.comparison, JSON.stringify(model));
    const c = model.comparison;
    assert.deepStrictEqual(
      c.responsibilities.onlyLeft.map((i) => i.text),
      ['Hire engineering managers'],
    );
    assert.deepStrictEqual(
      c.responsibilities.onlyRight.map((i) => i.text),
      ['Talk to investors'],
    );
    assert.deepStrictEqual(
      c.responsibilities.shared.map((p) => p.left.text),
      ['Set the technology vision'],
    );
    assert.deepStrictEqual(model.versions, {
      moved: [{ text: 'Hire engineering managers', role: 'head-of-engineering', direction: 'out' }],
    });
    assert.strictEqual(c.left.uri.startsWith('git:'), true, c.left.uri);
    assert.strictEqual(c.right.uri, fixtureUri('roles/cto.md').toString());
    const r = await rendered;
    assert.strictEqual(r.foreign, 0);
    assert.match(r.text, /Moved responsibilities/);
    assert.match(r.text, /to head-of-engineering/);
    // The sides are two revisions of one role: nothing to pick or swap.
    assert.strictEqual(await d.revision.receive({ type: 'swap' }), false);
    // A lost item opens in the file at HEAD.
    const lost = c.responsibilities.onlyLeft[0];
    const atHead = waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      (e) => !!e && e.document.uri.scheme === 'git',
      WAIT_MS,
      'the CTO at HEAD to open',
    );
    assert.strictEqual(await d.revision.receive({ type: 'open', uri: lost.uri, ...lost.range }), true);
    const editor = (await atHead)!;
    assert.strictEqual(editor.document.getText(editor.selection), 'Hire engineering managers');
  });

  it('"Compare with HEAD" on a file HEAD does not have says so', async () => {
    const result = await command<{ unavailable: string }>('handbookRoles.compareWithHead', fixtureUri('roles/sre-lead.md'));
    assert.deepStrictEqual(result, { unavailable: 'roles/sre-lead.md is not in HEAD: it is a new file.' });
  });
});
