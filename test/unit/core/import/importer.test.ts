import * as assert from 'assert';
import { parse } from 'yaml';
import { parseFile } from '../../../../src/core/parse';
import { importPage, renderRoleFile, responsibilityText, type ImportedRole } from '../../../../src/core/import';
import { parseHtmlTable } from '../../../../src/core/import/htmlTable';
import { SubjectReader, splitEnumeration } from '../../../../src/core/import/prose';
import {
  classifySection,
  isRoleName,
  pageTitleRole,
  roleHeading,
  typeFromTitle,
  typeFromWords,
} from '../../../../src/core/import/roleNames';
import type { RoleScope } from '../../../../src/core/import/structure';
import { cleanText, replaceLiquid, splitSentences, tidyItem } from '../../../../src/core/import/text';
import { engineErrors, texts } from './helpers';

const roleOf = (markdown: string, id: string): ImportedRole => {
  const role = importPage(markdown).roles.find((r) => r.role === id);
  assert.ok(role, `no role ${id}`);
  return role;
};

describe('importer: headings', () => {
  it('reads role headings by their words, with short names', () => {
    assert.deepStrictEqual(roleHeading('Chief Technology Officer (CTO)'), {
      title: 'Chief Technology Officer',
      aliases: ['CTO'],
      short: 'CTO',
    });
    assert.deepStrictEqual(roleHeading('Head of Engineering'), { title: 'Head of Engineering', aliases: [], short: undefined });
    assert.deepStrictEqual(roleHeading('EM5 - Engineering Manager 5'), { title: 'Engineering Manager 5', aliases: ['EM5'], short: 'EM5' });
    assert.deepStrictEqual(roleHeading('Product managers (PMs) are accountable for:'), {
      title: 'Product manager',
      aliases: ['PM'],
      short: 'PM',
    });
    assert.deepStrictEqual(roleHeading('Roles of the CEO'), { title: 'Chief Executive Officer', aliases: ['CEO'], short: 'CEO' });
    assert.strictEqual(roleHeading('Supervisors')?.title, 'Supervisor');
    assert.strictEqual(roleHeading('VP Engineering')?.title, 'VP Engineering');
    assert.strictEqual(roleHeading('Acquisition (Contracting) Lead')?.title, 'Acquisition (Contracting) Lead');
    assert.strictEqual(roleHeading('Manager, Infrastructure (Delivery)')?.title, 'Manager, Infrastructure (Delivery)');
    assert.strictEqual(roleHeading('Open Source Contributor II')?.title, 'Open Source Contributor II');
  });

  it('does not take section, page-title or question headings for roles', () => {
    for (const h of [
      'Hiring Process',
      'Responsibilities',
      'Senior Manager, Development Responsibilities',
      'Chief Technology Officer Job Grade',
      'Nice-to-haves',
      'Roles on the Development team',
      'Successful engineers at Sourcegraph',
      'Product manager + engineering manager: partnership responsibilities',
      'How we work: Potential team structure',
      'How can I become an interviewer or resume reviewer?',
      'Engineering Leadership - Roles & Responsibilities',
      'Carret Position',
      'Head',
    ]) {
      assert.strictEqual(roleHeading(h), undefined, h);
    }
    assert.strictEqual(isRoleName('Tech Lead vs Engineering Manager'), false);
  });

  it('classifies sections, keeping the role named before the keyword', () => {
    assert.deepStrictEqual(classifySection('Senior Manager, Development Responsibilities'), {
      kind: 'responsibilities',
      prefix: 'Senior Manager, Development',
    });
    assert.strictEqual(classifySection('Responsibilties')?.kind, 'responsibilities');
    assert.strictEqual(classifySection('Requirements:')?.kind, 'requirements');
    assert.strictEqual(classifySection('Nice-to-have Requirements')?.kind, 'requirements');
    assert.strictEqual(classifySection('What you bring')?.kind, 'requirements');
    assert.strictEqual(classifySection('Chief Technology Officer Performance Indicators')?.kind, 'success');
    assert.strictEqual(classifySection('Hiring Process')?.kind, 'ignore');
    assert.strictEqual(classifySection('What the role is not responsible for')?.kind, 'ignore');
    assert.strictEqual(classifySection('Specialties')?.kind, 'specialties');
    assert.strictEqual(classifySection('Weekly'), undefined);
  });

  it('reads roles from page titles', () => {
    assert.strictEqual(pageTitleRole('Supervisor responsibilities')?.title, 'Supervisor');
    assert.strictEqual(pageTitleRole('Backend Engineering Manager')?.title, 'Backend Engineering Manager');
    assert.strictEqual(pageTitleRole('Engineering'), undefined);
    assert.strictEqual(pageTitleRole('TTS Acquisition Division Team Roles & Responsibilities'), undefined);
  });

  it('infers the type from the page words, else from the title', () => {
    assert.strictEqual(typeFromWords('CTO is an executive role:'), 'executive');
    assert.strictEqual(typeFromWords('Head of Engineering is a manager role'), 'manager');
    assert.strictEqual(typeFromWords('This is an individual contributor role.'), 'individual-contributor');
    assert.strictEqual(typeFromTitle('VP of Development', []), 'executive');
    assert.strictEqual(typeFromTitle('Director, Infrastructure', []), 'manager');
    assert.strictEqual(typeFromTitle('Staff Engineer', []), undefined);
    assert.strictEqual(typeFromTitle('Chief of Staff to the CTO', []), 'individual-contributor');
  });
});

