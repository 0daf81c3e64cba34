/**
 * Which role, and which of its names, a position of a document names: a declaration (`role`,
 * `title`, an alias) of a role file, a role reference of its frontmatter, or a `[[link]]`. Rename
 * and Find References both start here. Also the small view of the index they read.
 */
import { normalizeName } from '../text';
import type { ParsedFile, Range, Role } from '../types';
import { documentNames, rangeContains, type DeclarationKind, type ScalarSpan } from './nameSpans';

/** What rename and references read from the handbook index (HandbookIndex has it all). */
export interface RoleNameIndex {
  get(uri: string): ParsedFile | undefined;
  resolve(reference: string): Role | undefined;
  /** Files claiming a normalised name. */
  ownersOf(name: string): string[];
  /** Files whose references or links use a normalised name. */
  referrersOf(name: string): string[];
}

export interface NameTarget {
  role: Role;
  /** The role's name used at the position, as the role declares it. */
  name: string;
  /** Which of the role's names it is. */
  kind: DeclarationKind;
  /** What the position is on: the declaration, reference or link target (inside quotes). */
  range: Range;
  /** The name as written there. */
  placeholder: string;
  onDeclaration: boolean;
}

export type RefusalReason =
  'not-a-name' | 'unknown-name' | 'builtin' | 'empty' | 'link-chars' | 'not-kebab-case' | 'taken' | 'unresolved-users' | 'not-made';

/** A refusal, with a message for people (in English; `reason` and `args` let an editor translate it). */
export interface Refusal {
  error: string;
  reason?: RefusalReason;
  /** The values the message names, in order. */
  args?: string[];
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && typeof (x as Refusal).error === 'string';
}

export const NOT_A_NAME =
  "Put the cursor on a role name to do this: a role's id, title or alias, a role reference in the frontmatter, or a [[link]].";

/** The range of a scalar without its quotes (when it is on one line). */
function innerRange(s: ScalarSpan): Range {
  const quoted = (s.style === 'single' || s.style === 'double') && s.range.line === s.range.endLine;
  return quoted ? { ...s.range, column: s.range.column + 1, endColumn: s.range.endColumn - 1 } : s.range;
}

/** Which of a role's names a (normalised) name is: the id first, then the title, then an alias. */
export function declaredName(role: Role, name: string): { name: string; kind: DeclarationKind } | undefined {
  const n = normalizeName(name);
  if (normalizeName(role.id) === n) return { name: role.id, kind: 'id' };
  if (normalizeName(role.title) === n) return { name: role.title, kind: 'title' };
  const alias = role.aliases.find((a) => normalizeName(a.value) === n);
  return alias ? { name: alias.value.trim(), kind: 'alias' } : undefined;
}

/**
 * The role name at a 1-based position. `isRoleFile` false looks at links only (other Markdown).
 * A position on a reference or link that names no role, or on nothing that names one, is refused.
 */
export function nameTargetAt(
  index: RoleNameIndex,
  uri: string,
  raw: string,
  line: number,
  column: number,
  isRoleFile: boolean,
): NameTarget | Refusal {
  const names = documentNames(raw, isRoleFile);
  const decl = names.declarations.find((d) => rangeContains(d.range, line, column));
  if (decl) {
    const role = index.get(uri)?.role;
    if (!role) return { error: NOT_A_NAME, reason: 'not-a-name' };
    return { role, name: decl.name, kind: decl.kind, range: innerRange(decl), placeholder: decl.name, onDeclaration: true };
  }
  const ref = names.references.find((r) => rangeContains(r.range, line, column));
  const link = ref ? undefined : names.links.find((l) => rangeContains(l.range, line, column));
  if (!ref && !link) return { error: NOT_A_NAME, reason: 'not-a-name' };
  const written = ref ? ref.name : link!.target;
  const role = index.resolve(written);
  const declared = role && declaredName(role, written);
  if (!role || !declared) return { error: `"${written}" names no role in the handbook.`, reason: 'unknown-name', args: [written] };
  return { role, ...declared, range: ref ? innerRange(ref) : link!.targetRange, placeholder: written, onDeclaration: false };
}
