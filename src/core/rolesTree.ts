/**
 * The Roles tree as plain data: role → Focus, Responsibilities, Success criteria (own, then shared
 * through `sharesSuccessCriteriaOf`), Relationships. The extension maps these nodes to tree items;
 * everything about what the tree shows, in which order and where a click goes is decided here.
 */
import { effectiveCriteria, type RoleResolver } from './compare';
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
    sections.push({ id: `${base}${name}`, kind: 'section', label, description: String(children.length), uri: role.uri, range, role: owner, section: name, children });
  };

  section(
    'focus',
    labels.focus,
    role.focus.map((f, i) => ({ id: `${base}focus/${i}`, kind: 'focus', label: f.value, uri: role.uri, range: f.range, role: owner, section: 'focus', children: [] })),
    role.focus[0]?.range ?? role.idRange,
  );
  section(
    'responsibilities',
    labels.responsibilities,
    role.responsibilities.map((r, i) => ({
      id: `${base}responsibilities/${i}`,
      kind: 'responsibility',
      label: r.text,
      description: r.area,
      area: r.area,
      uri: role.uri,
      range: r.textRange,
      role: owner,
      section: 'responsibilities',
      children: [],
    })),
    role.responsibilities[0]?.range ?? role.idRange,
  );
  const criteria = effectiveCriteria(role, source.resolve);
  section(
    'successCriteria',
    labels.successCriteria,
    criteria.map((c, i) => {
      const sharedFrom = c.sharedFrom && { id: c.sharedFrom.id, title: c.sharedFrom.title, uri: c.uri };
      return {
        id: sharedFrom ? `${base}successCriteria/shared/${c.uri}#${c.range.line}:${c.range.column}` : `${base}successCriteria/${i}`,
        kind: 'criterion' as const,
        label: c.text,
        description: sharedFrom ? labels.sharedFrom(sharedFrom.title) : undefined,
        uri: c.uri,
        range: c.range,
        role: owner,
        section: 'successCriteria' as const,
        sharedFrom,
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
    description: [role.type, problemText].filter(Boolean).join(' · ') || undefined,
    uri: role.uri,
    range: role.idRange,
    role: owner,
    roleType: role.type,
    summary: role.summary,
    problems,
    children: sections,
  };
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
  const node = parsed.role ? roleNode(parsed.role, findings, source, labels) : parsed.isRoleFile ? invalidNode(parsed, findings, labels) : undefined;
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
    if (n.target) out.add(n.target.uri);
    n.children.forEach(walk);
  };
  walk(node);
  return out;
}

/** Roles sorted by title (then file), unreadable role files last. */
export function sortFileNodes(nodes: readonly RolesTreeNode[]): RolesTreeNode[] {
  const byLabel = (a: RolesTreeNode, b: RolesTreeNode) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
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
