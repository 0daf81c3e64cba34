/**
 * Imports a handbook page written as prose into role definitions: `importPage(markdown)` finds the
 * roles the page defines and reads each one's responsibilities, focus, success criteria, type and
 * relations; `renderRoleFile(role)` writes one as a role file. Text in, plain data out.
 */
import { kebabCase } from '../names';
import { normalizeName } from '../text';
import type { RelationshipKind, RoleType } from '../types';
import { applyShortForms } from './acronyms';
import { Catalog } from './catalog';
import { IMPORT_LIMITS, pageTooLargeMessage } from './limits';
import { withRules } from './rules';
import { readDataRoles } from './data';
import { extractPageLevel, extractRole, type Draft } from './extract';
import { readPage } from './markdown';
import type { RelationHit } from './relations';
import { typeFromTitle } from './roleNames';
import { buildStructure, type RoleScope } from './structure';
import { dropInherited, linkLadders } from './ladder';
import { readTableRoles } from './tables';
import { cleanText, itemKey, tidyItem, trimEndWhile } from './text';
import type { ImportOptions, ImportResult, ImportedRelationship, ImportedResponsibility, ImportedRole } from './types';

export type { ImportOptions, ImportResult, ImportedRelationship, ImportedResponsibility, ImportedRole } from './types';
export { renderRoleFile } from './render';
export { IMPORT_LIMITS, pageTooLargeMessage } from './limits';
export { decodePage, type DecodedPage } from './decode';
export { explanationLines, ruleDescription } from './explain';
export { GENERAL_RULES, type GeneralRule, type RoleDecision, type SkippedList } from './rules';

/** The text of a responsibility, whether a string or an object. */
export function responsibilityText(r: ImportedResponsibility): string {
  return typeof r === 'string' ? r : r.text;
}

