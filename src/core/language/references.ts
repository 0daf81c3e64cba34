/**
 * Every place that names a role: its declarations (id, title, aliases), the frontmatter references
 * to it and the `[[links]]` to it, by whichever of its names they use, in role files and (given
 * the texts) other Markdown files. Read from the index, whose parse results follow open editors,
 * so finding references costs the files that use the role's names, not the whole handbook.
 */
import { normalizeName } from '../text';
import type { Range, Role } from '../types';
import { documentNames } from './nameSpans';
import type { OtherMarkdown } from './rename';
import { throwIfCancelled, type CancellationLike } from '../cancellation';
import type { RoleNameIndex } from './roleAt';

export type PlaceKind = 'declaration' | 'reference' | 'link';

export interface RolePlace {
  uri: string;
  range: Range;
  kind: PlaceKind;
  /** The name as written there. */
  name: string;
}

export interface RoleReferences {
  declarations: RolePlace[];
  /** Frontmatter references (sharesSuccessCriteriaOf, relationships[].with, extends). */
  references: RolePlace[];
  links: RolePlace[];
}

/** The role's names (normalised) that lead to it: a name another role wins is not its. */
function namesLeadingTo(index: RoleNameIndex, role: Role): Set<string> {
  const out = new Set<string>();
  for (const n of [role.id, role.title, ...role.aliases.map((a) => a.value)]) {
    const key = normalizeName(n);
    if (key && index.resolve(n)?.uri === role.uri) out.add(key);
  }
  return out;
}

function byPosition(a: RolePlace, b: RolePlace): number {
  return (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.range.line - b.range.line || a.range.column - b.range.column;
}

/** The places naming `role`, each list sorted by file and position. */
export function roleReferences(
  index: RoleNameIndex,
  role: Role,
  others: Iterable<OtherMarkdown> = [],
  token?: CancellationLike,
): RoleReferences {
  const declarations: RolePlace[] = [{ uri: role.uri, range: role.idRange, kind: 'declaration', name: role.id }];
  if (role.titleRange) declarations.push({ uri: role.uri, range: role.titleRange, kind: 'declaration', name: role.title });
  for (const a of role.aliases) declarations.push({ uri: role.uri, range: a.range, kind: 'declaration', name: a.value.trim() });
  const keys = namesLeadingTo(index, role);
  const files = new Set<string>();
  for (const k of keys) for (const u of index.referrersOf(k)) files.add(u);
  const references: RolePlace[] = [];
  const links: RolePlace[] = [];
  for (const uri of files) {
    throwIfCancelled(token);
    const parsed = index.get(uri);
    if (!parsed) continue;
    for (const r of parsed.references)
      if (keys.has(normalizeName(r.name))) references.push({ uri, range: r.range, kind: 'reference', name: r.name });
    for (const l of parsed.links) if (keys.has(normalizeName(l.target))) links.push({ uri, range: l.range, kind: 'link', name: l.target });
  }
  for (const other of others) {
    throwIfCancelled(token);
    if (index.get(other.uri)) continue;
    for (const l of documentNames(other.text, false).links)
      if (keys.has(normalizeName(l.target))) links.push({ uri: other.uri, range: l.range, kind: 'link', name: l.target });
  }
  return { declarations, references: references.sort(byPosition), links: links.sort(byPosition) };
}