describe('importer: prose', () => {
  const scope = (title: string, aliases: string[] = []): RoleScope => ({
    name: { title, aliases },
    line: 1,
    level: 2,
    origin: 'heading',
    blocks: [],
    tableItems: [],
    tableSummary: [],
  });

  it('reads the duty of a sentence whose subject is the role', () => {
    const cto = new SubjectReader(scope('Chief Technology Officer', ['CTO']));
    assert.deepStrictEqual(cto.read('CTO is responsible for procuring technology related resources'), {
      prefix: undefined,
      predicate: { kind: 'strong', text: 'procuring technology related resources', enumerable: true },
    });
    assert.strictEqual(cto.read('CTOs job is to communicate confidence')?.predicate.text, 'communicate confidence');
    assert.strictEqual(
      cto.read('Of all the decisions on their plate, CTO is responsible for evaluating which to elevate')?.prefix,
      'Of all the decisions on their plate',
    );
    assert.strictEqual(cto.read('However, CTO decides the strategy')?.prefix, undefined);
    assert.strictEqual(cto.read('CTO is an executive role')?.predicate.kind, 'copula');
    assert.strictEqual(cto.read('The CEO decides the strategy'), undefined);
    // A short name matches only in its own letter case.
    assert.strictEqual(cto.read('cto decides the strategy'), undefined);
    const director = new SubjectReader(scope('Director'));
    assert.strictEqual(
      director.read('The Director of Engineering is responsible for the chapter.')?.predicate.text,
      'Responsible for the chapter.',
    );
    assert.strictEqual(director.read('The Director is selected through nominations.')?.predicate.kind, 'copula');
    assert.strictEqual(
      new SubjectReader(scope('Supervisor')).read('They also run regular team meetings')?.predicate.text,
      'run regular team meetings',
    );
    assert.strictEqual(
      new SubjectReader(scope('Site Reliability Engineer')).read('The SRE is responsible for incident response')?.predicate.kind,
      'strong',
    );
  });

  it('splits enumerations of duties, and only those', () => {
    assert.deepStrictEqual(
      splitEnumeration(
        'setup engineers for success, mentor and motivate them, identify & escalate problems, ensure that deliverables align, and that deadlines are met',
      ),
      [
        'setup engineers for success',
        'mentor and motivate them',
        'identify & escalate problems',
        'ensure that deliverables align',
        'ensure that deadlines are met',
      ],
    );
    assert.deepStrictEqual(splitEnumeration('estimate work units, how to manage the process, and how to get the most of the team'), [
      'estimate work units',
      'manage the process',
      'get the most of the team',
    ]);
    for (const whole of [
      'communicate confidence about the technology choices and the organization, security and scalability',
      'evaluating which ones to elevate, decide on, and translate that reasoning down',
      'hiring, on-boarding, project staffing, mentoring, and off-boarding',
    ]) {
      assert.deepStrictEqual(splitEnumeration(whole), [whole]);
    }
  });

  it('splits sentences but not abbreviations or versions', () => {
    assert.deepStrictEqual(splitSentences('Meet for regular 1-on-1s. They also run meetings (e.g. retros). Done!'), [
      'Meet for regular 1-on-1s.',
      'They also run meetings (e.g. retros).',
      'Done!',
    ]);
  });

  it('cleans text: HTML, wiki links, emphasis leftovers, Liquid, spacing', () => {
    assert.strictEqual(cleanText('<li>Owns <b>the</b>   plan</li>'), 'Owns the plan');
    assert.strictEqual(cleanText('Chief Technology Officer ([[CTO]])'), 'Chief Technology Officer (CTO)');
    assert.strictEqual(cleanText('*The Director reports to'), 'The Director reports to');
    assert.strictEqual(cleanText('benefit.Creates strategies'), 'benefit. Creates strategies');
    assert.strictEqual(cleanText('GitLab.com and Node.js'), 'GitLab.com and Node.js');
    assert.strictEqual(replaceLiquid('[a]({% page "x/y" %}) and {% slack_channel "dev" %} {{ base.url }}'), '[a](#) and dev ');
    assert.strictEqual(replaceLiquid('{% slack_channel "talent" "the Talent team" %}'), 'the Talent team');
    assert.strictEqual(tidyItem('  - plans technology direction.'), 'Plans technology direction');
    assert.strictEqual(tidyItem('Ship features. Collaborate on larger projects.'), 'Ship features. Collaborate on larger projects.');
  });
});

