/**
 * The importer's general rules about the genre of role pages: what makes a section a role, and
 * what makes a list a list of duties, requirements, privileges or process. Each rule is data the
 * user can read (`handbook-import --explain` names the rule that decided), and each names the
 * pages of the test corpora that need it (at least two), which the leave-one-source-out
 * evaluation uses: scoring a source, only rules that pages of other sources justify are on.
 *
 * The word lists that older parts of the importer use (lexicon.ts, roleNames.ts) are not rules
 * of this table; they are always on.
 */

export interface GeneralRule {
  id: string;
  /** What the rule says, for --explain and the docs. */
  description: string;
  /** Pages (file names in test/fixtures/corpus/*) that need the rule. */
  evidence: string[];
}

export const GENERAL_RULES: GeneralRule[] = [
  {
    id: 'title-with-label',
    description:
      "A title that joins a role's name and a label saying what the page is (Role Description: Council Representative; Supervisor responsibilities; CTO - Role description; Roles of the CEO) names the role without the label, before or after it.",
    evidence: [
      'rust--council-representative.md',
      'rust--rust-foundation-project-director.md',
      '18f--supervisor-responsibilities.md',
      'sourcegraph--ceo-roles.md',
    ],
  },
  {
    id: 'section-with-duties-is-role',
    description:
      'A heading whose own sub-sections include a responsibilities section ("What are the responsibilities?", "Responsibilities of a Reviewer") defines a role, whatever its words.',
    evidence: ['pagerduty--different_roles.md', 'istio--ROLES.md', 'kyverno--GOVERNANCE.md'],
  },
  {
    id: 'section-of-role',
    description:
      'A heading "<Section> of a <Role>" (Responsibilities of a Reviewer, Privileges of a Maintainer, Qualities of a Project Director) is that section of the role around it, not a new role.',
    evidence: ['kyverno--GOVERNANCE.md', 'rust--council-representative.md', 'rust--rust-foundation-project-director.md'],
  },
  {
    id: 'privileges-not-duties',
    description:
      'Privileges (sections "Privileges", items saying what a role may, can or is able to do, permissions, access, rights, listings) are not duties.',
    evidence: ['istio--ROLES.md', 'kyverno--GOVERNANCE.md'],
  },
  {
    id: 'process-not-role',
    description:
      'Processes about a role (becoming, nominating, removing, on- and off-boarding, checklists, progression) are neither roles nor duties.',
    evidence: ['kyverno--GOVERNANCE.md', 'istio--ROLES.md', 'pagerduty--different_roles.md', 'gitlab--incident-management--index.html.md'],
  },
  {
    id: 'sentence-heading-not-role',
    description:
      'A heading written as a sentence (in the first person, or an instruction, or ending with a period) is not a role, nor a process about one ("I am becoming a respected leader of people." heads a group of duties).',
    evidence: ['loanmarket--Engineering.md', 'gitlab--channel-programs-ops--index.html.md'],
  },
  {
    id: 'roles-in-columns',
    description:
      "A table with a column per role: its header names a role in each column (PM expectations | EM expectations; Knowledge leadership | Engineer 1 | Engineer 2 | …), or, in a RACI matrix, a party. Each cell holds items of that column's role, the row's first cell (or the heading above) their area.",
    evidence: [
      'artsy--ladder.md',
      'sourcegraph--product_manager_engineering_manager_responsibilities.md',
      'gitlab--channel-programs-ops--index.html.md',
    ],
  },
  {
    id: 'raci',
    description:
      'RACI statements: in a matrix of deliverables × parties (cells of R, A, C, I) each column is a party, and the deliverables it is Responsible or Accountable for are its duties; written as bullets ("..responsible for:", "..accountable to:", "..expected to consult:", "..keep informed:"), only the responsible-for items are duties.',
    evidence: ['gitlab--channel-programs-ops--index.html.md', 'rust--rust-foundation-project-director.md'],
  },
  {
    id: 'rows-per-role-with-areas',
    description:
      "A table with a row per role or level and a column per area (Level | Execution | Teamwork; Artsy Level | Title | Impact | Influence) gives each row's role the items of its cells, the column header as their area; a Title column names the role, the level code is its short name.",
    evidence: ['artsy--ladder.md', 'sourcegraph--career-development--framework.md', 'sourcegraph--design--career-development.md'],
  },
  {
    id: 'level-heading',
    description:
      'On a page about one role (its title names the role, no heading does), a heading that is only a level word (Senior, Staff, Principal) is that role at that level (Senior UX Researcher); the base level (Intermediate) is the role itself.',
    evidence: ['gitlab--ux-researcher--index.html.md', 'gitlab--backend-staff--index.html.md'],
  },
  {
    id: 'acronym-definition',
    description:
      'A short form the page defines in passing ("A Subject Matter Expert (SME), sometimes called …", "the Partner Help Desk (PHD)") is a short name of the role with that long name; a role named with the short form (PHD Specialist) takes the long form in its title and keeps the short one.',
    evidence: ['pagerduty--different_roles.md', 'gitlab--channel-programs-ops--index.html.md'],
  },
  {
    id: 'role-statement',
    description:
      'A statement of what X is or does ("X are accountable for:", "X are responsible for …", "…, X are...") is about X: as a heading or a bold paragraph it starts the role X (Product managers (PMs) are accountable for:; PHD Specialists are responsible for …); as the sentence before a list, the list is about X, and not a duty list of the role around it when X is another party.',
    evidence: [
      'sourcegraph--product_manager_engineering_manager_responsibilities.md',
      'gitlab--channel-programs-ops--index.html.md',
      'rust--rust-foundation-project-director.md',
    ],
  },
];

export type RuleId = string;

/** Whether a rule is on: every rule is, unless the options list the ones that are. */
export function ruleOn(enabled: ReadonlySet<string> | undefined, id: RuleId): boolean {
  return !enabled || enabled.has(id);
}

/** What an import explains when asked: why each role is one, and which lists were left out. */
export interface SkippedList {
  /** 1-based line of the list's first item. */
  line: number;
  /** The role whose section holds the list (its title), if any. */
  role?: string;
  /** The section heading or lead-in sentence that classified the list. */
  context: string;
  items: number;
  /** The first item, to recognise the list. */
  first: string;
  /** Why it was left out, and the rule (or base word list) that decided. */
  reason: string;
  rule: string;
}

export interface RoleDecision {
  line: number;
  title: string;
  rule: string;
  reason: string;
}

// The import in progress (importPage is synchronous): which rules are on, what was decided.
let active: { rules?: ReadonlySet<string>; include: ReadonlySet<number>; skipped: SkippedList[]; roles: RoleDecision[] } = {
  include: new Set(),
  skipped: [],
  roles: [],
};

/** Runs one import with the given rules and included lists, collecting its decisions. */
export function withRules<T>(
  rules: ReadonlySet<string> | undefined,
  include: readonly number[] | undefined,
  run: () => T,
): { value: T; skipped: SkippedList[]; roles: RoleDecision[] } {
  const saved = active;
  active = { rules, include: new Set(include ?? []), skipped: [], roles: [] };
  try {
    const value = run();
    return { value, skipped: active.skipped, roles: active.roles };
  } finally {
    active = saved;
  }
}

/** Whether a general rule is on for the import in progress. */
export function on(id: string): boolean {
  return ruleOn(active.rules, id);
}

/** Records a list left out; returns true when the user asked to include it anyway. */
export function skipList(list: SkippedList): boolean {
  if (active.include.has(list.line)) return true;
  active.skipped.push(list);
  return false;
}

export function decideRole(decision: RoleDecision): void {
  active.roles.push(decision);
}
