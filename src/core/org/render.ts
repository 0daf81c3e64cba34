/**
 * The reporting lines and ladders as text: a Mermaid flowchart that GitHub renders, a Markdown
 * nested list / sections, and plain text trees (the CLI's stylish output). Every role string is
 * escaped for its target: a title can never become Mermaid syntax, HTML, a link or a control
 * sequence in a terminal.
 */
import { escapeMarkdown } from '../language/escape';
import type { Role } from '../types';
import type { Ladder } from './ladders';
import { cmp, type ReportingLine } from './reporting';

/** A tree of the reporting lines: managers above their reports. */
export interface OrgTreeNode {
  role: Role;
  /** The role was already shown (a dotted line: it reports to several roles); no children here. */
  seen?: boolean;
  /** The line to this role closes a cycle: it is an ancestor of itself here; no children. */
  cycle?: boolean;
  children: OrgTreeNode[];
}

const byTitle = (a: Role, b: Role) => cmp(a.title.toLowerCase(), b.title.toLowerCase()) || cmp(a.id, b.id) || cmp(a.uri, b.uri);

/** The roles on a reporting line, by id. */
export function orgRoles(lines: readonly ReportingLine[]): Role[] {
  const roles = new Map<string, Role>();
  for (const l of lines) {
    roles.set(l.report.uri, l.report);
    roles.set(l.manager.uri, l.manager);
  }
  return [...roles.values()].sort((a, b) => cmp(a.id, b.id) || cmp(a.uri, b.uri));
}

/**
 * The reporting lines as a forest: roots are the roles that report to no one (by title); a role
 * that reports to several roles is shown in full under the first and marked `seen` under the
 * others; roles only on cycles (no root above them) start a tree at their smallest id.
 */
export function orgTree(lines: readonly ReportingLine[]): OrgTreeNode[] {
  const reports = new Map<string, Role[]>();
  const hasManager = new Set<string>();
  for (const l of lines) {
    const list = reports.get(l.manager.uri) ?? [];
    list.push(l.report);
    reports.set(l.manager.uri, list);
    hasManager.add(l.report.uri);
  }
  for (const list of reports.values()) list.sort(byTitle);
  const shown = new Set<string>();
  const build = (role: Role, path: Set<string>): OrgTreeNode => {
    if (path.has(role.uri)) return { role, cycle: true, children: [] };
    if (shown.has(role.uri)) return { role, seen: true, children: [] };
    shown.add(role.uri);
    path.add(role.uri);
    const children = (reports.get(role.uri) ?? []).map((r) => build(r, path));
    path.delete(role.uri);
    return { role, children };
  };
  const all = orgRoles(lines);
  const forest = all
    .filter((r) => !hasManager.has(r.uri))
    .sort(byTitle)
    .map((r) => build(r, new Set()));
  for (const r of all) if (!shown.has(r.uri)) forest.push(build(r, new Set()));
  return forest;
}

/** A Mermaid node id: the role id with `-` replaced by `_` (role ids are kebab-case). */
export function mermaidId(role: Role): string {
  return role.id.replace(/-/g, '_').replace(/[^A-Za-z0-9_]/g, '_');
}

