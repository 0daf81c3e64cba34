/** The role-comparison webview with the fixture roles (a copy of test/fixtures/workspace-roles). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareViewModel } from '../../../src/core/protocol/compareProtocol';
import type { CompareViewApi } from '../../../src/extension/features/compare';
import { api, closeAllEditors, command, fixtureUri, waitFor, waitForState } from '../helpers';

const WAIT_MS = 30_000;

async function compare(): Promise<CompareViewApi> {
  const exports = await api();
  assert.ok(exports.compare, 'the API has no compare view');
  return exports.compare;
}

const EM = () => fixtureUri('roles/engineering-manager.md').toString();
const TL = () => fixtureUri('roles/tech-lead.md').toString();
const VP = () => fixtureUri('roles/vp-engineering.md').toString();

describe('compare view (workspace with role files)', function () {
  // Live updates wait on a rescan or a watcher event: generous limits for a loaded machine.
  this.timeout(60_000);
  after(closeAllEditors);

  it('opens directly with two role references, renders in the webview and returns its model', async () => {
    const c = await compare();
    const rendered = waitFor(c.onDidRender, (r) => r.left === EM() && r.right === TL(), WAIT_MS, 'the page to render EM vs TL');
    const model = await command<CompareViewModel>('handbookRoles.compareRoles', 'EM', 'tech-lead');
    assert.ok(model.comparison, model.missing);
    assert.strictEqual(model.comparison.left.title, 'Engineering Manager');
    assert.strictEqual(model.comparison.right.title, 'Tech Lead');
    assert.deepStrictEqual(
      model.comparison.between.map((b) => [b.from, b.kind, b.note]),
      [
        ['left', 'peer', 'Split people and technical leadership between them.'],
        ['right', 'peer', undefined],
      ],
    );
    // EM's own criterion and the two it shares from the VP; the Tech Lead has none.
    assert.deepStrictEqual(
      model.comparison.successCriteria.onlyLeft.map((i) => i.sharedFrom?.id ?? 'own'),
      ['own', 'vp-engineering', 'vp-engineering'],
    );
    assert.strictEqual(model.comparison.responsibilities.shared.length, 0);
    // The pickers offer the workspace roles and the built-ins.
    assert.ok(model.choices.some((x) => x.uri === VP()));
    assert.ok(model.choices.some((x) => x.id === 'cto' && x.builtin));
    const r = await rendered;
    // 2 titles, 2 directions, 3 + 2 responsibilities, 3 criteria, 1 focus, 2 + 1 relationships.
    assert.strictEqual(r.items, 16);
    const panel = c.panel();
    assert.ok(panel?.visible, 'the panel should be visible');
    assert.strictEqual(panel.title, 'Compare: EM ↔ TL');
    assert.deepStrictEqual(c.current(), model);
  });

  it('builds its page with a strict content security policy and local resources only', async () => {
    const c = await compare();
    const panel = c.panel();
    assert.ok(panel);
    const html = panel.webview.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    assert.match(csp, /^default-src 'none';/);
    const nonce = /script-src 'nonce-([0-9a-f]{16,})'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.ok(csp.includes(`style-src ${panel.webview.cspSource}`), csp);
    assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), csp);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]);
    assert.ok(
      scripts.length === 1 && scripts[0].includes(`nonce="${nonce}"`) && /dist\/media\/compare\.js/.test(scripts[0]),
      scripts.join(),
    );
    assert.ok(!/\son[a-z]+=/i.test(html), 'no inline event handlers');
    const root = (await api()).handbook && vscode.extensions.getExtension('handbook-roles.handbook-roles')!.extensionUri.path;
    const roots = (panel.webview.options.localResourceRoots ?? []).map((u) => u.path.slice(root.length + 1));
    assert.deepStrictEqual(roots, ['media', 'dist/media']);
  });

  it('refuses malformed messages and URIs outside the comparison', async () => {
    const c = await compare();
    const bad: unknown[] = [
      null,
      'ready',
      { type: 'bogus' },
      { type: 'ready', extra: 1 },
      { type: 'pick', side: 'middle', uri: VP() },
      { type: 'pick', side: 'left', uri: 'file:///not/a/role.md' },
      { type: 'open', uri: EM(), line: 0, column: 1, endLine: 1, endColumn: 1 },
      { type: 'open', uri: EM(), line: 3, column: 1, endLine: 2, endColumn: 1 },
      { type: 'open', uri: 'file:///etc/passwd', line: 1, column: 1, endLine: 1, endColumn: 2 },
      { type: 'open', uri: VP().replace('vp-engineering', 'other'), line: 1, column: 1, endLine: 1, endColumn: 2 },
    ];
    let rejected = 0;
    const counter = c.onDidReject(() => rejected++);
    try {
      for (const m of bad) assert.strictEqual(await c.receive(m), false, `accepted ${JSON.stringify(m)}`);
    } finally {
      counter.dispose();
    }
    assert.strictEqual(rejected, bad.length);
    assert.strictEqual(c.current()?.left.uri, EM(), 'nothing changed');
  });

  it('opens an item at its place when the page asks', async () => {
    const c = await compare();
    const item = c.current()!.comparison!.responsibilities.onlyLeft[1];
    const { line, column, endLine, endColumn } = item.range;
    assert.strictEqual(await c.receive({ type: 'open', uri: item.uri, line, column, endLine, endColumn }), true);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), EM());
    assert.strictEqual(editor.document.getText(editor.selection), "Plan the team's work with the product manager");
    // A criterion shared from the VP opens in the VP's file.
    const shared = c.current()!.comparison!.successCriteria.onlyLeft[1];
    assert.strictEqual(await c.receive({ type: 'open', uri: shared.uri, ...shared.range }), true);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), VP());
  });

  it('swaps a side from the page picker, and swaps the sides', async () => {
    const c = await compare();
    const rendered = waitFor(c.onDidRender, (r) => r.left === EM() && r.right === VP(), WAIT_MS, 'the page to render EM vs VP');
    assert.strictEqual(await c.receive({ type: 'pick', side: 'right', uri: VP() }), true);
    let model = c.current()!;
    assert.strictEqual(model.comparison?.right.id, 'vp-engineering');
    assert.deepStrictEqual(
      model.comparison.between.map((b) => [b.from, b.kind]),
      [
        ['left', 'reports-to'],
        ['right', 'manages'],
      ],
    );
    // Criteria EM shares from the VP are the VP's own: shared by reference.
    assert.deepStrictEqual(
      model.comparison.successCriteria.shared.map((p) => p.match),
      ['reference', 'reference'],
    );
    await rendered;
    assert.strictEqual(await c.receive({ type: 'swap' }), true);
    model = c.current()!;
    assert.deepStrictEqual([model.left.uri, model.right.uri], [VP(), EM()]);
    assert.strictEqual(c.panel()?.title, 'Compare: VPE ↔ EM');
  });

  it('updates live when a compared role file changes on disk', async () => {
    const c = await compare();
    await command('handbookRoles.compareRoles', EM(), TL());
    const uri = fixtureUri('roles/tech-lead.md');
    const original = await vscode.workspace.fs.readFile(uri);
    const text = new TextDecoder()
      .decode(original)
      .replace('  - Review the riskiest changes', '  - Review the riskiest changes\n  - Remove what blocks the team and its work');
    try {
      const rendered = waitFor(c.onDidRender, (r) => r.right === TL() && r.items === 17, WAIT_MS, 'the page to render the new item');
      const updated = waitForState(
        c.onDidUpdate,
        () => c.current()?.comparison?.responsibilities.shared.length === 1 && c.current(),
        WAIT_MS,
        'a shared responsibility',
      );
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      const model = await updated;
      const pair = model.comparison!.responsibilities.shared[0];
      assert.deepStrictEqual(
        [pair.match, pair.left.text, pair.right.text],
        ['near', 'Remove what blocks the team', 'Remove what blocks the team and its work'],
      );
      await rendered;
    } finally {
      const back = waitForState(
        c.onDidUpdate,
        () => c.current()?.comparison?.responsibilities.shared.length === 0,
        WAIT_MS,
        'the file restored',
      );
      await vscode.workspace.fs.writeFile(uri, original);
      await back;
    }
  });

  it('copies the comparison as a Markdown table', async () => {
    const c = await compare();
    await vscode.env.clipboard.writeText('');
    assert.strictEqual(await c.receive({ type: 'copyMarkdown' }), true);
    const text = await vscode.env.clipboard.readText();
    const lines = text.trimEnd().split('\n');
    assert.strictEqual(lines[0], '| Section | Engineering Manager | Tech Lead |');
    assert.ok(lines.includes('| Relationships | peer: Tech Lead — Split people and technical leadership between them. |  |'), text);
  });

  it('restores a panel from its saved state (what the serializer does after a reload)', async () => {
    const c = await compare();
    const panel = vscode.window.createWebviewPanel('handbookRoles.compare', 'restored', vscode.ViewColumn.One, {});
    // The Tech Lead's file "moved": its id finds it.
    const ok = await c.restore(panel, {
      left: { uri: VP(), id: 'vp-engineering' },
      right: { uri: 'file:///elsewhere/tl.md', id: 'tech-lead' },
    });
    assert.strictEqual(ok, true);
    assert.strictEqual(c.panel(), panel);
    const model = c.current()!;
    assert.deepStrictEqual([model.comparison?.left.id, model.comparison?.right.id, model.right.uri], ['vp-engineering', 'tech-lead', TL()]);

    const broken = vscode.window.createWebviewPanel('handbookRoles.compare', 'broken', vscode.ViewColumn.One, {});
    const disposed = waitFor(broken.onDidDispose, () => true, WAIT_MS, 'the broken panel to close');
    assert.strictEqual(await c.restore(broken, { left: 'cto' }), false);
    await disposed;
    assert.strictEqual(c.panel(), panel, 'the restored panel stays');
  });

  it('Compare with… on a relationship node compares its two roles', async () => {
    const exports = await api();
    const em = exports.tree!.roots().find((n) => n.label === 'Engineering Manager')!;
    const rel = em.children.find((s) => s.section === 'relationships')!.children.find((r) => r.target?.id === 'tech-lead')!;
    const model = await command<CompareViewModel>('handbookRoles.compareWith', rel);
    assert.deepStrictEqual([model.comparison?.left.id, model.comparison?.right.id], ['engineering-manager', 'tech-lead']);
  });
});
