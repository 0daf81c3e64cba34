/**
 * Roles in tables: a "Role | Responsibilities" table (a row per role), a "PM expectations |
 * EM expectations" table (a column per role, the heading above as the area), and a level table
 * ("Level | Execution | Teamwork", a row group per level, the columns as areas). Other tables
 * (levels with links, version history) hold no roles.
 */
import { IMPORT_LIMITS } from './limits';
import { isRoleName, roleNameFrom, type RoleName } from './roleNames';
import type { RoleScope, ScopedTable } from './structure';
import { cleanText, stripEmoji, withoutParentheses } from './text';
import type { TableCell } from './types';

const ROLE_HEADER = /^(?:roles?|positions?|job titles?|titles?|who|persona|functions?|team members?|members?)$/i;
const LEVEL_HEADER = /^levels?$/i;
const DUTY_HEADER = /respons[ai]b|dut(?:y|ies)|expectations|tasks|accountab|activities|what (?:they|you) do/i;
/** `PM expectations`: the words before it name the column's role (headers are cleaned: single spaces). */
const COLUMN_ROLE_SUFFIX = / (?:expectations|responsibilities|duties|tasks|accountabilities)$/i;

function columnRoleName(header: string): string | undefined {
  const m = COLUMN_ROLE_SUFFIX.exec(header);
  return m && m.index > 0 ? header.slice(0, m.index) : undefined;
}

function normal(s: string): string {
  return withoutParentheses(s).toLowerCase().replace(/\s+/g, ' ').replace(/s$/, '').trim();
}

/** Finds the role a name refers to (title or short name, plural or not). */
function findRole(roles: readonly RoleScope[], name: string): RoleScope | undefined {
  const n = normal(name);
  return roles.find((r) => normal(r.name.title) === n || r.name.aliases.some((a) => normal(a) === n));
}

function cellItems(cell: TableCell): string[] {
  if (cell.items.length) return cell.items;
  if (cell.paragraphs.length) return cell.paragraphs;
  return cell.text ? [cell.text] : [];
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

export function readTableRoles(tables: readonly ScopedTable[], roles: RoleScope[]): void {
  const roleFor = (name: RoleName | undefined, raw: string, line: number): RoleScope | undefined => {
    const existing = findRole(roles, name?.title ?? raw) ?? (name?.short ? findRole(roles, name.short) : undefined);
    if (existing) return existing;
    if (roles.length >= IMPORT_LIMITS.maxRoles) return undefined;
    const role: RoleScope = {
      name: name ?? { title: raw, aliases: [] },
      line,
      level: 0,
      origin: 'table',
      headingText: raw,
      blocks: [],
      tableItems: [],
      tableSummary: [],
    };
    roles.push(role);
    return role;
  };

  for (const scoped of tables) {
    const rows = scoped.table.rows.filter((r) => r.some((c) => c.text));
    if (rows.length < 2) continue;
    const header = rows[0].map((c) => cleanText(stripEmoji(c.text)).replace(/:$/, ''));
    const body = rows.slice(1);
    const area = scoped.heading ? cleanText(stripEmoji(scoped.heading)) : undefined;

    // A column per role: "PM expectations | EM expectations".
    const columnRoles = header.map((h) => {
      const name = columnRoleName(h);
      return name && (isRoleName(name) || /^[A-Z]{2,5}s?$/.test(name)) ? name : undefined;
    });
    if (columnRoles.some(Boolean)) {
      columnRoles.forEach((name, col) => {
        if (!name) return;
        const role = roleFor(roleNameFrom(name) ?? { title: name, aliases: [] }, name, rows[0][col].line);
        if (!role) return;
        for (const row of body) {
          const cell = row[col];
          if (!cell || cell.spanned) continue;
          for (const text of cellItems(cell)) role.tableItems.push({ text, area, line: cell.line });
        }
      });
      continue;
    }

    const roleCol = header.findIndex((h) => ROLE_HEADER.test(h));
    const levelCol = header.findIndex((h) => LEVEL_HEADER.test(h));
    const dutyCols = header.map((h, i) => (DUTY_HEADER.test(h) && i !== roleCol ? i : -1)).filter((i) => i >= 0);

    // A row per role: "Role | Responsibilities".
    if (roleCol >= 0 && dutyCols.length) {
      for (const row of body) {
        const label = row[roleCol];
        if (!label?.text) continue;
        const raw = label.strong[0] ?? label.text;
        const role = roleFor(roleNameFrom(raw), cleanText(raw), label.line);
        if (!role) continue;
        for (const col of dutyCols) {
          const cell = row[col];
          if (!cell || cell.spanned) continue;
          for (const text of cellItems(cell))
            role.tableItems.push({ text, area: dutyCols.length > 1 ? header[col] : undefined, line: cell.line });
        }
      }
      continue;
    }

    // A row group per level, the other columns as areas: "Level | Execution | Teamwork".
    const labelCol = levelCol >= 0 ? levelCol : -1;
    if (labelCol < 0) continue;
    const substantive = body.flatMap((r) => r.filter((c, i) => i !== labelCol && !c.spanned).flatMap(cellItems));
    if (!substantive.length || substantive.reduce((n, t) => n + words(t), 0) / substantive.length < 4) continue;
    for (const row of body) {
      const label = row[labelCol];
      if (!label?.text) continue;
      const name = roleNameFrom(label.text);
      if (!name && !isRoleName(label.text)) continue;
      const role = roleFor(name, label.text, label.line);
      if (!role) continue;
      row.forEach((cell, col) => {
        if (col === labelCol || cell.spanned || !cell.text) return;
        if (cell.colspan > 1) {
          role.tableSummary.push(...cell.paragraphs);
          for (const text of cell.items) role.tableItems.push({ text, line: cell.line });
          return;
        }
        for (const text of cellItems(cell)) role.tableItems.push({ text, area: header[col] || undefined, line: cell.line });
      });
    }
  }
}
