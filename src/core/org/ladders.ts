/**
 * Ladders: the roles that share a `ladder` value, explicit or by default (the ladder of the role
 * it extends, else, for a role that extends or is extended, the title of the first role of its
 * `extends` chain), ordered by level (roles without one last), then title.
 */
import { normalizeName } from '../text';
import type { Role } from '../types';
import type { OrgGraph } from './graph';
import { extendsChain, parentOf } from './inheritance';
import { cmp } from './reporting';

export interface Rung {
  role: Role;
  /** The role it extends, when that resolves. */
  parent?: Role;
  /** Its own responsibilities and success criteria: what it adds to the ladder. */
  adds: { responsibilities: string[]; successCriteria: string[] };
}

export interface Ladder {
  name: string;
  rungs: Rung[];
}

/**
 * The ladder a role is a rung of, or undefined when it is on none. Where the contract is silent:
 * an `extends` that names no role does not make a ladder; in a cycle of `extends` (which has no
 * first role) the "first role" is the cycle's role with the smallest id.
 */
export function ladderOf(role: Role, graph: OrgGraph): string | undefined {
  if (role.ladder) return role.ladder.value;
  const { ancestors, cycle } = extendsChain(role, graph);
  for (const a of ancestors) if (a.ladder) return a.ladder.value;
  if (ancestors.length === 0 && !isExtended(role, graph)) return undefined;
  if (cycle) return [...cycle].sort((a, b) => cmp(a.id, b.id) || cmp(a.uri, b.uri))[0].title;
  return (ancestors.length ? ancestors[ancestors.length - 1] : role).title;
}

function isExtended(role: Role, graph: OrgGraph): boolean {
  for (const r of graph.extendersOf(role)) if (r.uri !== role.uri && parentOf(r, graph)?.uri === role.uri) return true;
  return false;
}

/** Ladder order: level (roles without one after those with one), then title, then id. */
export function compareRungs(a: Role, b: Role): number {
  const la = a.level?.value ?? Infinity;
  const lb = b.level?.value ?? Infinity;
  if (la !== lb) return la < lb ? -1 : 1;
  return cmp(a.title.toLowerCase(), b.title.toLowerCase()) || cmp(a.title, b.title) || cmp(a.id, b.id) || cmp(a.uri, b.uri);
}

/**
 * Every ladder of a handbook, ordered by name; names that differ only in case or spacing are one
 * ladder (under the first spelling in rung order).
 */
export function ladders(roles: readonly Role[], graph: OrgGraph): Ladder[] {
  const groups = new Map<string, Role[]>();
  for (const role of roles) {
    const name = ladderOf(role, graph);
    if (name === undefined) continue;
    const key = normalizeName(name);
    const list = groups.get(key);
    if (list) list.push(role);
    else groups.set(key, [role]);
  }
  const out: Ladder[] = [];
  for (const members of groups.values()) {
    members.sort(compareRungs);
    out.push({
      name: ladderOf(members[0], graph)!,
      rungs: members.map((role) => ({
        role,
        parent: parentOf(role, graph),
        adds: { responsibilities: role.responsibilities.map((r) => r.text), successCriteria: role.successCriteria.map((c) => c.value) },
      })),
    });
  }
  return out.sort((a, b) => cmp(a.name.toLowerCase(), b.name.toLowerCase()) || cmp(a.name, b.name));
}

/** The rung after a role on its ladder (the next level up), if any. */
export function nextRung(role: Role, all: readonly Ladder[]): Role | undefined {
  for (const l of all) {
    const i = l.rungs.findIndex((r) => r.role.uri === role.uri);
    if (i >= 0) return l.rungs[i + 1]?.role;
  }
  return undefined;
}

/**
 * The next level up from a role: a role that extends it (what that role adds is exactly what the
 * next level adds), preferring one on the same ladder, then the lowest level, then the title.
 */
export function nextLevel(role: Role, graph: OrgGraph): Role | undefined {
  const above = [...graph.extendersOf(role)].filter((r) => r.uri !== role.uri && parentOf(r, graph)?.uri === role.uri);
  if (above.length <= 1) return above[0];
  const ladder = ladderOf(role, graph);
  const same = (r: Role) => (ladder !== undefined && ladderOf(r, graph) === ladder ? 0 : 1);
  return above.sort((a, b) => same(a) - same(b) || compareRungs(a, b))[0];
}
