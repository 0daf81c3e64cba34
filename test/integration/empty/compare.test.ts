/** The role-comparison webview with the built-in handbook (a copy of test/fixtures/workspace-empty). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareViewModel } from '../../../src/core/protocol/compareProtocol';
import { api, closeAllEditors, command, waitFor } from '../helpers';

const WAIT_MS = 30_000;

const CTO = 'handbook-builtin:/roles/cto.md';
const HOE = 'handbook-builtin:/roles/head-of-engineering.md';

describe('compare view (built-in handbook)', function () {
  // Live updates wait on a rescan or a watcher event: generous limits for a loaded machine.
  this.timeout(60_000);
  after(closeAllEditors);

  it('compares the CTO and the Head of Engineering: the symbiotic relationship, near and shared items', async () => {
    const c = (await api()).compare!;
    assert.ok(c, 'the API has no compare view');
    const rendered = waitFor(c.onDidRender, (r) => r.left === CTO && r.right === HOE, WAIT_MS, 'the page to render the built-ins');
    const model = await command<CompareViewModel>('handbookRoles.compareRoles', 'cto', 'head-of-engineering');
    const cmp = model.comparison;
    assert.ok(cmp, model.missing);
    assert.deepStrictEqual([cmp.left.builtin, cmp.right.builtin], [true, true]);
    assert.deepStrictEqual(
      cmp.between.map((b) => [b.from, b.kind]),
      [
        ['left', 'symbiotic'],
        ['right', 'symbiotic'],
      ],
    );
    assert.match(cmp.between[0].note ?? '', /a healthy engineering organization is built together/);
    assert.deepStrictEqual(
      cmp.responsibilities.shared.map((p) => [p.match, p.left.text, p.right.text]),
      [
        [
          'near',
          'Define the high-level architecture, structure and culture',
          'Execute on the high-level architecture, structure and culture the CTO defined',
        ],
      ],
    );
    assert.strictEqual(cmp.successCriteria.shared.length, 7);
    assert.ok(cmp.successCriteria.shared.every((p) => p.match === 'reference'));
    assert.strictEqual(cmp.successCriteria.onlyLeft.length, 3);
    const r = await rendered;
    // 2 titles, 2 directions, 3 focus, 8 + 2 + 12 responsibilities, 3 + 7 criteria, 2 relationships.
    assert.strictEqual(r.items, 41);
    assert.strictEqual(c.panel()?.title, 'Compare: CTO ↔ Head of Engineering');
  });

  it('opens a built-in item read-only at its line', async () => {
    const c = (await api()).compare!;
    const shared = c.current()!.comparison!.responsibilities.shared[0];
    assert.strictEqual(await c.receive({ type: 'open', uri: shared.right.uri, ...shared.right.range }), true);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), HOE);
    assert.strictEqual(
      editor.document.getText(editor.selection),
      'Execute on the high-level architecture, structure and culture the CTO defined',
    );
  });

  it('asks for nothing and opens nothing for an unknown role', async () => {
    const c = (await api()).compare!;
    const before = c.current();
    assert.strictEqual(await command('handbookRoles.compareRoles', 'cto', 'no-such-role'), undefined);
    assert.strictEqual(c.current(), before);
  });

  it('refuses a message naming a file outside the comparison', async () => {
    const c = (await api()).compare!;
    const rejected = waitFor(c.onDidReject, () => true, WAIT_MS, 'the rejection');
    assert.strictEqual(
      await c.receive({ type: 'open', uri: 'handbook-builtin:/roles/other.md', line: 1, column: 1, endLine: 1, endColumn: 1 }),
      false,
    );
    await rejected;
  });
});
