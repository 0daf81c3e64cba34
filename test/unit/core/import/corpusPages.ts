/**
 * What each page of the first corpus (test/fixtures/corpus/real-handbooks) must give: the roles in
 * page order, a sample of duties, what must not be taken, and extra checks. Read by corpus.test.ts
 * and, as expected facts, by the evaluation (facts.ts).
 */
import * as assert from 'assert';
import { renderRoleFile, responsibilityText, type ImportResult, type ImportedRole } from '../../../../src/core/import';
import { hasText, texts } from './helpers';

/** What one real page must give. */
export interface PageSpec {
  file: string;
  /** Role ids, in page order. */
  roles: string[];
  /** Role id → fragments that some responsibility of it must contain (each entry one duty). */
  duties: Record<string, string[][]>;
  /** Fragments no responsibility of any role may contain (page titles, requirements, hiring steps...). */
  notTaken: string[];
  /** Extra checks on the result. */
  check?: (r: ImportResult, role: (id: string) => ImportedRole) => void;
}

const count = (role: ImportedRole) => role.responsibilities.length;
const areaOf = (role: ImportedRole, fragment: string) => {
  const r = role.responsibilities.find((x) => responsibilityText(x).toLowerCase().includes(fragment.toLowerCase()));
  return r && typeof r !== 'string' ? r.area : undefined;
};
const rels = (role: ImportedRole) => role.relationships.map((r) => `${r.kind}:${r.with}`);

