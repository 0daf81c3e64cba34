import * as assert from 'assert';
import { main } from '../../../src/cli/lintCommand';
import { runner, tree } from './helpers';
import { relation, roleFile } from '../../support/roleFile';

const run = runner(main);

const role = (id: string, title: string, extra: string[] = [], responsibilities?: string[]): string =>
  roleFile(id, { title, quoteTitle: true, type: 'manager', responsibilities, extra, heading: true });
const rel = relation;

const ORG = {
  'roles/cto.md': role('cto', 'Chief Technology Officer', ['relationships:', ...rel('vp-engineering', 'manages')]),
  'roles/vp-engineering.md': role('vp-engineering', 'VP Engineering', [
    'relationships:',
    ...rel('cto', 'reports-to'),
    ...rel('cto', 'peer'),
  ]),
  'roles/em.md': role('engineering-manager', 'Engineering <Manager> "EM"', [
    'relationships:',
    ...rel('VP Engineering', 'reports-to'),
    ...rel('staff-engineer', 'manages'),
  ]),
  'roles/staff.md': role('staff-engineer', 'Staff Engineer', ['relationships:', ...rel('cto', 'reports-to')]),
  'roles/designer.md': role('designer', 'Designer'),
};

describe('handbook-lint --report org', () => {
  const dir = tree('hb-org-', ORG);

  it('json: each reporting line once, pointing at a relationship that states it, exit 0', () => {
    const r = run(['--report', 'org', '--format', 'json'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(JSON.parse(r.out), {
      lines: [
        { report: 'staff-engineer', manager: 'cto', file: 'roles/staff.md', line: 8 },
        { report: 'vp-engineering', manager: 'cto', file: 'roles/cto.md', line: 8 },
        { report: 'staff-engineer', manager: 'engineering-manager', file: 'roles/em.md', line: 10 },
        { report: 'engineering-manager', manager: 'vp-engineering', file: 'roles/em.md', line: 8 },
      ],
    });
  });

  it('mermaid: flowchart TB, a node per role on a line with its title quoted and escaped, MANAGER --> REPORT', () => {
    const r = run(['--report=org', '--format=mermaid'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(
      r.out,
      [
        'flowchart TB',
        '  cto["Chief Technology Officer"]',
        '  engineering_manager["Engineering #60;Manager#62; #34;EM#34;"]',
        '  staff_engineer["Staff Engineer"]',
        '  vp_engineering["VP Engineering"]',
        '  cto --> staff_engineer',
        '  cto --> vp_engineering',
        '  engineering_manager --> staff_engineer',
        '  vp_engineering --> engineering_manager',
        '',
      ].join('\n'),
    );
  });

  it('markdown: the same tree as a nested list, a role under a second manager marked', () => {
    const r = run(['--report', 'org', '--format', 'markdown'], dir);
    assert.strictEqual(
      r.out,
      [
        '# Reporting lines',
        '',
        '- **Chief Technology Officer** (cto)',
        '  - **Staff Engineer** (staff\\-engineer)',
        '  - **VP Engineering** (vp\\-engineering)',
        '    - **Engineering &lt;Manager&gt; \\"EM\\"** (engineering\\-manager)',
        '      - **Staff Engineer** (staff\\-engineer) (also above)',
        '',
      ].join('\n'),
    );
  });

  it('stylish: a text tree', () => {
    const r = run(['--report', 'org'], dir);
    assert.strictEqual(
      r.out,
      [
        'Reporting lines: 4 roles, 4 lines',
        '',
        'Chief Technology Officer (cto)',
        '├── Staff Engineer (staff-engineer)',
        '└── VP Engineering (vp-engineering)',
        '    └── Engineering <Manager> "EM" (engineering-manager)',
        '        └── Staff Engineer (staff-engineer) (also above)',
        '',
      ].join('\n'),
    );
  });

  it('a cycle is shown, and a terminal control character in a title is neutralised', () => {
    const cyc = tree('hb-org-cycle-', {
      'roles/a.md': role('a', 'Alpha\u001b[31m', ['relationships:', ...rel('b', 'reports-to')]),
      'roles/b.md': role('b', 'Beta', ['relationships:', ...rel('a', 'reports-to')]),
    });
    const r = run(['--report', 'org'], cyc);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(
      r.out,
      [
        'Reporting lines: 2 roles, 2 lines, 2 on a cycle',
        '',
        'Alpha [31m (a)',
        '└── Beta (b)',
        '    └── Alpha [31m (a) (reporting cycle)',
        '',
      ].join('\n'),
    );
    assert.strictEqual(
      run(['--report', 'org', '--format', 'mermaid'], cyc).out,
      'flowchart TB\n  a["Alpha [31m"]\n  b["Beta"]\n  a --> b\n  b --> a\n',
    );
  });

  it('no reporting lines; bad formats are exit 2', () => {
    const none = tree('hb-org-none-', { 'roles/d.md': role('designer', 'Designer') });
    assert.strictEqual(run(['--report', 'org', '--format', 'mermaid'], none).out, 'flowchart TB\n');
    assert.deepStrictEqual(JSON.parse(run(['--report', 'org', '--format', 'json'], none).out), { lines: [] });
    const bad = run(['--report', 'ladder', '--format', 'mermaid'], none);
    assert.deepStrictEqual(
      [bad.code, bad.err],
      [2, 'handbook-lint: --format must be one of stylish, json, markdown with --report ladder (got "mermaid")\n'],
    );
    const badReport = run(['--report', 'people'], none);
    assert.deepStrictEqual(
      [badReport.code, badReport.err],
      [2, 'handbook-lint: --report must be one of overlaps, org, ladder (got "people")\n'],
    );
    assert.strictEqual(run(['--format', 'mermaid'], none).code, 2);
  });
});

describe('handbook-lint --report ladder', () => {
  const dir = tree('hb-ladder-', {
    'roles/engineer.md': role(
      'engineer',
      'Engineer',
      ['level: 1', 'successCriteria:', '  - Does the code work?'],
      ['Write code', 'Review code'],
    ),
    'roles/senior.md': role('senior-engineer', 'Senior Engineer', ['extends: engineer', 'level: 2'], ['Mentor engineers']),
    'roles/staff.md': role('staff-engineer', 'Staff Engineer', ['extends: Senior Engineer'], ['Set technical direction']),
    'roles/em.md': role(
      'engineering-manager',
      'Engineering Manager',
      ['extends: senior-engineer', 'level: 3', 'ladder: Management'],
      ['Run the team'],
    ),
    'roles/designer.md': role('designer', 'Designer'),
  });

  it('json: ladders by name, rungs in ladder order, what each adds (its own items only)', () => {
    const r = run(['--report', 'ladder', '--format', 'json'], dir);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(JSON.parse(r.out), [
      {
        ladder: 'Engineer',
        roles: [
          {
            role: 'engineer',
            title: 'Engineer',
            level: 1,
            extends: null,
            adds: { responsibilities: ['Write code', 'Review code'], successCriteria: ['Does the code work?'] },
          },
          {
            role: 'senior-engineer',
            title: 'Senior Engineer',
            level: 2,
            extends: 'engineer',
            adds: { responsibilities: ['Mentor engineers'], successCriteria: [] },
          },
          {
            role: 'staff-engineer',
            title: 'Staff Engineer',
            level: null,
            extends: 'senior-engineer',
            adds: { responsibilities: ['Set technical direction'], successCriteria: [] },
          },
        ],
      },
      {
        ladder: 'Management',
        roles: [
          {
            role: 'engineering-manager',
            title: 'Engineering Manager',
            level: 3,
            extends: 'senior-engineer',
            adds: { responsibilities: ['Run the team'], successCriteria: [] },
          },
        ],
      },
    ]);
  });

  it('stylish and markdown', () => {
    assert.strictEqual(
      run(['--report', 'ladder'], dir).out,
      [
        'Ladders: 2',
        '',
        'Engineer (3 rungs)',
        '  1  Engineer (engineer)',
        '     + Write code',
        '     + Review code',
        '     ? Does the code work?',
        '  2  Senior Engineer (senior-engineer), extends engineer',
        '     + Mentor engineers',
        '  -  Staff Engineer (staff-engineer), extends senior-engineer',
        '     + Set technical direction',
        '',
        'Management (1 rung)',
        '  3  Engineering Manager (engineering-manager), extends senior-engineer',
        '     + Run the team',
        '',
      ].join('\n'),
    );
    const md = run(['--report', 'ladder', '--format', 'markdown'], dir).out;
    assert.ok(
      md.startsWith(
        '# Ladders\n\n## Engineer\n\n### Level 1: Engineer (engineer)\n\nAdds:\n\n- Write code\n- Review code\n\nSuccess criteria:\n\n- Does the code work\\?\n\n### Level 2: Senior Engineer (senior\\-engineer)\n\nExtends **Engineer** (engineer), and adds:\n\n- Mentor engineers\n',
      ),
      md,
    );
    assert.ok(md.includes('\n### Staff Engineer (staff\\-engineer)\n'), md);
  });
});