function uniqueBy<T>(items: readonly T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => {
    const k = key(t);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Cuts an id to the length limit at a word boundary (the id is also the file name). */
export function boundId(id: string): string {
  const max = IMPORT_LIMITS.maxIdLength - 4; // room for a `-NN` suffix
  if (id.length <= max) return id;
  const cut = id.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return trimEndWhile(dash >= max / 2 ? cut.slice(0, dash) : cut, /-/);
}

/** Ids: kebab-case of the short name, else of the title; unique in the page, and short. */
function assignIds(roles: readonly RoleScope[]): string[] {
  const used = new Set<string>();
  return roles.map((r) => {
    const base = boundId(kebabCase(r.name.short ?? '') || kebabCase(r.name.title) || 'role');
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

export function importPage(markdown: string, options: ImportOptions = {}): ImportResult {
  if (markdown.length > IMPORT_LIMITS.maxPageChars)
    return { roles: [], warnings: [pageTooLargeMessage(markdown.length, options.sourceName)] };
  const run = withRules(options.rules, options.include, () => importPageWith(markdown, options));
  if (!options.explain) return run.value;
  const result = run.value;
  const decided = new Map(run.roles.map((d) => [d.line, d]));
  return {
    ...result,
    explanation: {
      roles: result.roles.map((r) => {
        const d = decided.get(r.source.line);
        return {
          role: r.role,
          title: r.title,
          line: r.source.line,
          rule: d?.rule ?? 'table',
          reason: d?.reason ?? 'a row or column of a table of roles',
        };
      }),
      skipped: run.skipped,
    },
  };
}

function importPageWith(markdown: string, options: ImportOptions): ImportResult {
  const page = readPage(markdown);
  const structure = buildStructure(page);
  const roles = structure.roles;
  readTableRoles(structure.tables, roles);
  const warnings: string[] = [];
  readDataRoles(page, roles, warnings);
  applyShortForms(markdown, roles);

  const catalog = new Catalog(roles);
  const drafts: Draft[] = roles.map((scope, i) => extractRole(i, scope, catalog));
  const pageLevel = extractPageLevel(structure.pageBlocks, catalog);

  const ids = assignIds(roles);
  const out: ImportedRole[] = roles.map((scope, i) => {
    const d = drafts[i];
    const aliases = [...scope.name.aliases, ...d.aliases.map((a) => cleanText(a))];
    const type: RoleType = d.type ?? typeFromTitle(scope.name.title, scope.name.aliases) ?? 'individual-contributor';
    return {
      role: ids[i],
      title: scope.name.title,
      aliases,
      type,
      ...(d.summary ? { summary: d.summary } : {}),
      focus: d.focus.filter(Boolean),
      responsibilities: d.responsibilities.map((it) => (it.area ? { text: it.text, area: it.area } : it.text)),
      successCriteria: d.success,
      sharesSuccessCriteriaOf: [],
      relationships: [],
      source: { line: scope.line },
    };
  });
  const notes: string[][] = roles.map((_, i) => [...drafts[i].notes]);

  // Success criteria one role's text gives for another.
  drafts.forEach((d) => d.successFor.forEach((items, target) => out[target].successCriteria.push(...items)));
  pageLevel.success.forEach((items, target) => out[target].successCriteria.push(...items));

  // Relations.
  const extendsOf: number[][] = roles.map(() => []);
  const hits: { hit: RelationHit; from: number | undefined }[] = [
    ...drafts.flatMap((d, i) => d.relations.map((hit) => ({ hit, from: i }))),
    ...pageLevel.relations.map((hit) => ({ hit, from: undefined })),
  ];
  const relate = (a: number, b: number, kind: RelationshipKind, note?: string) => {
    if (a === b) return;
    const rel: ImportedRelationship = { with: ids[b], kind, ...(note ? { note } : {}) };
    const list = out[a].relationships;
    const same = list.find((r) => r.with === rel.with && r.kind === kind);
    if (!same) list.push(rel);
    else if (note && !same.note) same.note = note;
  };
  for (const { hit } of hits) {
    if (hit.kind === 'symbiotic') {
      const [a, b] = hit.roles;
      const note = hit.note;
      relate(a, b, 'symbiotic', note);
      relate(b, a, 'symbiotic', note);
      continue;
    }
    if (hit.subject === undefined) continue;
    const s = hit.subject;
    if (hit.unresolved) {
      const what =
        hit.kind === 'shares'
          ? 'shares the success criteria of'
          : hit.kind === 'extends'
            ? 'extends the responsibilities of'
            : hit.kind.replace('-', ' ');
      notes[s].push(`The page says this role ${what} "${hit.unresolved}", which it does not define as a role; not recorded.`);
    }
    for (const t of hit.targets) {
      if (hit.kind === 'shares') {
        if (t !== s && !out[s].sharesSuccessCriteriaOf.includes(ids[t])) out[s].sharesSuccessCriteriaOf.push(ids[t]);
      } else if (hit.kind === 'extends') {
        if (t !== s && !extendsOf[s].includes(t)) extendsOf[s].push(t);
      } else relate(s, t, hit.kind);
    }
  }

  // Inheritance: "Extends that of the X responsibilities" brings X's responsibilities in.
  const own = out.map((r) => [...r.responsibilities]);
  const inherited = (start: number): ImportedResponsibility[] => {
    const list: ImportedResponsibility[] = [];
    const seen = new Set<number>();
    const stack = [start];
    while (stack.length) {
      const i = stack.pop()!;
      if (seen.has(i)) continue;
      seen.add(i);
      list.push(...own[i]);
      for (let k = extendsOf[i].length - 1; k >= 0; k--) stack.push(extendsOf[i][k]);
    }
    return list;
  };
  out.forEach((r, i) => {
    if (!extendsOf[i].length) return;
    // One role extended, and duties of its own: a rung of a ladder, written as `extends` (the
    // engine inherits the rest). Otherwise the inherited duties are copied in.
    if (extendsOf[i].length === 1 && own[i].length > 0) {
      r.extends = ids[extendsOf[i][0]];
      notes[i].push(`Extends ${r.extends}, as the page says: its responsibilities are inherited, not copied.`);
      return;
    }
    r.responsibilities = inherited(i);
    notes[i].push(`Includes the responsibilities of ${extendsOf[i].map((t) => ids[t]).join(', ')}, which the page says this role extends.`);
  });

  // Clean-up: duplicates, names two roles would share, references to roles that cannot be written.
  const claimed = new Map<string, number>();
  out.forEach((r, i) => {
    r.responsibilities = uniqueBy(r.responsibilities, (x) => itemKey(responsibilityText(x)));
    r.focus = uniqueBy(
      r.focus.map((f) => tidyItem(f)),
      itemKey,
    );
    r.successCriteria = uniqueBy(r.successCriteria, itemKey);
    for (const name of [r.role, r.title]) if (!claimed.has(normalizeName(name))) claimed.set(normalizeName(name), i);
  });
  out.forEach((r, i) => {
    let title = r.title;
    for (let n = 2; claimed.get(normalizeName(title)) !== i; n++) {
      title = `${r.title} (${n})`;
      if (!claimed.has(normalizeName(title))) claimed.set(normalizeName(title), i);
    }
    if (title !== r.title) notes[i].push(`Another role on the page has the title "${r.title}"; renamed to "${title}".`);
    r.title = title;
  });
  out.forEach((r, i) => {
    r.aliases = uniqueBy(r.aliases.filter(Boolean), normalizeName).filter((a) => {
      const owner = claimed.get(normalizeName(a));
      if (owner !== undefined && owner !== i) {
        notes[i].push(`The short name "${a}" is also a name of role ${out[owner].role}; left out.`);
        return false;
      }
      if (normalizeName(a) === normalizeName(r.title)) return false;
      claimed.set(normalizeName(a), i);
      return true;
    });
  });
  const writable = new Set(out.filter((r) => r.responsibilities.length > 0).map((r) => r.role));
  out.forEach((r, i) => {
    const drop = (id: string) => {
      if (writable.has(id)) return false;
      notes[i].push(`Relation to ${id} left out: that role has no responsibilities, so no role file is written for it.`);
      return true;
    };
    r.sharesSuccessCriteriaOf = r.sharesSuccessCriteriaOf.filter((id) => !drop(id));
    if (r.extends && drop(r.extends)) delete r.extends;
    r.relationships = r.relationships.filter((rel) => !drop(rel.with));
    if (!r.responsibilities.length)
      notes[i].unshift('No responsibilities found for this role; a role file needs at least one, so none is written for it.');
    if (notes[i].length) r.warnings = uniqueBy(notes[i], (n) => n);
  });

  // Ladders: rungs listed in order extend the rung below; levels rise up the ladder.
  for (const [i, note] of linkLadders(out)) out[i].warnings = [...(out[i].warnings ?? []), note];
  for (const [i, n] of dropInherited(out))
    out[i].warnings = [
      ...(out[i].warnings ?? []),
      `${n} item(s) the page repeats from the rung below left out: the role inherits them through extends.`,
    ];

  if (!out.length)
    warnings.push(
      `No role found${options.sourceName ? ` in ${options.sourceName}` : ''}: no heading, table or title on the page names a role.`,
    );
  return { roles: out.sort((a, b) => a.source.line - b.source.line), warnings };
}
