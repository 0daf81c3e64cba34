/**
 * Ladders and reporting lines in the real editor (a copy of test/fixtures/workspace-org): the Roles
 * tree grouped by ladder with inherited items, hover cards, Compare with Next Level, the org chart
 * (its DOM holds the cards and the lines; a hostile title renders as text) and the ladder view.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareViewModel } from '../../../src/core/protocol/compareProtocol';
import type { LadderModel } from '../../../src/core/protocol/ladderProtocol';
import type { OrgChart } from '../../../src/core/protocol/orgProtocol';
import type { RolesTreeNode } from '../../../src/core/rolesTree';
import { api, closeAllEditors, command, fixtureUri, openDoc, treeApi, waitFor } from '../helpers';

const HOSTILE = '<img src=x onerror=alert(1)>';
const child = (n: RolesTreeNode, label: string) => {
  const c = n.children.find((x) => x.label === label);
  assert.ok(c, `no "${label}" under ${n.label} (has ${n.children.map((x) => x.label).join(', ')})`);
  return c;
};

describe('ladders and reporting lines in the real editor', () => {
  after(async () => {
    await vscode.workspace.getConfiguration().update('handbookRoles.rolesTree.groupByLadder', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('the Roles tree groups by ladder, rungs in level order, inherited items marked "from …"', async () => {
    const tree = await treeApi();
    const roots = await command<RolesTreeNode[]>('handbookRoles.groupByLadder');
    const ladder = roots.find((n) => n.kind === 'group' && n.label === 'Engineer');
    assert.ok(ladder, `no ladder group (roots: ${roots.map((n) => n.label).join(', ')})`);
    assert.deepStrictEqual(
      ladder.children.map((c) => [c.label, c.description]),
      [
        ['Engineer', 'individual-contributor · level 1'],
        ['Senior Engineer', 'individual-contributor · level 2'],
        ['Staff Engineer', 'individual-contributor · level 3'],
      ],
    );
    assert.ok(
      roots.some((n) => n.kind === 'role' && n.label === 'VP Engineering'),
      'roles on no ladder stay at the top',
    );
    const staff = ladder.children[2];
    assert.deepStrictEqual(
      child(staff, 'Responsibilities').children.map((c) => [c.label, c.description ?? '']),
      [
        ['Set the technical direction of several teams', ''],
        ['Mentor engineers', 'from Senior Engineer'],
        ['Write tested code', 'from Engineer'],
        ['Review code of the team', 'from Engineer'],
      ],
    );
    // The view shows the same: the tree provider's items for the ladder group.
    const items = (await tree.provider.getChildren(ladder))!.map((n) => tree.provider.getTreeItem(n) as vscode.TreeItem);
    assert.deepStrictEqual(
      items.map((i) => [i.label, i.contextValue]),
      [
        ['Engineer', 'roleRung'],
        ['Senior Engineer', 'roleRung'],
        ['Staff Engineer', 'role'],
      ],
    );
    const flat = await command<RolesTreeNode[]>('handbookRoles.ungroupRoles');
    assert.ok(flat.every((n) => n.kind !== 'group' || n.id === 'builtin'));
  });

  it('a hover card lists the inherited responsibilities with the role they come from', async () => {
    const doc = await openDoc('roles/staff-engineer.md');
    const at = doc.getText().indexOf('[[Senior Engineer]]') + 4;
    const hovers = await command<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, doc.positionAt(at));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Senior Engineer\*\*/);
    assert.match(text, /level 2/);
    assert.match(
      text,
      /Inherited through extends:\n\n- Write tested code \*\(from Engineer\)\*\n- Review code of the team \*\(from Engineer\)\*/,
    );
  });

  it('Compare with Next Level shows exactly what the next level adds', async () => {
    const { compare } = await api();
    const staffUri = fixtureUri('roles/staff-engineer.md').toString();
    const drawn = waitFor(compare!.onDidRender, (r) => r.right === staffUri, 20_000, 'the comparison drawn');
    const model = await command<CompareViewModel>('handbookRoles.compareWithNextLevel', 'senior-engineer');
    const c = model.comparison!;
    assert.deepStrictEqual([c.left.id, c.right.id], ['senior-engineer', 'staff-engineer']);
    assert.deepStrictEqual(
      c.responsibilities.onlyRight.map((i) => i.text),
      ['Set the technical direction of several teams'],
    );
    assert.deepStrictEqual(c.responsibilities.onlyLeft, []);
    assert.deepStrictEqual(
      c.responsibilities.shared.map((p) => [p.left.text, p.match]),
      [
        ['Mentor engineers', 'reference'],
        ['Write tested code', 'reference'],
        ['Review code of the team', 'reference'],
      ],
    );
    const rendered = await drawn;
    assert.strictEqual(rendered.foreign, 0);
    assert.match(rendered.text, /from Engineer/);
  });

  it('the org chart: its DOM holds a card per role and a line per reporting line; a hostile title is text', async () => {
    const org = (await api()).org!;
    const drawn = waitFor(org.onDidRender, (r) => r.cards > 0, 30_000, 'the org chart drawn');
    const chart = await command<OrgChart>('handbookRoles.showOrgChart');
    assert.deepStrictEqual(
      chart.cards.map((c) => c.id),
      ['cto', 'engineer', 'engineering-manager', 'hostile', 'senior-engineer', 'vp-engineering'],
    );
    assert.strictEqual(chart.edges.length, 5);
    const r = await drawn;
    assert.deepStrictEqual([r.cards, r.edges, r.foreign], [6, 5, 0]);
    assert.ok(r.text.includes(HOSTILE), 'the hostile title shows as text');
    assert.ok(r.text.includes('Chief Technology Officer'));

    // Filter to a subtree, as the page's select does.
    const vp = fixtureUri('roles/vp-engineering.md').toString();
    const sub = waitFor(org.onDidRender, (x) => x.cards === 4, 20_000, 'the subtree drawn');
    assert.strictEqual(await org.receive({ type: 'filter', root: vp }), true);
    assert.deepStrictEqual([(await sub).edges, org.current()!.root], [3, vp]);
    assert.strictEqual(
      await org.receive({ type: 'open', role: 'file:///not/on/the/chart.md' }),
      false,
      'a role not on the chart is refused',
    );

    assert.strictEqual(await org.receive({ type: 'copyMermaid' }), true);
    assert.strictEqual(
      org.lastCopied(),
      'flowchart TB\n  engineer["Engineer"]\n  engineering_manager["Engineering Manager"]\n  senior_engineer["Senior Engineer"]\n  vp_engineering["VP Engineering"]\n  engineering_manager --> engineer\n  engineering_manager --> senior_engineer\n  vp_engineering --> engineering_manager\n',
    );

    const target = fixtureUri('org-chart.svg');
    assert.strictEqual(await org.saveSvg(target), target.toString());
    const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.strictEqual((svg.match(/<g class="card/g) ?? []).length, 4);
    assert.strictEqual(await org.saveSvg(target), undefined, 'an existing file is never replaced without asking');
    await vscode.workspace.fs.delete(target);
  });

  it('the ladder view: the rungs side by side with what each adds', async () => {
    const ladders = (await api()).ladders!;
    const drawn = waitFor(ladders.onDidRender, (r) => r.rungs > 0, 30_000, 'the ladder view drawn');
    const model = await command<LadderModel>('handbookRoles.showLadders');
    assert.deepStrictEqual(
      model.ladders.map((l) => [l.name, l.rungs.map((x) => `${x.id}:${x.adds.responsibilities.length}+${x.inherited}`)]),
      [['Engineer', ['engineer:2+0', 'senior-engineer:1+2', 'staff-engineer:1+3']]],
    );
    const r = await drawn;
    assert.deepStrictEqual([r.ladders, r.rungs, r.foreign], [1, 3, 0]);
    assert.match(r.text, /Senior Engineer.*extends Engineer.*Mentor engineers/);
    const senior = model.ladders[0].rungs[1];
    assert.strictEqual(await ladders.receive({ type: 'open', role: senior.key, line: senior.adds.responsibilities[0].line }), true);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), senior.key);
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 7);
  });
});
