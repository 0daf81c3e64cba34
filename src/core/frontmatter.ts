/** Locates the YAML frontmatter block of a Markdown text (already without BOM). */

export type Frontmatter =
  | { kind: 'none' }
  /** An opening `---` with no closing line: `openEnd` is the end of the opening line. */
  | { kind: 'unclosed'; openEnd: number }
  | {
      kind: 'ok';
      /** Offset where the YAML text starts (the line after the opening `---`). */
      yamlStart: number;
      /** Offset where the YAML text ends (start of the closing `---` line). */
      yamlEnd: number;
      /** Offset just past the closing `---` (before its line break). */
      closeEnd: number;
      /** Offset where the Markdown body starts. */
      bodyStart: number;
    };

const DELIMITER = /^---[ \t]*$/;

/** Returns the offset of the next line start after `from` and the end of the current line. */
function lineAt(text: string, from: number): { end: number; next: number } {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10) return { end: i, next: i + 1 };
    if (c === 13) return { end: i, next: text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
    i++;
  }
  return { end: i, next: -1 };
}

export function findFrontmatter(text: string): Frontmatter {
  const first = lineAt(text, 0);
  if (!DELIMITER.test(text.slice(0, first.end))) return { kind: 'none' };
  if (first.next < 0) return { kind: 'unclosed', openEnd: first.end };
  let pos = first.next;
  while (pos >= 0 && pos <= text.length) {
    const line = lineAt(text, pos);
    // A cheap first-character test keeps long bodies from being sliced line by line.
    if (text.charCodeAt(pos) === 45 && DELIMITER.test(text.slice(pos, line.end))) {
      return {
        kind: 'ok',
        yamlStart: first.next,
        yamlEnd: pos,
        closeEnd: line.end,
        bodyStart: line.next < 0 ? text.length : line.next,
      };
    }
    if (line.next < 0) break;
    pos = line.next;
  }
  return { kind: 'unclosed', openEnd: first.end };
}

/** How much of a file `mightBeRoleFile` looks at (the rest of a non-role file is never read). */
export const MIGHT_BE_ROLE_WINDOW = 65536;

/**
 * Whether a text may be a role file: it opens with `---` (after an optional BOM) and a later line
 * starts with `role:` (spaces or tabs allowed before the colon). A cheap test before parsing.
 *
 * A plain line scanner, not a regex: the pattern it replaces could match a CRLF line ending as
 * `\r\n` or as `\r` then `\n`, and backtracked exponentially on CRLF frontmatter without a `role`
 * key (40 lines froze the CLI and the extension host). One pass, at most the first 64 KB.
 */
export function mightBeRoleFile(text: string): boolean {
  const end = Math.min(text.length, MIGHT_BE_ROLE_WINDOW);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', i)) return false;
  i += 3;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  // The opening line must end with a line break (a lone `---` is not a role file yet).
  if (i >= end || !isLineBreak(text.charCodeAt(i))) return false;
  while (i < end) {
    // `i` is on a line break: step over it (CR, LF or CRLF) to the next line's start.
    i += text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    if (startsWithRoleKey(text, i, end)) return true;
    while (i < end && !isLineBreak(text.charCodeAt(i))) i++;
  }
  return false;
}

function isLineBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/** Whether `role`, optional spaces or tabs, and `:` start at `i`, all before `end`. */
function startsWithRoleKey(text: string, i: number, end: number): boolean {
  if (i + 5 > end || !text.startsWith('role', i)) return false;
  let j = i + 4;
  while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
  return j < end && text.charCodeAt(j) === 58;
}
