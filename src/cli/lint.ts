/** handbook-lint: reads role files from disk into the engine and reports their findings. */
import * as fs from 'fs';
import * as path from 'path';
import { MAX_ROLE_FILE_BYTES, roleFileReason } from '../core/roleFiles';
import { HandbookIndex } from '../core/handbookIndex';
import { compareFindings } from '../core/findingOrder';
import type { Finding } from '../core/types';
import { globMatcher, isGlob, roleFileGlobMatcher, toPosix, walkMarkdown } from './discover';
import type { FileFindings } from './format';
import { readTextFile, type TextFile } from './readFile';

export class UsageError extends Error {}

export interface LintOptions {
  cwd: string;
  /** Paths, directories or globs; empty means every role file under cwd. */
  targets: string[];
  roleGlobs?: string[];
  /** Called for files that could not be read during discovery. */
  onSkip?: (file: string, reason: string) => void;
  /** Called for files read with a caveat (invalid UTF-8). */
  onNote?: (file: string, note: string) => void;
  /** More findings by file (absolute path) from the whole handbook, e.g. the map's opt-in ones. */
  extraFindings?: (index: HandbookIndex) => ReadonlyMap<string, Finding[]>;
  /** The run needs the roles' content after checking them (a report, the map's findings). */
  keepRoles?: boolean;
}

export interface LintRun {
  index: HandbookIndex;
  results: FileFindings[];
  /** How many role files the handbook holds. */
  roleFiles: number;
  /** How many files or folders could not be read (permission, I/O, size): the exit status is then 2. */
  unreadable: number;
}

/** The largest role file read (core/roleFiles.ts; a larger one is skipped with a message, and the exit status is 2). */
export { MAX_ROLE_FILE_BYTES };

/** Errors that mean a file or folder exists but could not be read: the run cannot vouch for it. */
const UNREADABLE = new Set(['EACCES', 'EPERM', 'EIO', 'ETOOLARGE']);

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EISDIR') return 'is a directory';
  if (e.code === 'ELOOP') return 'a loop of symbolic links';
  if (e.code === 'ENOTFILE') return 'not a regular file';
  if (e.code === 'ETOOLARGE' || e.code === 'EOUTSIDE') return e.message;
  return e.message ?? String(err);
}

export function runLint(opts: LintOptions): LintRun {
  const cwd = path.resolve(opts.cwd);
  const isRoleGlob = roleFileGlobMatcher(opts.roleGlobs);
  // Filled once, then read: unless a report needs the roles' content, a one-shot index will do.
  const index = new HandbookIndex({ oneShot: !opts.keepRoles && !opts.extraFindings });
  let unreadable = 0;
  const skip = (file: string, err: unknown) => {
    if (UNREADABLE.has((err as NodeJS.ErrnoException).code ?? '')) unreadable++;
    opts.onSkip?.(toPosix(path.relative(cwd, file)) || '.', describe(err));
  };
  const noteEncoding = (file: string, read: TextFile) => {
    const rel = toPosix(path.relative(cwd, file));
    if (read.invalid) opts.onNote?.(rel, 'is not valid UTF-8: invalid bytes were read as U+FFFD');
    else if (read.encoding !== 'utf-8')
      opts.onNote?.(rel, `is ${read.encoding.toUpperCase()}, not UTF-8: read as ${read.encoding.toUpperCase()} (save it as UTF-8)`);
  };
  const read = (file: string, forced: boolean) =>
    readTextFile(file, MAX_ROLE_FILE_BYTES, forced ? undefined : (head) => roleFileReason(false, head) !== undefined);

  /** Adds a discovered file: a role file when the globs match it or its frontmatter has `role`. */
  const addDiscovered = (abs: string): boolean => {
    const rel = toPosix(path.relative(cwd, abs));
    const forced = !rel.startsWith('..') && isRoleGlob(rel);
    let file: TextFile | undefined;
    try {
      // Past its first 64 KB, a file is read only if it may be a role file.
      file = read(abs, forced);
    } catch (e) {
      skip(abs, e);
      return false;
    }
    if (!file) return false;
    index.set(abs, file.text, { forceRoleFile: forced });
    if (index.has(abs)) noteEncoding(abs, file);
    return index.has(abs);
  };

  let all: string[] | undefined;
  const allUnderCwd = () => (all ??= walkMarkdown(cwd, skip));
  for (const file of allUnderCwd()) addDiscovered(file);

  const reported = new Map<string, string>(); // abs -> display path
  if (opts.targets.length === 0) {
    for (const uri of index.uris()) reported.set(uri, toPosix(path.relative(cwd, uri)));
  }
  for (const target of opts.targets) {
    // A path that exists is a path, whatever it holds: `roles/ops[1].md`, a checkout in `proj[1]`.
    if (isGlob(target) && !fs.existsSync(path.resolve(cwd, target))) {
      const { base, pattern } = splitGlob(cwd, target);
      const match = globMatcher([pattern]);
      const files = isInside(cwd, base) ? allUnderCwd().filter((f) => isInside(base, f)) : walkMarkdown(base, skip);
      const hits = files.filter((abs) => match(toPosix(path.relative(base, abs))));
      if (hits.length === 0) throw new UsageError(`no files match "${target}"`);
      for (const abs of hits) {
        if (index.has(abs) || addDiscovered(abs)) reported.set(abs, toPosix(path.relative(cwd, abs)));
      }
      continue;
    }
    const abs = path.resolve(cwd, target);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      throw new UsageError(`cannot read "${target}": ${describe(e)}`);
    }
    if (stat.isDirectory()) {
      const inside = isInside(cwd, abs) ? allUnderCwd().filter((f) => isInside(abs, f)) : walkMarkdown(abs, skip);
      if (inside.length === 0) throw new UsageError(`no Markdown files in "${target}"`);
      for (const f of inside) {
        if (index.has(f) || addDiscovered(f)) reported.set(f, toPosix(path.relative(cwd, f)));
      }
      continue;
    }
    let file: TextFile;
    try {
      file = read(abs, true)!;
    } catch (e) {
      throw new UsageError(`cannot read "${target}": ${describe(e)}`);
    }
    const known = index.has(abs);
    // A file named on the command line is checked as a role file.
    index.set(abs, file.text, { forceRoleFile: true });
    if (!known) noteEncoding(abs, file);
    reported.set(abs, target);
  }

  const extra = opts.extraFindings?.(index);
  const results: FileFindings[] = [...reported]
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([abs, file]) => ({
      file,
      findings: extra?.has(abs) ? [...index.findings(abs), ...extra.get(abs)!].sort(compareFindings) : index.findings(abs),
    }));
  return { index, results, roleFiles: index.size, unreadable };
}

/** Whether `p` is `dir` or below it. */
function isInside(dir: string, p: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

/**
 * A glob's folder and the pattern below it: the longest run of leading segments that name an
 * existing folder as written (so `../other/*.md` and `/work/proj[1]/roles/*.md` work), then the rest.
 */
function splitGlob(cwd: string, target: string): { base: string; pattern: string } {
  const parts = toPosix(target).split('/');
  let base = path.isAbsolute(target) ? path.parse(path.resolve(cwd, target)).root : cwd;
  let i = path.isAbsolute(target) ? 1 : 0;
  for (; i < parts.length - 1; i++) {
    const next = path.resolve(base, parts[i]);
    let isDir = false;
    try {
      isDir = fs.statSync(next).isDirectory();
    } catch {
      // not a folder: the pattern starts here
    }
    if (!isDir) break;
    base = next;
  }
  return { base, pattern: parts.slice(i).join('/') };
}
