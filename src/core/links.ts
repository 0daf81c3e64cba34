/** `[[target]]` / `[[target|label]]` links in Markdown bodies, ignoring code spans and fenced code. */
import * as l10n from '@vscode/l10n';
import { didYouMean } from './messages';
import type { Finding, Link, Range } from './types';
import { ownString, type LineMap } from './text';

const LINK = /\[\[([^\[\]|\r\n]+)(?:\|([^\[\]\r\n]*))?\]\]/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Scans `text` from `start` for links. Fenced code blocks are skipped whole; inside other lines,
 * backtick code spans are skipped (a span is a run of N backticks closed by the next run of N).
 */
export function scanLinks(text: string, start: number, lines: LineMap): Link[] {
  if (text.indexOf('[[', start) < 0) return [];
  const links: Link[] = [];
  let fence: { char: string; len: number } | undefined;
  const first = lines.position(start).line;
  // Lines are sliced only when they may open or close a fence or hold a link (an edit re-scans the
  // whole body: slicing every line was most of what a re-scan allocated).
  let nextLink = -1;
  for (let line = first; line <= lines.lineCount; line++) {
    const from = line === first ? start : lines.lineStart(line);
    const to = lines.lineEnd(line);
    let lead = from;
    while (lead < to && lead - from < 3 && text.charCodeAt(lead) === 32) lead++;
    const c = text.charCodeAt(lead);
    const m = c === 96 || c === 126 ? FENCE.exec(text.slice(from, to)) : null;
    if (fence) {
      if (m && m[1][0] === fence.char && m[1].length >= fence.len && text.slice(from + m[0].length, to).trim() === '') fence = undefined;
      continue;
    }
    if (m && !(m[1][0] === '`' && text.slice(from + m[0].length, to).includes('`'))) {
      fence = { char: m[1][0], len: m[1].length };
      continue;
    }
    if (nextLink < from) {
      nextLink = text.indexOf('[[', from);
      if (nextLink < 0) break;
    }
    if (nextLink >= to) continue;
    const content = text.slice(from, to);
    for (const [a, b] of outsideCodeSpans(content)) {
      const segment = content.slice(a, b);
      LINK.lastIndex = 0;
      let lm: RegExpExecArray | null;
      while ((lm = LINK.exec(segment))) {
        const target = lm[1].trim();
        if (!target) continue;
        const abs = from + a + lm.index;
        const targetOffset = abs + 2 + lm[1].indexOf(target);
        const label = lm[2]?.trim();
        links.push({
          target: ownString(target),
          label: label ? ownString(label) : undefined,
          range: lines.range(abs, abs + lm[0].length),
          targetRange: lines.range(targetOffset, targetOffset + target.length),
        });
      }
    }
  }
  return links;
}

/**
 * [start, end) pieces of a line that are not inside backtick code spans. A run of N backticks
 * opens a span that the next run of exactly N closes. The runs are listed once and each is linked
 * to the next run of its length, so a line of many runs of different lengths stays linear (a
 * search per run made a 2 MB line of such runs take most of a minute).
 */
function outsideCodeSpans(line: string): [number, number][] {
  if (line.indexOf('`') < 0) return [[0, line.length]];
  const starts: number[] = [];
  const lengths: number[] = [];
  for (let i = 0; i < line.length;) {
    if (line.charCodeAt(i) !== 96) {
      i++;
      continue;
    }
    let j = i;
    while (line.charCodeAt(j) === 96) j++;
    starts.push(i);
    lengths.push(j - i);
    i = j;
  }
  const next = new Array<number>(starts.length);
  const later = new Map<number, number>();
  for (let k = starts.length - 1; k >= 0; k--) {
    next[k] = later.get(lengths[k]) ?? -1;
    later.set(lengths[k], k);
  }
  const parts: [number, number][] = [];
  let pos = 0;
  for (let k = 0; k < starts.length;) {
    const close = next[k];
    if (close < 0) {
      k++;
      continue;
    }
    parts.push([pos, starts[k]]);
    pos = starts[close] + lengths[close];
    k = close + 1;
  }
  parts.push([pos, line.length]);
  return parts;
}

/**
 * The `unresolved-link` finding of a [[link]] that names no role, with its "did you mean"
 * suggestions (closest names first). One builder for role files (HandbookIndex) and other
 * Markdown files (language/linkFindings), so both give the same code, message, range and data.
 */
export function unresolvedLinkFinding(target: string, range: Range, suggestions: string[]): Finding {
  return {
    code: 'unresolved-link',
    severity: 'warning',
    message: l10n.t('The link [[{0}]] names no role in the handbook.', target) + didYouMean(suggestions),
    range,
    data: { name: target, suggestions },
  };
}
