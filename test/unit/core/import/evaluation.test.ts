/**
 * The importer's quality on both corpora, left-one-source-out (facts.ts), and its explanation.
 * The bar of issue 18 is 90% of the expected facts; the bench (`--only=import`) prints the same
 * evaluation per source.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { GENERAL_RULES, explanationLines, importPage } from '../../../../src/core/import';
import { CORPUS_DIRS, allPageFacts, evaluate, rulesWithout, sourceOf, type Evaluation } from './facts';
import { readFixture } from './helpers';

describe('importer: evaluation on both corpora (leave-one-source-out)', function () {
  this.timeout(120000);
  let result: Evaluation;
  before(() => {
    result = evaluate();
  });

  it('has expected facts for every page of both corpora', () => {
    const pages = CORPUS_DIRS.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md'));
    assert.deepStrictEqual(
      allPageFacts()
        .map((p) => p.file)
        .sort(),
      pages.sort(),
    );
    assert.strictEqual(pages.length, 33);
  });

  it('every general rule names at least two pages of the corpora that need it', () => {
    const files = new Set(allPageFacts().map((p) => p.file));
    for (const rule of GENERAL_RULES) {
      assert.ok(rule.evidence.length >= 2, rule.id);
      for (const f of rule.evidence) assert.ok(files.has(f), `${rule.id}: ${f} is not a corpus page`);
    }
  });

  it('each rule changes the import of the pages it names (all rules on, or the rules of their held-out run)', () => {
    const files = new Map(allPageFacts().map((p) => [p.file, path.join(p.dir, p.file)]));
    const all = new Set(GENERAL_RULES.map((g) => g.id));
    const sig = (text: string, rules: Set<string>) =>
      JSON.stringify(importPage(text, { rules }).roles.map((r) => [r.title, r.aliases, r.responsibilities]));
    const needed = new Map<string, string[]>();
    for (const rule of GENERAL_RULES)
      for (const file of rule.evidence) {
        const text = readFixture(files.get(file)!);
        const loso = new Set([...rulesWithout(sourceOf(file)), rule.id]);
        const without = (set: Set<string>) => new Set([...set].filter((id) => id !== rule.id));
        if (sig(text, all) !== sig(text, without(all)) || sig(text, loso) !== sig(text, without(loso)))
          needed.set(rule.id, [...(needed.get(rule.id) ?? []), file]);
      }
    // Every rule is needed by at least one page it names; these four by one page only (the others
    // show the pattern but read the same without the rule): a known weakness of the evidence.
    assert.deepStrictEqual(
      GENERAL_RULES.filter((g) => (needed.get(g.id) ?? []).length < 2).map((g) => [g.id, needed.get(g.id)]),
      [
        ['section-of-role', ['kyverno--GOVERNANCE.md']],
        ['sentence-heading-not-role', ['loanmarket--Engineering.md']],
        ['rows-per-role-with-areas', ['artsy--ladder.md']],
        ['level-heading', ['gitlab--ux-researcher--index.html.md']],
      ],
    );
  });

  it('turns off, for a held-out source, the rules only that source justifies', () => {
    assert.ok(!rulesWithout('loanmarket').has('sentence-heading-not-role'));
    assert.ok(rulesWithout('rust').has('title-with-label'));
    assert.ok(!rulesWithout('gitlab').has('raci'));
    assert.ok(!rulesWithout('rust').has('raci'));
    assert.ok(rulesWithout('artsy').has('roles-in-columns'));
    assert.ok(rulesWithout('pagerduty').has('section-with-duties-is-role'));
  });

  it('gets at least 90% of the expected facts left-one-source-out', () => {
    const share = result.right / result.total;
    assert.ok(share >= 0.9, `${result.right}/${result.total} = ${(100 * share).toFixed(1)}%`);
    assert.ok(result.inSample.right >= result.right);
    assert.deepStrictEqual(
      result.sources.map((s) => s.source),
      [
        '18f',
        'artsy',
        'engineeringladders',
        'etsy',
        'gitlab',
        'istio',
        'kyverno',
        'loanmarket',
        'monzo',
        'pagerduty',
        'postman',
        'rust',
        'sourcegraph',
      ],
    );
  });

  it('finds roles on every page of both corpora left-one-source-out (issue 18: no page with zero roles)', () => {
    assert.strictEqual(result.pages.length, 33);
    assert.deepStrictEqual(
      result.pages.filter((p) => p.roles === 0).map((p) => p.file),
      [],
    );
    assert.deepStrictEqual(
      result.sources.flatMap((s) => s.zeroRolePages),
      [],
    );
  });

  it('finds roles on every page with all rules on', () => {
    for (const p of allPageFacts()) {
      const r = importPage(readFixture(path.join(p.dir, p.file)));
      assert.ok(r.roles.length > 0, `${p.file} (${sourceOf(p.file)}) gives no role`);
    }
  });
});

describe('importer: --explain (why each role, which lists were left out)', () => {
  const page = [
    '# Incident roles',
    '',
    '## Deputy',
    '',
    '### What are the responsibilities?',
    '',
    '- Manage the incident call',
    '',
    '### How can I become one?',
    '',
    '- Take the training',
    '',
    '## Reviewers',
    '',
    '**Responsibilities of a Reviewer**',
    '',
    '- Perform detailed code reviews',
    '',
    '**Privileges of a Reviewer**',
    '',
    '- Triage access to the repository',
    '',
    '## Engineering Manager',
    '',
    '### Requirements',
    '',
    '- Experience leading teams',
    '',
  ].join('\n');

  it('names the rule that made each role, and each list left out with its reason and rule', () => {
    const r = importPage(page, { explain: true });
    assert.deepStrictEqual(
      r.explanation?.roles.map((x) => [x.role, x.line, x.rule]),
      [
        ['deputy', 3, 'section-with-duties-is-role'],
        ['reviewer', 13, 'section-with-duties-is-role'],
        ['engineering-manager', 23, 'role-words'],
      ],
    );
    assert.deepStrictEqual(
      r.explanation?.skipped.map((s) => [s.line, s.role, s.context, s.first, s.rule]),
      [
        [11, 'Deputy', 'section "How can I become one?"', 'Take the training', 'section-words'],
        [21, 'Reviewer', 'section "Privileges of a Reviewer"', 'Triage access to the repository', 'section-of-role'],
        [27, 'Engineering Manager', 'section "Requirements"', 'Experience leading teams', 'section-words'],
      ],
    );
    assert.strictEqual(r.explanation?.skipped[2].reason, 'requirements or qualifications, not duties');
  });

  it('takes a list it would leave out when the user includes it', () => {
    const r = importPage(page, { include: [11], explain: true });
    assert.deepStrictEqual(r.roles[0].responsibilities, ['Manage the incident call', 'Take the training']);
    assert.deepStrictEqual(
      r.explanation?.skipped.map((s) => s.line),
      [21, 27],
    );
  });

  it('without explain, the result has no explanation', () => {
    assert.strictEqual(importPage(page).explanation, undefined);
  });
});

describe('importer: tables and statements of roles (rules roles-in-columns, raci, role-statement, title-with-label)', () => {
  const tables = [
    '# Ladder',
    '',
    '<table>',
    '<tr><td>Impact</td><td>Engineer 1</td><td>Engineer 2</td></tr>',
    '<tr><td>Team impact</td><td><ul><li>Completes tasks</li></ul></td><td><ul><li>Leads projects</li></ul></td></tr>',
    '</table>',
    '',
    '## RACI',
    '',
    '<table>',
    '<tr><td>Deliverable</td><td>Channel Team</td><td>Services</td></tr>',
    '<tr><td>Partner onboarding</td><td>A, R</td><td>C</td></tr>',
    '<tr><td>Rate cards</td><td>I</td><td>A,R</td></tr>',
    '</table>',
    '',
    '**PHD Specialists are responsible for the onboarding of new partners.**',
    '',
    '- Review new partner applicants',
    '',
  ].join('\n');

  it('reads a column per role (the row label as area), a RACI matrix (R or A: a duty) and a bold role statement', () => {
    const r = importPage(tables, { explain: true });
    assert.deepStrictEqual(
      r.roles.map((x) => [x.role, x.responsibilities]),
      [
        ['engineer-1', [{ text: 'Completes tasks', area: 'Team impact' }]],
        ['engineer-2', [{ text: 'Leads projects', area: 'Team impact' }]],
        ['channel-team', [{ text: 'Partner onboarding', area: 'RACI' }]],
        ['services', [{ text: 'Rate cards', area: 'RACI' }]],
        ['phd-specialist', ['The onboarding of new partners', 'Review new partner applicants']],
      ],
    );
    assert.deepStrictEqual(
      r.explanation?.roles.map((x) => [x.role, x.line, x.rule]),
      [
        ['engineer-1', 4, 'roles-in-columns'],
        ['engineer-2', 4, 'roles-in-columns'],
        ['channel-team', 11, 'raci'],
        ['services', 11, 'raci'],
        ['phd-specialist', 16, 'role-statement'],
      ],
    );
  });

  it('without those rules (a held-out source whose rule only it justifies), the tables and the statement give no role', () => {
    const rules = new Set(GENERAL_RULES.map((g) => g.id).filter((id) => !['roles-in-columns', 'raci', 'role-statement'].includes(id)));
    assert.deepStrictEqual(
      importPage(tables, { rules }).roles.map((x) => x.role),
      [],
    );
  });

  it('keeps bold labels after a bold role statement (`**Weekly:**`) inside that role, as areas', () => {
    const page = [
      '## Calendar',
      '',
      '**PHD Specialists are responsible for the onboarding of new partners.**',
      '',
      '**Weekly:**',
      '',
      '- Review new partner applicants',
      '',
      '**Monthly:**',
      '',
      '- Review new partner activity',
      '',
    ].join('\n');
    assert.deepStrictEqual(
      importPage(page).roles.map((x) => [x.role, x.responsibilities]),
      [
        [
          'phd-specialist',
          [
            'The onboarding of new partners',
            { text: 'Review new partner applicants', area: 'Weekly' },
            { text: 'Review new partner activity', area: 'Monthly' },
          ],
        ],
      ],
    );
  });

  const raci = [
    '# Role Description: Project Director',
    '',
    '## Responsibilities',
    '',
    'In summary, Project Directors are..',
    '',
    '- **..responsible for:** the relationship with the Foundation',
    '  - Publishing summaries of board meetings',
    '- **..accountable to:** the Council',
    '  - Attending Council meetings',
    '',
    'Similarly, the Foundation staff are...',
    '',
    '- **..expected to consult:** the Project Directors',
    '  - Communicating the needs of the Foundation',
    '',
  ].join('\n');

  it('takes the responsible-for bullets of a RACI as duties, and explains the lists it leaves out', () => {
    const r = importPage(raci, { explain: true });
    assert.deepStrictEqual(
      r.roles.map((x) => [x.role, x.title, x.responsibilities]),
      [
        [
          'project-director',
          'Project Director',
          ['Responsible for the relationship with the Foundation', 'Publishing summaries of board meetings'],
        ],
      ],
    );
    assert.deepStrictEqual(
      r.explanation?.roles.map((x) => [x.role, x.rule]),
      [['project-director', 'title-with-label']],
    );
    assert.deepStrictEqual(
      r.explanation?.skipped.map((s) => [s.line, s.context, s.reason, s.rule]),
      [
        [10, 'item "..accountable to: the Council"', 'whom the role is accountable to, consults or informs (RACI), not duties', 'raci'],
        [14, 'lead-in "Similarly, the Foundation staff are..."', 'what the Foundation staff is or does, not this role', 'role-statement'],
      ],
    );
    const lines = explanationLines(r);
    assert.ok(lines.includes(`rule raci: ${GENERAL_RULES.find((g) => g.id === 'raci')?.description}`));
    // The user may include a list left out: its items become duties.
    assert.deepStrictEqual(importPage(raci, { include: [10] }).roles[0].responsibilities.slice(-1), ['Attending Council meetings']);
  });
});

describe('importer: levels and short names (rules level-heading, acronym-definition, sentence-heading-not-role)', () => {
  it('reads bare level headings on a one-role page as that role at each level (Intermediate is the role itself)', () => {
    const page = [
      '---',
      'title: "UX Researcher"',
      '---',
      '',
      '## Levels',
      '',
      '### Intermediate',
      '',
      '#### Intermediate Responsibilities',
      '',
      '- Conduct research',
      '',
      '### Senior',
      '',
      '#### Senior Responsibilities',
      '',
      '- Drive a company-wide research-based measure',
      '',
    ].join('\n');
    const r = importPage(page, { explain: true });
    assert.deepStrictEqual(
      r.roles.map((x) => [x.role, x.responsibilities, x.extends]),
      [
        ['ux-researcher', ['Conduct research'], undefined],
        ['senior-ux-researcher', ['Drive a company-wide research-based measure'], 'ux-researcher'],
      ],
    );
    assert.deepStrictEqual(
      r.explanation?.roles.map((x) => [x.role, x.rule]),
      [
        ['ux-researcher', 'page-title'],
        ['senior-ux-researcher', 'level-heading'],
      ],
    );
    const off = new Set(GENERAL_RULES.map((g) => g.id).filter((id) => id !== 'level-heading'));
    assert.deepStrictEqual(
      importPage(page, { rules: off }).roles.map((x) => x.role),
      ['ux-researcher'],
    );
  });

  it('takes short forms the page defines in passing, and short names from a roles table', () => {
    const page = [
      '# Incident roles',
      '',
      '| Role | Description |',
      '| --- | --- |',
      '| `IM` - **Incident Manager** [onboarding](x) | Leads the response |',
      '',
      '## Incident Manager Responsibilities',
      '',
      '- Keep the status current',
      '',
      '## Subject Matter Expert',
      '',
      'A Subject Matter Expert (SME), sometimes called a "Resolver", is a domain expert.',
      '',
      '### What are the responsibilities?',
      '',
      '- Diagnose common problems',
      '',
      'The CSM and the Partner Help Desk (PHD) each have tasks.',
      '',
      '**PHD Specialists are responsible for the onboarding of new partners.**',
      '',
    ].join('\n');
    const r = importPage(page);
    assert.deepStrictEqual(
      r.roles.map((x) => [x.role, x.title, x.aliases]),
      [
        ['incident-manager', 'Incident Manager', ['IM']],
        ['subject-matter-expert', 'Subject Matter Expert', ['SME']],
        ['partner-help-desk-specialist', 'Partner Help Desk Specialist', ['PHD Specialist']],
      ],
    );
    const off = new Set(GENERAL_RULES.map((g) => g.id).filter((id) => id !== 'acronym-definition'));
    assert.deepStrictEqual(
      importPage(page, { rules: off }).roles.map((x) => [x.title, x.aliases]),
      [
        ['Incident Manager', ['IM']],
        ['Subject Matter Expert', []],
        ['PHD Specialist', []],
      ],
    );
  });

  it('reads a first-person sentence heading as a group of duties, not as a process about the role', () => {
    const page = [
      '## Lead Engineer',
      '',
      '#### I am becoming a respected and trusted leader of people.',
      '',
      '- I can pitch ideas',
      '',
    ].join('\n');
    assert.deepStrictEqual(importPage(page).roles[0].responsibilities, [
      { text: 'I can pitch ideas', area: 'I am becoming a respected and trusted leader of people.' },
    ]);
  });
});
