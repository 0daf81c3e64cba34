/** Finds Markdown files on disk: directory walks (no node_modules, no dot-folders) and globs. */
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { roleFileGlobMatcher } from '../core/roleFiles';

/** Which files are role files is the extension's rule too: src/core/roleFiles.ts. */
export { roleFileGlobMatcher };
const MARKDOWN = /\.(md|markdown)$/i;
const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/** A symbolic link that leads out of the folder walked. */
class OutsideError extends Error {
  readonly code = 'EOUTSIDE';
}

/**
 * Every Markdown file below `dir`, as absolute paths in a stable order. A symbolic link to a file
 * is followed only if the file lies inside `dir` too: a link out of the handbook (to a secret, to
 * another checkout) is reported to `onError` and not read.
 */
export function walkMarkdown(dir: string, onError?: (file: string, err: Error) => void): string[] {
  const out: string[] = [];
  let root: string | undefined;
  const inside = (real: string) => {
    try {
      root ??= fs.realpathSync(dir);
    } catch {
      root = path.resolve(dir);
    }
    return real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  };
  const stack = [dir];
  while (stack.length) {
    const current = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch (e) {
      onError?.(current, e as Error);
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        stack.push(full);
      } else if (MARKDOWN.test(entry.name)) {
        // Symbolic links to files are followed; links to directories are not (no loops).
        if (entry.isSymbolicLink()) {
          try {
            if (!fs.statSync(full).isFile()) continue;
            if (!inside(fs.realpathSync(full))) {
              onError?.(full, new OutsideError('a symbolic link out of the folder: not followed'));
              continue;
            }
          } catch (e) {
            onError?.(full, e as Error);
            continue;
          }
        }
        if (entry.isFile() || entry.isSymbolicLink()) out.push(full);
      }
    }
  }
  return out.sort();
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A matcher over paths relative to `cwd`, POSIX separators. */
export function globMatcher(globs: readonly string[]): (relPath: string) => boolean {
  const m = picomatch([...globs], { dot: false });
  return (rel) => m(rel);
}
