import * as assert from 'assert';
import { diffHandbooks, toDiffJson, type HandbookRevision } from '../../../../src/core/diff';
import { canonical, changedFields } from '../../../../src/core/diff/fields';

interface RoleSpec {
  id: string;
  title?: string;
  type?: string;
  responsibilities?: string[];
  successCriteria?: string[];
  focus?: string[];
  extra?: string[];
}

function roleText(r: RoleSpec): string {
  const list = (key: string, xs: string[] | undefined) =>
    xs && xs.length ? [`${key}:`, ...xs.map((x) => `  - ${JSON.stringify(x)}`)] : [];
  return [
    '---',
    `role: ${r.id}`,
    `title: ${r.title ?? r.id.toUpperCase()}`,
    `type: ${r.type ?? 'manager'}`,
    ...list('focus', r.focus),
    ...list('responsibilities', r.responsibilities ?? ['Do the work']),
    ...list('successCriteria', r.successCriteria),
    ...(r.extra ?? []),
    '---',
    '',
    `# ${r.title ?? r.id}`,
    '',
  ].join('\n');
}

const rev = (files: Record<string, string>): HandbookRevision => new Map(Object.entries(files));
const roleGlob = (p: string) => p.startsWith('roles/') && p.endsWith('.md');
const diffJson = (a: Record<string, string>, b: Record<string, string>) =>
  toDiffJson(diffHandbooks(rev(a), rev(b), { isRoleGlob: roleGlob }));
const EMPTY = { added: [], removed: [] };

describe('handbook diff: roles', () => {
  it('reports nothing for identical revisions', () => {
    const files = { 'roles/cto.md': roleText({ id: 'cto' }), 'roles/hoe.md': roleText({ id: 'hoe' }) };
    assert.deepStrictEqual(diffJson(files, { ...files }), { added: [], removed: [], renamed: [], changed: [], moved: [] });
  });

  it('reports added and removed roles by id, sorted', () => {
    const d = diffJson(
      {
        'roles/cto.md': roleText({ id: 'cto' }),
        'roles/b.md': roleText({ id: 'b-role', responsibilities: ['B'] }),
        'roles/a.md': roleText({ id: 'a-role', responsibilities: ['A'] }),
      },
      {
        'roles/cto.md': roleText({ id: 'cto' }),
        'roles/z.md': roleText({ id: 'z-role', responsibilities: ['Z'] }),
        'roles/y.md': roleText({ id: 'y-role', responsibilities: ['Y'] }),
      },
    );
    assert.deepStrictEqual(d, { added: ['y-role', 'z-role'], removed: ['a-role', 'b-role'], renamed: [], changed: [], moved: [] });
  });

  it('matches a role by id when its file moved: no change', () => {
    const cto = roleText({ id: 'cto' });
    assert.deepStrictEqual(diffJson({ 'roles/cto.md': cto }, { 'roles/exec/chief-technology-officer.md': cto }), {
      added: [],
      removed: [],
      renamed: [],
      changed: [],
      moved: [],
    });
  });

  it('reports a role whose id changed in the same file as renamed, and compares it as one role', () => {
    const d = diffJson(
      { 'roles/cto.md': roleText({ id: 'cto', responsibilities: ['Set the vision', 'Hire leaders'] }) },
      { 'roles/cto.md': roleText({ id: 'chief-technology-officer', title: 'CTO', responsibilities: ['Set the vision', 'Grow leaders'] }) },
    );
    assert.deepStrictEqual(d, {
      added: [],
      removed: [],
      renamed: [{ from: 'cto', to: 'chief-technology-officer' }],
      changed: [
        {
          role: 'chief-technology-officer',
          responsibilities: { added: ['Grow leaders'], removed: ['Hire leaders'] },
          successCriteria: EMPTY,
          focus: EMPTY,
          fields: [],
        },
      ],
      moved: [],
    });
  });

  it('a rename without other changes is in renamed only', () => {
    const d = diffJson({ 'roles/x.md': roleText({ id: 'old-id', title: 'X' }) }, { 'roles/x.md': roleText({ id: 'new-id', title: 'X' }) });
    assert.deepStrictEqual(d, { added: [], removed: [], renamed: [{ from: 'old-id', to: 'new-id' }], changed: [], moved: [] });
  });

  it('an id changed together with the file name is a removed and an added role', () => {
    const d = diffJson(
      { 'roles/old.md': roleText({ id: 'old-id', responsibilities: ['Old'] }) },
      { 'roles/new.md': roleText({ id: 'new-id', responsibilities: ['New'] }) },
    );
    assert.deepStrictEqual(d, { added: ['new-id'], removed: ['old-id'], renamed: [], changed: [], moved: [] });
  });

  it('the responsibilities of a role removed under one id and added under another move', () => {
    const d = diffJson(
      { 'roles/old.md': roleText({ id: 'old-id', title: 'T', responsibilities: ['Duty'] }) },
      { 'roles/new.md': roleText({ id: 'new-id', title: 'T', responsibilities: ['Duty'] }) },
    );
    assert.deepStrictEqual(d, {
      added: ['new-id'],
      removed: ['old-id'],
      renamed: [],
      changed: [],
      moved: [{ text: 'Duty', from: 'old-id', to: 'new-id' }],
    });
  });

  it('finds role files by the globs or by a role key, and ignores other Markdown', () => {
    const d = diffHandbooks(
      rev({ 'docs/readme.md': '# Hello\n', 'docs/cto.md': roleText({ id: 'cto' }) }),
      rev({
        'docs/readme.md': '# Hello again\n',
        'docs/cto.md': roleText({ id: 'cto', title: 'Chief' }),
        'notes.md': '---\ntitle: not a role\n---\n',
      }),
      { isRoleGlob: roleGlob },
    );
    assert.deepStrictEqual(toDiffJson(d).changed, [
      { role: 'cto', responsibilities: EMPTY, successCriteria: EMPTY, focus: EMPTY, fields: ['title'] },
    ]);
    assert.deepStrictEqual(d.counts, { base: 1, target: 1 });
    assert.deepStrictEqual(d.unreadable, []);
  });
});

