/** handbook-lint: reads role files from disk into the engine and reports their findings. */
import * as fs from 'fs';
import * as path from 'path';
import { roleFileReason } from '../core/roleFiles';
import { HandbookIndex } from '../core/handbookIndex';
import { compareFindings } from '../core/findingOrder';
import type { Finding } from '../core/types';
import { globMatcher, isGlob, roleFileGlobMatcher, toPosix, walkMarkdown } from './discover';
import type { FileFindings } from './format';

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
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

class NotAFileError extends Error {
  readonly code = 'ENOTFILE';
}

/**
 * Reads a file as UTF-8. Only regular files are read: a FIFO or a device would block or never
 * end. Invalid UTF-8 is read with U+FFFD in place of the bad bytes, and `onInvalid` is told.
 */
function readText(file: string, onInvalid?: () => void): string {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    if (!fs.fstatSync(fd).isFile()) throw new NotAFileError(file);
    const bytes = fs.readFileSync(fd);
    try {
      return strictUtf8.decode(bytes);
    } catch {
      onInvalid?.();
      return lenientUtf8.decode(bytes);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or directory';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'EISDIR') return 'is a directory';
  if (e.code === 'ELOOP') return 'a loop of symbolic links';
  if (e.code === 'ENOTFILE') return 'not a regular file';
  return e.message ?? String(err);
}

export function runLint(opts: LintOptions): LintRun {
  const cwd = path.resolve(opts.cwd);
  const isRoleGlob = roleFileGlobMatcher(opts.roleGlobs);
  // Filled once, then read: unless a report needs the roles' content, a one-shot index will do.
  const index = new HandbookIndex({ oneShot: !opts.keepRoles && !opts.extraFindings });
  const skip = (file: string, reason: string) => opts.onSkip?.(toPosix(path.relative(cwd, file)) || '.', reason);
  const invalidUtf8 = (file: string) => () => opts.onNote?.(toPosix(path.relative(cwd, file)), 'is not valid UTF-8: invalid bytes were read as U+FFFD');

  /** Adds a discovered file: a role file when the globs match it or its frontmatter has `role`. */
  const addDiscovered = (abs: string): boolean => {
    const rel = toPosix(path.relative(cwd, abs));
    const forced = !rel.startsWith('..') && isRoleGlob(rel);
    let text: string;
    let invalid = false;
    try {
      text = readText(abs, () => (invalid = true));
    } catch (e) {
      skip(abs, describe(e));
      return false;
    }
    if (!roleFileReason(forced, text)) return false;
    index.set(abs, text, { forceRoleFile: forced });
    if (invalid && index.has(abs)) invalidUtf8(abs)();
    return index.has(abs);
  };

  let all: string[] | undefined;
  const allUnderCwd = () => (all ??= walkMarkdown(cwd, (f, e) => skip(f, describe(e))));
  for (const file of allUnderCwd()) addDiscovered(file);

  const reported = new Map<string, string>(); // abs -> display path
  if (opts.targets.length === 0) {
    for (const uri of index.uris()) reported.set(uri, toPosix(path.relative(cwd, uri)));
  }
  for (const target of opts.targets) {
    if (isGlob(target)) {
      const match = globMatcher([toPosix(target).replace(/^\.\//, '')]);
      const hits = allUnderCwd().filter((abs) => match(toPosix(path.relative(cwd, abs))));
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
      const inside = abs === cwd || abs.startsWith(cwd + path.sep) ? allUnderCwd().filter((f) => f.startsWith(abs + path.sep) || abs === cwd) : walkMarkdown(abs, (f, e) => skip(f, describe(e)));
      if (inside.length === 0) throw new UsageError(`no Markdown files in "${target}"`);
      for (const f of inside) {
        if (index.has(f) || addDiscovered(f)) reported.set(f, toPosix(path.relative(cwd, f)));
      }
      continue;
    }
    let text: string;
    try {
      text = readText(abs, index.has(abs) ? undefined : invalidUtf8(abs));
    } catch (e) {
      throw new UsageError(`cannot read "${target}": ${describe(e)}`);
    }
    // A file named on the command line is checked as a role file.
    index.set(abs, text, { forceRoleFile: true });
    reported.set(abs, target);
  }

  const extra = opts.extraFindings?.(index);
  const results: FileFindings[] = [...reported]
    .sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([abs, file]) => ({ file, findings: extra?.has(abs) ? [...index.findings(abs), ...extra.get(abs)!].sort(compareFindings) : index.findings(abs) }));
  return { index, results, roleFiles: index.size };
}
