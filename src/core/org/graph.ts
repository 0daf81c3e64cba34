/**
 * How the organisation engine sees a handbook: a way to resolve a role reference, and the roles
 * that state "manages X" about a role. The handbook index implements it incrementally
 * (`OrgLinks`); `roleGraph()` builds one from a plain list of roles, for views and the CLI.
 */
import { normalizeName } from '../text';
import type { Role } from '../types';

export interface OrgGraph {
  /** Resolves a role reference (id, title or alias, case-insensitive); the first file by URI wins. */
  resolve(reference: string): Role | undefined;
  /** Roles that may have a `manages` relationship naming `role` (a superset is fine). */
  managersNaming(role: Role): Iterable<Role>;
  /** Roles whose `extends` may name `role` (a superset is fine). */
  extendersOf(role: Role): Iterable<Role>;
}

export function roleNamesOf(role: Role): string[] {
  const names = new Set<string>([normalizeName(role.id), normalizeName(role.title)]);
  for (const a of role.aliases) names.add(normalizeName(a.value));
  names.delete('');
  return [...names];
}

/** Whether a relationship kind states a reporting line. */
export function isReportingKind(kind: string): kind is 'reports-to' | 'manages' {
  return kind === 'reports-to' || kind === 'manages';
}

function push(map: Map<string, Role[]>, key: string, role: Role): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(role)) list.push(role);
  } else map.set(key, [role]);
}

/** An OrgGraph over a list of roles (resolution as in the index: the first file by URI wins). */
export function roleGraph(roles: readonly Role[]): OrgGraph {
  const owners = new Map<string, Role>();
  for (const r of [...roles].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0))) {
    for (const n of roleNamesOf(r)) if (!owners.has(n)) owners.set(n, r);
  }
  const managing = new Map<string, Role[]>();
  const extending = new Map<string, Role[]>();
  for (const r of roles) {
    for (const rel of r.relationships) if (rel.kind === 'manages') push(managing, normalizeName(rel.with), r);
    if (r.extends) push(extending, normalizeName(r.extends.value), r);
  }
  const byNames = (map: Map<string, Role[]>, role: Role): Role[] => {
    const out = new Set<Role>();
    for (const n of roleNamesOf(role)) for (const r of map.get(n) ?? []) out.add(r);
    return [...out];
  };
  return {
    resolve: (reference) => owners.get(normalizeName(reference)),
    managersNaming: (role) => byNames(managing, role),
    extendersOf: (role) => byNames(extending, role),
  };
}
