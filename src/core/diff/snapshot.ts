/**
 * The two revisions of the handbook, read with the engine's parser, file by file: each
 * revision's roles (by file), and the role files that could not be read (broken YAML, an unclosed
 * or missing frontmatter, no role id).
 *
 * A file is read in both revisions before the next one, so that a role the change leaves as it
 * was (the same id in the same file, nothing to report) is counted and dropped at once instead of
 * kept to the end: what the diff holds grows with what changed, not with the handbook. (A change
 * that rewrites every file of a large handbook — a reformatting — otherwise kept two parsed copies
 * of it, and the garbage collector spent more time copying them than the parser took.)
 */
import { throwIfCancelled, type CancellationLike } from '../cancellation';
import { mightBeRoleFile } from '../frontmatter';
import { parseFile } from '../parse';
import type { Finding, Role } from '../types';
import type { HandbookRevision } from './types';

/** A role file read in one revision. */
export interface RoleEntry {
  path: string;
  text: string;
  role: Role;
  /** The frontmatter's plain value (for the other keys). */
  data: unknown;
}

export interface BrokenEntry {
  path: string;
  finding: Finding;
}

export interface Snapshot {
  /** The roles kept for the comparison, in path order. */
  roles: RoleEntry[];
  /** Role files that could not be read, by path. */
  broken: Map<string, BrokenEntry>;
}

export interface Snapshots {
  base: Snapshot;
  target: Snapshot;
  /** Roles found the same in both revisions (same file, same id, `settled`): counted, not kept. */
  settled: number;
}

/** Codes that mean the frontmatter could not be read at all (schema errors still yield a role). */
const UNREADABLE = new Set(['yaml-syntax', 'frontmatter-missing', 'frontmatter-unclosed']);

export interface SnapshotOptions {
  /** Whether a path is matched by the role-file globs (a role file even without frontmatter). */
  isRoleGlob?: (path: string) => boolean;
  /** Polled before each file; the read throws `Cancelled` once it is cancelled. */
  token?: CancellationLike;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** One file of one revision: its role, why it cannot be read, or undefined (not a role file). */
function readFile(path: string, text: string, forced: boolean): RoleEntry | BrokenEntry | undefined {
  if (!forced && !mightBeRoleFile(text)) return undefined;
  const parsed = parseFile(path, text, { forceRoleFile: forced, keepData: true, modelOnly: true });
  if (!parsed.isRoleFile) return undefined;
  const failure = parsed.findings.find((f) => UNREADABLE.has(f.code));
  if (failure) return { path, finding: failure };
  if (parsed.role) return { path, text, role: parsed.role, data: parsed.data };
  // A role file (matched by the globs, or with a `role` key) that names no role id: the schema
  // says why (read again in full, which a model-only parse leaves out; a rare file).
  const findings = parseFile(path, text, { forceRoleFile: forced }).findings;
  const missing = findings.find((f) => f.code === 'schema' && f.data?.missingKey === 'role') ?? findings.find((f) => f.code === 'schema');
  return {
    path,
    finding: missing ?? {
      code: 'schema',
      severity: 'error',
      message: 'This role file has no role id.',
      range: { line: 1, column: 1, endLine: 1, endColumn: 4 },
    },
  };
}

const isRole = (e: RoleEntry | BrokenEntry | undefined): e is RoleEntry => !!e && 'role' in e;

/**
 * Reads both revisions, path by path. `settled(base, target)` is asked of a role in the same file
 * under the same id in both; when it answers true, the role is counted and not kept.
 */
export function readSnapshots(
  base: HandbookRevision,
  target: HandbookRevision,
  options: SnapshotOptions,
  settled: (base: RoleEntry, target: RoleEntry) => boolean,
): Snapshots {
  const out: Snapshots = { base: { roles: [], broken: new Map() }, target: { roles: [], broken: new Map() }, settled: 0 };
  const paths = [...new Set([...base.keys(), ...target.keys()])].sort(byString);
  for (const path of paths) {
    const forced = options.isRoleGlob?.(path) ?? false;
    const before = base.get(path);
    const after = target.get(path);
    // Asked before each file of each revision.
    if (before !== undefined) throwIfCancelled(options.token);
    const a = before === undefined ? undefined : readFile(path, before, forced);
    if (after !== undefined) throwIfCancelled(options.token);
    // A file the same in both revisions is parsed once.
    const b = after === undefined ? undefined : after === before ? a : readFile(path, after, forced);
    if (isRole(a) && isRole(b) && a.role.id === b.role.id && settled(a, b)) {
      out.settled++;
      continue;
    }
    for (const [entry, into] of [
      [a, out.base],
      [b, out.target],
    ] as const) {
      if (isRole(entry)) into.roles.push(entry);
      else if (entry) into.broken.set(path, entry);
    }
  }
  return out;
}