describe('handbook diff: items and fields', () => {
  it('reports responsibilities, success criteria and focus added and removed, in file order', () => {
    const d = diffJson(
      {
        'roles/hoe.md': roleText({
          id: 'hoe',
          focus: ['Delivery', 'People'],
          responsibilities: ['Run delivery', 'Hire engineers', 'Own budget'],
          successCriteria: ['Is delivery predictable?'],
        }),
      },
      {
        'roles/hoe.md': roleText({
          id: 'hoe',
          focus: ['Delivery', 'Quality'],
          responsibilities: ['Own budget', 'Run delivery', 'Coach managers', 'Plan capacity'],
          successCriteria: ['Is delivery predictable?', 'Are engineers growing?'],
        }),
      },
    );
    assert.deepStrictEqual(d.changed, [
      {
        role: 'hoe',
        responsibilities: { added: ['Coach managers', 'Plan capacity'], removed: ['Hire engineers'] },
        successCriteria: { added: ['Are engineers growing?'], removed: [] },
        focus: { added: ['Quality'], removed: ['People'] },
        fields: [],
      },
    ]);
  });

  it('whitespace-only, case-only and reordering edits are no change', () => {
    const before = [
      '---',
      'role: cto',
      'title: Chief Technology Officer',
      'type: executive',
      'aliases: [CTO, Tech Chief]',
      'responsibilities:',
      '  - Communicate the technology vision',
      '  - text: Define the architecture',
      '    id: architecture',
      'relationships:',
      '  - with: hoe',
      '    kind: symbiotic',
      '  - with: ceo',
      '    kind: reports-to',
      '---',
      'Body.',
      '',
    ].join('\n');
    const after = [
      '---',
      'role:   cto   ',
      'title: "Chief   Technology Officer "',
      'type: executive',
      'aliases:',
      '  - Tech Chief',
      '  - CTO',
      'responsibilities:',
      '  - text: "  define the   ARCHITECTURE"',
      '    id: architecture',
      '  - >-',
      '    Communicate the',
      '    technology vision',
      'relationships:',
      '  - kind: reports-to',
      '    with: ceo',
      '  - {with: hoe, kind: symbiotic}',
      'successCriteria: []',
      'summary:',
      '---',
      'A different body.',
      '',
    ].join('\r\n');
    assert.deepStrictEqual(diffJson({ 'roles/cto.md': before }, { 'roles/cto.md': after }), {
      added: [],
      removed: [],
      renamed: [],
      changed: [],
      moved: [],
    });
  });

  it('names the other top-level keys whose value changed, in the format order then by name', () => {
    const d = diffJson(
      {
        'roles/a.md': roleText({
          id: 'a',
          type: 'manager',
          extra: ['level: 2', 'extends: b', 'x-owner: ann', 'relationships:', '  - {with: b, kind: peer}'],
        }),
        'roles/b.md': roleText({ id: 'b' }),
      },
      {
        'roles/a.md': roleText({
          id: 'a',
          title: 'Role A',
          type: 'executive',
          extra: ['level: 3', 'x-owner: bob', 'ladder: Eng', 'relationships:', '  - {with: b, kind: peer, note: close}'],
        }),
        'roles/b.md': roleText({ id: 'b' }),
      },
    );
    assert.deepStrictEqual(d.changed, [
      {
        role: 'a',
        responsibilities: EMPTY,
        successCriteria: EMPTY,
        focus: EMPTY,
        fields: ['title', 'type', 'relationships', 'extends', 'level', 'ladder', 'x-owner'],
      },
    ]);
  });

  it('counts duplicated items: one copy removed is one removal', () => {
    const d = diffJson(
      { 'roles/a.md': roleText({ id: 'a', responsibilities: ['Review code', 'Review code', 'Ship'] }) },
      { 'roles/a.md': roleText({ id: 'a', responsibilities: ['Ship', 'review  code'] }) },
    );
    assert.deepStrictEqual(d.changed, [
      { role: 'a', responsibilities: { added: [], removed: ['Review code'] }, successCriteria: EMPTY, focus: EMPTY, fields: [] },
    ]);
  });

  it('keeps item ranges in their own revision for the editor', () => {
    const d = diffHandbooks(
      rev({ 'roles/a.md': roleText({ id: 'a', responsibilities: ['Old duty', 'Kept duty'] }) }),
      rev({ 'roles/a.md': roleText({ id: 'a', responsibilities: ['Kept duty', 'New duty'] }) }),
      { isRoleGlob: roleGlob },
    );
    const a = d.roles[0];
    assert.strictEqual(a.status, 'changed');
    assert.deepStrictEqual(a.responsibilities.removed, [{ text: 'Old duty', range: { line: 6, column: 5, endLine: 6, endColumn: 15 } }]);
    assert.deepStrictEqual(a.responsibilities.added, [{ text: 'New duty', range: { line: 7, column: 5, endLine: 7, endColumn: 15 } }]);
    assert.deepStrictEqual(a.target, {
      id: 'a',
      title: 'A',
      path: 'roles/a.md',
      idRange: { line: 2, column: 7, endLine: 2, endColumn: 8 },
    });
  });
});

