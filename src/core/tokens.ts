/**
 * Text → words: what the three readers of free text share. The role comparison (compare.ts,
 * token-set Dice), the role lookup (lookup.ts, a term index with prefix matching) and the
 * responsibility map (map/tokens.ts, Porter2 terms with IDF weights) each build on these:
 *
 *   - `foldAccents`: Unicode NFKD without the combining diacritical marks ("Rôle" → "Role");
 *   - `normalizeText`: folded, then lower-cased;
 *   - `words`: the runs of letters and digits of any script;
 *   - `FUNCTION_WORDS` / `stopWords`: the English function words all three drop, plus what each
 *     one drops for its own purpose.
 *
 *   - `stem`: the Porter2 (Snowball English) stemmer of `wink-porter2-stemmer`, one for all
 *     three (the map then cuts its stems to a fixed length).
 *
 * What stays with each reader, because it decides what their results are: how apostrophes are
 * read, which words are kept (the lookup keeps ASCII words only) and the extra stop words.
 */
import porter2 from 'wink-porter2-stemmer';

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** NFKD without combining diacritical marks ("sécurité" → "securite"); ASCII text is returned as is. */
export function foldAccents(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFKD').replace(COMBINING_MARKS, '') : text;
}

/** Accents folded, then lower case. */
export function normalizeText(text: string): string {
  return foldAccents(text).toLowerCase();
}

/** The runs of letters and digits (any script) of a text, in order. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Function words that every reader drops (each adds its own, see `stopWords`). */
export const FUNCTION_WORDS: readonly string[] = /* @__PURE__ */ (
  'a an and are as at be been by can could did do does for from has have he her his how i in into is it its me my of on or our ' +
  'she should so that the their them they this those to us was we were what when where which who whom whose will with would you your'
).split(' ');

/** FUNCTION_WORDS and the given words (a space-separated list), as a set. */
export function stopWords(extra: string): ReadonlySet<string> {
  return new Set([...FUNCTION_WORDS, ...extra.split(/\s+/).filter(Boolean)]);
}

const STEMMABLE = /^[a-z]+$/;
/** Longer words are not stemmed (the stemmer's regular expressions are not linear on them). */
export const MAX_STEMMED_WORD = 24;
const stems = new Map<string, string>();
const STEM_CACHE_LIMIT = 50_000;

/**
 * The Porter2 stem of a lower-case word ("planning", "plans" → "plan"; "defined", "define" →
 * "defin"). Words with anything but a-z (digits, other scripts) and words longer than
 * MAX_STEMMED_WORD are returned as they are. Memoised: a handbook repeats its words.
 */
export function stem(word: string): string {
  let s = stems.get(word);
  if (s !== undefined) return s;
  s = word.length <= MAX_STEMMED_WORD && STEMMABLE.test(word) ? porter2(word) : word;
  if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
  stems.set(word, s);
  return s;
}
