/**
 * Which Markdown files are role files: the one rule, used by the extension (handbookWorkspace.ts,
 * per workspace folder) and by the CLI (src/cli/lint.ts through discover.ts).
 *
 * A Markdown file is a role file when one of the role-file globs matches its path relative to the
 * handbook's root (the workspace folder, or the CLI's working directory) — then a missing or broken
 * frontmatter is reported — or, wherever it lies, when its frontmatter names a role.
 */
import picomatch from 'picomatch';
import { mightBeRoleFile } from './frontmatter';

/**
 * The largest role file read, by the CLI and the extension alike: a larger one is skipped with a
 * one-line message (the CLI's exit status is then 2; the extension logs it and does not index it).
 */
export const MAX_ROLE_FILE_BYTES = 16 * 1024 * 1024;

/** The default of `handbookRoles.roleFiles` and of the CLI: role files live in a `roles` folder. */
export const DEFAULT_ROLE_FILE_GLOBS: readonly string[] = ['**/roles/**/*.md'];

/** A matcher for role-file globs over relative POSIX paths; an empty or missing list means the default. */
export function roleFileGlobMatcher(globs: readonly string[] | undefined): (relPath: string) => boolean {
  const list = globs?.length ? [...globs] : [...DEFAULT_ROLE_FILE_GLOBS];
  const match = picomatch(list, { dot: false });
  return (relPath) => match(relPath);
}

/** Why a file is a role file: its path matches a glob (`glob`), or its frontmatter names a role. */
export type RoleFileReason = 'glob' | 'frontmatter';

/**
 * Applies the rule to a file: `matchesGlob` is the result of the glob matcher on its relative path
 * (false for a file outside the handbook's root), `text` its content (only the start is read).
 */
export function roleFileReason(matchesGlob: boolean, text: string): RoleFileReason | undefined {
  if (matchesGlob) return 'glob';
  return mightBeRoleFile(text) ? 'frontmatter' : undefined;
}