describe('handbook diff: moved responsibilities', () => {
  it('a responsibility removed from one role and added to another is moved, in neither list', () => {
    const d = diffJson(
      {
        'roles/cto.md': roleText({ id: 'cto', responsibilities: ['Set the vision', 'Hire engineering managers'] }),
        'roles/hoe.md': roleText({ id: 'head-of-engineering', responsibilities: ['Run delivery'] }),
      },
      {
        'roles/cto.md': roleText({ id: 'cto', responsibilities: ['Set the vision', 'Talk to investors'] }),
        'roles/hoe.md': roleText({ id: 'head-of-engineering', responsibilities: ['Run delivery', '  hire engineering   Managers'] }),
      },
    );
    assert.deepStrictEqual(d, {
      added: [],
      removed: [],
      renamed: [],
      changed: [
        { role: 'cto', responsibilities: { added: ['Talk to investors'], removed: [] }, successCriteria: EMPTY, focus: EMPTY, fields: [] },
      ],
      moved: [{ text: 'hire engineering   Managers', from: 'cto', to: 'head-of-engineering' }],
    });
  });

  it('moves from a removed role and into an added role', () => {
    const d = diffJson(
      {
        'roles/cto.md': roleText({ id: 'cto', responsibilities: ['Set the vision', 'Own the budget'] }),
        'roles/vp.md': roleText({ id: 'vp', responsibilities: ['Run delivery', 'Hire managers'] }),
      },
      {
        'roles/vp.md': roleText({ id: 'vp', responsibilities: ['Run delivery', 'Set the vision'] }),
        'roles/eng-director.md': roleText({ id: 'eng-director', responsibilities: ['Hire managers'] }),
      },
    );
    assert.deepStrictEqual(d, {
      added: ['eng-director'],
      removed: ['cto'],
      renamed: [],
      changed: [],
      moved: [
        { text: 'Set the vision', from: 'cto', to: 'vp' },
        { text: 'Hire managers', from: 'vp', to: 'eng-director' },
      ],
    });
  });

  it('a renamed role moves under its new id', () => {
    const d = diffJson(
      {
        'roles/a.md': roleText({ id: 'a', title: 'A', responsibilities: ['Keep', 'Give away'] }),
        'roles/b.md': roleText({ id: 'b', responsibilities: ['Stay'] }),
      },
      {
        'roles/a.md': roleText({ id: 'a2', title: 'A', responsibilities: ['Keep'] }),
        'roles/b.md': roleText({ id: 'b', responsibilities: ['Stay', 'Give away'] }),
      },
    );
    assert.deepStrictEqual(d.renamed, [{ from: 'a', to: 'a2' }]);
    assert.deepStrictEqual(d.changed, []);
    assert.deepStrictEqual(d.moved, [{ text: 'Give away', from: 'a2', to: 'b' }]);
  });

  it('one removal and two additions of a text: one move, one addition left', () => {
    const d = diffJson(
      {
        'roles/a.md': roleText({ id: 'a', responsibilities: ['X', 'Shared duty'] }),
        'roles/b.md': roleText({ id: 'b', responsibilities: ['Y'] }),
        'roles/c.md': roleText({ id: 'c', responsibilities: ['Z'] }),
      },
      {
        'roles/a.md': roleText({ id: 'a', responsibilities: ['X'] }),
        'roles/b.md': roleText({ id: 'b', responsibilities: ['Y', 'Shared duty'] }),
        'roles/c.md': roleText({ id: 'c', responsibilities: ['Z', 'Shared duty'] }),
      },
    );
    assert.deepStrictEqual(d.moved, [{ text: 'Shared duty', from: 'a', to: 'b' }]);
    assert.deepStrictEqual(d.changed, [
      { role: 'c', responsibilities: { added: ['Shared duty'], removed: [] }, successCriteria: EMPTY, focus: EMPTY, fields: [] },
    ]);
  });

  it('success criteria do not move (only responsibilities do)', () => {
    const d = diffJson(
      { 'roles/a.md': roleText({ id: 'a', successCriteria: ['Is it fast?'] }), 'roles/b.md': roleText({ id: 'b' }) },
      { 'roles/a.md': roleText({ id: 'a' }), 'roles/b.md': roleText({ id: 'b', successCriteria: ['Is it fast?'] }) },
    );
    assert.deepStrictEqual(d.moved, []);
    assert.deepStrictEqual(
      d.changed.map((c) => [c.role, c.successCriteria]),
      [
        ['a', { added: [], removed: ['Is it fast?'] }],
        ['b', { added: ['Is it fast?'], removed: [] }],
      ],
    );
  });

  it('keeps both ends of a move for the editor', () => {
    const d = diffHandbooks(
      rev({ 'roles/a.md': roleText({ id: 'a', responsibilities: ['Keep', 'Give'] }), 'roles/b.md': roleText({ id: 'b' }) }),
      rev({
        'roles/a.md': roleText({ id: 'a', responsibilities: ['Keep'] }),
        'roles/b.md': roleText({ id: 'b', responsibilities: ['Do the work', 'Give'] }),
      }),
      { isRoleGlob: roleGlob },
    );
    assert.strictEqual(d.moved.length, 1);
    const m = d.moved[0];
    assert.deepStrictEqual([m.fromSide.path, m.fromRange.line, m.toSide.path, m.toRange.line], ['roles/a.md', 7, 'roles/b.md', 7]);
  });
});