export const PAGES: PageSpec[] = [
  {
    file: '18f--engineering.md',
    roles: ['supervisor', 'director'],
    duties: {
      supervisor: [
        ['direct supervision of a set of engineers'],
        ['hiring, on-boarding', 'off-boarding'],
        ['mid-year and end of year performance evaluations'],
        ['run regular cohort team meetings'],
        ['act as advocates for their engineers'],
      ],
      director: [
        ['engineering chapter'],
        ['represents the chapter on the senior management team'],
        ['guides the work of the engineering practices guild'],
        ['mentor, coach, and guide'],
        ['success of the chapter'],
      ],
    },
    notTaken: ['selected through nominations', 'workshop tech talks', 'demo projects', 'staffing lead', 'subject matter expert', 'slack'],
    check: (r, role) => {
      assert.deepStrictEqual(
        r.roles.map((x) => x.type),
        ['manager', 'manager'],
      );
      assert.deepStrictEqual(rels(role('director')), ['manages:supervisor']);
    },
  },
  {
    file: '18f--roles-and-responsibilities.md',
    roles: [
      'co',
      'acquisition-contracting-lead',
      'cor',
      'procurement-analyst',
      'team-lead',
      'engagement-manager',
      'product-manager',
      'technical-lead',
      'user-experience-design-lead',
    ],
    duties: {
      co: [['final decision-maker for all contractual matters'], ['only person to change the terms and conditions of contract']],
      cor: [['evaluating and processing invoices'], ['maintaining a system of records']],
      'engagement-manager': [['leads agency partner relationship'], ['engages stakeholders'], ['escalates project risks']],
      'product-manager': [['driving a cross-functional team to deliver the right product to the right audience']],
      'user-experience-design-lead': [['usability testing']],
    },
    notTaken: ['reports to', 'check out the 18f product guide', 'example internal buy team', 'warrant, which proves'],
    check: (r, role) => {
      assert.deepStrictEqual(role('co').aliases, ['CO']);
      assert.deepStrictEqual(role('cor').aliases, ['COR']);
      assert.strictEqual(role('co').title, 'Contracting Officer');
      assert.strictEqual(role('acquisition-contracting-lead').title, 'Acquisition (Contracting) Lead');
      assert.deepStrictEqual(r.roles.map(count), [7, 5, 11, 6, 3, 11, 12, 6, 9]);
      // The reporting line names no role of the page: reported, not written as a duty or a relation.
      for (const x of r.roles) {
        assert.deepStrictEqual(x.relationships, []);
        assert.ok(
          x.warnings?.some((w) => /reports to "Assistant Commissioner \(Director\) of the TTS Office of Acquisition"/.test(w)),
          x.role,
        );
      }
      assert.match(role('co').summary ?? '', /official buyer of supplies and services/);
    },
  },
  {
    file: '18f--supervisor-responsibilities.md',
    roles: ['supervisor'],
    duties: {
      supervisor: [
        ['being a thought partner and reviewer'],
        ['leading or supporting hiring activities'],
        ['tocking correctly'],
        ['read #the-shipping-news'],
        ['offboard departing staff and conduct exit interviews'],
      ],
    },
    notTaken: ['{%', 'generally outlined in', 'following administrative tasks', 'slack_channel'],
    check: (_r, role) => {
      const s = role('supervisor');
      assert.strictEqual(s.title, 'Supervisor');
      assert.strictEqual(s.type, 'manager');
      assert.strictEqual(count(s), 24);
      assert.strictEqual(areaOf(s, 'tocking correctly'), 'Weekly');
      assert.strictEqual(areaOf(s, 'exit interviews'), 'Rolling basis');
      assert.strictEqual(areaOf(s, 'Collect peer observations'), 'Quarterly/semi-annually');
    },
  },
  {
    file: 'engineeringladders--EngineeringManager.md',
    roles: ['engineering-manager', 'em5', 'em6', 'em7'],
    duties: {
      'engineering-manager': [['consistent delivery, career growth and level of happiness of the team']],
      em5: [['evangelizes: researches, creates proofs of concept'], ['owns the production operation and monitoring of the system']],
      em7: [['multiple teams: makes an impact not only on the whole team']],
    },
    notTaken: ['owns: owns', 'manages: manages', 'engineering manager 5', 'introduction', 'managing managers', 'picture', 'srcset'],
    check: (_r, role) => {
      assert.deepStrictEqual(role('em5').aliases, ['EM5']);
      assert.strictEqual(role('em5').title, 'Engineering Manager 5');
      // Each level repeats the five duties of the level below with its own changes; a rung extends
      // the one below and keeps only what it adds (the engine inherits the rest).
      assert.deepStrictEqual([role('em6').extends, role('em7').extends], ['em5', 'em6']);
      assert.deepStrictEqual([count(role('em5')), count(role('em6')), count(role('em7'))], [5, 2, 1]);
      assert.ok(role('engineering-manager').aliases.includes('dev manager'));
    },
  },
  {
    file: 'engineeringladders--TechLead.md',
    roles: ['tech-lead', 'tl4', 'tl5', 'tl6', 'tl7'],
    duties: {
      tl4: [['specializes: is the go-to person'], ['coordinates team members providing effective feedback']],
      tl6: [['masters: has very deep knowledge'], ['leads the technical excellence of the system']],
    },
    notTaken: ['coordinates: coordinates', 'tech lead vs engineering manager', 'tl4 - tech lead 4'],
    check: (_r, role) => {
      // The family heading states no duty of its own: listed, with a warning, never written.
      assert.strictEqual(count(role('tech-lead')), 0);
      assert.match(role('tech-lead').warnings?.[0] ?? '', /No responsibilities/);
      assert.match(role('tech-lead').summary ?? '', /owner of the system/);
    },
  },
  {
    file: 'gitlab--acting-cos-to-the-cto--index.html.md',
    roles: ['chief-of-staff-to-the-cto'],
    duties: {
      'chief-of-staff-to-the-cto': [
        ['initiate and guide the cto team okr process'],
        ['curate the engineering week-in-review'],
        ['act as a sounding board to the cto'],
        ['provide feedback on the rotation process'],
        ['drive future special projects', 'volunteer coaching program'],
      ],
    },
    notTaken: [
      'calm under fire',
      'ability to use gitlab',
      'short toes',
      'people business partners, who are',
      'executive business administrator (eba)',
    ],
    check: (_r, role) => {
      const c = role('chief-of-staff-to-the-cto');
      assert.strictEqual(count(c), 18);
      assert.strictEqual(areaOf(c, 'okr process'), 'Projects');
      assert.strictEqual(areaOf(c, 'triage escalations'), 'Communication');
      assert.strictEqual(areaOf(c, 'sounding board'), 'Collaboration');
      assert.strictEqual(areaOf(c, 'investor updates'), 'Logistics');
      assert.notStrictEqual(c.type, 'executive', 'a chief of staff is not an executive role');
    },
  },
  {
    file: 'gitlab--backend-manager--index.html.md',
    roles: ['backend-engineering-manager'],
    duties: {
      'backend-engineering-manager': [
        ['help your engineers grow their skills and experience'],
        ['author project plans for epics'],
        ['draft quarterly okrs and engineering kpis'],
        ['incident management on-call rotation'],
      ],
    },
    notTaken: [
      'exquisite brokering skills',
      'golang experience',
      'computer science education',
      'screening call',
      'insert hiring process',
      'intermediate',
    ],
    check: (_r, role) => {
      const m = role('backend-engineering-manager');
      assert.strictEqual(m.type, 'manager');
      // 14: "May have more than one specialty on their team" says what the role may have, not a duty (rule privileges-not-duties).
      assert.strictEqual(count(m), 14);
      assert.ok(m.successCriteria.includes('Open MR Review Time (OMRT)'));
      assert.match(m.summary ?? '', /manager of people/);
    },
  },
  {
    file: 'gitlab--backend-staff--index.html.md',
    roles: [
      'staff-backend-engineer',
      'staff-backend-engineer-distribution-build',
      'staff-backend-engineer-distribution-deploy',
      'staff-backend-engineer-package',
      'staff-backend-engineer-govern',
      'staff-backend-engineer-secure',
      'staff-backend-engineer-configuration',
      'staff-backend-engineer-ci-cd',
      'staff-backend-engineer-geo',
      'staff-backend-engineer-growth',
      'staff-backend-engineer-engineering-productivity',
      'staff-backend-engineer-application-performance',
      'staff-backend-engineer-ecosystem',
      'staff-backend-engineer-gitaly',
      'staff-backend-engineer-meltano',
      'staff-backend-engineer-database',
      'staff-backend-engineer-gitter',
      'staff-backend-engineer-infrastructure',
      'staff-backend-engineer-delivery',
      'staff-backend-engineer-scalability',
      'staff-backend-engineer-search',
    ],
    duties: {
      'staff-backend-engineer': [
        ['solve technical problems of moderate scope and complexity'],
        ['solve technical problems of the highest scope and complexity for your team'],
        ['shepherd the definition and improvement'],
      ],
      'staff-backend-engineer-gitaly': [['instrument, monitor and profile gitaly']],
      'staff-backend-engineer-geo': [['assess technical feasibility of feature requests']],
      'staff-backend-engineer-engineering-productivity': [['build automated measurements and dashboards', 'to understand what is working']],
      'staff-backend-engineer-meltano': [['executing on the vision of the meltano project']],
    },
    notTaken: [
      'ability to use gitlab',
      'chef experience',
      'tbd',
      'technical questionnaire',
      'must be proficient',
      'expert of ruby on rails',
      'read more about what a specialty is',
      'complexity of this role',
      'faster ci testing',
      'by automating application testing',
    ],
    check: (_r, role) => {
      assert.strictEqual(role('staff-backend-engineer').title, 'Staff Backend Engineer');
      assert.strictEqual(role('staff-backend-engineer-gitaly').title, 'Staff Backend Engineer (Gitaly)');
      assert.strictEqual(count(role('staff-backend-engineer')), 18);
      assert.ok(role('staff-backend-engineer').successCriteria.includes('Backend Unit Test Coverage'));
      assert.ok(role('staff-backend-engineer-gitaly').warnings?.some((w) => /reports to "Gitaly Lead"/.test(w)));
      assert.deepStrictEqual(role('staff-backend-engineer-package').focus.length, 1);
    },
  },
  {
    file: 'gitlab--engineering-management--index.html.md',
    roles: [
      'senior-manager-development',
      'principal-engineer',
      'director-development',
      'distinguished-engineer',
      'senior-director-development',
      'senior-distinguished-engineer',
      'engineering-fellow',
      'vp-of-development',
      'chief-technology-officer',
    ],
    duties: {
      'senior-manager-development': [['manage up to six engineering teams'], ['management mentorship']],
      'principal-engineer': [['plan improvements and features with a 6 month view']],
      'engineering-fellow': [['solve technical problems of the highest scope and complexity for the entire organization']],
      'vp-of-development': [['measure and improve the happiness of engineering'], ['implement technical and process improvements']],
      'chief-technology-officer': [
        ['drive recruiting of a world class team'],
        ['own the sense of psychological safety'],
        ['spend time with customers'],
      ],
    },
    notTaken: [
      'extends that of',
      'exends that of',
      'humble, servant leader',
      'excellent communication skills',
      'past experience',
      'screening call',
      'grade 9',
      'individual equivalent of',
      'typical reporting structure',
      'candidates will be invited',
    ],
    check: (r, role) => {
      assert.deepStrictEqual(rels(role('senior-manager-development')), ['reports-to:director-development']);
      assert.deepStrictEqual(rels(role('principal-engineer')), ['reports-to:senior-manager-development']);
      assert.deepStrictEqual(rels(role('director-development')), ['reports-to:senior-director-development']);
      assert.deepStrictEqual(rels(role('vp-of-development')), ['reports-to:chief-technology-officer']);
      assert.deepStrictEqual(rels(role('senior-distinguished-engineer')), [
        'reports-to:senior-director-development',
        'reports-to:director-development',
      ]);
      assert.ok(role('chief-technology-officer').warnings?.some((w) => /reports to "Chief Executive Officer"/.test(w)));
      // "Extends that of the X responsibilities" brings X's duties in: copied when the role extends
      // two roles, else written as `extends` (a rung of a ladder) with the role's own duties.
      assert.ok(hasText(texts(role('director-development')), 'manage up to six engineering teams'));
      assert.strictEqual(role('vp-of-development').extends, 'senior-director-development');
      assert.ok(!hasText(texts(role('vp-of-development')), 'drive high throughput'));
      assert.match(renderRoleFile(role('vp-of-development')), /^type: executive\nextends: senior-director-development\n/m);
      assert.strictEqual(count(role('chief-technology-officer')), 11);
      assert.strictEqual(role('chief-technology-officer').successCriteria.length, 6);
      assert.strictEqual(role('chief-technology-officer').type, 'executive');
      assert.strictEqual(role('principal-engineer').type, 'individual-contributor');
      assert.ok(!r.roles.some((x) => /levels|hiring|performance|career/i.test(x.title)));
    },
  },
  {
    file: 'gitlab--infrastructure-engineering-management--index.html.md',
    roles: [
      'manager-infrastructure',
      'manager-infrastructure-delivery',
      'manager-infrastructure-reliability',
      'manager-infrastructure-scalability',
      'manager-infrastructure-environment-automation',
      'manager-engineering-us-public-sector-services',
      'manager-engineering-cloud-efficiency-engineering',
      'senior-engineering-manager-infrastructure-platform',
      'director-infrastructure-reliability',
      'senior-director-infrastructure',
      'vp-of-infrastructure',
    ],
    duties: {
      'manager-infrastructure': [['hire an incredible team'], ['manage agile projects']],
      'manager-infrastructure-delivery': [['owning the mean time to production'], ['evolving the team mandate']],
      'manager-engineering-cloud-efficiency-engineering': [['leads programs and contributes to tools']],
      'senior-engineering-manager-infrastructure-platform': [['manage the delivery and scalability infrastructure teams']],
      'vp-of-infrastructure': [['create easy-to-understand slos and transparent dashboards']],
    },
    notTaken: [
      'online community participation',
      'exquisite communication skills',
      'being a us citizen',
      'familiarity with operating saas',
      'specific knowledge and experience',
      '10 years managing',
      'candidates with diverse',
      'hire and manage multiple teams that live',
    ],
    check: (_r, role) => {
      assert.strictEqual(count(role('manager-infrastructure')), 8);
      assert.ok(role('manager-infrastructure').focus[0].startsWith('Hiring and building a world-class team'));
      // "In addition to the same … responsibilities … defined above for the Manager, Infrastructure".
      assert.strictEqual(role('manager-infrastructure-delivery').extends, 'manager-infrastructure');
      assert.ok(hasText(texts(role('manager-infrastructure')), 'manage agile projects'));
      assert.ok(role('manager-engineering-cloud-efficiency-engineering').focus.some((f) => /spend efficiency/.test(f)));
      assert.strictEqual(role('vp-of-infrastructure').type, 'executive');
      assert.strictEqual(role('director-infrastructure-reliability').type, 'manager');
    },
  },
  {
    file: 'monzo--backend.md',
    roles: [
      'backend-engineering-level-1',
      'backend-engineering-level-2',
      'backend-engineering-level-3',
      'backend-engineering-level-4',
      'backend-engineering-level-5',
      'backend-engineering-level-6',
    ],
    duties: {
      'backend-engineering-level-1': [['fixes simple bugs'], ['provides regular status updates to their mentor/buddy']],
      'backend-engineering-level-6': [['serves as a technical authority in the wider engineering community']],
    },
    notTaken: ['make development and career plans', 'compass, not a gps', 'rather than answers, and'],
    check: (r, role) => {
      assert.strictEqual(areaOf(role('backend-engineering-level-1'), 'fixes simple bugs'), 'Mastery');
      assert.strictEqual(areaOf(role('backend-engineering-level-1'), 'status updates'), 'Communication');
      // The examples' criteria count, the examples themselves do not.
      assert.ok(hasText(texts(role('backend-engineering-level-2')), 'provides helpful and actionable feedback in code reviews'));
      assert.ok(!hasText(texts(role('backend-engineering-level-2')), 'levelling up your code reviews talk'));
      assert.ok(r.warnings.some((w) => /frontmatter/.test(w)));
    },
  },
  {
    file: 'postman--career-ladder-for-open-source-contributors.md',
    roles: [
      'open-source-contributor-i',
      'open-source-contributor-ii',
      'senior-open-source-contributor',
      'staff-open-source-contributor',
      'principal-open-source-contributor',
      'distinguished-open-source-contributor',
    ],
    duties: {
      'open-source-contributor-i': [['creates content based on sample code and/or demos']],
      'staff-open-source-contributor': [['owns meetings']],
      'distinguished-open-source-contributor': [['carefully considers communication modality']],
    },
    notTaken: ['at this point', 'typically requires', 'experience:', 'anticipates situations in which they flexibly'],
    check: (r) => {
      assert.deepStrictEqual(r.roles.map(count), [7, 9, 18, 13, 15, 6]);
      assert.ok(r.roles.every((x) => !x.title.includes('#')));
    },
  },
  {
    file: 'postman--career-ladder-for-ospo-engineers.md',
    roles: [
      'ospo-engineer-i',
      'ospo-engineer-ii',
      'senior-ospo-engineer',
      'staff-ospo-engineer',
      'principal-ospo-engineer',
      'distinguished-ospo-engineer',
    ],
    duties: {
      'ospo-engineer-i': [['submits bug reports for issues in the technology'], ['vocal champion']],
      'principal-ospo-engineer': [['proactively communicates and addresses necessary trade-offs']],
    },
    notTaken: ['at this point', 'typically requires', 'typically doesn’t require'],
    check: (r) => {
      assert.deepStrictEqual(r.roles.map(count), [5, 7, 14, 7, 12, 7]);
    },
  },
  {
    file: 'sourcegraph--career-development--framework.md',
    roles: ['ic1', 'ic2', 'ic3', 'ic4', 'ic5', 'm3', 'm4', 'm5', 'm6'],
    duties: {
      ic1: [['impact: delivers clearly defined projects']],
      ic3: [['actively mentors junior team members']],
      m3: [['provides technical guidance to the team'], ['proactively resolves interpersonal conflicts']],
      m6: [['defines growth and hiring goals']],
    },
    notTaken: ['years of experience', 'analogy:', 'the tangible and positive difference', 'eligible for promotion', 'container-width'],
    check: (r, role) => {
      assert.strictEqual(areaOf(role('ic3'), 'mentors junior'), 'Teamwork');
      assert.strictEqual(areaOf(role('m3'), 'technical guidance to the team'), 'Proficiency');
      assert.deepStrictEqual(
        r.roles.map((x) => x.type),
        [
          'individual-contributor',
          'individual-contributor',
          'individual-contributor',
          'individual-contributor',
          'individual-contributor',
          'manager',
          'manager',
          'manager',
          'manager',
        ],
      );
      assert.deepStrictEqual(rels(role('m5')), ['reports-to:m6']);
      assert.match(role('m3').summary ?? '', /^Accountable for the performance and results of a small team/);
    },
  },
  {
    file: 'sourcegraph--ceo-roles.md',
    roles: ['ceo'],
    duties: { ceo: [['set the high-level strategy'], ['hire great people'], ['lead by example in accountability']] },
    notTaken: ['this page lists', 'index.md'],
    check: (_r, role) => {
      assert.strictEqual(role('ceo').title, 'Chief Executive Officer');
      assert.deepStrictEqual(role('ceo').aliases, ['CEO']);
      assert.strictEqual(role('ceo').type, 'executive');
      assert.strictEqual(count(role('ceo')), 7);
    },
  },
  {
    file: 'sourcegraph--cto--index.md',
    roles: ['cto'],
    duties: { cto: [["build experiments that support the company's mission"]] },
    notTaken: ['community', 'dm beyang', 'bandwidth', 'approval process', 'separate company'],
    check: (_r, role) => {
      assert.strictEqual(count(role('cto')), 1);
      assert.deepStrictEqual(role('cto').aliases, ['CTO']);
    },
  },
  {
    file: 'sourcegraph--dev-roles--index.md',
    roles: ['software-engineer', 'engineering-manager', 'vp-engineering'],
    duties: {
      'software-engineer': [['iteratively create, ship, and maintain high quality architecture']],
      'engineering-manager': [['participate in our talent review sessions']],
      'vp-engineering': [['excellent culture, organization, and processes']],
    },
    notTaken: ['this page lists the roles', '../../'],
    check: (r, role) => {
      assert.deepStrictEqual(r.roles.map(count), [5, 7, 4]);
      assert.strictEqual(role('software-engineer').summary, 'Software engineers build our product and infrastructure.');
      assert.strictEqual(role('vp-engineering').type, 'executive');
    },
  },
  {
    file: 'sourcegraph--information-security-roles-and-responsibilities.md',
    roles: [
      'board-of-directors',
      'executive-leadership',
      'head-of-security',
      'compliance-manager',
      'control-owner',
      'system-owner',
      'sourcegraph-employees-contractors-temporary-workers-etc',
    ],
    duties: {
      'head-of-security': [['defines and runs the security program'], ['communicates information security risks to executive leadership']],
      'compliance-manager': [['risk assessment and management: identify and assess potential risks']],
      'control-owner': [['control evidence gathering and submission for review']],
      'sourcegraph-employees-contractors-temporary-workers-etc': [['reporting incidents and observed anomalies']],
    },
    notTaken: ['first version', 'diego comas', 'report-policy-violation', 'disciplinary action'],
    check: (r, role) => {
      assert.deepStrictEqual(r.roles.map(count), [2, 4, 7, 9, 4, 2, 4]);
      assert.strictEqual(role('head-of-security').type, 'manager');
      assert.strictEqual(role('executive-leadership').type, 'executive');
    },
  },
  {
    file: 'sourcegraph--product_manager_engineering_manager_responsibilities.md',
    roles: ['pm', 'em'],
    duties: {
      pm: [['speak to customers about upcoming features'], ['prioritize the work for the iteration']],
      em: [['source candidates'], ['hold retrospectives after each iteration'], ['balance iteration goals with available capacity']],
    },
    notTaken: ['no proactive responsibilities', 'share the load', 'reduce the bus factor', 'th:first-of-type', 'vertical-align'],
    check: (_r, role) => {
      assert.strictEqual(role('pm').title, 'Product manager');
      assert.deepStrictEqual(role('pm').aliases, ['PM']);
      assert.deepStrictEqual(role('em').aliases, ['EM']);
      assert.strictEqual(areaOf(role('pm'), 'speak to customers'), 'Product marketing');
      assert.strictEqual(areaOf(role('em'), 'source candidates'), 'Hiring');
      // The column per role: the PM's expectations under an EM heading still belong to the PM.
      assert.ok(hasText(texts(role('pm')), 'ensure there is a clear roadmap so the em knows who we need to hire'));
      assert.ok(!hasText(texts(role('em')), 'ensure there is a clear roadmap'));
      assert.ok(role('pm').successCriteria.some((s) => /clearly defined the goal of your team/.test(s)));
    },
  },
];
