/**
 * The handbook diff: two revisions compared role by role, for a reviewer.
 *
 *   1. Roles are matched by id. Should two files of one revision claim the same id (a
 *      `duplicate-role` the linter reports), the file at the same path is matched first, then
 *      the rest in path order.
 *   2. A base role and a target role left unmatched in the same file are one role `renamed`.
 *   3. A role left unmatched whose file cannot be read in the other revision is not compared
 *      (the file is reported as unreadable): a broken file is not a removed role.
 *   4. The rest are `added` and `removed`.
 *   5. Each role in both revisions is compared: focus, responsibilities and success criteria by
 *      text (trimmed, whitespace collapsed, case-folded; counted, so a duplicated item counts
 *      twice), and the other top-level keys by meaning (`fields.ts`).
 *   6. A responsibility removed from one role (or with a removed role) and added to another (or
 *      with an added role) is `moved`, and listed in neither role's added / removed. Removals
 *      and additions of one text pair up in role-id order.
 */
import { throwIfCancelled, type CancellationLike } from '../cancellation';
import { normalizeName } from '../text';
import type { Located, Range, Role } from '../types';
import { changedFields } from './fields';
import { readSnapshots, type RoleEntry } from './snapshot';
import type { DiffItem, HandbookDiff, HandbookRevision, ItemDelta, MovedItem, RoleDiff, RoleSide, UnreadableFile } from './types';