describe('handbook diff: files that cannot be read', () => {
  const broken = '---\nrole: cto\ntitle: a: b\n---\n';

  it('a role file broken in the target is reported as such, not as a removed role', () => {
    const d = diffHandbooks(
      rev({ 'roles/cto.md': roleText({ id: 'cto' }), 'roles/b.md': roleText({ id: 'b' }) }),
      rev({ 'roles/cto.md': broken, 'roles/b.md': roleText({ id: 'b' }) }),
      { isRoleGlob: roleGlob },
    );
    assert.deepStrictEqual(toDiffJson(d), { added: [], removed: [], renamed: [], changed: [], moved: [] });
    assert.deepStrictEqual(
      d.unreadable.map((u) => [u.path, u.revision, u.code, u.roles, u.range.line]),
      [['roles/cto.md', 'target', 'yaml-syntax', ['cto'], 3]],
    );
  });

  it('a role file broken in the base is reported as such, not as an added role', () => {
    const d = diffHandbooks(rev({ 'roles/cto.md': broken }), rev({ 'roles/cto.md': roleText({ id: 'cto' }) }), { isRoleGlob: roleGlob });
    assert.deepStrictEqual(toDiffJson(d), { added: [], removed: [], renamed: [], changed: [], moved: [] });
    assert.deepStrictEqual(
      d.unreadable.map((u) => [u.path, u.revision, u.code, u.roles]),
      [['roles/cto.md', 'base', 'yaml-syntax', ['cto']]],
    );
  });

  it('a broken file does not lend its roles responsibilities to move', () => {
    const d = diffJson(
      { 'roles/a.md': roleText({ id: 'a', responsibilities: ['Give'] }), 'roles/b.md': roleText({ id: 'b' }) },
      { 'roles/a.md': '---\nrole: a\n', 'roles/b.md': roleText({ id: 'b', responsibilities: ['Do the work', 'Give'] }) },
    );
    assert.deepStrictEqual(d.moved, []);
    assert.deepStrictEqual(d.removed, []);
    assert.deepStrictEqual(d.changed, [
      { role: 'b', responsibilities: { added: ['Give'], removed: [] }, successCriteria: EMPTY, focus: EMPTY, fields: [] },
    ]);
  });

  it('reports unclosed and missing frontmatter and a role file without an id', () => {
    const d = diffHandbooks(
      rev({ 'roles/a.md': roleText({ id: 'a' }), 'roles/b.md': roleText({ id: 'b' }), 'roles/c.md': roleText({ id: 'c' }) }),
      rev({
        'roles/a.md': '---\nrole: a\ntitle: A\n',
        'roles/b.md': '# B, no frontmatter\n',
        'roles/c.md': '---\ntitle: C\ntype: manager\nresponsibilities: [x]\n---\n',
      }),
      { isRoleGlob: roleGlob },
    );
    assert.deepStrictEqual(toDiffJson(d), { added: [], removed: [], renamed: [], changed: [], moved: [] });
    assert.deepStrictEqual(
      d.unreadable.map((u) => [u.path, u.revision, u.code, u.roles]),
      [
        ['roles/a.md', 'target', 'frontmatter-unclosed', ['a']],
        ['roles/b.md', 'target', 'frontmatter-missing', ['b']],
        ['roles/c.md', 'target', 'schema', ['c']],
      ],
    );
  });

  it('a file broken alike in both revisions is not reported; broken differently, it is, in each', () => {
    const same = diffHandbooks(rev({ 'roles/cto.md': broken }), rev({ 'roles/cto.md': broken }), { isRoleGlob: roleGlob });
    assert.deepStrictEqual(same.unreadable, []);
    const changed = diffHandbooks(rev({ 'roles/cto.md': broken }), rev({ 'roles/cto.md': `${broken}more\n` }), { isRoleGlob: roleGlob });
    assert.deepStrictEqual(
      changed.unreadable.map((u) => [u.revision, u.code, u.roles]),
      [
        ['base', 'yaml-syntax', []],
        ['target', 'yaml-syntax', []],
      ],
    );
  });

  it('a role still present elsewhere is compared though its old file broke', () => {
    const d = diffJson(
      { 'roles/a.md': roleText({ id: 'a', title: 'A' }) },
      { 'roles/a.md': broken, 'roles/new/a.md': roleText({ id: 'a', title: 'Role A' }) },
    );
    assert.deepStrictEqual(d, {
      added: [],
      removed: [],
      renamed: [],
      changed: [{ role: 'a', responsibilities: EMPTY, successCriteria: EMPTY, focus: EMPTY, fields: ['title'] }],
      moved: [],
    });
  });

  it('a role with schema errors is still compared', () => {
    const d = diffJson(
      { 'roles/a.md': roleText({ id: 'a', type: 'manager' }) },
      { 'roles/a.md': roleText({ id: 'a', type: 'boss', extra: ['responsibilites: [typo]'] }) },
    );
    assert.deepStrictEqual(d.changed, [
      { role: 'a', responsibilities: EMPTY, successCriteria: EMPTY, focus: EMPTY, fields: ['type', 'responsibilites'] },
    ]);
  });
});

