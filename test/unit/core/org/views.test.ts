/** Every view shows inheritance: the tree (and its ladder grouping), the comparison, hover cards, the map. */
import * as assert from 'assert';
import { compareRoles, comparisonToMarkdown, effectiveCriteria, effectiveResponsibilities } from '../../../../src/core/compare';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { roleCard } from '../../../../src/core/language/hover';
import { buildResponsibilityMap } from '../../../../src/core/map/analyze';
import { ladders, nextLevel } from '../../../../src/core/org/ladders';
import { buildRolesTree, groupByLadder, nodeDependencies, type RolesTreeNode, type RolesTreeSource } from '../../../../src/core/rolesTree';
import { roleFile } from '../../../support/roleFile';

const uri = (name: string) => `file:///h/roles/${name}.md`;
const role = (id: string, title: string, extra: string[], responsibilities: string[]): string =>
  roleFile(id, { title, responsibilities, extra });
const FILES: Record<string, string> = {
  engineer: role('engineer', 'Engineer', ['level: 1', 'successCriteria:', '  - Is the code tested?'], ['Write tested code', 'Review code']),
  senior: role(
    'senior-engineer',
    'Senior Engineer',
    ['extends: engineer', 'level: 2', 'successCriteria:', '  - Do others grow?'],
    ['Mentor engineers'],
  ),
  staff: role('staff-engineer', 'Staff Engineer', ['extends: senior-engineer', 'level: 3'], ['Set technical direction', 'review  code']),
  designer: role('designer', 'Designer', [], ['Design things']),
};
function indexOf(files = FILES): HandbookIndex {
  const index = new HandbookIndex();
  for (const [n, t] of Object.entries(files)) index.set(uri(n), t);
  return index;
}
function source(index: HandbookIndex): RolesTreeSource {
  const graph = index.orgGraph();
  return {
    files: index.uris().map((u) => ({ parsed: index.get(u)!, findings: index.findings(u) })),
    resolve: (r) => index.resolve(r),
    nextLevel: (r) => nextLevel(r, graph),
  };
}
const child = (n: RolesTreeNode, label: string) => {
  const c = n.children.find((x) => x.label === label);
  assert.ok(c, `no "${label}" under ${n.label}`);
  return c;
};

describe('views show inherited items', () => {
  const index = indexOf();
  const by = (id: string) => index.resolve(id)!;
  const resolve = (r: string) => index.resolve(r);

  it('tree: a rung lists its own items, then the inherited ones marked "from …", opening where they are defined', () => {
    const staff = buildRolesTree({ workspace: source(index) }).find((n) => n.label === 'Staff Engineer')!;
    assert.strictEqual(staff.description, 'individual-contributor · level 3 · 1 problem');
    const resp = child(staff, 'Responsibilities');
    assert.deepStrictEqual(
      resp.children.map((c) => [c.label, c.description ?? '', c.uri.slice(16), c.range.line]),
      [
        ['Set technical direction', '', 'staff.md', 6],
        ['review  code', '', 'staff.md', 7],
        ['Mentor engineers', 'from Senior Engineer', 'senior.md', 6],
        ['Write tested code', 'from Engineer', 'engineer.md', 6],
      ],
    );
    assert.strictEqual(resp.description, '4');
    assert.deepStrictEqual(
      child(staff, 'Success criteria').children.map((c) => [c.label, c.description]),
      [
        ['Do others grow?', 'from Senior Engineer'],
        ['Is the code tested?', 'from Engineer'],
      ],
    );
    assert.strictEqual(staff.nextLevel, undefined);
    assert.deepStrictEqual(staff.extendsChain, [uri('senior'), uri('engineer')]);
    assert.deepStrictEqual([...nodeDependencies(staff)].sort(), [uri('engineer'), uri('senior'), uri('staff')]);
    const engineer = buildRolesTree({ workspace: source(index) }).find((n) => n.label === 'Engineer')!;
    assert.strictEqual(engineer.nextLevel?.id, 'senior-engineer');
  });

  it('tree grouped by ladder: one group per ladder with its rungs by level, then the roles on no ladder', () => {
    const roots = groupByLadder(buildRolesTree({ workspace: source(index) }), ladders(index.roles(), index.orgGraph()));
    assert.deepStrictEqual(
      roots.map((n) => [n.kind, n.label, n.description ?? '', n.children.filter((c) => c.kind === 'role').map((c) => c.label)]),
      [
        ['group', 'Engineer', 'ladder · 3 rungs', ['Engineer', 'Senior Engineer', 'Staff Engineer']],
        ['role', 'Designer', 'individual-contributor', []],
      ],
    );
    assert.strictEqual(roots[0].id, 'ladder/engineer');
  });

  it('comparison with the next level: what it inherits is shared, what it adds is its own', () => {
    const c = compareRoles(by('senior-engineer'), by('staff-engineer'), resolve);
    assert.deepStrictEqual(
      c.responsibilities.shared.map((p) => [p.left.text, p.right.inheritedFrom?.id ?? '', p.match]),
      [
        ['Mentor engineers', 'senior-engineer', 'reference'],
        ['Write tested code', 'engineer', 'reference'],
        ['Review code', '', 'same'],
      ],
    );
    assert.deepStrictEqual(
      c.responsibilities.onlyRight.map((i) => i.text),
      ['Set technical direction'],
    );
    assert.deepStrictEqual(c.responsibilities.onlyLeft, []);
    assert.ok(
      comparisonToMarkdown(c).includes(
        '| Responsibilities (shared) | Write tested code (from Engineer) | Write tested code (from Engineer) |',
      ),
    );
    assert.deepStrictEqual(
      effectiveCriteria(by('senior-engineer'), resolve).map((x) => `${x.text}${x.inheritedFrom ? ` <- ${x.inheritedFrom.id}` : ''}`),
      ['Do others grow?', 'Is the code tested? <- engineer'],
    );
  });

  it('hover card: the inherited responsibilities, marked with the role they come from', () => {
    const inherited = effectiveResponsibilities(by('staff-engineer'), resolve)
      .filter((r) => r.inheritedFrom)
      .map((r) => ({ text: r.text, from: r.inheritedFrom!.title }));
    const card = roleCard(by('staff-engineer'), { inherited, maxResponsibilities: 1 });
    assert.ok(card.includes('*individual\\-contributor* · id: staff\\-engineer · level 3'), card);
    assert.ok(card.includes('Inherited through extends:\n\n- Mentor engineers *(from Senior Engineer)*\n- … 1 more'), card);
  });

  it('the responsibility map counts an inherited responsibility once, at the rung that adds it; the rungs above answer for its criteria', () => {
    const map = buildResponsibilityMap(index.roles());
    const resp = map.items.filter((i) => i.kind === 'responsibility');
    assert.strictEqual(resp.filter((i) => i.text === 'Write tested code').length, 1);
    assert.strictEqual(resp.find((i) => i.text === 'Write tested code')!.role, uri('engineer'));
    assert.strictEqual(map.stats.responsibilities, 6);
    const tested = map.items.find((i) => i.text === 'Is the code tested?')!;
    assert.deepStrictEqual(tested.accountable, [uri('engineer'), uri('senior'), uri('staff')]);
  });
});
