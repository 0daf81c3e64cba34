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

/**
 * Whether a text may be a role file: it opens with `---` and a later line starts with `role:`.
 * A cheap test before parsing. Anchored at the start, so it stays linear (a multiline pattern
 * that retried at every `---` line took a third of a second on 64 KB of such lines).
 */
const MIGHT_BE_ROLE = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)(?:[^\r\n]*(?:\r\n|\r|\n))*?role[ \t]*:/;

/** Looks at the first 64 KB only. */
export function mightBeRoleFile(text: string): boolean {
  return MIGHT_BE_ROLE.test(text.length > 65536 ? text.slice(0, 65536) : text);
}