export interface DiffOptions {
  /** Whether a path is matched by the role-file globs (a role file even without frontmatter). */
  isRoleGlob?: (path: string) => boolean;
  /** Polled before each file is read and each role compared; the diff throws `Cancelled` once it is cancelled. */
  token?: CancellationLike;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function side(e: RoleEntry): RoleSide {
  return { id: e.role.id, title: e.role.title, path: e.path, idRange: e.role.idRange };
}

interface Pair {
  base: RoleEntry;
  target: RoleEntry;
}

/** Steps 1–4: pairs, and the roles only in one revision. */
function matchRoles(base: RoleEntry[], target: RoleEntry[]) {
  const byId = (entries: RoleEntry[]) => {
    const m = new Map<string, RoleEntry[]>();
    for (const e of entries) {
      const list = m.get(e.role.id);
      if (list) list.push(e);
      else m.set(e.role.id, [e]);
    }
    return m;
  };
  const targetById = byId(target);
  const pairs: Pair[] = [];
  const matchedTarget = new Set<RoleEntry>();
  const unmatchedBase: RoleEntry[] = [];
  for (const [id, bases] of byId(base)) {
    const targets = targetById.get(id) ?? [];
    const free = [...targets];
    const rest: RoleEntry[] = [];
    for (const b of bases) {
      const i = free.findIndex((t) => t.path === b.path);
      if (i >= 0) pairs.push({ base: b, target: free.splice(i, 1)[0] });
      else rest.push(b);
    }
    for (const b of rest) {
      const t = free.shift();
      if (t) pairs.push({ base: b, target: t });
      else unmatchedBase.push(b);
    }
  }
  for (const p of pairs) matchedTarget.add(p.target);
  const unmatchedTarget = target.filter((t) => !matchedTarget.has(t));
  return { pairs, unmatchedBase, unmatchedTarget };
}

interface Keyed {
  key: string;
  item: DiffItem;
}

const keyed = (text: string, range: Range): Keyed => ({ key: normalizeName(text), item: { text: text.trim(), range } });
const located = (items: Located<string>[]): Keyed[] => items.map((i) => keyed(i.value, i.range));
const responsibilities = (role: Role): Keyed[] => role.responsibilities.map((r) => keyed(r.text, r.textRange));

/** Items of `after` not in `before` and the reverse, counted (a text twice in one, once in the other, is one change). */
function delta(before: Keyed[], after: Keyed[]): { added: Keyed[]; removed: Keyed[] } {
  const counts = new Map<string, number>();
  for (const b of before) counts.set(b.key, (counts.get(b.key) ?? 0) + 1);
  const added: Keyed[] = [];
  for (const a of after) {
    const n = counts.get(a.key) ?? 0;
    if (n > 0) counts.set(a.key, n - 1);
    else added.push(a);
  }
  const removed: Keyed[] = [];
  // The base's surplus copies are the last ones: keep the first copies as matched.
  const kept = new Map<string, number>();
  for (const a of after) kept.set(a.key, (kept.get(a.key) ?? 0) + 1);
  for (const b of before) {
    const n = kept.get(b.key) ?? 0;
    if (n > 0) kept.set(b.key, n - 1);
    else removed.push(b);
  }
  return { added, removed };
}

const emptyDelta = (): ItemDelta => ({ added: [], removed: [] });
const items = (k: { added: Keyed[]; removed: Keyed[] }): ItemDelta => ({
  added: k.added.map((x) => x.item),
  removed: k.removed.map((x) => x.item),
});

/** Responsibility changes of one role, before moves are taken out. */
interface RespWork {
  diff: RoleDiff;
  /** The role's side that loses and gains items (for a moved item's ends). */
  fromSide?: RoleSide;
  toSide?: RoleSide;
  added: Keyed[];
  removed: Keyed[];
}

/** Whether two item lists hold the same texts, counted (what `delta` finds no change in). */
function sameItems(before: Keyed[], after: Keyed[]): boolean {
  if (before.length !== after.length) return false;
  const { added, removed } = delta(before, after);
  return added.length === 0 && removed.length === 0;
}

/**
 * Whether a role in the same file under the same id in both revisions has nothing to report:
 * such a pair is always matched to itself (step 1 pairs the same file first), its diff is empty
 * and it gives or takes no responsibility, so it can be dropped as soon as it is read.
 */
function settled(b: RoleEntry, t: RoleEntry): boolean {
  if (b.text === t.text) return true;
  return (
    sameItems(responsibilities(b.role), responsibilities(t.role)) &&
    sameItems(located(b.role.successCriteria), located(t.role.successCriteria)) &&
    sameItems(located(b.role.focus), located(t.role.focus)) &&
    changedFields(b.data, t.data).length === 0
  );
}

export function diffHandbooks(base: HandbookRevision, target: HandbookRevision, options: DiffOptions = {}): HandbookDiff {
  const { token } = options;
  const { base: a, target: b, settled: unchangedRoles } = readSnapshots(base, target, { isRoleGlob: options.isRoleGlob, token }, settled);
  const { pairs, unmatchedBase, unmatchedTarget } = matchRoles(a.roles, b.roles);

  // Step 2: renamed (same file, id changed).
  const targetByPath = new Map<string, RoleEntry>();
  for (const t of unmatchedTarget) if (!targetByPath.has(t.path)) targetByPath.set(t.path, t);
  const renamed = new Set<Pair>();
  const removed: RoleEntry[] = [];
  const notCompared = new Map<string, string[]>(); // broken path (other revision) -> ids
  const skip = (path: string, id: string) => notCompared.set(path, [...(notCompared.get(path) ?? []), id]);
  for (const e of unmatchedBase) {
    const t = targetByPath.get(e.path);
    if (t) {
      targetByPath.delete(e.path);
      const p = { base: e, target: t };
      pairs.push(p);
      renamed.add(p);
    } else if (b.broken.has(e.path)) skip(`target:${e.path}`, e.role.id);
    else removed.push(e);
  }
  const added: RoleEntry[] = [];
  const renamedTargets = new Set([...renamed].map((p) => p.target));
  for (const t of unmatchedTarget) {
    if (renamedTargets.has(t)) continue;
    if (a.broken.has(t.path)) skip(`base:${t.path}`, t.role.id);
    else added.push(t);
  }

  // Step 5: compare each pair.
  const diffs: RoleDiff[] = [];
  const work: RespWork[] = [];
  for (const p of pairs) {
    throwIfCancelled(token);
    const isRenamed = renamed.has(p);
    const same = p.base.text === p.target.text;
    const d: RoleDiff = {
      id: p.target.role.id,
      status: isRenamed ? 'renamed' : 'changed',
      base: side(p.base),
      target: side(p.target),
      responsibilities: emptyDelta(),
      successCriteria: same ? emptyDelta() : items(delta(located(p.base.role.successCriteria), located(p.target.role.successCriteria))),
      focus: same ? emptyDelta() : items(delta(located(p.base.role.focus), located(p.target.role.focus))),
      fields: same ? [] : changedFields(p.base.data, p.target.data),
    };
    diffs.push(d);
    if (!same) {
      const r = delta(responsibilities(p.base.role), responsibilities(p.target.role));
      work.push({ diff: d, fromSide: d.base, toSide: d.target, added: r.added, removed: r.removed });
    }
  }
  for (const e of removed) {
    const d: RoleDiff = {
      id: e.role.id,
      status: 'removed',
      base: side(e),
      responsibilities: emptyDelta(),
      successCriteria: emptyDelta(),
      focus: emptyDelta(),
      fields: [],
    };
    diffs.push(d);
    work.push({ diff: d, fromSide: d.base, added: [], removed: responsibilities(e.role) });
  }
  for (const e of added) {
    const d: RoleDiff = {
      id: e.role.id,
      status: 'added',
      target: side(e),
      responsibilities: emptyDelta(),
      successCriteria: emptyDelta(),
      focus: emptyDelta(),
      fields: [],
    };
    diffs.push(d);
    work.push({ diff: d, toSide: d.target, added: responsibilities(e.role), removed: [] });
  }

  // Step 6: moves.
  work.sort((x, y) => byString(x.diff.id, y.diff.id));
  const additions = new Map<string, { w: RespWork; k: Keyed }[]>();
  for (const w of work) {
    for (const k of w.added) {
      const list = additions.get(k.key);
      if (list) list.push({ w, k });
      else additions.set(k.key, [{ w, k }]);
    }
  }
  const moved: MovedItem[] = [];
  const movedOut = new Set<Keyed>();
  for (const w of work) {
    for (const k of w.removed) {
      const candidates = additions.get(k.key);
      if (!candidates) continue;
      const i = candidates.findIndex((c) => c.w !== w);
      if (i < 0) continue;
      const to = candidates.splice(i, 1)[0];
      movedOut.add(k);
      movedOut.add(to.k);
      moved.push({
        text: to.k.item.text,
        from: w.diff.id,
        to: to.w.diff.id,
        fromSide: w.fromSide!,
        toSide: to.w.toSide!,
        fromRange: k.item.range,
        toRange: to.k.item.range,
      });
    }
  }
  for (const w of work) {
    if (w.diff.status === 'added' || w.diff.status === 'removed') continue;
    w.diff.responsibilities = {
      added: w.added.filter((k) => !movedOut.has(k)).map((k) => k.item),
      removed: w.removed.filter((k) => !movedOut.has(k)).map((k) => k.item),
    };
  }
  moved.sort((x, y) => byString(x.from, y.from) || byString(x.to, y.to));

  const unreadable: UnreadableFile[] = [];
  for (const [revision, snap] of [
    ['base', a],
    ['target', b],
  ] as const) {
    for (const br of snap.broken.values()) {
      // A file broken alike in both revisions is not the change's doing: nothing to tell.
      if (base.has(br.path) && base.get(br.path) === target.get(br.path)) continue;
      unreadable.push({
        path: br.path,
        revision,
        code: br.finding.code,
        message: br.finding.message,
        range: br.finding.range,
        roles: (notCompared.get(`${revision}:${br.path}`) ?? []).sort(byString),
      });
    }
  }

  const roles = diffs
    .filter((d) => d.status !== 'changed' || hasChanges(d))
    .sort((x, y) => byString(x.id, y.id) || byString(x.status, y.status));
  return { roles, moved, unreadable, counts: { base: a.roles.length + unchangedRoles, target: b.roles.length + unchangedRoles } };
}

export function hasChanges(d: RoleDiff): boolean {
  return (
    d.fields.length > 0 ||
    d.responsibilities.added.length +
      d.responsibilities.removed.length +
      d.successCriteria.added.length +
      d.successCriteria.removed.length +
      d.focus.added.length +
      d.focus.removed.length >
      0
  );
}
