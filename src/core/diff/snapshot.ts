/**
 * One revision of the handbook, read with the engine's parser: its roles (by file), and the role
 * files that could not be read (broken YAML, an unclosed or missing frontmatter, no role id).
 */
import { throwIfCancelled, type CancellationLike } from '../cancellation';
import { mightBeRoleFile } from '../frontmatter';
import { parseFile } from '../parse';
import type { Finding, ParsedFile, Role } from '../types';
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
  roles: RoleEntry[];
  /** Role files that could not be read, by path. */
  broken: Map<string, BrokenEntry>;
}

/** Codes that mean the frontmatter could not be read at all (schema errors still yield a role). */
const UNREADABLE = new Set(['yaml-syntax', 'frontmatter-missing', 'frontmatter-unclosed']);

export interface SnapshotOptions {
  /** Whether a path is matched by the role-file globs (a role file even without frontmatter). */
  isRoleGlob?: (path: string) => boolean;
  /** Parses already made, by path and text: a file unchanged between revisions is parsed once. */
  cache?: Map<string, { text: string; parsed: ParsedFile }>;
  /** Polled before each file; the read throws `Cancelled` once it is cancelled. */
  token?: CancellationLike;
}

export function readSnapshot(files: HandbookRevision, options: SnapshotOptions = {}): Snapshot {
  const roles: RoleEntry[] = [];
  const broken = new Map<string, BrokenEntry>();
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    throwIfCancelled(options.token);
    const text = files.get(path)!;
    const forced = options.isRoleGlob?.(path) ?? false;
    if (!forced && !mightBeRoleFile(text)) continue;
    const cached = options.cache?.get(path);
    let parsed: ParsedFile;
    if (cached && cached.text === text) {
      parsed = cached.parsed;
    } else {
      parsed = parseFile(path, text, { forceRoleFile: forced, keepData: true });
      options.cache?.set(path, { text, parsed });
    }
    if (!parsed.isRoleFile) continue;
    const failure = parsed.findings.find((f) => UNREADABLE.has(f.code));
    if (failure) {
      broken.set(path, { path, finding: failure });
    } else if (!parsed.role) {
      // A role file (matched by the globs, or with a `role` key) that names no role id.
      const missing =
        parsed.findings.find((f) => f.code === 'schema' && f.data?.missingKey === 'role') ??
        parsed.findings.find((f) => f.code === 'schema');
      broken.set(path, {
        path,
        finding: missing ?? {
          code: 'schema',
          severity: 'error',
          message: 'This role file has no role id.',
          range: { line: 1, column: 1, endLine: 1, endColumn: 4 },
        },
      });
    } else {
      roles.push({ path, text, role: parsed.role, data: parsed.data });
    }
  }
  return { roles, broken };
}
