/** The responsibility map with the built-in handbook (a copy of test/fixtures/workspace-empty). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ResponsibilityMap } from '../../../src/core/map/types';
import { MAP_VIEW_TYPE, type MapRendered } from '../../../src/core/protocol/mapProtocol';
import { api, closeAllEditors, command, waitFor } from '../helpers';

const CTO = 'handbook-builtin:/roles/cto.md';
const HOE = 'handbook-builtin:/roles/head-of-engineering.md';
const DEFINE = 'Define the high-level architecture, structure and culture';
const EXECUTE = 'Execute on the high-level architecture, structure and culture the CTO defined';

async function mapApi() {
  const m = (await api()).map;
  assert.ok(m, 'the API has no responsibility map');
  return m;
}

describe('responsibility map (built-in handbook)', () => {
  after(closeAllEditors);

  it('opens with the built-ins and shows the CTO / Head of Engineering overlap', async () => {
    const m = await mapApi();
    const rendered = waitFor(
      m.onDidRender,
      (r) => r.roles === 2 && r.filter.roles.length === 0,
      20_000,
      'the map page to render both roles',
    );
    const map = await command<ResponsibilityMap>('handbookRoles.showResponsibilityMap');
    assert.deepStrictEqual(
      map.roles.map((r) => [r.key, r.builtin]),
      [
        [CTO, true],
        [HOE, true],
      ],
    );
    const texts = map.overlaps.map((o) => o.items.map((k) => map.items.find((it) => it.key === k)!.text));
    assert.deepStrictEqual(texts, [[DEFINE, EXECUTE]]);
    assert.match(map.overlaps[0].links[0].words.join(' '), /architecture/);
    const r = await rendered;
    assert.strictEqual(r.overlaps, 2, 'both sides of the overlap are highlighted');
    assert.ok(r.gaps >= 8, `gaps drawn: ${r.gaps}`);
    assert.strictEqual(r.foreign, 0);
    for (const s of [
      DEFINE,
      EXECUTE,
      'Chief Technology Officer',
      'Head of Engineering',
      'architecture',
      'shared from Head of Engineering',
      'built-in handbook',
    ])
      assert.ok(r.text.includes(s), `page text lacks "${s}"`);
    assert.strictEqual(m.panel()?.title, 'Responsibility Map');
  });

  it('opens the role file at the line of an entry (click-through)', async () => {
    const m = await mapApi();
    const item = m.current()!.items.find((it) => it.text === EXECUTE)!;
    const opened = waitFor(
      vscode.window.onDidChangeActiveTextEditor,
      (e) => e?.document.uri.toString() === HOE,
      10_000,
      'the Head of Engineering file',
    );
    assert.strictEqual(await m.receive({ type: 'open', item: item.key }), true);
    const editor = await opened;
    assert.ok(editor);
    assert.strictEqual(editor.selection.start.line + 1, 19);
    assert.strictEqual(editor.document.getText(editor.selection), EXECUTE);
  });

  it('opens a role file at its id from the column header', async () => {
    const m = await mapApi();
    assert.strictEqual(await m.receive({ type: 'openRole', role: CTO }), true);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), CTO);
    assert.strictEqual(editor.document.getText(editor.selection), 'cto');
  });

  it('filters by role and area, and to overlaps and gaps only', async () => {
    const m = await mapApi();
    const byRole = waitFor(
      m.onDidRender,
      (r) => r.filter.roles.length === 1 && r.filter.areas.length === 1,
      15_000,
      'a render with the role and area filter',
    );
    await command('handbookRoles.showResponsibilityMap', { roles: ['CTO'], areas: ['architecture'] });
    const r1: MapRendered = await byRole;
    assert.deepStrictEqual([r1.filter.roles, r1.roles, r1.areas, r1.items, r1.overlaps], [[CTO], 1, 1, 1, 1]);
    assert.ok(r1.text.includes(DEFINE) && !r1.text.includes(EXECUTE), r1.text.slice(0, 300));

    const issues = waitFor(
      m.onDidRender,
      (r) => r.filter.issuesOnly && !r.filter.roles.length,
      15_000,
      'a render with only overlaps and gaps',
    );
    await command('handbookRoles.showResponsibilityMap', { issuesOnly: true });
    const r2 = await issues;
    assert.strictEqual(r2.items, r2.overlaps + r2.gaps, 'every entry drawn is an overlap or a gap');
    assert.ok(!r2.text.includes('Mentor and motivate engineers'));
    assert.ok(r2.text.includes('Do the services run reliably?'));

    const all = waitFor(
      m.onDidRender,
      (r) => !r.filter.issuesOnly && !r.filter.roles.length && !r.filter.areas.length,
      15_000,
      'a render without filters',
    );
    await command('handbookRoles.showResponsibilityMap', {});
    assert.strictEqual((await all).roles, 2);
  });

  it('copies the filtered view as Markdown', async () => {
    const m = await mapApi();
    assert.strictEqual(await m.receive({ type: 'copyMarkdown', filter: { roles: [HOE], areas: [], issuesOnly: false } }), true);
    const md = m.lastCopied() ?? '';
    assert.match(md, /^# Responsibility map\n/);
    assert.match(md, /\| Area \| Head of Engineering \|\n\| --- \| --- \|/);
    assert.ok(!md.includes('| Chief Technology Officer |'));
  });

  it('refuses messages that name nothing in the map', async () => {
    const m = await mapApi();
    for (const bad of [
      { type: 'open', item: 'handbook-builtin:/roles/other.md#r0' },
      { type: 'open', item: 42 },
      { type: 'openRole', role: 'file:///etc/passwd' },
      { type: 'copyMarkdown', filter: { roles: ['file:///nowhere.md'], areas: [], issuesOnly: false } },
      { type: 'run', command: 'workbench.action.terminal.new' },
    ]) {
      const rejected = waitFor(m.onDidReject, () => true, 5_000, `the rejection of ${JSON.stringify(bad)}`);
      assert.strictEqual(await m.receive(bad), false, JSON.stringify(bad));
      await rejected;
    }
  });

  it('restores a panel after a reload with its saved filter (serializer)', async () => {
    const m = await mapApi();
    const panel = vscode.window.createWebviewPanel(MAP_VIEW_TYPE, 'restored', vscode.ViewColumn.Active, { enableScripts: true });
    const rendered = waitFor(
      m.onDidRender,
      (r) => r.filter.roles.length === 1 && r.filter.roles[0] === HOE && r.filter.issuesOnly,
      20_000,
      'the restored page',
    );
    assert.strictEqual(await m.restore(panel, { filter: { roles: [HOE], areas: [], issuesOnly: true } }), true);
    const r = await rendered;
    assert.strictEqual(r.roles, 1);
    assert.strictEqual(m.panel(), panel);
  });
});
