/**
 * Roles in tables: a "Role | Responsibilities" table (a row per role), a "PM expectations |
 * EM expectations" table (a column per role, the heading above as the area), and a level table
 * ("Level | Execution | Teamwork", a row group per level, the columns as areas). Other tables
 * (levels with links, version history) hold no roles.
 */
import { IMPORT_LIMITS } from './limits';
import { isRoleName, roleNameFrom, type RoleName } from './roleNames';
import { decideRole, on } from './rules';
import type { RoleScope, ScopedTable } from './structure';
import { cleanText, stripEmoji, withoutParentheses } from './text';
import type { TableCell } from './types';

const ROLE_HEADER = /^(?:roles?|positions?|job titles?|titles?|who|persona|functions?|team members?|members?)$/i;
const LEVEL_HEADER = /^levels?$/i;
/** `Artsy Level`, `IC level`: a level column named after the ladder (rule rows-per-role-with-areas). */
const NAMED_LEVEL_HEADER = /^[\w&-]+ levels?$/i;
/** A level code in a level column (`M2`, `IC4`, `L3`), kept as the role's short name. */
const LEVEL_CODE = /^[A-Z]{1,4}\d{1,2}$/;
/** One cell of a RACI matrix: letters R, A, C, I (S for support), any separators, maybe a note. */
const RACI_CELL = /^(?:[RACIS](?:[ ,/;&+]+[RACIS])*)?(?: ?\([^()]*\))?$/;
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

/** The names a role answers to, normalised; cached per name object until its title or short names change. */
const NORMAL_NAMES = new WeakMap<RoleName, { title: string; aliases: number; names: Set<string> }>();

function normalNames(role: RoleScope): Set<string> {
  const cached = NORMAL_NAMES.get(role.name);
  if (cached && cached.title === role.name.title && cached.aliases === role.name.aliases.length) return cached.names;
  const names = new Set([normal(role.name.title), ...role.name.aliases.map(normal)]);
  NORMAL_NAMES.set(role.name, { title: role.name.title, aliases: role.name.aliases.length, names });
  return names;
}

/** Finds the role a name refers to (title or short name, plural or not). */
function findRole(roles: readonly RoleScope[], name: string): RoleScope | undefined {
  const n = normal(name);
  return roles.find((r) => normalNames(r).has(n));
}

function cellItems(cell: TableCell): string[] {
  if (cell.items.length) return cell.items;
  if (cell.paragraphs.length) return cell.paragraphs;
  return cell.text ? [cell.text] : [];
}

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** The RACI letters of a cell (`A, R` → {A, R}), or undefined when the cell is not a RACI code. */
function raciLetters(cell: TableCell | undefined): Set<string> | undefined {
  const t = cleanText(cell?.text ?? '');
  if (t.length > 40 || !RACI_CELL.test(t)) return undefined;
  return new Set(withoutParentheses(t).replace(/[^RACIS]/g, ''));
}

/**
 * A RACI matrix (rule raci): after its first column, every body cell is empty or RACI letters, and
 * some are not empty. Its columns are the parties, its rows the deliverables.
 */
function isRaciMatrix(header: readonly string[], body: readonly TableCell[][]): boolean {
  if (header.length < 2 || !body.length) return false;
  let letters = 0;
  for (const row of body)
    for (let c = 1; c < header.length; c++) {
      const set = raciLetters(row[c]);
      if (!set) return false;
      letters += set.size;
    }
  return letters > 0;
}

/**
 * Columns that each name a role (rule roles-in-columns): every header cell after the first names
 * one (`Knowledge leadership | Engineer 1 | Engineer 2 | …`), and there are at least two of them.
 */
function rolesInColumns(header: readonly string[]): (string | undefined)[] | undefined {
  if (header.length < 3) return undefined;
  const names = header.slice(1);
  if (!names.every((h) => h && isRoleName(h, true) && roleNameFrom(h))) return undefined;
  if (isRoleName(header[0], true)) return undefined; // two role columns side by side pair titles (a track table), not items
  return [undefined, ...names];
}

/** The role named in a table cell: `IM - **Incident Manager** [onboarding]` → `IM - Incident Manager` (the bold name, and the short name before its dash). */
function roleCellName(label: TableCell): string {
  const strong = label.strong[0];
  if (!strong) return label.text;
  const dashed = /^([A-Z][A-Za-z0-9&]{1,7}) [-–—] /.exec(label.text);
  return dashed && label.text.slice(dashed[0].length).startsWith(strong) ? `${dashed[1]} - ${strong}` : strong;
}

/** `IM - Incident Manager [onboarding]` in a roles table: IM is a short name of the role Incident Manager. */
function shortNameOf(cell: TableCell | undefined, roles: readonly RoleScope[], titles: readonly string[]): void {
  const dashed = /^([A-Z][A-Za-z0-9&]{1,7}) [-–—] (\S.*)$/.exec(cell?.text ?? '');
  if (!dashed) return;
  const rest = dashed[2].toLowerCase();
  const role = roles[titles.findIndex((t) => rest === t || rest.startsWith(`${t} `))];
  if (role && !role.name.aliases.includes(dashed[1])) role.name.aliases.push(dashed[1]);
}

