import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { HandbookIndex } from '../../../src/core/handbookIndex';
import {
  buildFileNode,
  DEFAULT_TREE_LABELS,
  buildRolesTree,
  nodeDependencies,
  parentMap,
  type RolesTreeNode,
  type RolesTreeSource,
} from '../../../src/core/rolesTree';

const BUILTIN = path.join(__dirname, '..', '..', '..', 'builtin', 'roles');

function source(index: HandbookIndex): RolesTreeSource {
  return { files: index.uris().map((u) => ({ parsed: index.get(u)!, findings: index.findings(u) })), resolve: (ref) => index.resolve(ref) };
}

function builtins(): HandbookIndex {
  const index = new HandbookIndex();
  for (const f of ['cto.md', 'head-of-engineering.md']) {
    index.set(`handbook-builtin:/roles/${f}`, fs.readFileSync(path.join(BUILTIN, f), 'utf8'), { builtin: true, forceRoleFile: true });
  }
  return index;
}

const child = (n: RolesTreeNode, label: string) => {
  const c = n.children.find((x) => x.label === label);
  assert.ok(c, `no child "${label}" under "${n.label}" (has: ${n.children.map((x) => x.label).join(', ')})`);
  return c;
};

const LEAD = [
  '---',
  'role: tech-lead',
  'title: Tech Lead',
  'type: individual-contributor',
  'summary: Leads the technical work of one team.',
  'responsibilities:',
  '  - Review designs',
  '  - text: Keep the build green',
  '    area: delivery',
  'successCriteria:',
  '  - Are designs reviewed?',
  'sharesSuccessCriteriaOf: [Engineering Manager]',
  'relationships:',
  '  - with: em',
  '    kind: reports-to',
  '    note: Weekly one-on-ones.',
  '  - with: ghost',
  '    kind: peer',
  '---',
  '',
].join('\n');

const EM = [
  '---',
  'role: engineering-manager',
  'title: Engineering Manager',
  'aliases: [EM]',
  'type: manager',
  'responsibilities: [Hire]',
  'successCriteria:',
  '  - Is the team staffed?',
  '---',
  '',
].join('\n');

