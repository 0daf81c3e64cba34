/** The `handbook-diff` command: arguments, reading the two revisions through git, output, exit status. */
import { diffHandbooks, type HandbookDiff, type Revision } from '../core/diff';
import { parseArgs, type OptionSpec } from './args';
import { DIFF_FORMATS, formatDiffJson, formatDiffMarkdown, formatDiffStylish, type DiffFormat } from './diffFormat';
import { globMatcher, isGlob, roleFileGlobMatcher, toPosix } from './discover';
import {
  changedBetween,
  changedInWorkingTree,
  decode,
  GitError,
  listTree,
  listWorkingTree,
  MAX_FILE_BYTES,
  openRepo,
  readBlobs,
  readWorkingFile,
  resolveTree,
  type ChangedFile,
  type GitRepo,
  type TreeFile,
} from './gitTrees';
import { oneLine } from './terminal';
import { errorMessage } from '../core/errors';

const USAGE = `Usage: handbook-diff [BASE [TARGET]] [--format stylish|json|markdown] [PATH_OR_GLOB ...]

Compares the handbook at git revision BASE (default HEAD) with revision TARGET (default: the
working tree), role by role: roles added, removed and renamed; per role, the responsibilities,
success criteria and focus added and removed, and the other keys changed; responsibilities
moved from one role to another. Role files are found as handbook-lint finds them, under the
current directory (optionally only under the paths given). Revisions are read through git,
never checked out.

The first one or two operands that name revisions are BASE and TARGET; the rest are paths or
globs. Put "--" before the paths when a path could be taken for a revision.

Options:
  --format FORMAT   stylish (default), json (for tools) or markdown (for a pull-request
                    comment or $GITHUB_STEP_SUMMARY)
  -h, --help        show this help
  -v, --version     show the version

Exit status: 0 whatever changed, 2 could not run (not in a git repository, an unknown
revision, bad arguments).`;

export interface DiffIO {
  cwd: string;
  out: (s: string) => void;
  err: (s: string) => void;
  color?: boolean;
}

const MARKDOWN = /\.(md|markdown)$/i;

