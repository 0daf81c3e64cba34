/**
 * Inheritance through `extends`: a role holds, besides its own items, the responsibilities and
 * success criteria of the role it extends, transitively, closest first. Every walk is cycle-safe:
 * it stops at the first role it has already seen.
 */
import { normalizeName } from '../text';
import type { Located, Responsibility, Role } from '../types';
import type { OrgGraph } from './graph';

export interface ExtendsChain {
  /** The roles this one extends, closest first, each once (itself excluded). */
  ancestors: Role[];
  /** The roles of the cycle the walk ran into, in `extends` order, if it ran into one. */
  cycle?: Role[];
  /** Whether the role itself is on that cycle. */
  onCycle: boolean;
}

/** The parent of a role: the role its `extends` names, if it resolves. */
export function parentOf(role: Role, graph: Pick<OrgGraph, 'resolve'>): Role | undefined {
  return role.extends ? graph.resolve(role.extends.value) : undefined;
}

export function extendsChain(role: Role, graph: Pick<OrgGraph, 'resolve'>): ExtendsChain {
  const walk: Role[] = [role];
  const seen = new Map<string, number>([[role.uri, 0]]);
  for (let cur = parentOf(role, graph); cur; cur = parentOf(cur, graph)) {
    const at = seen.get(cur.uri);
    if (at !== undefined) {
      return { ancestors: walk.slice(1), cycle: walk.slice(at), onCycle: at === 0 };
    }
    seen.set(cur.uri, walk.length);
    walk.push(cur);
  }
  return { ancestors: walk.slice(1), onCycle: false };
}

export interface Inherited<T> {
  item: T;
  /** The role that holds it as its own. */
  from: Role;
}

export interface InheritedItems {
  responsibilities: Inherited<Responsibility>[];
  successCriteria: Inherited<Located<string>>[];
}

/**
 * What a role inherits through `extends`, closest first. A text it holds itself, or that a closer
 * role already gave it, is listed once (where it is closest).
 */
export function inheritedItems(role: Role, graph: Pick<OrgGraph, 'resolve'>): InheritedItems {
  const out: InheritedItems = { responsibilities: [], successCriteria: [] };
  const { ancestors } = extendsChain(role, graph);
  if (ancestors.length === 0) return out;
  const respSeen = new Set(role.responsibilities.map((r) => normalizeName(r.text)));
  const critSeen = new Set(role.successCriteria.map((c) => normalizeName(c.value)));
  for (const from of ancestors) {
    for (const item of from.responsibilities) {
      const key = normalizeName(item.text);
      if (!key || respSeen.has(key)) continue;
      respSeen.add(key);
      out.responsibilities.push({ item, from });
    }
    for (const item of from.successCriteria) {
      const key = normalizeName(item.value);
      if (!key || critSeen.has(key)) continue;
      critSeen.add(key);
      out.successCriteria.push({ item, from });
    }
  }
  return out;
}

/** The closest role of the chain holding each normalised responsibility text. */
export function inheritedResponsibilityOwners(ancestors: readonly Role[]): Map<string, Role> {
  const owners = new Map<string, Role>();
  for (const from of ancestors) {
    for (const r of from.responsibilities) {
      const key = normalizeName(r.text);
      if (key && !owners.has(key)) owners.set(key, from);
    }
  }
  return owners;
}