describe('roles tree model', () => {
  it('lists the built-in handbook under its own node: role → sections, with type and summary', () => {
    const roots = buildRolesTree({ workspace: source(new HandbookIndex()), builtins: source(builtins()) });
    assert.deepStrictEqual(
      roots.map((r) => [r.kind, r.label]),
      [['group', 'Built-in handbook']],
    );
    const group = roots[0];
    assert.deepStrictEqual(
      group.children.map((r) => r.label),
      ['Chief Technology Officer', 'Head of Engineering'],
    );
    const cto = group.children[0];
    assert.strictEqual(cto.description, 'executive');
    assert.strictEqual(cto.roleType, 'executive');
    assert.match(cto.summary ?? '', /^Owns the technology vision/);
    assert.deepStrictEqual(cto.role, {
      id: 'cto',
      title: 'Chief Technology Officer',
      uri: 'handbook-builtin:/roles/cto.md',
      builtin: true,
    });
    assert.deepStrictEqual(
      cto.children.map((s) => [s.label, s.description]),
      [
        ['Focus', '1'],
        ['Responsibilities', '9'],
        ['Success criteria', '10'],
        ['Relationships', '1'],
      ],
    );
    // The role node opens at its `role` value (line 2 of the file).
    assert.deepStrictEqual(cto.range, { line: 2, column: 7, endLine: 2, endColumn: 10 });
  });

  it("marks the criteria a role shares, and opens them in the owner's file", () => {
    const roots = buildRolesTree({ workspace: source(builtins()) });
    const cto = roots.find((r) => r.role?.id === 'cto')!;
    const criteria = child(cto, 'Success criteria').children;
    assert.deepStrictEqual(
      criteria.slice(0, 3).map((c) => c.sharedFrom),
      [undefined, undefined, undefined],
    );
    assert.strictEqual(criteria[0].uri, 'handbook-builtin:/roles/cto.md');
    const shared = criteria[3];
    assert.strictEqual(shared.label, 'Is the recruitment process smooth?');
    assert.strictEqual(shared.description, 'shared from Head of Engineering');
    assert.deepStrictEqual(shared.sharedFrom, {
      id: 'head-of-engineering',
      title: 'Head of Engineering',
      uri: 'handbook-builtin:/roles/head-of-engineering.md',
    });
    assert.strictEqual(shared.uri, 'handbook-builtin:/roles/head-of-engineering.md');
    const hoeText = fs.readFileSync(path.join(BUILTIN, 'head-of-engineering.md'), 'utf8').split('\n');
    assert.strictEqual(
      hoeText[shared.range.line - 1].slice(shared.range.column - 1, shared.range.endColumn - 1),
      'Is the recruitment process smooth?',
    );
    // The Head of Engineering shares nothing: its criteria are all its own.
    const hoe = roots.find((r) => r.role?.id === 'head-of-engineering')!;
    assert.ok(child(hoe, 'Success criteria').children.every((c) => !c.sharedFrom));
  });

  it('each item opens its exact range; relationships link to the role they name', () => {
    const index = new HandbookIndex();
    index.set('file:///w/roles/tech-lead.md', LEAD);
    index.set('file:///w/roles/em.md', EM);
    const roots = buildRolesTree({ workspace: source(index) });
    assert.deepStrictEqual(
      roots.map((r) => r.label),
      ['Engineering Manager', 'Tech Lead'],
    );
    const lead = roots[1];
    const resp = child(lead, 'Responsibilities').children;
    assert.deepStrictEqual(
      resp.map((r) => [r.label, r.description, r.range.line, r.range.column]),
      [
        ['Review designs', undefined, 7, 5],
        ['Keep the build green', 'delivery', 8, 11],
      ],
    );
    // No focus: no Focus section.
    assert.deepStrictEqual(
      lead.children.map((s) => s.section),
      ['responsibilities', 'successCriteria', 'relationships'],
    );
    const rel = child(lead, 'Relationships').children;
    assert.deepStrictEqual(
      rel.map((r) => [r.label, r.description, r.note, r.target?.id, r.range.line]),
      [
        ['Engineering Manager', 'reports-to', 'Weekly one-on-ones.', 'engineering-manager', 14],
        ['ghost', 'peer', undefined, undefined, 17],
      ],
    );
    assert.strictEqual(rel[0].target?.uri, 'file:///w/roles/em.md');
    assert.deepStrictEqual(
      child(lead, 'Success criteria').children.map((c) => [c.label, c.sharedFrom?.id]),
      [
        ['Are designs reviewed?', undefined],
        ['Is the team staffed?', 'engineering-manager'],
      ],
    );
  });

  it('roles with errors still show, with their problems; unreadable role files show by file name', () => {
    const index = new HandbookIndex();
    index.set('file:///w/roles/tech-lead.md', LEAD);
    index.set('file:///w/roles/bad.md', ['---', 'role: bad', 'title: Bad Role', 'type: boss', '---', ''].join('\n'));
    index.set('file:///w/roles/no%20front.md', '# Nothing here\n', { forceRoleFile: true });
    const roots = buildRolesTree({ workspace: source(index) });
    assert.deepStrictEqual(
      roots.map((r) => [r.kind, r.label]),
      [
        ['role', 'Bad Role'],
        ['role', 'Tech Lead'],
        ['invalid', 'no front.md'],
      ],
    );
    const bad = roots[0];
    assert.deepStrictEqual([bad.problems?.errors, bad.problems?.warnings], [2, 0]);
    assert.strictEqual(bad.description, 'boss · 2 problems');
    // The required (empty) Responsibilities section is still shown.
    assert.deepStrictEqual(
      bad.children.map((s) => [s.section, s.children.length]),
      [['responsibilities', 0]],
    );
    // Tech Lead, without the Engineering Manager: unknown-role for "Engineering Manager", "em" and "ghost".
    assert.strictEqual(roots[1].problems?.errors, 3);
    assert.match(roots[1].problems?.messages.join('\n') ?? '', /No role named "ghost"/);
    assert.strictEqual(roots[2].description, 'no role could be read · 1 problem');
    assert.deepStrictEqual(roots[2].range, { line: 1, column: 1, endLine: 1, endColumn: 15 });
  });

  it('ids are unique and stable, and every node knows its parent', () => {
    const index = builtins();
    const a = buildRolesTree({ workspace: source(index), builtins: source(builtins()) });
    const b = buildRolesTree({ workspace: source(index), builtins: source(builtins()) });
    const ids: string[] = [];
    const walk = (ns: RolesTreeNode[]) => ns.forEach((n) => (ids.push(n.id), walk(n.children)));
    walk(a);
    assert.strictEqual(new Set(ids).size, ids.length);
    assert.deepStrictEqual(JSON.stringify(a), JSON.stringify(b));
    const parents = parentMap(a);
    assert.strictEqual(parents.size, ids.length);
    const cto = a.find((r) => r.role?.id === 'cto')!;
    assert.strictEqual(parents.get(cto.id), undefined);
    assert.strictEqual(parents.get(cto.children[0].id), cto);
    assert.strictEqual(parents.get(a[a.length - 1].children[0].id)?.id, 'builtin');
  });

  it('a node depends on its own file and on the files of the roles it shows criteria or links of', () => {
    const index = new HandbookIndex();
    index.set('file:///w/roles/tech-lead.md', LEAD);
    index.set('file:///w/roles/em.md', EM);
    const lead = buildFileNode(index.get('file:///w/roles/tech-lead.md')!, [], source(index))!;
    assert.deepStrictEqual([...nodeDependencies(lead)].sort(), ['file:///w/roles/em.md', 'file:///w/roles/tech-lead.md']);
    const em = buildFileNode(index.get('file:///w/roles/em.md')!, [], source(index), undefined, 'x/')!;
    assert.deepStrictEqual([...nodeDependencies(em)], ['file:///w/roles/em.md']);
    assert.ok(em.id.startsWith('x/') && em.children.every((c) => c.id.startsWith('x/')));
    // A Markdown file that is not a role file has no node.
    index.set('file:///w/notes.md', '# Notes\n');
    assert.strictEqual(
      buildFileNode({ uri: 'file:///w/notes.md', isRoleFile: false, findings: [], references: [], links: [] }, [], source(index)),
      undefined,
    );
  });

  it('uses the labels it is given', () => {
    const roots = buildRolesTree({
      workspace: source(builtins()),
      labels: {
        ...DEFAULT_TREE_LABELS,
        builtinGroup: 'B',
        focus: 'F',
        responsibilities: 'R',
        successCriteria: 'S',
        relationships: 'L',
        sharedFrom: (t) => `<${t}`,
        problems: () => '',
        noRole: '-',
      },
    });
    assert.deepStrictEqual(
      roots[0].children.map((s) => s.label),
      ['F', 'R', 'S', 'L'],
    );
    assert.strictEqual(child(roots[0], 'S').children[3].description, '<Head of Engineering');
  });
});
