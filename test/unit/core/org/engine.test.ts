import * as assert from 'assert';
import { HandbookIndex } from '../../../../src/core/handbookIndex';
import { roleGraph } from '../../../../src/core/org/graph';
import { extendsChain, inheritedItems } from '../../../../src/core/org/inheritance';
import { ladderOf, ladders, nextRung } from '../../../../src/core/org/ladders';
import { reportingLines } from '../../../../src/core/org/reporting';
import { parseFile } from '../../../../src/core/parse';
import type { Role } from '../../../../src/core/types';
import { relation, roleFile } from '../../../support/roleFile';

const role = (id: string, extra: string[] = [], responsibilities?: string[], title?: string): string =>
  roleFile(id, { title, responsibilities, extra });
const uri = (name: string) => `file:///h/roles/${name}.md`;
function roles(files: Record<string, string>): Role[] {
  return Object.entries(files).map(([name, text]) => parseFile(uri(name), text).role!);
}
function indexOf(files: Record<string, string>): HandbookIndex {
  const index = new HandbookIndex();
  for (const [name, text] of Object.entries(files)) index.set(uri(name), text);
  return index;
}
const ids = (rs: Role[]) => rs.map((r) => r.id);

const LADDER = {
  junior: role('junior', ['level: 1', 'successCriteria:', '  - Ships?'], ['Write code', 'Review code'], 'Engineer'),
  senior: role(
    'senior',
    ['extends: engineer', 'level: 2', 'successCriteria:', '  - Leads?'],
    ['Mentor others', 'write  code'],
    'Senior Engineer',
  ),
  staff: role('staff', ['extends: senior', 'level: 3'], ['Set direction'], 'Staff Engineer'),
  principal: role('principal', ['extends: staff'], ['Shape the company'], 'Principal Engineer'),
  lead: role('lead', ['extends: junior', 'level: 2', 'ladder: Management'], ['Run the team'], 'Team Lead'),
  manager: role('manager', ['extends: lead', 'level: 3'], ['Grow leads'], 'Engineering Manager'),
  loner: role('loner'),
};

describe('organisation engine', () => {
  it('inheritance: transitive, closest first, each item knowing the role it comes from, own texts not repeated', () => {
    const rs = roles(LADDER);
    const g = roleGraph(rs);
    const staff = rs.find((r) => r.id === 'staff')!;
    assert.deepStrictEqual(ids(extendsChain(staff, g).ancestors), ['senior', 'junior']);
    const inh = inheritedItems(staff, g);
    assert.deepStrictEqual(
      inh.responsibilities.map((x) => `${x.item.text} <- ${x.from.id}`),
      ['Mentor others <- senior', 'write  code <- senior', 'Review code <- junior'],
    );
    assert.deepStrictEqual(
      inh.successCriteria.map((x) => `${x.item.value} <- ${x.from.id}`),
      ['Leads? <- senior', 'Ships? <- junior'],
    );
    const senior = rs.find((r) => r.id === 'senior')!;
    assert.deepStrictEqual(
      inheritedItems(senior, g).responsibilities.map((x) => x.item.text),
      ['Review code'],
    );
  });

  it('inheritance is cycle-safe', () => {
    const rs = roles({ a: role('a', ['extends: b']), b: role('b', ['extends: a']) });
    const g = roleGraph(rs);
    const chain = extendsChain(rs[0], g);
    assert.deepStrictEqual(ids(chain.ancestors), ['b']);
    assert.deepStrictEqual(ids(chain.cycle!), ['a', 'b']);
    assert.strictEqual(chain.onCycle, true);
    assert.deepStrictEqual(
      inheritedItems(rs[0], g).responsibilities.map((x) => x.item.text),
      ['Do the b job'],
    );
  });

  it('ladders: explicit names, the default name rule, order by level then title, what each rung adds', () => {
    const rs = roles(LADDER);
    const g = roleGraph(rs);
    const by = (id: string) => rs.find((r) => r.id === id)!;
    assert.strictEqual(ladderOf(by('junior'), g), 'Engineer', 'extended, extends nothing: its own title');
    assert.strictEqual(ladderOf(by('principal'), g), 'Engineer', 'the title of the first role of its chain');
    assert.strictEqual(ladderOf(by('manager'), g), 'Management', 'the ladder of the role it extends');
    assert.strictEqual(ladderOf(by('loner'), g), undefined);
    const all = ladders(rs, g);
    assert.deepStrictEqual(
      all.map((l) => [l.name, l.rungs.map((r) => `${r.role.id}@${r.role.level?.value ?? '-'}<${r.parent?.id ?? ''}`)]),
      [
        ['Engineer', ['junior@1<', 'senior@2<junior', 'staff@3<senior', 'principal@-<staff']],
        ['Management', ['lead@2<junior', 'manager@3<lead']],
      ],
    );
    assert.deepStrictEqual(all[0].rungs[1].adds, { responsibilities: ['Mentor others', 'write  code'], successCriteria: ['Leads?'] });
    assert.strictEqual(nextRung(by('senior'), all)?.id, 'staff');
    assert.strictEqual(nextRung(by('principal'), all), undefined);
  });

  it('ladders: roles without a level come after, then by title; a cycle takes its smallest id', () => {
    const rs = roles({
      b: role('b', ['extends: a'], undefined, 'Beta'),
      a: role('a', ['extends: b'], undefined, 'Alpha'),
      c: role('c', ['extends: a', 'level: 5'], undefined, 'Gamma'),
    });
    const all = ladders(rs, roleGraph(rs));
    assert.deepStrictEqual(
      all.map((l) => [l.name, ids(l.rungs.map((r) => r.role))]),
      [['Alpha', ['c', 'a', 'b']]],
    );
  });

  it('reporting lines: from reports-to and manages, each line once, sorted by manager then report', () => {
    const rel = relation;
    const rs = roles({
      cto: role('cto', ['relationships:', ...rel('vpe', 'manages'), ...rel('ceo', 'reports-to'), ...rel('vpe', 'peer')]),
      vpe: role('vpe', ['relationships:', ...rel('CTO', 'reports-to'), ...rel('nobody', 'reports-to')]),
      ceo: role('ceo'),
      em: role('em', ['relationships:', ...rel('vpe', 'reports-to'), ...rel('cto', 'reports-to')]),
    });
    const lines = reportingLines(rs, roleGraph(rs));
    assert.deepStrictEqual(
      lines.map(
        (l) =>
          `${l.report.id} -> ${l.manager.id} (${l.statements.map((s) => `${s.role.id}:${s.relationship.withRange.line}`).join(',')})${l.onCycle ? ' cycle' : ''}`,
      ),
      ['cto -> ceo (cto:10)', 'em -> cto (em:10)', 'vpe -> cto (cto:8,vpe:8)', 'em -> vpe (em:8)'],
    );
  });
});

