import type { Range } from './types';

/** Removes a leading byte-order mark; every offset in the engine refers to the text after it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Maps UTF-16 offsets to 1-based line/column and back. Lines end at `\n`, `\r\n` or `\r` alike.
 */
export class LineMap {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
  }

  /** Offset just past the last character of a 1-based line, before its line break. */
  lineEnd(line: number): number {
    const idx = Math.min(Math.max(line, 1), this.starts.length) - 1;
    let end = idx + 1 < this.starts.length ? this.starts[idx + 1] : this.text.length;
    if (end > this.starts[idx] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[idx] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  position(offset: number): { line: number; column: number } {
    const o = Math.min(Math.max(offset, 0), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset between the CR and LF of one line break belongs to the line's end.
    const inBreak = o > this.starts[lo] && this.text.charCodeAt(o) === 10 && this.text.charCodeAt(o - 1) === 13;
    return { line: lo + 1, column: o - this.starts[lo] + (inBreak ? 0 : 1) };
  }

  offset(line: number, column: number): number {
    const start = this.lineStart(line);
    return Math.min(start + Math.max(column, 1) - 1, this.lineEnd(line));
  }

  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(Math.max(end, start));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }

  /** The range of one whole line (without its line break). */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}

/** Case-insensitive, trimmed, whitespace-collapsed form of a name or text, for comparisons. */
export function normalizeName(s: string): string {
  const t = s.trim();
  // Most names have single spaces only: skip the replace (it copies the string every time).
  return (/\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t).toLowerCase();
}

/** Short owned strings by text, so that equal ones are one string (bounded: cleared when full). */
const shortStrings = new Map<string, string>();

/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 represents a slice of 13 or
 * more characters as a view on its parent string, so a role title sliced from a file kept the
 * whole file in memory (a fifth of a 10,000-role index). A round trip through JSON makes a flat
 * copy of its own; concatenating and slicing back, as before, kept a 32-byte view on the copy for
 * each string (5 MB of a 10,000-role index). A shorter slice is a copy already: equal ones (the
 * `area`, `kind` and `type` values of thousands of roles) are shared instead. (Interning through
 * a property key does both, but made parsing half as slow again.) Other engines simply copy.
 */
export function ownString(s: string): string {
  if (s.length >= 13) return JSON.parse(JSON.stringify(s)) as string;
  const known = shortStrings.get(s);
  if (known !== undefined) return known;
  if (shortStrings.size >= 4096) shortStrings.clear();
  shortStrings.set(s, s);
  return s;
}