/** Which files of a tree the paths given select (all without paths). */
function pathFilter(paths: string[]): (rel: string) => boolean {
  if (!paths.length) return () => true;
  const globs = paths.filter(isGlob).map((g) => toPosix(g).replace(/^\.\//, ''));
  const matchGlob = globs.length ? globMatcher(globs) : () => false;
  const plain = paths.filter((p) => !isGlob(p)).map((p) => withoutTrailingSlashes(toPosix(p).replace(/^\.\/?/, '')));
  return (rel) => matchGlob(rel) || plain.some((p) => p === '' || p === '.' || rel === p || rel.startsWith(`${p}/`));
}

/** `p` without the slashes it ends with (a loop: a regex for it backtracks on a long run of slashes). */
function withoutTrailingSlashes(p: string): string {
  let end = p.length;
  while (end > 0 && p.charCodeAt(end - 1) === 0x2f) end--;
  return p.slice(0, end);
}

const DIFF_OPTIONS: Record<string, OptionSpec> = { format: { type: 'string', short: 'f' } };

export function main(argv: string[], io: DiffIO): number {
  // Operands after "--" are paths, never revisions.
  const dash = argv.indexOf('--');
  const afterDash = dash >= 0 ? argv.slice(dash + 1) : [];
  let format = 'stylish' as DiffFormat; // (set in the option callback: no narrowing to 'stylish')
  const operands = parseArgs('handbook-diff', USAGE, dash >= 0 ? argv.slice(0, dash) : argv, io, DIFF_OPTIONS, (name, v) => {
    if (name === 'format') {
      if (!v || !DIFF_FORMATS.includes(v as DiffFormat)) {
        io.err(`handbook-diff: --format must be one of ${DIFF_FORMATS.join(', ')}${v ? ` (got "${oneLine(v)}")` : ''}\n`);
        return 2;
      }
      format = v as DiffFormat;
    }
  });
  if (typeof operands === 'number') return operands;

  try {
    const repo = openRepo(io.cwd);
    // Up to two leading operands that name revisions are BASE and TARGET (all of them, before "--").
    const revisions: { name: string; tree: string }[] = [];
    let i = 0;
    for (; i < operands.length && revisions.length < 2; i++) {
      const tree = resolveTree(repo, operands[i]);
      if (!tree) {
        if (dash >= 0) throw new GitError(`unknown revision "${oneLine(operands[i])}"`);
        break;
      }
      revisions.push({ name: operands[i], tree });
    }
    const paths = [...operands.slice(i), ...afterDash];
    if (dash >= 0 && i < operands.length)
      throw new GitError(`too many revisions: "${oneLine(operands[i])}" (give at most BASE and TARGET before "--")`);
    if (!revisions.length) {
      const head = resolveTree(repo, 'HEAD');
      if (!head) {
        if (paths.length) throw new GitError(`"${oneLine(paths[0])}" is neither a revision nor a path in the handbook`);
        throw new GitError('unknown revision HEAD (a repository without commits?)');
      }
      revisions.push({ name: 'HEAD', tree: head });
    }

    const baseRev = revisions[0];
    const targetRev = revisions[1];
    const labels = { base: baseRev.name, target: targetRev?.name ?? 'working tree' };
    // Git lists the files that differ: a file the same in both trees cannot change the diff (its
    // roles stay as they are), so it is neither read nor parsed, and a pull request costs what it
    // touches, not the size of the handbook.
    const changed = targetRev ? changedBetween(repo, baseRev.tree, targetRev.tree) : changedInWorkingTree(repo, baseRev.tree);

    // Every path given must select something in one of the trees (listed in full only then).
    let listed: TreeFile[] | undefined;
    for (const p of paths) {
      const one = pathFilter([p]);
      if (changed.some((f) => one(f.path))) continue;
      listed ??= [...listTree(repo, baseRev.tree), ...(targetRev ? listTree(repo, targetRev.tree) : listWorkingTree(repo))];
      if (!listed.some((f) => one(f.path))) {
        const couldBeRevision = dash < 0 && revisions.length < 2 && p === operands[i];
        throw new GitError(
          couldBeRevision ? `"${oneLine(p)}" is neither a revision nor a path in the handbook` : `no files match "${oneLine(p)}"`,
        );
      }
    }

    const selected = pathFilter(paths);
    const diff = diffFiles(
      repo,
      changed.filter((f) => MARKDOWN.test(f.path) && selected(f.path)),
      !targetRev,
      io,
      labels,
    );
    // The JSON is the contract's shape: files that could not be read are told on stderr.
    if (format === 'json') {
      for (const u of diff.unreadable) {
        const roles = u.roles.length ? `; not compared: ${u.roles.join(', ')}` : '';
        io.err(
          oneLine(
            `handbook-diff: ${u.path}:${u.range.line}:${u.range.column} could not be read at ${labels[u.revision]}: ${u.message} (${u.code})${roles}`,
          ) + '\n',
        );
      }
    }
    io.out(render(diff, format, labels.base, labels.target, !!io.color));
    return 0;
  } catch (e) {
    if (e instanceof GitError) {
      io.err(`handbook-diff: ${e.message}\n`);
      return 2;
    }
    io.err(`handbook-diff: internal error: ${oneLine(errorMessage(e))}\n`);
    return 2;
  }
}

/** Reads both sides of the changed Markdown files and diffs them. */
function diffFiles(repo: GitRepo, files: ChangedFile[], worktree: boolean, io: DiffIO, labels: Record<Revision, string>): HandbookDiff {
  const note = (file: string, what: string) => io.err(`handbook-diff: ${oneLine(file)} ${what}\n`);
  const blobs = readBlobs(
    repo,
    files.flatMap((f) => [f.baseOid, f.targetOid].filter((o): o is string => !!o)),
  );
  const base = new Map<string, string>();
  const target = new Map<string, string>();
  const add = (into: Map<string, string>, revision: Revision, path: string, bytes: Uint8Array | undefined) => {
    if (!bytes) return;
    if (bytes.length > MAX_FILE_BYTES)
      return note(path, `at ${oneLine(labels[revision])} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB: skipped`);
    into.set(
      path,
      decode(bytes, () => note(path, `at ${oneLine(labels[revision])} is not valid UTF-8: invalid bytes were read as U+FFFD`)),
    );
  };
  for (const f of files) {
    if (f.baseOid) add(base, 'base', f.path, blobs.get(f.baseOid));
    if (f.targetOid) add(target, 'target', f.path, blobs.get(f.targetOid));
    else if (worktree) {
      try {
        add(target, 'target', f.path, readWorkingFile(repo, f.path));
      } catch (e) {
        note(f.path, `skipped: ${errorMessage(e)}`);
      }
    }
  }
  const isRoleGlob = roleFileGlobMatcher(undefined);
  return diffHandbooks(base, target, { isRoleGlob });
}

function render(diff: HandbookDiff, format: DiffFormat, base: string, target: string, color: boolean): string {
  if (format === 'json') return formatDiffJson(diff);
  if (format === 'markdown') return formatDiffMarkdown(diff, base, target);
  return formatDiffStylish(diff, base, target, color);
}