/** A Mermaid quoted label: quotes, entities, HTML and Markdown-string backticks neutralised. */
export function mermaidLabel(text: string): string {
  const escaped = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`)
    .trim();
  return `"${escaped}"`;
}

/** `flowchart TB`, one node per role on a reporting line, one edge `MANAGER --> REPORT` per line. */
export function orgToMermaid(lines: readonly ReportingLine[]): string {
  const out = ['flowchart TB'];
  for (const r of orgRoles(lines)) out.push(`  ${mermaidId(r)}[${mermaidLabel(r.title)}]`);
  for (const l of lines) out.push(`  ${mermaidId(l.manager)} --> ${mermaidId(l.report)}`);
  return out.join('\n') + '\n';
}

function noteOf(node: OrgTreeNode): string {
  return node.cycle ? ' (reporting cycle)' : node.seen ? ' (also above)' : '';
}

/** The reporting lines as a Markdown nested list, under a heading. */
export function orgToMarkdown(lines: readonly ReportingLine[]): string {
  const out = ['# Reporting lines', ''];
  if (lines.length === 0) out.push('No reporting lines.');
  const walk = (n: OrgTreeNode, depth: number) => {
    out.push(`${'  '.repeat(depth)}- **${escapeMarkdown(n.role.title)}** (${escapeMarkdown(n.role.id)})${noteOf(n)}`);
    for (const c of n.children) walk(c, depth + 1);
  };
  for (const root of orgTree(lines)) walk(root, 0);
  return out.join('\n') + '\n';
}

/** Control characters (and line separators) as spaces: role text is untrusted in a terminal too. */
export function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/** The reporting lines as a text tree (box-drawing characters). */
export function orgToText(lines: readonly ReportingLine[]): string {
  const roles = orgRoles(lines);
  const out = [
    `Reporting lines: ${roles.length} ${roles.length === 1 ? 'role' : 'roles'}, ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}`,
  ];
  const cycles = lines.filter((l) => l.onCycle).length;
  if (cycles) out[0] += `, ${cycles} on a cycle`;
  const walk = (n: OrgTreeNode, prefix: string, last: boolean, root: boolean) => {
    const label = `${plain(n.role.title)} (${plain(n.role.id)})${noteOf(n)}`;
    out.push(root ? label : `${prefix}${last ? '└── ' : '├── '}${label}`);
    const next = root ? '' : `${prefix}${last ? '    ' : '│   '}`;
    n.children.forEach((c, i) => walk(c, next, i === n.children.length - 1, false));
  };
  for (const root of orgTree(lines)) {
    out.push('');
    walk(root, '', true, true);
  }
  return out.join('\n') + '\n';
}

/** The ladders as JSON, as `handbook-lint --report ladder --format json` prints them. */
export function laddersJson(ladders: readonly Ladder[]) {
  return ladders.map((l) => ({
    ladder: l.name,
    roles: l.rungs.map((r) => ({
      role: r.role.id,
      title: r.role.title,
      level: r.role.level?.value ?? null,
      extends: r.parent?.id ?? null,
      adds: { responsibilities: [...r.adds.responsibilities], successCriteria: [...r.adds.successCriteria] },
    })),
  }));
}

export function laddersToMarkdown(ladders: readonly Ladder[]): string {
  const out = ['# Ladders', ''];
  if (ladders.length === 0) out.push('No ladders.', '');
  for (const l of ladders) {
    out.push(`## ${escapeMarkdown(l.name)}`, '');
    for (const r of l.rungs) {
      const level = r.role.level ? `Level ${r.role.level.value}: ` : '';
      out.push(`### ${level}${escapeMarkdown(r.role.title)} (${escapeMarkdown(r.role.id)})`, '');
      if (r.parent) out.push(`Extends **${escapeMarkdown(r.parent.title)}** (${escapeMarkdown(r.parent.id)}), and adds:`, '');
      else out.push('Adds:', '');
      for (const t of r.adds.responsibilities) out.push(`- ${escapeMarkdown(t)}`);
      if (r.adds.responsibilities.length === 0) out.push('- (no responsibilities of its own)');
      if (r.adds.successCriteria.length) {
        out.push('', 'Success criteria:', '');
        for (const t of r.adds.successCriteria) out.push(`- ${escapeMarkdown(t)}`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

export function laddersToText(ladders: readonly Ladder[], bold: (s: string) => string = (s) => s): string {
  const out: string[] = [`Ladders: ${ladders.length}`];
  for (const l of ladders) {
    out.push('', bold(`${plain(l.name)} (${l.rungs.length} ${l.rungs.length === 1 ? 'rung' : 'rungs'})`));
    const w = Math.max(...l.rungs.map((r) => String(r.role.level?.value ?? '-').length));
    for (const r of l.rungs) {
      const level = String(r.role.level?.value ?? '-').padStart(w);
      out.push(`  ${level}  ${plain(r.role.title)} (${plain(r.role.id)})${r.parent ? `, extends ${plain(r.parent.id)}` : ''}`);
      const pad = ' '.repeat(w + 4);
      for (const t of r.adds.responsibilities) out.push(`${pad}+ ${plain(t)}`);
      for (const t of r.adds.successCriteria) out.push(`${pad}? ${plain(t)}`);
    }
  }
  return out.join('\n') + '\n';
}
