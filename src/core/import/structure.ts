/**
 * Cuts a page into roles. A role starts at a heading that names one (whatever its depth: a role
 * heading may follow `## Hiring Process`), at the page title when the body names no role, or at a
 * specialty under a role's "Specialties" section. A role's own content runs until a heading at its
 * level or above, or until a nested role starts; section headings inside it (Responsibilities,
 * Requirements, Weekly...) are kept as the path of each block.
 */
import {
  classifySection,
  forcedRoleName,
  headingNameRule,
  isRoleName,
  pageTitleRole,
  roleHeading,
  roleNameFrom,
  roleStatementPredicate,
  type RoleName,
  type SectionKind,
} from './roleNames';
import { decideRole, on, type RoleDecision } from './rules';
import { IMPORT_LIMITS } from './limits';
import { withoutParentheses } from './text';
import type { Block, Page, Table } from './types';

export interface PathEntry {
  text: string;
  kind: SectionKind;
  level: number;
}

export interface ScopedBlock {
  block: Exclude<Block, { kind: 'heading' }>;
  /** Section headings between the role's heading and the block, outermost first. */
  path: PathEntry[];
}

export type RoleOrigin = 'heading' | 'page' | 'specialty' | 'table';

export interface RoleScope {
  name: RoleName;
  line: number;
  level: number;
  origin: RoleOrigin;
  /** The heading text, for in-page anchors (`#senior-manager-development`). */
  headingText?: string;
  blocks: ScopedBlock[];
  /** Items read from tables (a row or column per role). */
  tableItems: { text: string; area?: string; line: number }[];
  tableSummary: string[];
}

export interface ScopedTable {
  table: Table;
  line: number;
  role?: RoleScope;
  path: PathEntry[];
  /** The nearest heading above the table. */
  heading?: string;
}

export interface Structure {
  roles: RoleScope[];
  /** Blocks outside every role. */
  pageBlocks: ScopedBlock[];
  tables: ScopedTable[];
}

type StackEntry = { level: number; role?: RoleScope; section?: PathEntry; text: string; pseudo?: boolean };

function newRole(name: RoleName, line: number, level: number, origin: RoleOrigin, headingText?: string): RoleScope {
  return { name, line, level, origin, headingText, blocks: [], tableItems: [], tableSummary: [] };
}

/**
 * Headings whose direct sub-sections include a responsibilities section (rule
 * section-with-duties-is-role): they define a role whatever their words.
 */
function headingsWithDuties(headings: readonly Extract<Block, { kind: 'heading' }>[]): Set<Block> {
  const out = new Set<Block>();
  if (!on('section-with-duties-is-role')) return out;
  const stack: Extract<Block, { kind: 'heading' }>[] = [];
  for (const h of headings) {
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    const parent = stack[stack.length - 1];
    const section = classifySection(h.inline.text);
    if (parent && section?.kind === 'responsibilities' && !section.prefix && !classifySection(parent.inline.text)) out.add(parent);
    stack.push(h);
  }
  return out;
}

/** Level words a job-family page uses as headings for the levels of its role. */
const LEVEL_WORD = /^(?:junior|associate|intermediate|mid-level|senior|staff|senior staff|principal|distinguished)$/i;
/** Levels that are the role itself (`Intermediate` UX Researcher is the UX Researcher). */
const BASE_LEVEL = /^(?:intermediate|mid-level)$/i;

/**
 * `Senior` on the page of `UX Researcher` → `Senior UX Researcher` (rule level-heading). Undefined
 * for other headings, for the base level (its content is the page's role), and when the page's
 * role already carries the level (`Staff` on the page of `Staff Backend Engineer`).
 */
function levelRoleName(heading: string, page: RoleName): RoleName | undefined {
  if (!on('level-heading')) return undefined;
  const level = withoutParentheses(heading).replace(/\s+/g, ' ').trim();
  if (!LEVEL_WORD.test(level) || BASE_LEVEL.test(level)) return undefined;
  if (page.title.toLowerCase().startsWith(`${level.toLowerCase()} `)) return undefined;
  const word = level.replace(/\b[a-z]/g, (c) => c.toUpperCase());
  return { title: `${word} ${page.title}`, aliases: page.aliases.map((a) => `${word} ${a}`) };
}