describe('handbook diff: duplicate ids', () => {
  it('pairs the file at the same path first', () => {
    const d = diffJson(
      { 'roles/a1.md': roleText({ id: 'a', title: 'One' }), 'roles/a2.md': roleText({ id: 'a', title: 'Two' }) },
      { 'roles/a2.md': roleText({ id: 'a', title: 'Two' }), 'roles/a1.md': roleText({ id: 'a', title: 'One' }) },
    );
    assert.deepStrictEqual(d, { added: [], removed: [], renamed: [], changed: [], moved: [] });
  });

  it('a role only reformatted in its file stays paired with itself when a new file takes its id, and is counted', () => {
    const a = roleText({ id: 'a', responsibilities: ['Keep the lights on'] });
    const d = diffHandbooks(
      rev({ 'roles/a.md': a, 'roles/b.md': roleText({ id: 'b' }) }),
      rev({
        'roles/a.md': a.replace(/\n/g, '  \n'),
        'roles/b.md': roleText({ id: 'b' }),
        'roles/c.md': roleText({ id: 'a', responsibilities: ['Keep the lights on', 'Hire'] }),
      }),
      { isRoleGlob: roleGlob },
    );
    assert.deepStrictEqual(toDiffJson(d), { added: ['a'], removed: [], renamed: [], changed: [], moved: [] });
    assert.deepStrictEqual(
      d.roles.map((r) => [r.id, r.status, r.base?.path, r.target?.path]),
      [['a', 'added', undefined, 'roles/c.md']],
    );
    assert.deepStrictEqual(d.counts, { base: 2, target: 3 });
  });
});

describe('handbook diff: comparing values', () => {
  it('canonical values ignore whitespace, order and empty forms', () => {
    assert.strictEqual(canonical(' a  b\n'), canonical('a b'));
    assert.notStrictEqual(canonical('A b'), canonical('a b'));
    assert.strictEqual(canonical([1, 'x']), canonical(['x', 1]));
    assert.notStrictEqual(canonical(['1']), canonical([1]));
    assert.strictEqual(canonical({ a: 1, b: null }), canonical({ a: 1 }));
    assert.strictEqual(canonical([]), canonical(undefined));
  });

  it('a value nested too deeply counts as changed, without overflowing', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    assert.deepStrictEqual(changedFields({ 'x-deep': deep }, { 'x-deep': deep }), ['x-deep']);
  });
});
