/**
 * The Roles tree as plain data: role → Focus, Responsibilities, Success criteria (own, then shared
 * through `sharesSuccessCriteriaOf`), Relationships. The extension maps these nodes to tree items;
 * everything about what the tree shows, in which order and where a click goes is decided here.
 */
import { ancestorsOf, effectiveCriteria, effectiveResponsibilities, type RoleResolver } from './compare';
import type { Ladder } from './org/ladders';
import type { Finding, ParsedFile, Range, Role } from './types';

export type RolesTreeNodeKind = 'group' | 'role' | 'invalid' | 'section' | 'focus' | 'responsibility' | 'criterion' | 'relationship';
export type RolesTreeSection = 'focus' | 'responsibilities' | 'successCriteria' | 'relationships';

export interface RoleRef {
  id: string;
  title: string;
  uri: string;
}

export interface RolesTreeNode {
  /** Stable and unique in the tree (used as the tree item's id). */
  id: string;
  kind: RolesTreeNodeKind;
  label: string;
  description?: string;
  /** Where a click goes: the defining file and the exact range of the item. */
  uri: string;
  range: Range;
  /** The role the node belongs to (for a group: none). */
  role?: RoleRef & { builtin: boolean };
  /** For role nodes: the role type as written, and its summary. */
  roleType?: string;
  summary?: string;
  /** Problems of the file (role and invalid nodes). */
  problems?: { errors: number; warnings: number; messages: string[] };
  section?: RolesTreeSection;
  /** A success criterion shared through `sharesSuccessCriteriaOf`: the role that owns it. */
  sharedFrom?: RoleRef;
  /** A responsibility or criterion inherited through `extends`: the role that holds it. */
  inheritedFrom?: RoleRef;
  /** For role nodes: the files of the roles it extends (its inherited items depend on them). */
  extendsChain?: string[];
  /** For role nodes: its level on its ladder. */
  level?: number;
  /** For role nodes: the next level up (a role that extends it), for "Compare with Next Level". */
  nextLevel?: RoleRef;
  /** A relationship: its kind, note and the role it names (when it resolves). */
  relationshipKind?: string;
  note?: string;
  target?: RoleRef & { range: Range };
  /** The responsibility's area. */
  area?: string;
  children: RolesTreeNode[];
}

export interface RolesTreeLabels {
  builtinGroup: string;
  focus: string;
  responsibilities: string;
  successCriteria: string;
  relationships: string;
  /** Description of a shared criterion, e.g. "shared from {0}". */
  sharedFrom: (title: string) => string;
  /** Description of an item inherited through `extends`, e.g. "from {0}". */
  inheritedFrom: (title: string) => string;
  /** e.g. "level {0}", in a role's description. */
  level: (level: number) => string;
  /** Description of a ladder group, e.g. "ladder · 3 rungs". */
  ladderGroup: (rungs: number) => string;
  /** e.g. "2 problems"; empty when there are none. */
  problems: (errors: number, warnings: number) => string;
  /** Description of a role file whose role could not be read. */
  noRole: string;
}

export const DEFAULT_TREE_LABELS: RolesTreeLabels = {
  builtinGroup: 'Built-in handbook',
  focus: 'Focus',
  responsibilities: 'Responsibilities',
  successCriteria: 'Success criteria',
  relationships: 'Relationships',
  sharedFrom: (title) => `shared from ${title}`,
  inheritedFrom: (title) => `from ${title}`,
  level: (level) => `level ${level}`,
  ladderGroup: (rungs) => `ladder · ${rungs} ${rungs === 1 ? 'rung' : 'rungs'}`,
  problems: (errors, warnings) => {
    const n = errors + warnings;
    return n === 0 ? '' : n === 1 ? '1 problem' : `${n} problems`;
  },
  noRole: 'no role could be read',
};

/** One source of roles: the files (with all their findings) and how references resolve. */
export interface RolesTreeSource {
  files: { parsed: ParsedFile; findings: readonly Finding[] }[];
  resolve: RoleResolver;
  /** The next level up from a role (see `nextLevel` in org/ladders.ts); absent: none is shown. */
  nextLevel?: (role: Role) => Role | undefined;
}

export interface RolesTreeInput {
  /** Roles shown at the top level. */
  workspace: RolesTreeSource;
  /** Roles shown under the "Built-in handbook" node (absent: no such node). */
  builtins?: RolesTreeSource;
  labels?: RolesTreeLabels;
}

