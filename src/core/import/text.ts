import { decodeHTML } from 'entities';

/** Plain-text helpers of the importer: cleaning, sentences, comparison keys. */

/**
 * Decodes HTML character references with the `entities` package (the full HTML table, numeric
 * references, and nothing from an object's prototype: `&constructor;` stays as written).
 */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTML(s) : s;
}

/**
 * Finds `open … close` spans by plain scanning, in order. An opener without a closer ends the
 * scan (`unclosed` says what to do with the rest), so no opener rescans the text to its end.
 */
export function delimitedSpans(text: string, open: string, close: string, unclosed: 'keep' | 'toEnd'): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start < 0) break;
    const at = text.indexOf(close, start + open.length);
    if (at < 0) {
      if (unclosed === 'toEnd') out.push({ start, end: text.length });
      break;
    }
    out.push({ start, end: at + close.length });
    from = at + close.length;
  }
  return out;
}

/** Replaces spans of a text (sorted, not overlapping) in one pass. */
export function replaceSpans(text: string, spans: readonly { start: number; end: number }[], replace: (span: string) => string): string {
  if (!spans.length) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of spans) {
    parts.push(text.slice(at, start), replace(text.slice(start, end)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A span's text with every character but line breaks made a space (line numbers do not move). */
export function blankKeepingLines(s: string): string {
  // Line by line (a regex over every character was a hot spot on big pages).
  return s
    .split('\n')
    .map((line) => ' '.repeat(line.length))
    .join('\n');
}

/**
 * The text without its final run of characters that `drop` (a one-character test such as
 * `/[\s,;:]/`) matches. Plain scanning from the end: a regex `[\s,;:]+$` would run over the whole
 * run from each of its characters when something else follows it.
 */
export function trimEndWhile(text: string, drop: RegExp): string {
  let end = text.length;
  while (end > 0 && drop.test(text[end - 1])) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** Removes HTML comments; an unclosed one runs to the end of the text, as in HTML. */
export function removeComments(s: string, keepLines = false): string {
  return replaceSpans(s, delimitedSpans(s, '<!--', '-->', 'toEnd'), (m) => (keepLines ? blankKeepingLines(m) : ' '));
}

/** `[[Target]]` and `[[Target|label]]` → their visible text (no `[` inside, so each try is short). */
const WIKI_LINK = /\[\[([^\][|]+)(?:\|([^\][]+))?\]\]/g;

/**
 * Emoji and other pictographs, with their joiners and variation selectors. The joiner, the
 * selector and the keycap mark are alternatives, not class members: in a class they would read as
 * parts of one character.
 */
const EMOJI = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|\u200d|\ufe0f|\u20e3/gu;

/** Every pictograph, joiner and selector is at U+00A9 or above: text below it has none. */
const MAYBE_EMOJI = /[^\u0000-\u00a8]/;

export function stripEmoji(s: string): string {
  return MAYBE_EMOJI.test(s) ? s.replace(EMOJI, '') : s;
}

/**
 * Cleans a fragment of rendered inline text: HTML tags and comments, wiki links, leftover
 * emphasis markers, emoji and runs of whitespace. Whitespace is made single spaces first, so the
 * later patterns look for one space, never a run.
 */
export function cleanText(s: string): string {
  // Each pass runs only when its character is there: cleanText runs on every fragment of a page.
  let t = s.includes('<') ? removeComments(s).replace(/<\/?[a-zA-Z][^<>]*>/g, ' ') : s;
  if (t.includes('[[')) t = t.replace(WIKI_LINK, (_m, target: string, label?: string) => (label ?? target).trim());
  t = stripEmoji(decodeEntities(t));
  if (/[^\S ]| {2}/.test(t)) t = t.replace(/\s+/g, ' ');
  if (t.includes('*') || t.includes('_'))
    t = t.replace(/(^|\s)(?:\*\*|__|\*|_)(?=\S)/g, '$1').replace(/(?<=\S)(?:\*\*|__|\*|_)(?=\s|$|[.,;:!?])/g, '');
  t = t.replace(/ ([,.;:!?])(?= |$)/g, '$1');
  if (t.includes('.')) t = t.replace(/(?<=[a-z]{2})\.(?=[A-Z][a-z])/g, '. ');
  if (t.includes('(') || t.includes(')')) t = t.replace(/\( /g, '(').replace(/ \)/g, ')');
  return t.trim();
}

/**
 * Replaces Liquid template tags in a page's source with their human part: a tag's last quoted
 * argument when it reads as a label (`{% slack_channel "dev" %}` → `dev`), nothing for paths and
 * outputs. A tag used as a link destination becomes `#`, so the link keeps its text. Line breaks
 * are kept, so line numbers do not move.
 */
export function replaceLiquid(source: string): string {
  const keepLines = (m: string, repl: string) => repl + '\n'.repeat(countNewlines(m));
  const tag = (m: string) => {
    const args = [...m.matchAll(/"([^"]*)"|'([^']*)'/g)].map((a) => (a[1] ?? a[2]).trim()).filter(Boolean);
    const label = args.length ? args[args.length - 1] : '';
    return keepLines(m, label && !/[/\\]|^https?:|^#?$/.test(label) ? label : '');
  };
  // `](` + optional spaces + a tag + optional spaces + `)`: a tag used as a link destination.
  const tags = replaceSpans(source, delimitedSpans(source, '{%', '%}', 'keep'), (m) => {
    const label = tag(m);
    return label.trim() ? label : `\u0001${'\n'.repeat(countNewlines(m))}`;
  });
  return replaceSpans(tags, delimitedSpans(tags, '{{', '}}', 'keep'), (m) => keepLines(m, ''))
    .replace(/\]\(([ \t\n]*)\u0001([ \t\n]*)\)/g, (_m, a: string, b: string) => `](#)${'\n'.repeat(countNewlines(a + b))}`)
    .replace(/\u0001/g, '');
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'inc',
  'ltd',
  'dr',
  'mr',
  'mrs',
  'ms',
  'no',
  'approx',
  'cf',
  'al',
  'st',
  'jr',
  'sr',
  'u.s',
  'ex',
]);

/** Splits text into sentences, keeping abbreviations (`e.g.`, `etc.`) inside them. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  // The lookbehinds make each run of marks and of spaces tried from its start only (linear).
  const re = /(?<![.!?])([.!?]+)(["”’)]*)(\s+)(?=["“(]?[A-Z0-9])/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const lastWord = lastWordBefore(text, start, m.index)
      .toLowerCase()
      .replace(/^[("“]+/, '');
    if (m[1] === '.' && (ABBREVIATIONS.has(lastWord) || /^[a-z]$/i.test(lastWord) || /^(?:[a-z]\.)+[a-z]$/i.test(lastWord))) continue;
    const end = m.index + m[1].length + m[2].length;
    out.push(text.slice(start, end).trim());
    start = end + m[3].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

/** The last whitespace-free run of `text` in [from, to), at most 12 characters long (abbreviations are short). */
function lastWordBefore(text: string, from: number, to: number): string {
  let i = to;
  while (i > from && to - i <= 12 && !/\s/.test(text[i - 1])) i--;
  return to - i > 12 ? '' : text.slice(i, to);
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.replace(/^([^A-Za-z0-9]*)([a-z])/, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

/** Tidies an extracted item: trims joining punctuation and a lone final period, capitalises. */
export function tidyItem(s: string): string {
  let t = trimEndWhile(cleanText(s).replace(/^[-–—•*:;,\s]+/, ''), /[\s,;:–—-]/).trim();
  if (/[^.]\.$/.test(t) && splitSentences(t).length === 1) t = t.slice(0, -1);
  return capitalize(t.trim());
}

/** A key for spotting duplicates: case-folded, whitespace collapsed, final punctuation dropped. */
export function itemKey(s: string): string {
  return trimEndWhile(s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' '), /[\s.,;:!]/).trim();
}

/** Words of a text, lower case, letters and digits only. */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*/g) ?? [];
}

/**
 * Removes parenthesised parts, nested ones included (`Acquisition (Contracting) Lead` →
 * `Acquisition Lead`), in one scan; an unmatched `(` or `)` is kept as written.
 */
export function withoutParentheses(s: string): string {
  if (!s.includes('(')) return s.replace(/\s+/g, ' ').trim();
  // Match each `(` with its `)` by a stack, then drop the outermost matched spans.
  const drop: { start: number; end: number }[] = [];
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40) stack.push(i);
    else if (c === 41 && stack.length) {
      drop.push({ start: stack.pop()!, end: i + 1 });
    }
  }
  // Keep the outermost pairs only (an inner pair lies inside the one before it).
  drop.sort((a, b) => a.start - b.start);
  const outer: { start: number; end: number }[] = [];
  for (const d of drop) if (!outer.length || d.start >= outer[outer.length - 1].end) outer.push(d);
  return replaceSpans(s, outer, () => ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The first place where the phrases match one after the other within one part of the text (no
 * `stop` character between them), each the first after the one before: `shares … success
 * criteria`. A regex `a[^.]+?b` would rescan the part for every `a`; this keeps, per phrase, the
 * next match found, so the text is scanned once. The phrases must be global regexes.
 */
export function phrasesInOrder(text: string, phrases: readonly RegExp[], stop = '.'): { index: number; end: number } | undefined {
  const next: (RegExpExecArray | null | undefined)[] = phrases.map(() => undefined);
  const find = (k: number, from: number): RegExpExecArray | null => {
    const known = next[k];
    if (known === null || (known && known.index >= from)) return known;
    phrases[k].lastIndex = from;
    return (next[k] = phrases[k].exec(text));
  };
  for (let from = 0; from < text.length;) {
    const first = find(0, from);
    if (!first) return undefined;
    const at = text.indexOf(stop, first.index);
    const partEnd = at < 0 ? text.length : at;
    let end = first.index + first[0].length;
    let k = 1;
    for (; k < phrases.length; k++) {
      const m = find(k, end);
      if (!m || m.index + m[0].length > partEnd) break;
      end = m.index + m[0].length;
    }
    if (k === phrases.length) return { index: first.index, end };
    // Any later first phrase in this part sees less of it: go to the next part.
    from = partEnd + 1;
  }
  return undefined;
}

/** Escapes a string for use in a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
