/**
 * The organisation side of the handbook index: who extends and who manages which name, so that
 * an edit re-checks only the roles whose inheritance or reporting lines it touches:
 * - the roles below it on `extends` chains, when its names, `extends`, level or responsibilities
 *   change (they inherit from it, or compare their level with it);
 * - the roles above it on reporting lines (before and after the edit), when its names or its
 *   reporting relationships change: any cycle a changed line closes or opens runs through them.
 */
import { normalizeName } from '../text';
import type { Role } from '../types';
import { isReportingKind, roleNamesOf, type OrgGraph } from './graph';
import { upClosure } from './reporting';

export interface OrgHost {
  resolve(reference: string): Role | undefined;
  roleAt(uri: string): Role | undefined;
}

class NameIndex {
  private readonly map = new Map<string, Set<string>>();

  add(name: string, uri: string): void {
    let set = this.map.get(name);
    if (!set) this.map.set(name, (set = new Set()));
    set.add(uri);
  }

  remove(name: string, uri: string): void {
    const set = this.map.get(name);
    if (!set) return;
    set.delete(uri);
    if (set.size === 0) this.map.delete(name);
  }

  get(name: string): Iterable<string> {
    return this.map.get(name) ?? [];
  }
}

function inheritSignature(role: Role | undefined): string {
  if (!role) return '';
  return JSON.stringify([
    roleNamesOf(role).sort(),
    role.extends ? normalizeName(role.extends.value) : null,
    role.level?.value ?? null,
    role.responsibilities.map((r) => normalizeName(r.text)),
  ]);
}

function reportSignature(role: Role | undefined): string {
  if (!role) return '';
  const lines = role.relationships.filter((r) => isReportingKind(r.kind)).map((r) => `${r.kind} ${normalizeName(r.with)}`);
  return JSON.stringify([roleNamesOf(role).sort(), lines]);
}

/** What an update needs to remember from before it. */
export interface OrgChange {
  before?: Role;
  after?: Role;
  inheritChanged: boolean;
  reportChanged: boolean;
  /** Roles up the reporting lines before the change. */
  upBefore: Set<string>;
}

export class OrgLinks implements OrgGraph {
  private readonly managing = new NameIndex();
  private readonly extending = new NameIndex();

  constructor(private readonly host: OrgHost) {}

  resolve(reference: string): Role | undefined {
    return this.host.resolve(reference);
  }

  *managersNaming(role: Role): Iterable<Role> {
    yield* this.rolesNaming(this.managing, role);
  }

  *extendersOf(role: Role): Iterable<Role> {
    yield* this.rolesNaming(this.extending, role);
  }

  private rolesNaming(index: NameIndex, role: Role): Role[] {
    const uris = new Set<string>();
    for (const n of roleNamesOf(role)) for (const u of index.get(n)) uris.add(u);
    const out: Role[] = [];
    for (const u of uris) {
      const r = this.host.roleAt(u);
      if (r) out.push(r);
    }
    return out;
  }

  attach(role: Role | undefined): void {
    if (!role) return;
    for (const rel of role.relationships) if (rel.kind === 'manages') this.managing.add(normalizeName(rel.with), role.uri);
    if (role.extends) this.extending.add(normalizeName(role.extends.value), role.uri);
  }

  detach(role: Role | undefined): void {
    if (!role) return;
    for (const rel of role.relationships) if (rel.kind === 'manages') this.managing.remove(normalizeName(rel.with), role.uri);
    if (role.extends) this.extending.remove(normalizeName(role.extends.value), role.uri);
  }

  /** Call before the index replaces `before` with `after` (same file). */
  begin(before: Role | undefined, after: Role | undefined): OrgChange {
    const inheritChanged = inheritSignature(before) !== inheritSignature(after);
    const reportChanged = reportSignature(before) !== reportSignature(after);
    const upBefore = reportChanged ? this.reportingNeighbourhood(before, after) : new Set<string>();
    return { before, after, inheritChanged, reportChanged, upBefore };
  }

  /** Call after the update: the other files whose organisation findings may have changed. */
  finish(change: OrgChange): Set<string> {
    const affected = new Set<string>();
    if (change.inheritChanged) {
      for (const u of this.descendants([change.before, change.after])) affected.add(u);
      // The roles it extends (before and after) gain or lose a next level.
      for (const r of [change.before, change.after]) {
        const parent = r?.extends ? this.host.resolve(r.extends.value) : undefined;
        if (parent) affected.add(parent.uri);
      }
    }
    if (change.reportChanged) {
      for (const u of change.upBefore) affected.add(u);
      for (const u of this.reportingNeighbourhood(change.before, change.after)) affected.add(u);
    }
    return affected;
  }

  /**
   * The roles up the reporting lines from the changed role and from whatever its names resolve to
   * (another role may claim the same name): every cycle through a line that changed runs there.
   */
  private reportingNeighbourhood(before: Role | undefined, after: Role | undefined): Set<string> {
    const start = new Map<string, Role>();
    for (const r of [before, after]) {
      if (!r) continue;
      const current = this.host.roleAt(r.uri);
      if (current) start.set(current.uri, current);
      for (const n of roleNamesOf(r)) {
        const owner = this.host.resolve(n);
        if (owner) start.set(owner.uri, owner);
      }
    }
    return upClosure(start.values(), this);
  }

  /** Every file on an `extends` chain below the given roles' names (each once, cycle-safe). */
  private descendants(roles: (Role | undefined)[]): Set<string> {
    const out = new Set<string>();
    const names: string[] = [];
    for (const r of roles) if (r) names.push(...roleNamesOf(r));
    for (let i = 0; i < names.length; i++) {
      for (const u of this.extending.get(names[i])) {
        if (out.has(u)) continue;
        out.add(u);
        const child = this.host.roleAt(u);
        if (child) names.push(...roleNamesOf(child));
      }
    }
    return out;
  }
}