export function buildStructure(page: Page): Structure {
  const headings = page.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
  const withDuties = headingsWithDuties(headings);
  const bodyNamesRole = headings.some((h) => !!roleHeading(h.inline.text));
  const roles: RoleScope[] = [];
  const pageBlocks: ScopedBlock[] = [];
  const tables: ScopedTable[] = [];

  let pageRole: RoleScope | undefined;
  if (page.title && !bodyNamesRole) {
    const name = pageTitleRole(page.title.text);
    if (name) {
      pageRole = newRole(name, page.title.line, 0, 'page', page.title.text);
      roles.push(pageRole);
      // Read with the label taken off (`Supervisor responsibilities`): the heading reading alone names no role.
      const labelled =
        headingNameRule(page.title.text) === 'title-with-label' ||
        (on('title-with-label') && !roleHeading(page.title.text.replace(/^["']|["']$/g, '')));
      decideRole({
        line: page.title.line,
        title: name.title,
        rule: labelled ? 'title-with-label' : 'page-title',
        reason: labelled ? 'the page title names a role beside a label for the page' : 'the page title names a role and no heading does',
      });
    }
  }

  const stack: StackEntry[] = [];
  const innermostRole = (): { role?: RoleScope; index: number } => {
    for (let i = stack.length - 1; i >= 0; i--) if (stack[i].role) return { role: stack[i].role, index: i };
    return { role: pageRole, index: -1 };
  };
  /** A role the heading `block` opens: listed, its decision recorded for --explain, and open until a heading at its level. */
  const openRole = (
    name: RoleName,
    block: Extract<Block, { kind: 'heading' }>,
    rule: RoleDecision['rule'],
    reason: string,
    origin: RoleOrigin = 'heading',
    headingText = block.inline.text,
  ): RoleScope => {
    const role = newRole(name, block.line, block.level, origin, headingText);
    roles.push(role);
    decideRole({ line: block.line, title: name.title, rule, reason });
    stack.push({ level: block.level, role, text: block.inline.text, pseudo: block.pseudo });
    return role;
  };

  for (const block of page.blocks) {
    if (block.kind === 'heading') {
      const text = block.inline.text;
      while (stack.length && stack[stack.length - 1].level >= block.level) stack.pop();
      const current = innermostRole();
      const currentLevel = current.index >= 0 ? stack[current.index].level : 0;
      const section = classifySection(text);
      if (section) {
        // `Engineering Manager Responsibilities` with no role open (or at the role's own level)
        // starts that role; under an open role it is just that role's section.
        const prefixName = section.prefix && isRoleName(section.prefix, true) ? roleNameFrom(section.prefix) : undefined;
        if (
          prefixName &&
          roles.length < IMPORT_LIMITS.maxRoles &&
          (!current.role || current.role === pageRole || currentLevel >= block.level) &&
          section.kind !== 'ignore'
        ) {
          openRole(
            prefixName,
            block,
            'role-words',
            `the heading is the ${section.kind} section of a role it names`,
            'heading',
            section.prefix,
          );
        }
        stack.push({ level: block.level, section: { text, kind: section.kind, level: block.level }, text, pseudo: block.pseudo });
        continue;
      }
      const byWords = roles.length < IMPORT_LIMITS.maxRoles ? roleHeading(text) : undefined;
      const name = byWords;
      if (name) {
        const rule = headingNameRule(text);
        const role = openRole(
          name,
          block,
          rule ?? 'role-words',
          rule === 'role-statement'
            ? 'the heading states what the role is responsible for'
            : rule === 'title-with-label'
              ? 'the heading names a role beside a label for the page'
              : 'the heading names a role (a role noun or title word such as Manager, Lead, Head of)',
        );
        // `**PHD Specialists are responsible for the onboarding of new partners.**`: that is a duty.
        const stated = rule === 'role-statement' ? roleStatementPredicate(text) : '';
        if (stated) role.tableItems.push({ text: stated, line: block.line });
        continue;
      }
      // `### Senior` on a page about one role (`UX Researcher`): the role at that level (rule level-heading).
      const levelled = !block.pseudo && pageRole && roles.length < IMPORT_LIMITS.maxRoles ? levelRoleName(text, pageRole.name) : undefined;
      if (levelled) {
        openRole(levelled, block, 'level-heading', `a level heading on the page of ${pageRole?.name.title}`);
        continue;
      }
      // A heading under a role's "Specialties" section is a specialty of that role.
      const specialties = stack.findIndex((e, i) => i > current.index && e.section?.kind === 'specialties');
      if (!block.pseudo && current.role && specialties >= 0 && roles.length < IMPORT_LIMITS.maxRoles) {
        const specialty = withoutParentheses(text).replace(/\s+/g, ' ').trim();
        if (specialty) {
          const base = current.role.name;
          openRole(
            { title: `${base.title} (${specialty})`, aliases: [] },
            block,
            'specialty',
            `a heading under the Specialties section of ${base.title}`,
            'specialty',
          );
          continue;
        }
      }
      const forced = withDuties.has(block) && roles.length < IMPORT_LIMITS.maxRoles ? forcedRoleName(text) : undefined;
      if (forced) {
        openRole(forced, block, 'section-with-duties-is-role', 'the heading has a responsibilities section of its own');
        continue;
      }
      stack.push({ level: block.level, section: { text, kind: 'neutral', level: block.level }, text, pseudo: block.pseudo });
      continue;
    }
    const { role, index } = innermostRole();
    const path = stack.slice(index + 1).flatMap((e) => (e.section ? [e.section] : []));
    if (block.kind === 'table') {
      tables.push({ table: block.table, line: block.line, role, path, heading: stack.length ? stack[stack.length - 1].text : undefined });
      continue;
    }
    (role ? role.blocks : pageBlocks).push({ block, path });
    // A bold line used as a heading (`**Requirements**`) covers the list that follows it, not the
    // rest of the section.
    if (block.kind === 'list' && stack.length && stack[stack.length - 1].pseudo && stack[stack.length - 1].section) stack.pop();
  }
  return { roles, pageBlocks, tables };
}