describe('organisation findings are updated incrementally', () => {
  const affectedBy = (index: HandbookIndex, name: string, text: string) =>
    [...index.set(uri(name), text).affected].map((u) => u.slice('file:///h/roles/'.length, -3)).sort();

  it('an edit of a rung re-checks the rungs above it and the role it extends (its next level changed), and nothing else', () => {
    const index = indexOf(LADDER);
    assert.deepStrictEqual(affectedBy(index, 'senior', LADDER.senior.replace('Mentor others', 'Review code')), [
      'junior',
      'principal',
      'senior',
      'staff',
    ]);
    assert.deepStrictEqual(
      index.findings(uri('senior')).map((f) => `${f.code} ${f.range.line}`),
      ['duplicate-responsibility 6', 'duplicate-responsibility 7'],
    );
    // A body edit touches no other role.
    assert.deepStrictEqual(affectedBy(index, 'junior', `${LADDER.junior}\nMore prose.\n`), ['junior']);
    // The bottom rung's responsibilities reach every rung above it, on both ladders.
    assert.deepStrictEqual(affectedBy(index, 'junior', LADDER.junior.replace('Review code', 'Test code')), [
      'junior',
      'lead',
      'manager',
      'principal',
      'senior',
      'staff',
    ]);
    assert.deepStrictEqual(
      index.findings(uri('senior')).map((f) => `${f.code} ${f.range.line}`),
      ['duplicate-responsibility 7'],
    );
  });

  it('closing and opening a reporting cycle re-checks the roles up the lines, and reports on them', () => {
    const rel = (w: string) => ['relationships:', `  - with: ${w}`, '    kind: reports-to'];
    const index = indexOf({ a: role('a', rel('b')), b: role('b', rel('c')), c: role('c'), x: role('x', rel('y')), y: role('y') });
    assert.deepStrictEqual(affectedBy(index, 'c', role('c', rel('a'))), ['a', 'b', 'c']);
    for (const n of ['a', 'b', 'c'])
      assert.deepStrictEqual(
        index.findings(uri(n)).map((f) => f.code),
        ['reporting-cycle'],
        n,
      );
    assert.deepStrictEqual(affectedBy(index, 'c', role('c')), ['a', 'b', 'c']);
    for (const n of ['a', 'b', 'c']) assert.deepStrictEqual(index.findings(uri(n)), [], n);
  });

  it('closing an extends cycle reports on each of its roles', () => {
    const index = indexOf({ a: role('a', ['extends: b']), b: role('b', ['extends: c']), c: role('c') });
    assert.deepStrictEqual(affectedBy(index, 'c', role('c', ['extends: a'])), ['a', 'b', 'c']);
    for (const n of ['a', 'b', 'c'])
      assert.deepStrictEqual(
        index.findings(uri(n)).map((f) => f.code),
        ['inheritance-cycle'],
        n,
      );
  });
});