const FILE_START: Range = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function fileName(uri: string): string {
  const last = uri.split(/[?#]/, 1)[0].split('/').pop() ?? uri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function problemsOf(findings: readonly Finding[]): { errors: number; warnings: number; messages: string[] } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const messages = findings.filter((f) => f.severity !== 'info').map((f) => `${f.range.line}:${f.range.column} ${f.message}`);
  return { errors, warnings, messages };
}

function ref(role: Role): RoleRef {
  return { id: role.id, title: role.title, uri: role.uri };
}

function roleNode(role: Role, findings: readonly Finding[], source: RolesTreeSource, labels: RolesTreeLabels): RolesTreeNode {
  const owner = { ...ref(role), builtin: !!role.builtin };
  const base = `${role.uri}#`;
  const problems = problemsOf(findings);
  const sections: RolesTreeNode[] = [];
  const section = (name: RolesTreeSection, label: string, children: RolesTreeNode[], range: Range) => {
    if (children.length === 0 && name !== 'responsibilities') return;
    sections.push({
      id: `${base}${name}`,
      kind: 'section',
      label,
      description: String(children.length),
      uri: role.uri,
      range,
      role: owner,
      section: name,
      children,
    });
  };

  section(
    'focus',
    labels.focus,
    role.focus.map((f, i) => ({
      id: `${base}focus/${i}`,
      kind: 'focus',
      label: f.value,
      uri: role.uri,
      range: f.range,
      role: owner,
      section: 'focus',
      children: [],
    })),
    role.focus[0]?.range ?? role.idRange,
  );
  const ancestors = ancestorsOf(role, source.resolve);
  const from = (r: { id: string; title: string } | undefined, uri: string): RoleRef | undefined => r && { id: r.id, title: r.title, uri };
  const responsibilities = effectiveResponsibilities(role, source.resolve, ancestors);
  section(
    'responsibilities',
    labels.responsibilities,
    responsibilities.map((r, i) => {
      const inheritedFrom = from(r.inheritedFrom, r.uri);
      return {
        id: inheritedFrom ? `${base}responsibilities/inherited/${r.uri}#${r.range.line}:${r.range.column}` : `${base}responsibilities/${i}`,
        kind: 'responsibility' as const,
        label: r.text,
        description: inheritedFrom ? [labels.inheritedFrom(inheritedFrom.title), r.area].filter(Boolean).join(' · ') : r.area,
        area: r.area,
        uri: r.uri,
        range: r.range,
        role: owner,
        section: 'responsibilities' as const,
        inheritedFrom,
        children: [],
      };
    }),
    role.responsibilities[0]?.range ?? role.idRange,
  );
  const criteria = effectiveCriteria(role, source.resolve, ancestors);
  section(
    'successCriteria',
    labels.successCriteria,
    criteria.map((c, i) => {
      const sharedFrom = from(c.sharedFrom, c.uri);
      const inheritedFrom = from(c.inheritedFrom, c.uri);
      return {
        id: sharedFrom
          ? `${base}successCriteria/shared/${c.uri}#${c.range.line}:${c.range.column}`
          : inheritedFrom
            ? `${base}successCriteria/inherited/${c.uri}#${c.range.line}:${c.range.column}`
            : `${base}successCriteria/${i}`,
        kind: 'criterion' as const,
        label: c.text,
        description: sharedFrom
          ? labels.sharedFrom(sharedFrom.title)
          : inheritedFrom
            ? labels.inheritedFrom(inheritedFrom.title)
            : undefined,
        uri: c.uri,
        range: c.range,
        role: owner,
        section: 'successCriteria' as const,
        sharedFrom,
        inheritedFrom,
        children: [],
      };
    }),
    criteria[0]?.range ?? role.idRange,
  );
  section(
    'relationships',
    labels.relationships,
    role.relationships.map((r, i) => {
      const other = source.resolve(r.with, role);
      return {
        id: `${base}relationships/${i}`,
        kind: 'relationship' as const,
        label: other?.title ?? r.with,
        description: r.kind,
        uri: role.uri,
        range: r.range,
        role: owner,
        section: 'relationships' as const,
        relationshipKind: r.kind,
        note: r.note,
        target: other && { ...ref(other), range: other.idRange },
        children: [],
      };
    }),
    role.relationships[0]?.range ?? role.idRange,
  );

  const problemText = labels.problems(problems.errors, problems.warnings);
  return {
    id: `${base}role`,
    kind: 'role',
    label: role.title || role.id,
    description: [role.type, role.level ? labels.level(role.level.value) : undefined, problemText].filter(Boolean).join(' · ') || undefined,
    uri: role.uri,
    range: role.idRange,
    role: owner,
    roleType: role.type,
    level: role.level?.value,
    nextLevel: nextOf(role, source),
    extendsChain: ancestors.length ? ancestors.map((a) => a.uri) : undefined,
    summary: role.summary,
    problems,
    children: sections,
  };
}

function nextOf(role: Role, source: RolesTreeSource): RoleRef | undefined {
  const next = source.nextLevel?.(role);
  return next && ref(next);
}

function invalidNode(parsed: ParsedFile, findings: readonly Finding[], labels: RolesTreeLabels): RolesTreeNode {
  const problems = problemsOf(findings);
  const problemText = labels.problems(problems.errors, problems.warnings);
  return {
    id: `${parsed.uri}#invalid`,
    kind: 'invalid',
    label: fileName(parsed.uri),
    description: [labels.noRole, problemText].filter(Boolean).join(' · '),
    uri: parsed.uri,
    range: findings[0]?.range ?? FILE_START,
    problems,
    children: [],
  };
}

/**
 * The node of one role file (a role, or an unreadable role file), or undefined for a file that is
 * not a role file. `idPrefix` keeps ids unique when the same source could appear twice.
 */
export function buildFileNode(
  parsed: ParsedFile,
  findings: readonly Finding[],
  source: RolesTreeSource,
  labels: RolesTreeLabels = DEFAULT_TREE_LABELS,
  idPrefix = '',
): RolesTreeNode | undefined {
  const node = parsed.role
    ? roleNode(parsed.role, findings, source, labels)
    : parsed.isRoleFile
      ? invalidNode(parsed, findings, labels)
      : undefined;
  if (node && idPrefix) {
    const prefix = (n: RolesTreeNode) => {
      n.id = `${idPrefix}${n.id}`;
      n.children.forEach(prefix);
    };
    prefix(node);
  }
  return node;
}

/** The files a node's content comes from: its own, and those of the roles it shows items of. */
export function nodeDependencies(node: RolesTreeNode): Set<string> {
  const out = new Set<string>([node.uri]);
  const walk = (n: RolesTreeNode) => {
    if (n.sharedFrom) out.add(n.sharedFrom.uri);
    if (n.inheritedFrom) out.add(n.inheritedFrom.uri);
    for (const u of n.extendsChain ?? []) out.add(u);
    if (n.nextLevel) out.add(n.nextLevel.uri);
    if (n.target) out.add(n.target.uri);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

/** Roles sorted by title (then file), unreadable role files last. */
export function sortFileNodes(nodes: readonly RolesTreeNode[]): RolesTreeNode[] {
  const byLabel = (a: RolesTreeNode, b: RolesTreeNode) =>
    a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
  return [...nodes.filter((n) => n.kind === 'role').sort(byLabel), ...nodes.filter((n) => n.kind !== 'role').sort(byLabel)];
}

export const BUILTIN_GROUP_ID = 'builtin';

export function builtinGroupNode(children: RolesTreeNode[], labels: RolesTreeLabels = DEFAULT_TREE_LABELS): RolesTreeNode {
  return { id: BUILTIN_GROUP_ID, kind: 'group', label: labels.builtinGroup, uri: children[0]?.uri ?? '', range: FILE_START, children };
}

function fileNodes(source: RolesTreeSource, labels: RolesTreeLabels, idPrefix = ''): RolesTreeNode[] {
  const nodes: RolesTreeNode[] = [];
  for (const { parsed, findings } of source.files) {
    const node = buildFileNode(parsed, findings, source, labels, idPrefix);
    if (node) nodes.push(node);
  }
  return sortFileNodes(nodes);
}

/** The tree's root nodes: workspace roles (sorted by title, unreadable files last), then the built-ins. */
export function buildRolesTree(input: RolesTreeInput): RolesTreeNode[] {
  const labels = input.labels ?? DEFAULT_TREE_LABELS;
  const roots = fileNodes(input.workspace, labels);
  if (input.builtins) roots.push(builtinGroupNode(fileNodes(input.builtins, labels, `${BUILTIN_GROUP_ID}/`), labels));
  return roots;
}

export const LADDER_GROUP_PREFIX = 'ladder/';

/**
 * The workspace roles grouped by ladder: one group per ladder (by name), its rungs in ladder order
 * (level, then title); then the roles on no ladder, and unreadable files, as without grouping.
 */
export function groupByLadder(
  fileNodes: readonly RolesTreeNode[],
  all: readonly Ladder[],
  labels: RolesTreeLabels = DEFAULT_TREE_LABELS,
): RolesTreeNode[] {
  const byUri = new Map(fileNodes.filter((n) => n.kind === 'role').map((n) => [n.uri, n]));
  const grouped = new Set<string>();
  const groups: RolesTreeNode[] = [];
  for (const ladder of all) {
    const children = ladder.rungs.map((r) => byUri.get(r.role.uri)).filter((n): n is RolesTreeNode => !!n);
    if (children.length === 0) continue;
    for (const c of children) grouped.add(c.uri);
    groups.push({
      id: `${LADDER_GROUP_PREFIX}${ladder.name.toLowerCase()}`,
      kind: 'group',
      label: ladder.name,
      description: labels.ladderGroup(children.length),
      uri: children[0].uri,
      range: FILE_START,
      children,
    });
  }
  return [...groups, ...sortFileNodes(fileNodes.filter((n) => !grouped.has(n.uri)))];
}

/** Every node with its parent (for reveal): depth-first, parents before children. */
export function parentMap(roots: readonly RolesTreeNode[]): Map<string, RolesTreeNode | undefined> {
  const out = new Map<string, RolesTreeNode | undefined>();
  const walk = (nodes: readonly RolesTreeNode[], parent: RolesTreeNode | undefined) => {
    for (const n of nodes) {
      out.set(n.id, parent);
      walk(n.children, n);
    }
  };
  walk(roots, undefined);
  return out;
}