describe('importer: HTML tables', () => {
  it('reads unclosed list items and cells, with row and column spans', () => {
    const html = [
      '<table>',
      '<tr><th>Level</th><th>Execution</th><th>Teamwork</th></tr>',
      '<tr><th rowspan="2">M3</th><td colspan="2"><p>Accountable for a team.</p></td></tr>',
      '<tr><td><ul><li>Runs planning<li>Delegates work</ul></td><td><ul><li>Resolves conflicts</li></ul>',
      '</table>',
    ].join('\n');
    const t = parseHtmlTable(html, (o) => 1 + (html.slice(0, o).match(/\n/g) ?? []).length);
    assert.deepStrictEqual(
      t.rows.map((r) => r.map((c) => (c.spanned ? '^' : '') + (c.items.length ? c.items.join('|') : c.text))),
      [
        ['Level', 'Execution', 'Teamwork'],
        ['M3', 'Accountable for a team.', '^Accountable for a team.'],
        ['^M3', 'Runs planning|Delegates work', 'Resolves conflicts'],
      ],
    );
    assert.strictEqual(t.rows[2][1].line, 4);
  });
});

const SYNTHETIC = `# Platform Team Roles

This page describes the roles on the platform team.

## Data Engineer

The Data Engineer builds and runs the data platform. This role reports to the [Head of Data](#head-of-data).

### What you'll do

1. Design and operate batch pipelines
2. Own data quality for the warehouse

### You have

- 3+ years of Python
- Experience with Airflow

## Head of Data ##

The Head of Data is an executive role and is responsible for defining the data strategy.

**Responsibilities**

- Set the data strategy
- Hire and grow the data team

**Not responsible for**

- Payroll

Some ways to evaluate success of the Head of Data:

- Is data trusted across the company?

#### Data Analyst

Their job is to build dashboards, answer questions from product teams, and run experiments with the squads.
The Data Analyst is not responsible for:

- Data pipelines

| Role | Responsibilities |
|---|---|
| Data Steward | Maintains the data catalogue<br>Reviews access requests |
`;

