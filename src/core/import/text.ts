/** Plain-text helpers of the importer: cleaning, sentences, comparison keys. */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

/** Decodes the HTML entities that appear in handbook pages. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/** Emoji and other pictographs, with their joiners and variation selectors. */
const EMOJI = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u200d\ufe0f\u20e3]/gu;

export function stripEmoji(s: string): string {
  return s.replace(EMOJI, '');
}

/**
 * Cleans a fragment of rendered inline text: HTML tags and comments, wiki links, leftover
 * emphasis markers, emoji and runs of whitespace.
 */
export function cleanText(s: string): string {
  return stripEmoji(
    decodeEntities(
      s
        .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
        .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ')
        .replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_m, target: string, label?: string) => (label ?? target).trim()),
    ),
  )
    .replace(/[\s\u00a0\u2028\u2029]+/g, ' ')
    .replace(/(^|\s)(?:\*\*|__|\*|_)(?=\S)/g, '$1')
    .replace(/(?<=\S)(?:\*\*|__|\*|_)(?=\s|$|[.,;:!?])/g, '')
    .replace(/\s+([,.;:!?])(?=\s|$)/g, '$1')
    .replace(/(?<=[a-z]{2})\.(?=[A-Z][a-z])/g, '. ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .trim();
}

/**
 * Replaces Liquid template tags in a page's source with their human part: a tag's last quoted
 * argument when it reads as a label (`{% slack_channel "dev" %}` → `dev`), nothing for paths and
 * outputs. A tag used as a link destination becomes `#`, so the link keeps its text. Line breaks
 * are kept, so line numbers do not move.
 */
export function replaceLiquid(source: string): string {
  const keepLines = (m: string, repl: string) => repl + '\n'.repeat((m.match(/\n/g) ?? []).length);
  return source
    .replace(/\]\(\s*\{%[\s\S]*?%\}\s*\)/g, (m) => keepLines(m, '](#)'))
    .replace(/\{%[\s\S]*?%\}/g, (m) => {
      const args = [...m.matchAll(/"([^"]*)"|'([^']*)'/g)].map((a) => (a[1] ?? a[2]).trim()).filter(Boolean);
      const label = args.length ? args[args.length - 1] : '';
      return keepLines(m, label && !/[/\\]|^https?:|^#?$/.test(label) ? label : '');
    })
    .replace(/\{\{[\s\S]*?\}\}/g, (m) => keepLines(m, ''));
}

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'inc', 'ltd', 'dr', 'mr', 'mrs', 'ms', 'no', 'approx', 'cf', 'al', 'st', 'jr', 'sr', 'u.s', 'ex']);

/** Splits text into sentences, keeping abbreviations (`e.g.`, `etc.`) inside them. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /([.!?]+)(["”’)]*)(\s+)(?=["“(]?[A-Z0-9])/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const before = text.slice(start, m.index);
    const lastWord = (before.match(/(\S+)$/)?.[1] ?? '').toLowerCase().replace(/^[("“]+/, '');
    if (m[1] === '.' && (ABBREVIATIONS.has(lastWord) || /^[a-z]$/i.test(lastWord) || /^(?:[a-z]\.)+[a-z]$/i.test(lastWord))) continue;
    const end = m.index + m[1].length + m[2].length;
    out.push(text.slice(start, end).trim());
    start = end + m[3].length;
  }
  const rest = text.slice(start).trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s.replace(/^([^A-Za-z0-9]*)([a-z])/, (_m, pre: string, c: string) => pre + c.toUpperCase());
}

/** Tidies an extracted item: trims joining punctuation and a lone final period, capitalises. */
export function tidyItem(s: string): string {
  let t = cleanText(s)
    .replace(/^[-–—•*:;,\s]+/, '')
    .replace(/[\s,;:–—-]+$/, '')
    .trim();
  if (/[^.]\.$/.test(t) && splitSentences(t).length === 1) t = t.slice(0, -1);
  return capitalize(t.trim());
}

/** A key for spotting duplicates: case-folded, whitespace collapsed, final punctuation dropped. */
export function itemKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/[\s.,;:!]+$/, '')
    .trim();
}

/** Words of a text, lower case, letters and digits only. */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[a-z0-9][a-z0-9'’-]*/g) ?? [];
}

/** Removes parenthesised parts (`Acquisition (Contracting) Lead` → `Acquisition Lead`). */
export function withoutParentheses(s: string): string {
  let prev: string;
  let t = s;
  do {
    prev = t;
    t = t.replace(/\s*\([^()]*\)/g, '');
  } while (t !== prev);
  return t.replace(/\s+/g, ' ').trim();
}

/** Escapes a string for use in a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
