/**
 * Reads the handbook at a git revision through git itself (never by checking out): the tree's
 * file list with `git ls-tree`, the files' contents with one `git cat-file --batch`. The working
 * tree is what git sees: tracked and untracked files that are not ignored (`git ls-files`), read
 * from disk.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** A reason the command cannot run (one line, exit 2). */
export class GitError extends Error {}

/** Files larger than this are not read (a role file is a few KB). */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface GitRepo {
  /** The repository's top folder. */
  root: string;
  /** The current directory relative to `root`, POSIX, with a trailing slash ('' at the top). */
  prefix: string;
  cwd: string;
}

/** A file of a tree, its path relative to the current directory (POSIX). */
export interface TreeFile {
  path: string;
  /** The blob id (a revision's tree); absent for the working tree. */
  oid?: string;
  size?: number;
}

interface GitResult {
  status: number | null;
  stdout: Buffer;
  stderr: string;
}

function git(args: string[], cwd: string, input?: string): GitResult {
  const r = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 1024 * 1024 * 1024,
    // No pager, no prompt for credentials, messages in English (the first line is shown).
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
    windowsHide: true,
  });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    throw new GitError(code === 'ENOENT' ? 'git is not installed (or not on PATH)' : `git could not run: ${r.error.message}`);
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

const firstLine = (s: string) =>
  s
    .trim()
    .split(/\r?\n/)[0]
    ?.replace(/^fatal: /, '') ?? '';

/** The repository around `cwd`. */
export function openRepo(cwd: string): GitRepo {
  if (!fs.existsSync(cwd)) throw new GitError(`no such directory: ${cwd}`);
  const r = git(['rev-parse', '--show-toplevel', '--show-prefix'], cwd);
  if (r.status !== 0) {
    const msg = firstLine(r.stderr);
    throw new GitError(/not a git repository/i.test(msg) ? 'not in a git repository' : msg || 'not in a git repository');
  }
  const [root, prefix = ''] = r.stdout.toString('utf8').split('\n');
  if (!root) throw new GitError('not in a git work tree (a bare repository?)');
  return { root, prefix, cwd };
}