describe('importer: pages in other shapes', () => {
  const result = importPage(SYNTHETIC);

  it('finds roles at any heading depth, in closed headings and in tables; not the page title', () => {
    assert.deepStrictEqual(
      result.roles.map((r) => [r.role, r.title, r.type]),
      [
        ['data-engineer', 'Data Engineer', 'individual-contributor'],
        ['head-of-data', 'Head of Data', 'executive'],
        ['data-analyst', 'Data Analyst', 'individual-contributor'],
        ['data-steward', 'Data Steward', 'individual-contributor'],
      ],
    );
  });

  it('takes explicit sections and bold pseudo-headings; leaves requirements and "not responsible for" out', () => {
    assert.deepStrictEqual(texts(result.roles[0]), ['Design and operate batch pipelines', 'Own data quality for the warehouse']);
    assert.deepStrictEqual(texts(result.roles[1]), ['Set the data strategy', 'Hire and grow the data team']);
    assert.deepStrictEqual(result.roles[1].successCriteria, ['Is data trusted across the company?']);
    assert.deepStrictEqual(texts(result.roles[2]), [
      'Build dashboards',
      'Answer questions from product teams',
      'Run experiments with the squads',
    ]);
    assert.deepStrictEqual(texts(result.roles[3]), ['Maintains the data catalogue', 'Reviews access requests']);
    assert.match(result.roles[0].summary ?? '', /^The Data Engineer builds and runs the data platform\.$/);
  });

  it('records a reporting line to a role of the page, found by its anchor', () => {
    assert.deepStrictEqual(result.roles[0].relationships, [{ with: 'head-of-data', kind: 'reports-to' }]);
  });

  it('writes files the engine accepts', () => {
    assert.deepStrictEqual(engineErrors(result), []);
  });

  it('reads setext headings, mixed and hard-wrapped bullets, and **Verb**: items', () => {
    const page = [
      'Our Engineering Roles',
      '=====================',
      '',
      'Staff Engineer',
      '--------------',
      '',
      '* **Leads**: leads technical direction',
      '* **Mentors**: mentors senior engineers',
      '   and reviews their designs',
      '- **Scope**: a group of teams',
      '',
      'Engineering Director',
      '--------------------',
      '',
      'The Engineering Director manages the Staff Engineer, and advises the CTO on hiring.',
    ].join('\n');
    const r = importPage(page);
    assert.deepStrictEqual(
      r.roles.map((x) => x.role),
      ['staff-engineer', 'engineering-director'],
    );
    assert.deepStrictEqual(texts(r.roles[0]), [
      'Leads technical direction',
      'Mentors senior engineers and reviews their designs',
      'Scope: a group of teams',
    ]);
    assert.deepStrictEqual(r.roles[1].relationships, [{ with: 'staff-engineer', kind: 'manages' }]);
  });

  it('a prose-only role page: duty sentences, its page title as the role, an acronym of the title as a subject', () => {
    const page = [
      '---',
      'title: Site Reliability Engineer',
      '---',
      '',
      'The SRE is responsible for incident response and capacity planning.',
      '',
      'They also automate toil away. They are on call one week in six.',
    ].join('\n');
    const sre = roleOf(page, 'site-reliability-engineer');
    assert.strictEqual(sre.source.line, 2);
    assert.deepStrictEqual(texts(sre), ['Responsible for incident response and capacity planning', 'Automate toil away']);
  });

  it('reads bold role names used as headings, numbered lists, qualification lists and peer relations', () => {
    const page = [
      '# Engineering at Acme',
      '',
      '## Roles',
      '',
      '**Product Designer**',
      '',
      'Designs flows and prototypes with product managers.',
      '',
      '**QA Engineer**',
      '',
      'Key responsibilities:',
      '',
      '1. Writes test plans',
      '2. Automates regression suites',
      '',
      'Qualifications:',
      '',
      '- ISTQB certification',
      '',
      '### Principal Engineer <a name="principal"></a>',
      '',
      'Principal Engineers are accountable for the technical strategy. They are peers of the [Director of Engineering](#director-of-engineering).',
      '',
      '### Director of Engineering',
      '',
      '* Owns the engineering budget',
    ].join('\n');
    const r = importPage(page);
    assert.deepStrictEqual(
      r.roles.map((x) => [x.role, texts(x)]),
      [
        ['product-designer', ['Designs flows and prototypes with product managers']],
        ['qa-engineer', ['Writes test plans', 'Automates regression suites']],
        ['principal-engineer', ['Accountable for the technical strategy']],
        ['director-of-engineering', ['Owns the engineering budget']],
      ],
    );
    assert.deepStrictEqual(r.roles[2].relationships, [{ with: 'director-of-engineering', kind: 'peer' }]);
    assert.strictEqual(r.roles[2].summary, undefined);
  });

  it('a page that defines no role gives none, with a note', () => {
    const r = importPage('# Onboarding\n\nWelcome! Read the [guide](x.md).\n\n- Get a laptop\n');
    assert.deepStrictEqual(r.roles, []);
    assert.strictEqual(r.warnings.length, 1);
    assert.deepStrictEqual(importPage('').roles, []);
  });

  it('lists a role with no responsibilities with a warning, and drops references to it', () => {
    const page = [
      '## Team Lead',
      '',
      'The Team Lead reports to the Engineering Manager.',
      '',
      '- Runs standups',
      '',
      '## Engineering Manager',
      '',
      'A manager.',
    ].join('\n');
    const r = importPage(page);
    const lead = r.roles.find((x) => x.role === 'team-lead')!;
    const em = r.roles.find((x) => x.role === 'engineering-manager')!;
    assert.deepStrictEqual(em.responsibilities, []);
    assert.match(em.warnings?.[0] ?? '', /No responsibilities/);
    assert.deepStrictEqual(lead.relationships, []);
    assert.ok(lead.warnings?.some((w) => /engineering-manager/.test(w)));
    assert.deepStrictEqual(engineErrors(r), []);
  });

  it('keeps ids, titles and short names unique across the page', () => {
    const page = [
      '## Tech Lead (TL)',
      '',
      '- Leads the design',
      '',
      '## Tech Lead',
      '',
      '- Reviews the code',
      '',
      '## Test Lead (TL)',
      '',
      '- Plans the tests',
    ].join('\n');
    const r = importPage(page);
    assert.deepStrictEqual(
      r.roles.map((x) => [x.role, x.title, x.aliases]),
      [
        ['tl', 'Tech Lead', ['TL']],
        ['tech-lead', 'Tech Lead (2)', []],
        ['tl-2', 'Test Lead', []],
      ],
    );
    assert.deepStrictEqual(engineErrors(r), []);
  });

  it('removes duplicate responsibilities', () => {
    const r = roleOf('## Analyst\n\n- Builds dashboards\n- builds  dashboards.\n- Answers questions\n', 'analyst');
    assert.deepStrictEqual(texts(r), ['Builds dashboards', 'Answers questions']);
  });
});

