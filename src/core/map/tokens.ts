/**
 * Turns a responsibility or success criterion into the terms the similarity measure compares:
 * words (letters and digits, Unicode-aware), lower-cased, without stop words, stemmed with the
 * Porter2 (Snowball English) stemmer and cut to at most STEM_LENGTH characters.
 *
 * The cut is "truncation stemming": it merges derivations Porter2 keeps apart (deliveries →
 * "deliveri", deliverables → "deliver"; organisation/organization) at the price of merging a few
 * unrelated long words, which the IDF weighting of the measure keeps cheap.
 */
import { foldAccents, stem, stopWords } from '../tokens';

/** Stems are cut to this many characters. */
export const STEM_LENGTH = 7;
/** Only the start of a very long text is read. */
const MAX_TEXT = 2000;

/**
 * Function words (shared, see ../tokens.ts), plus words that carry no responsibility on their own in a handbook ("ensure",
 * "make sure", "help", the question words of success criteria). Written for this purpose.
 */
const STOP_WORDS = stopWords(
  'about above after again against all also am any before being below between both but doing done down during each either etc even ever ' +
    'every few further get gets getting given go goes had having here hers him if itself just let like many may might more most much must no ' +
    'nor not now off once one only other others ours out over own per quite rather same some such than theirs then there these through too ' +
    'under until up upon very via well whether while why within without yet yours ' +
    'among amongst anybody anyone anything behind beneath beside besides beyond everybody everyone everything inside nobody nothing onto ' +
    'outside somebody someone something toward towards ' +
    // Handbook filler: verbs of obligation and vague helpers.
    'able across along around based ensure ensures ensuring help helps helping keep keeps make makes making sure take takes taking thing things ' +
    'various way ways whatever',
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const DIGITS = /^\p{N}+$/u;

export interface Term {
  /** The comparison key: the stem, cut to STEM_LENGTH. */
  stem: string;
  /** The word as written (lower-cased), for explanations. */
  word: string;
}

/** The terms of a text, in order of appearance (repeats kept: the measure counts them). */
export function terms(text: string): Term[] {
  const out: Term[] = [];
  const source = text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
  const lower = source.toLowerCase();
  // Accents are dropped (NFKD, then the combining marks), which plain ASCII text can skip.
  // (Lower case first, then the fold: the order this measure was tuned with.)
  const folded = foldAccents(lower);
  for (const match of folded.matchAll(WORD)) {
    // Possessives and contractions: "team's" → "team".
    const word = match[0].replace(/['’][\p{L}]+$/u, '');
    if (word.length < 2 || STOP_WORDS.has(word) || DIGITS.test(word)) continue;
    out.push({ stem: stemOf(word), word });
  }
  return out;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 50_000;

export function stemOf(word: string): string {
  let s = cache.get(word);
  if (s !== undefined) return s;
  s = stem(word);
  if (s.length > STEM_LENGTH) s = s.slice(0, STEM_LENGTH);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, s);
  return s;
}

/** Whether a word is ignored by the measure (exported for tests and explanations). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}