export function readTableRoles(tables: readonly ScopedTable[], roles: RoleScope[]): void {
  const roleFor = (name: RoleName | undefined, raw: string, line: number, rule = 'table', reason = ''): RoleScope | undefined => {
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
    if (rule !== 'table') decideRole({ line, title: role.name.title, rule, reason });
    return role;
  };

  for (const scoped of tables) {
    const rows = scoped.table.rows.filter((r) => r.some((c) => c.text));
    if (rows.length < 2) continue;
    const header = rows[0].map((c) => cleanText(stripEmoji(c.text)).replace(/:$/, ''));
    const body = rows.slice(1);
    const area = scoped.heading ? cleanText(stripEmoji(scoped.heading)) : undefined;

    // A column per role: "PM expectations | EM expectations" (each column's items, the heading
    // above as their area), or "Knowledge leadership | Engineer 1 | Engineer 2" (rule
    // roles-in-columns: the first cell of each row is the area).
    const columns = on('roles-in-columns');
    const suffixed = header.map((h) => {
      const name = columns ? columnRoleName(h) : undefined;
      return name && (isRoleName(name) || /^[A-Z]{2,5}s?$/.test(name)) ? name : undefined;
    });
    const named = suffixed.some(Boolean) || !columns ? undefined : rolesInColumns(header);
    if (suffixed.some(Boolean) || named) {
      const columnRoles = named ?? suffixed;
      columnRoles.forEach((name, col) => {
        if (!name) return;
        const role = roleFor(
          roleNameFrom(name) ?? { title: name, aliases: [] },
          name,
          rows[0][col].line,
          'roles-in-columns',
          'a column of a table whose header names a role in each column',
        );
        if (!role) return;
        for (const row of body) {
          const cell = row[col];
          if (!cell || cell.spanned) continue;
          const rowArea = named ? cleanText(stripEmoji(row[0]?.text ?? '')) || area : area;
          for (const text of cellItems(cell)) role.tableItems.push({ text, area: rowArea, line: cell.line });
        }
      });
      continue;
    }

    // A RACI matrix (rules raci and roles-in-columns): a column per party; a deliverable is a duty
    // of the parties Responsible or Accountable for it. Consulted and Informed are not duties.
    if (columns && on('raci') && isRaciMatrix(header, body)) {
      header.forEach((h, col) => {
        if (col === 0 || !h) return;
        const raw = rows[0][col].strong[0] ?? h;
        const role = roleFor(
          roleNameFrom(raw) ?? { title: cleanText(raw), aliases: [] },
          cleanText(raw),
          rows[0][col].line,
          'raci',
          'a column of a RACI matrix (a party Responsible or Accountable for deliverables)',
        );
        if (!role) return;
        for (const row of body) {
          const letters = raciLetters(row[col]);
          const deliverable = row[0];
          if (!letters || !deliverable?.text || !(letters.has('R') || letters.has('A'))) continue;
          for (const text of cellItems(deliverable)) role.tableItems.push({ text, area, line: deliverable.line });
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
        const raw = roleCellName(label);
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

    // A row group per level, the other columns as areas: "Level | Execution | Teamwork". With rule
    // rows-per-role-with-areas, also "Artsy Level | Title | Impact | Influence": the Title column
    // names the row's role and the level code becomes its short name.
    const namedLevelCol = on('rows-per-role-with-areas') && levelCol < 0 ? header.findIndex((h) => NAMED_LEVEL_HEADER.test(h)) : -1;
    const titled = namedLevelCol >= 0 || (on('rows-per-role-with-areas') && levelCol >= 0) ? roleCol : -1;
    const labelCol = titled >= 0 ? titled : levelCol >= 0 ? levelCol : -1;
    const codeCol = titled >= 0 ? (levelCol >= 0 ? levelCol : namedLevelCol) : -1;
    if (labelCol < 0) {
      // "Role | Description | Who?": no duties, but the short names of roles the page defines
      // (`IM - Incident Manager …` for the role Incident Manager).
      const titles = roles.map((r) => r.name.title.toLowerCase());
      if (roleCol >= 0) for (const row of body) shortNameOf(row[roleCol], roles, titles);
      continue;
    }
    const substantive = body.flatMap((r) => r.filter((c, i) => i !== labelCol && !c.spanned).flatMap(cellItems));
    if (!substantive.length || substantive.reduce((n, t) => n + words(t), 0) / substantive.length < 4) continue;
    for (const row of body) {
      const label = row[labelCol];
      if (!label?.text) continue;
      const code = codeCol >= 0 ? cleanText(row[codeCol]?.text ?? '') : '';
      const found = roleNameFrom(label.text);
      const name =
        found && LEVEL_CODE.test(code) && !found.aliases.includes(code)
          ? { ...found, aliases: [...found.aliases, code], short: found.short ?? code }
          : found;
      if (!name && !isRoleName(label.text)) continue;
      const role = roleFor(
        name,
        label.text,
        label.line,
        titled >= 0 ? 'rows-per-role-with-areas' : 'table',
        'a row of a table with a Title column and columns of items',
      );
      if (!role) continue;
      row.forEach((cell, col) => {
        if (col === labelCol || col === codeCol || cell.spanned || !cell.text) return;
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
