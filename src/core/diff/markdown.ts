/**
 * A handbook diff as Markdown, for a pull-request comment or a CI job summary
 * (`handbook-diff --format markdown >> "$GITHUB_STEP_SUMMARY"`). Every handbook string is escaped
 * (no HTML, link or table can come from a role file); revision names go in code spans.
 */
import { count } from '../map/describe';
import { escapeMarkdown } from '../map/markdown';
import { hasChanges } from './diffHandbooks';
import type { HandbookDiff, ItemDelta, RoleDiff } from './types';

export interface DiffSummary {
  added: number;
  removed: number;
  renamed: number;
  /** Roles in both revisions whose content changed (renamed ones included). */
  changed: number;
  moved: number;
}

export function summarizeDiff(diff: HandbookDiff): DiffSummary {
  const s: DiffSummary = { added: 0, removed: 0, renamed: 0, changed: 0, moved: diff.moved.length };
  for (const r of diff.roles) {
    if (r.status === 'added') s.added++;
    else if (r.status === 'removed') s.removed++;
    else {
      if (r.status === 'renamed') s.renamed++;
      if (hasChanges(r)) s.changed++;
    }
  }
  return s;
}

/** "2 roles added, 1 removed, 3 changed, 1 responsibility moved", or "no role changed". */
export function describeSummary(s: DiffSummary): string {
  const parts: string[] = [];
  const roles = (n: number, what: string) => parts.push(parts.length ? `${n} ${what}` : `${count(n, 'role')} ${what}`);
  if (s.added) roles(s.added, 'added');
  if (s.removed) roles(s.removed, 'removed');
  if (s.renamed) roles(s.renamed, 'renamed');
  if (s.changed) roles(s.changed, 'changed');
  if (s.moved) parts.push(`${count(s.moved, 'responsibility', 'responsibilities')} moved`);
  return parts.length ? parts.join(', ') : 'no role changed';
}

/** A revision's name as a code span (backticks inside are replaced: names rarely have them). */
const code = (s: string) => `\`${s.replace(/[`\r\n]/g, ' ')}\``;

const SECTIONS = [
  ['focus', 'Focus'],
  ['responsibilities', 'Responsibilities'],
  ['successCriteria', 'Success criteria'],
] as const;

function roleName(r: RoleDiff, bold = true): string {
  const s = r.target ?? r.base!;
  const strong = (x: string) => (bold ? `**${x}**` : x);
  return s.title && s.title !== s.id ? `${strong(escapeMarkdown(s.title))} (${code(s.id)})` : strong(code(s.id));
}

function deltaLines(name: string, d: ItemDelta): string[] {
  const out: string[] = [];
  if (!d.added.length && !d.removed.length) return out;
  out.push(`- ${name}:`);
  for (const i of d.added) out.push(`  - ➕ ${escapeMarkdown(i.text)}`);
  for (const i of d.removed) out.push(`  - ➖ ~~${escapeMarkdown(i.text)}~~`);
  return out;
}

export function diffToMarkdown(diff: HandbookDiff, base: string, target: string): string {
  const out: string[] = [`## Handbook changes: ${code(base)} → ${code(target)}`, ''];
  const summary = summarizeDiff(diff);
  out.push(`${describeSummary(summary).replace(/^./, (c) => c.toUpperCase())}.`, '');

  const of = (status: RoleDiff['status']) => diff.roles.filter((r) => r.status === status);
  if (summary.added) {
    out.push('### Added roles', '');
    for (const r of of('added')) out.push(`- ${roleName(r)}: ${code(r.target!.path)}`);
    out.push('');
  }
  if (summary.removed) {
    out.push('### Removed roles', '');
    for (const r of of('removed')) out.push(`- ${roleName(r)}: ${code(r.base!.path)}`);
    out.push('');
  }
  if (summary.renamed) {
    out.push('### Renamed roles', '');
    for (const r of of('renamed')) out.push(`- ${code(r.base!.id)} → ${code(r.id)} (${code(r.target!.path)})`);
    out.push('');
  }
  const changed = diff.roles.filter((r) => (r.status === 'changed' || r.status === 'renamed') && hasChanges(r));
  if (changed.length) {
    out.push('### Changed roles', '');
    for (const r of changed) {
      out.push(`#### ${roleName(r, false)}`, '');
      for (const [key, name] of SECTIONS) out.push(...deltaLines(name, r[key]));
      if (r.fields.length) out.push(`- Other keys changed: ${r.fields.map(code).join(', ')}`);
      out.push('');
    }
  }
  if (diff.moved.length) {
    out.push('### Moved responsibilities', '', '| Responsibility | From | To |', '| --- | --- | --- |');
    for (const m of diff.moved) out.push(`| ${escapeMarkdown(m.text)} | ${code(m.from)} | ${code(m.to)} |`);
    out.push('');
  }
  if (diff.unreadable.length) {
    out.push('### Role files that could not be read', '');
    for (const u of diff.unreadable) {
      const roles = u.roles.length ? `; not compared: ${u.roles.map(code).join(', ')}` : '';
      out.push(
        `- ${code(u.path)} at ${code(u.revision === 'base' ? base : target)}, line ${u.range.line}: ${escapeMarkdown(u.message)} (${u.code})${roles}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}