describe('importer: role files', () => {
  const role: ImportedRole = {
    role: 'odd-one',
    title: 'Odd: One',
    aliases: ['O1'],
    type: 'manager',
    summary: 'Keeps [[links]] out',
    focus: ['- a dash first'],
    responsibilities: ['*starts with a star', 'yes', { text: '@handle: with a colon', area: 'Area #1' }, '12'],
    successCriteria: ['Is it "quoted"?'],
    sharesSuccessCriteriaOf: [],
    relationships: [],
    source: { line: 7 },
  };

  it('quotes values so that they read back as written', () => {
    const text = renderRoleFile(role, { sourceName: 'pages/odd.md' });
    const data = parse(text.split(/^---$/m)[1]);
    assert.deepStrictEqual(data.responsibilities, ['*starts with a star', 'yes', { text: '@handle: with a colon', area: 'Area #1' }, '12']);
    assert.deepStrictEqual(data.focus, ['- a dash first']);
    assert.strictEqual(data.title, 'Odd: One');
    assert.ok(!('warnings' in data) && !('source' in data));
  });

  it('writes a body that notes the source and holds no role link', () => {
    const text = renderRoleFile(role, { sourceName: 'pages/odd.md' });
    const body = text.slice(text.indexOf('---', 3) + 3);
    assert.match(body, /# Odd: One/);
    assert.match(body, /`pages\/odd\.md` \(line 7\)/);
    assert.doesNotMatch(body, /\[\[/);
  });

  it('passes the engine', () => {
    assert.deepStrictEqual(
      parseFile('odd.md', renderRoleFile(role)).findings.map((f) => f.message),
      [],
    );
  });

  it('responsibilityText reads both forms', () => {
    assert.deepStrictEqual(role.responsibilities.map(responsibilityText), ['*starts with a star', 'yes', '@handle: with a colon', '12']);
  });
});

describe('importer: hostile input', () => {
  // Each page would take minutes with a backtracking-prone pattern; the suite's timeout catches that.
  const pages: [string, string][] = [
    ['a sentence of 20 000 commas', '## Engineering Manager\n\nThe Engineering Manager ' + 'Aa, '.repeat(20000) + 'runs things.\n'],
    ['20 000 capitalised words before a verb', '## Engineering Manager\n\nThe ' + 'Word '.repeat(20000) + 'Manager leads.\n'],
    ['an all-caps run after a comma', '## Engineering Manager\n\nThe Engineering Manager, ' + 'ABCDEFGHIJ'.repeat(3000) + ' x\n'],
    ['200 nested list levels', '## Engineer\n\n' + Array.from({ length: 200 }, (_, i) => '  '.repeat(i) + '- item ' + i).join('\n')],
    [
      'an HTML table with 5 000 unclosed items',
      '<table><tr><th>Role</th><th>Responsibilities</th></tr><tr><td>Owner</td><td><ul>' + '<li>do it'.repeat(5000) + '</table>',
    ],
    ['5 000 open parentheses', '## Engineer ' + '('.repeat(5000) + '\n\n- x\n'],
    [
      'a chain of 100 roles that extend each other',
      Array.from(
        { length: 100 },
        (_, i) =>
          `## Senior Manager, Area ${i}\n\n### Responsibilities\n\n- Extends that of the [Senior Manager, Area ${i + 1}](#senior-manager-area-${i + 1}) responsibilities\n- Manage area ${i}\n`,
      ).join('\n'),
    ],
  ];
  for (const [name, text] of pages) {
    it(`finishes on ${name}`, () => {
      const r = importPage(text);
      assert.ok(Array.isArray(r.roles));
      assert.deepStrictEqual(engineErrors(r), []);
    });
  }

  it('an HTML table of 5 000 items gives one role with them all', () => {
    const r = importPage(pages[4][1]);
    assert.deepStrictEqual(
      r.roles.map((x) => [x.role, x.responsibilities.length]),
      [['owner', 1]],
    );
  });
});
