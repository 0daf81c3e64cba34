/**
 * Expected facts for every page of the second corpus (test/fixtures/corpus/real-handbooks-2),
 * written as a careful reader takes them from the page, before any tuning of the importer: the
 * roles the page defines (title, short names), a sample of each one's duties and success
 * criteria, reporting lines, and what must NOT be taken (headings that are not roles, lists that
 * are requirements, privileges, processes or people). Each entry is one fact of the evaluation.
 *
 * Duties are fragments that some responsibility of the role must contain (case-insensitive);
 * titles match an imported role whose title words (or a short name) are those of the fact.
 */
import type { PageFacts } from './facts';

export const FACTS_2: PageFacts[] = [
  {
    file: 'artsy--ladder.md',
    roles: [
      { title: 'Engineer 1', duties: ['Routinely pushes code through the entire lifecycle'] },
      { title: 'Engineer 2', duties: ['Consistently applies Artsy best practices'] },
      { title: 'Senior Engineer 1', duties: ['systematically trace and troubleshoot end-to-end issues'] },
      { title: 'Senior Engineer 2' },
      { title: 'Staff Engineer' },
      { title: 'Engineering Manager 1' },
      { title: 'Director of Engineering' },
    ],
    notRoles: ['Individual Contributors', 'Evaluation criteria', 'Knowledge Leadership', 'Bragging Document', 'Technical Leads'],
    notTaken: ['This ladder is heavily inspired by', 'TODO'],
  },
  {
    file: 'etsy--Etsy-Engineering-Career-Ladder--index.md',
    roles: [
      { title: 'Engineer I', duties: ['complete narrowly-defined tasks with clear instructions'] },
      { title: 'Engineer II', duties: ['independently tackle well-scoped problems', 'regularly deliver your work to end users'] },
      {
        title: 'Senior Engineer',
        duties: ['take the lead on directing and implementing solutions', 'enable other engineers on your team to be successful'],
      },
      { title: 'Staff Engineer' },
      { title: 'Senior Staff Engineer' },
      { title: 'Principal Engineer' },
    ],
    notRoles: ['Level Progression', 'Etsy Engineering Career Ladder'],
    notTaken: ['download as .pdf', 'Engineers at this level will generally be'],
  },
  {
    file: 'gitlab--channel-programs-ops--index.html.md',
    roles: [
      {
        title: 'Partner Help Desk Specialist',
        aliases: ['PHD Specialist'],
        duties: ['onboarding and enablement of new partners', 'Review new partner applicants'],
      },
      { title: 'Channel Team', duties: ['Partner onboarding'] },
    ],
    notRoles: [
      'Help Your Partners Become a GitLab Certified Service Partner',
      'Partner Contracts',
      'Partner Flash Newsletter',
      'Target Audience',
      'Slack Channels',
    ],
    notTaken: ['partnersupport@gitlab.com'],
  },
  {
    file: 'gitlab--incident-management--index.html.md',
    roles: [
      { title: 'Engineer on Call', aliases: ['EOC'], duties: ['clearing out that noise'] },
      {
        title: 'Incident Manager',
        aliases: ['IM'],
        duties: ['Current Status', 'post-incident review', 'support the EOC by contacting team members'],
      },
      {
        title: 'Communications Manager on Call',
        aliases: ['CMOC'],
        duties: ['Be the voice of GitLab during an incident', 'Update the status page at regular intervals'],
      },
    ],
    notRoles: [
      'Incident Status Updates',
      'Incident Timeline Updates',
      'Incident Mitigation Methods',
      'Weekend Escalations',
      'IM Severity 1 Checklist',
    ],
    notTaken: ['pd trigger', 'The SSOT for who is the current'],
  },
  {
    file: 'gitlab--product-management-leadership--index.html.md',
    roles: [
      { title: 'Group Manager, Product', aliases: ['GMP'] },
      { title: 'Director of Product Management' },
      { title: 'Senior Director of Product Management' },
      { title: 'VP of Product' },
      { title: 'Senior Director of Product Monetization' },
    ],
    notRoles: ['References', 'Group Manager, Product (Verify)', 'Director of Product Management (Dev)', 'Data Science', 'Activities'],
    notTaken: ['Product Handbook', 'Product Development Workflow'],
  },
  {
    file: 'gitlab--security-incident-response-team--index.html.md',
    roles: [
      {
        title: 'Security Incident Response Team Engineer',
        duties: ['Detect and respond to basic security incidents', 'Contribute to creation of runbooks'],
        reportsTo: 'Manager, Security Incident Response Team',
      },
      { title: 'Senior Security Incident Response Team Engineer', reportsTo: 'Manager, Security Incident Response Team' },
      { title: 'Staff Security Incident Response Team Engineer' },
      {
        title: 'Manager, Security Incident Response Team',
        duties: ['Hire a world class team of security engineers', 'Hold regular 1:1', 'Author project plans for security initiatives'],
        reportsTo: 'Senior Manager, Security Incident Response Team',
      },
      { title: 'Senior Manager, Security Incident Response Team' },
    ],
    notRoles: ['Career Ladder', 'Hiring Process', 'Levels'],
    notTaken: ['Familiarity with major cloud providers', 'Experience with the role of an incident manager', 'graph LR'],
  },
  {
    file: 'gitlab--ux-researcher--index.html.md',
    roles: [
      { title: 'UX Researcher', duties: ['Collaborate with GitLab designers, product managers and engineers'] },
      { title: 'Senior UX Researcher', duties: ['Drive a company-wide research-based measure'] },
      { title: 'Staff UX Researcher' },
      { title: 'Principal UX Researcher' },
    ],
    notRoles: ['Hiring Process', 'Levels'],
    notTaken: ['is a grade 6', 'reports to the Director of User Experience Research'],
  },
  {
    file: 'istio--ROLES.md',
    roles: [
      { title: 'Collaborator' },
      { title: 'Member', duties: ['Responsive to issues and PRs assigned to them', 'Active owner of code they have contributed'] },
      { title: 'Documentation Reviewer', duties: ['Review PRs in', 'Ensure the relevant technical Working Group is added as a reviewer'] },
      { title: 'Maintainer', duties: ['project quality control', 'responsive to review requests'], line: 212 },
      { title: 'Triager', duties: ['Perform issue triage on GitHub', 'GitHub labels and milestones'] },
      { title: 'Lead', duties: ['Run their working group', 'Strive for consensus on technical matters'], line: 280 },
      { title: 'Administrator', duties: ['Manage a variety of infrastructure support'] },
      { title: 'Release manager', duties: ['Get a release out the door'] },
      { title: 'Sponsor', duties: ['Vouch for another GitHub user'] },
    ],
    notRoles: ['Role summary', 'Becoming a member', 'Istio Community Roles'],
    notTaken: [
      'Has pushed at least one PR',
      'Appointed by the',
      'Member for at least 1 year',
      'Primary reviewer for 20 substantial PRs',
      'adding yourself to the members list',
      'Can submit PRs',
      'Voting rights',
      'Admin privilege over the GitHub repos',
    ],
  },
  {
    file: 'kyverno--GOVERNANCE.md',
    roles: [
      { title: 'Contributor' },
      {
        title: 'Reviewer',
        duties: [
          'Perform detailed code reviews',
          'Ensure submitted code adheres to project style',
          'Serve as a mentor to newer contributors',
          'Help triage issues',
        ],
      },
      {
        title: 'Maintainer',
        duties: ['Tracks and ensures adequate health', 'Merges Pull Requests and helps prepare releases', 'Decides on when PRs are merged'],
      },
    ],
    notRoles: [
      'Checklist before becoming a Maintainer',
      'Summary of Roles',
      'Contributor Ladder',
      'Progression Process',
      'Maintainer Areas',
      'Kyverno Governance',
    ],
    notTaken: [
      'Have at least eight (8)',
      'Attained the super majority vote',
      'Triage access to the repository',
      'Listed as an organization member',
      'off-boarding',
      'Proficient in GitHub',
      'Have completed all steps',
      'Nominated by current Maintainer',
      'Engage with the Kyverno community',
    ],
  },
  {
    file: 'loanmarket--Engineering.md',
    roles: [
      { title: 'Graduate Engineer', duties: ['segment tasks into deliverable units of work'] },
      { title: 'Engineer' },
      { title: 'Senior Engineer' },
      { title: 'Principal Engineer' },
      { title: 'Lead Engineer', duties: ['pitch ideas and influence my teams decisions'] },
      { title: 'Engineering Operations Lead', duties: ['responsible for my team and the relationship with our stakeholders'] },
      { title: 'Principal Architect' },
      { title: 'Engineering Manager', duties: ['set clear expectations for people'] },
    ],
    notRoles: [
      'I am becoming a respected and trusted leader of people',
      'I am a deeply respected leader of people',
      'I am a servant leader for my team',
      'Engineering Roles',
    ],
    notTaken: [],
  },
  {
    file: 'pagerduty--different_roles.md',
    roles: [
      {
        title: 'Incident Commander',
        aliases: ['IC'],
        duties: [
          'Setup communications channels for major incidents',
          'Delegate all repair actions',
          'Creating the initial template right after the incident',
        ],
      },
      { title: 'Deputy', duties: ['Bring up issues to the Incident Commander', 'hot standby', 'Manage the incident call'] },
      { title: 'Scribe', duties: ['Ensure the incident call is being recorded', 'Note in Slack important data'] },
      { title: 'Subject Matter Expert', aliases: ['SME'], duties: ['diagnose common problems', 'rapidly fix issues'] },
      {
        title: 'Customer Liaison',
        duties: ['Drafting external communication', 'Post any publicly facing messages', 'Provide customers with the external message'],
      },
      { title: 'Internal Liaison', duties: ['Notify other teams within the organization', 'Liaise with stakeholders'] },
    ],
    notRoles: ['Flexible Structure', 'What is it', 'Why have one', 'How can I become one', 'Who are they'],
    notTaken: [
      'Take a look at our',
      'on-call schedule',
      'Any member of the Support Team',
      'external communication guidelines',
      'single source of truth',
      'come in all shapes',
    ],
  },
  {
    file: 'rust--council-representative.md',
    roles: [
      {
        title: 'Rust Council Representative',
        duties: [
          'Participate in Council meetings',
          'Elect Project Directors',
          'Represent the needs and interests of the team',
          'Make decisions on urgent matters',
        ],
      },
    ],
    notRoles: ['Time Budget', 'Term Length'],
    notTaken: [
      '2-5 hours per week',
      'Strong understanding of the Rust Project',
      'Ability to prioritize',
      '1 year term',
      'Familiar with the needs of their team',
    ],
  },
  {
    file: 'rust--rust-foundation-project-director.md',
    roles: [
      {
        title: 'Rust Foundation Project Director',
        duties: [
          'Ensuring that the Foundation serves the needs of the Project',
          'Publishing summaries of Foundation board meetings',
          'Meeting with the Foundation staff on a regular basis',
        ],
      },
    ],
    notRoles: ['Time Budget', 'Term Length', 'Employment interpretation'],
    notTaken: [
      '4-8 hours per week',
      'Sufficient time and energy',
      'must be members of the Rust Project in good standing',
      'must disclose their name',
      '2 year term',
    ],
  },
  {
    file: 'sourcegraph--design--career-development.md',
    roles: [
      { title: 'IC1', duties: ['Delivers assigned designs to solve known problems'] },
      { title: 'IC2' },
      { title: 'IC3' },
      { title: 'IC4' },
      { title: 'IC5' },
      { title: 'IC6' },
    ],
    notRoles: ['Levels', 'What are the expectations of my role'],
    notTaken: [],
  },
];