/** The tree id a revision names, or undefined when it names none. */
export function resolveTree(repo: GitRepo, revision: string): string | undefined {
  if (!revision || revision.startsWith('-')) return undefined;
  const r = git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{tree}`], repo.cwd);
  const oid = r.stdout.toString('utf8').trim();
  return r.status === 0 && /^[0-9a-f]{40,64}$/.test(oid) ? oid : undefined;
}

/** Whether a path relative to the current directory is one discovery skips (dot-folders, node_modules). */
function skipped(rel: string): boolean {
  const parts = rel.split('/');
  for (let i = 0; i < parts.length - 1; i++) if (parts[i] === 'node_modules' || parts[i].startsWith('.') || parts[i] === '') return true;
  return false;
}

/** Every file of a tree under the current directory (dot-folders and node_modules left out). */
export function listTree(repo: GitRepo, tree: string): TreeFile[] {
  const r = git(['ls-tree', '-r', '-z', '-l', '--full-tree', tree], repo.cwd);
  if (r.status !== 0) throw new GitError(`cannot list ${tree}: ${firstLine(r.stderr)}`);
  const out: TreeFile[] = [];
  const text = r.stdout.toString('utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\0', start);
    if (end < 0) end = text.length;
    const entry = text.slice(start, end);
    start = end + 1;
    // "<mode> SP <type> SP <oid> SP+ <size> TAB <path>"
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const [mode, type, oid, size] = entry.slice(0, tab).split(/ +/);
    const full = entry.slice(tab + 1);
    // Regular files only: a symbolic link's blob is its target's name, a submodule has no blob.
    if (type !== 'blob' || (mode !== '100644' && mode !== '100755')) continue;
    if (!full.startsWith(repo.prefix)) continue;
    const rel = full.slice(repo.prefix.length);
    if (skipped(rel)) continue;
    out.push({ path: rel, oid, size: Number(size) });
  }
  return out;
}

/** Splits NUL-separated repository paths into paths under the current directory, relative to it. */
function underCwd(repo: GitRepo, out: Buffer): string[] {
  const paths: string[] = [];
  for (const full of out.toString('utf8').split('\0')) {
    if (!full || !full.startsWith(repo.prefix)) continue;
    const rel = full.slice(repo.prefix.length);
    if (!skipped(rel)) paths.push(rel);
  }
  return paths;
}

/** Every file of the working tree under the current directory that git tracks or would track. */
export function listWorkingTree(repo: GitRepo): TreeFile[] {
  const r = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', '.'], repo.cwd);
  if (r.status !== 0) throw new GitError(`cannot list the working tree: ${firstLine(r.stderr)}`);
  return [...new Set(underCwd(repo, r.stdout))].map((p) => ({ path: p }));
}

/** A file that differs between the two trees; an absent oid: not a regular file on that side. */
export interface ChangedFile {
  path: string;
  baseOid?: string;
  /** The target's blob; for the working tree, absent: the file is read from disk. */
  targetOid?: string;
}

const REGULAR = new Set(['100644', '100755']);
const NO_OID = /^0+$/;

/** Parses `--raw -z` output (":srcmode dstmode srcoid dstoid status\0path\0", no renames). */
function parseRaw(repo: GitRepo, out: Buffer, worktree: boolean): ChangedFile[] {
  const parts = out.toString('utf8').split('\0');
  const files: ChangedFile[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [srcMode, dstMode, srcOid, dstOid] = parts[i].slice(1).split(' ');
    const full = parts[i + 1];
    if (!full.startsWith(repo.prefix)) continue;
    const rel = full.slice(repo.prefix.length);
    if (skipped(rel)) continue;
    const f: ChangedFile = { path: rel };
    if (REGULAR.has(srcMode) && !NO_OID.test(srcOid)) f.baseOid = srcOid;
    if (!worktree && REGULAR.has(dstMode) && !NO_OID.test(dstOid)) f.targetOid = dstOid;
    files.push(f);
  }
  return files;
}

/** The files that differ between two trees (git compares the trees: unchanged folders cost nothing). */
export function changedBetween(repo: GitRepo, baseTree: string, targetTree: string): ChangedFile[] {
  const r = git(['diff-tree', '-r', '-z', '--raw', '--no-abbrev', '--no-renames', baseTree, targetTree, '--', '.'], repo.cwd);
  if (r.status !== 0) throw new GitError(`cannot compare the revisions: ${firstLine(r.stderr)}`);
  return parseRaw(repo, r.stdout, false);
}

/**
 * The files of the working tree (as git sees it: tracked, and untracked but not ignored) that
 * differ from a base tree: tracked files changed or deleted since (`git diff`), and untracked
 * files. Their working-tree side is read from disk (and found missing when deleted).
 */
export function changedInWorkingTree(repo: GitRepo, baseTree: string): ChangedFile[] {
  const diff = git(
    ['diff', '-z', '--raw', '--no-abbrev', '--no-renames', '--no-relative', '--no-ext-diff', '--no-textconv', baseTree, '--', '.'],
    repo.cwd,
  );
  if (diff.status !== 0) throw new GitError(`cannot compare the working tree: ${firstLine(diff.stderr)}`);
  const others = git(['ls-files', '-z', '--others', '--exclude-standard', '--full-name', '--', '.'], repo.cwd);
  if (others.status !== 0) throw new GitError(`cannot list the working tree: ${firstLine(others.stderr)}`);
  const files = parseRaw(repo, diff.stdout, true);
  const seen = new Set(files.map((f) => f.path));
  // An untracked file the base has (removed from the index, kept on disk) is already listed.
  for (const p of underCwd(repo, others.stdout)) if (!seen.has(p)) files.push({ path: p });
  return files;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** UTF-8 text; invalid bytes become U+FFFD (and `onInvalid` is told), as handbook-lint reads. */
export function decode(bytes: Uint8Array, onInvalid?: () => void): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    onInvalid?.();
    return lenientUtf8.decode(bytes);
  }
}

/** The contents of blobs, by id, in one `git cat-file --batch`. */
export function readBlobs(repo: GitRepo, oids: Iterable<string>): Map<string, Buffer> {
  const wanted = [...new Set(oids)];
  const out = new Map<string, Buffer>();
  if (!wanted.length) return out;
  const r = git(['cat-file', '--batch'], repo.cwd, wanted.join('\n') + '\n');
  if (r.status !== 0) throw new GitError(`cannot read the files: ${firstLine(r.stderr)}`);
  const buf = r.stdout;
  let pos = 0;
  for (const oid of wanted) {
    const nl = buf.indexOf(10, pos);
    if (nl < 0) break;
    const header = buf.toString('utf8', pos, nl).split(' ');
    pos = nl + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    out.set(oid, buf.subarray(pos, pos + size));
    pos += size + 1; // the content, then a line feed
  }
  return out;
}

/** Reads a working-tree file: regular files only (a FIFO would block), at most MAX_FILE_BYTES. */
export function readWorkingFile(repo: GitRepo, rel: string): Buffer | undefined {
  const abs = path.join(repo.cwd, rel);
  let fd: number;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    // Deleted in the working tree (still in the index), or unreadable: not in this tree.
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return undefined;
    if (stat.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    return fs.readFileSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
