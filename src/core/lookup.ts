/**
 * Role lookup: a search index over role names, summaries, focus, responsibilities and success
 * criteria, answering a query per keystroke in time proportional to the matches, not the handbook.
 *
 * Text is tokenised (lower case, accents removed, split on anything but letters and digits),
 * stemmed (Porter2, see tokens.ts: `onboarding` → `onboard`, `processes` → `process`) and kept in a sorted term
 * dictionary with postings per term. A query's words must all match (as a whole word, a stem or
 * a prefix) somewhere in a role; question words such as "who owns" are dropped. Ranking favours
 * names over summaries over lines, whole words over prefixes, and one line that holds every word.
 */

import { throwIfCancelled, type CancellationLike } from './cancellation';
import { normalizeText, stem, stopWords } from './tokens';

/** What the index reads from a role; the engine's `Role` fits it. */
export interface SearchableRole {
  id: string;
  title: string;
  aliases: readonly { value: string }[];
  summary?: string;
  focus: readonly { value: string }[];
  responsibilities: readonly { text: string }[];
  successCriteria: readonly { value: string }[];
}

export type LineKind = 'summary' | 'focus' | 'responsibility' | 'successCriterion';

export interface SearchMatch {
  /** Which list the matching line comes from. */
  kind: LineKind;
  /** Index of the line in that list (0 for the summary). */
  index: number;
  text: string;
}

export interface SearchResult<R extends SearchableRole = SearchableRole> {
  role: R;
  score: number;
  /** The best line that holds every word of the query, when the name alone does not. */
  match?: SearchMatch;
}

// Unit kinds: one "name" unit per role (title, aliases, id), then one unit per line.
const NAME = 0;
const SUMMARY = 1;
const FOCUS = 2;
const RESPONSIBILITY = 3;
const CRITERION = 4;
const KIND_NAMES: readonly (LineKind | undefined)[] = [undefined, 'summary', 'focus', 'responsibility', 'successCriterion'];
const KIND_WEIGHT = [10, 4, 3, 3, 3];
/** Weight factor of a word matched as a prefix of a longer word, rather than whole or by stem. */
const PREFIX_FACTOR = 0.6;
/** Shorter prefixes match names only: a one- or two-letter prefix of every line is noise. */
const MIN_LINE_PREFIX = 3;
/** Words beyond this many are ignored (a bit mask per role tracks which words matched). */
const MAX_WORDS = 8;
/** Bonus when the query, as typed, starts a title or an alias. */
const NAME_PREFIX_BONUS = 20;
/** Bonus per word when one line of the role holds every word of a query of several words. */
const SAME_LINE_BONUS = 2;

/** Function words (shared), question words and fillers dropped from queries ("who owns onboarding?" → "onboarding"). */
export const STOP_WORDS: ReadonlySet<string> = stopWords(
  'if why own owns owned owner owning responsible responsibility handle handles handling charge takes',
);

/** Splits text into lower-case words without accents or apostrophes (`CEO's` → `ceos`). */
export function tokenize(text: string): string[] {
  let folded = normalizeText(text);
  if (folded.includes("'") || folded.includes('’')) folded = folded.replace(/['’]/g, '');
  return folded.match(WORD) ?? [];
}

const WORD = /[a-z0-9]+/g;

/** The words of a query: stop words dropped unless nothing else is left (then the last word). */
export function queryWords(query: string): string[] {
  const words = tokenize(query);
  const kept = words.filter((w) => !STOP_WORDS.has(w));
  if (kept.length) return kept.slice(0, MAX_WORDS);
  return words.length ? [words[words.length - 1]] : [];
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

/** The best `k` of `items` by `score` (descending), ties by `rank` (ascending). */
function topK(items: readonly number[], score: (i: number) => number, rank: Int32Array, k: number): number[] {
  const top: number[] = [];
  const topScore: number[] = [];
  for (const r of items) {
    const s = score(r);
    const last = top.length - 1;
    if (top.length >= k && (s < topScore[last] || (s === topScore[last] && rank[r] > rank[top[last]]))) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s > topScore[mid] || (s === topScore[mid] && rank[r] < rank[top[mid]])) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, r);
    topScore.splice(lo, 0, s);
    if (top.length > k) {
      top.pop();
      topScore.pop();
    }
  }
  return top;
}

/** One role, tokenised: its units (the name, then each line) and their distinct terms. */
interface RoleTerms {
  kinds: Uint8Array;
  /** Index of each unit in its list (0 for the name and the summary). */
  indexes: Int32Array;
  /** Terms of unit u are terms[starts[u] .. starts[u+1]-1] (term ids of the lexicon). */
  starts: Int32Array;
  terms: Int32Array;
  /** Title and aliases as word-joined keys, for the "query starts a name" bonus. */
  nameKeys: string[];
  /** Distinct terms of the name, and of the lines with the weight of the heaviest line per term. */
  nameTerms: Int32Array;
  lineTerms: Int32Array;
  lineWeights: Uint8Array;
}

/** Beyond this many terms the lexicon is started afresh (words typed and deleted pile up). */
const MAX_LEXICON = 1_000_000;
/** Packs two term ids in one number: ids stay far below 2^26 (see MAX_LEXICON), 2^52 fits a double. */
const TERM_SPAN = 2 ** 26;

/**
 * What survives from one RoleSearch to the next: the words seen so far and each role's tokens,
 * keyed by the role object. Rebuilding the search after one file changed then tokenises that
 * file's role only; the rest is integer work.
 */
export class LookupCache {
  private lexicon = new Map<string, number>();
  private words: string[] = [];
  /** A word's term ids packed in one number: the word's own id, and its stem's id + 1 (0: none). */
  private wordTerms = new Map<string, number>();
  /** Per term, the serial of the last unit that listed it: deduplicates a unit's terms. */
  private lastUnit: number[] = [];
  private unitSerial = 0;
  /** Scratch: a term's position in the role being tokenised. */
  private slot: number[] = [];
  private perRole = new WeakMap<SearchableRole, RoleTerms>();
  private sorted: { size: number; terms: string[]; ids: Int32Array } | undefined;

  get termCount(): number {
    return this.words.length;
  }

  /** Starts afresh when the lexicon has grown too large; call before a build, never during one. */
  trim(): void {
    if (this.words.length <= MAX_LEXICON) return;
    this.lexicon = new Map();
    this.words = [];
    this.wordTerms = new Map();
    this.lastUnit = [];
    this.slot = [];
    this.perRole = new WeakMap();
    this.sorted = undefined;
  }

  /** The term dictionary in sorted order (term → lexicon id), for prefix ranges. */
  sortedTerms(): { terms: string[]; ids: Int32Array } {
    if (!this.sorted || this.sorted.size !== this.words.length) {
      const words = this.words;
      const order = words.map((_, i) => i).sort((a, b) => (words[a] < words[b] ? -1 : 1));
      this.sorted = { size: words.length, terms: order.map((i) => words[i]), ids: Int32Array.from(order) };
    }
    return this.sorted;
  }

  /** Lexicon id of a term, if it was ever seen. */
  idOf(term: string): number | undefined {
    return this.lexicon.get(term);
  }

  private termId(term: string): number {
    let id = this.lexicon.get(term);
    if (id === undefined) {
      id = this.words.length;
      this.lexicon.set(term, id);
      this.words.push(term);
      this.lastUnit.push(-1);
      this.slot.push(0);
    }
    return id;
  }

  /** A word's terms, packed: the word itself and, when it differs, its stem (see wordTerms). */
  private termsOf(word: string): number {
    let packed = this.wordTerms.get(word);
    if (packed === undefined) {
      const s = stem(word);
      const own = this.termId(word);
      packed = own + (s === word ? 0 : (this.termId(s) + 1) * TERM_SPAN);
      this.wordTerms.set(word, packed);
    }
    return packed;
  }

  roleTerms(role: SearchableRole): RoleTerms {
    const cached = this.perRole.get(role);
    if (cached) return cached;
    const kinds: number[] = [];
    const indexes: number[] = [];
    const starts: number[] = [];
    const terms: number[] = [];
    const lastUnit = this.lastUnit;
    const add = (kind: number, index: number, text: string) => {
      kinds.push(kind);
      indexes.push(index);
      starts.push(terms.length);
      const unit = ++this.unitSerial;
      for (const word of tokenize(text)) {
        const packed = this.termsOf(word);
        const own = packed % TERM_SPAN;
        if (lastUnit[own] !== unit) {
          lastUnit[own] = unit;
          terms.push(own);
        }
        if (packed >= TERM_SPAN) {
          const st = Math.floor(packed / TERM_SPAN) - 1;
          if (lastUnit[st] !== unit) {
            lastUnit[st] = unit;
            terms.push(st);
          }
        }
      }
    };
    const aliases = role.aliases.map((a) => a.value);
    add(NAME, 0, [role.title, role.id, ...aliases].join(' '));
    if (role.summary) add(SUMMARY, 0, role.summary);
    role.focus.forEach((f, i) => add(FOCUS, i, f.value));
    role.responsibilities.forEach((x, i) => add(RESPONSIBILITY, i, x.text));
    role.successCriteria.forEach((c, i) => add(CRITERION, i, c.value));
    starts.push(terms.length);
    // Role-level terms: every unit after the first (the name) is a line.
    const nameTerms = terms.slice(0, starts[1]);
    const lineTerms: number[] = [];
    const lineWeights: number[] = [];
    // lastUnit marks a term seen in this role's lines (a fresh serial); `slot` finds its weight.
    const roleMark = ++this.unitSerial;
    for (let u = 1; u < kinds.length; u++) {
      const w = KIND_WEIGHT[kinds[u]];
      for (let i = starts[u]; i < starts[u + 1]; i++) {
        const t = terms[i];
        if (lastUnit[t] !== roleMark) {
          lastUnit[t] = roleMark;
          this.slot[t] = lineTerms.length;
          lineTerms.push(t);
          lineWeights.push(w);
        } else if (lineWeights[this.slot[t]] < w) lineWeights[this.slot[t]] = w;
      }
    }
    const result: RoleTerms = {
      kinds: Uint8Array.from(kinds),
      indexes: Int32Array.from(indexes),
      starts: Int32Array.from(starts),
      terms: Int32Array.from(terms),
      nameKeys: [role.title, ...aliases].map((n) => tokenize(n).join(' ')),
      nameTerms: Int32Array.from(nameTerms),
      lineTerms: Int32Array.from(lineTerms),
      lineWeights: Uint8Array.from(lineWeights),
    };
    this.perRole.set(role, result);
    return result;
  }
}

/** Postings of every term, flat: term t's entries are at start[t] .. start[t+1]-1. */
interface Postings {
  start: Int32Array;
  roles: Int32Array;
  /** The weight of the heaviest unit of the role holding the term (line postings only). */
  weights?: Uint8Array;
}

/**
 * The search index over a fixed list of roles. Build it once per handbook version (pass the same
 * LookupCache each time so unchanged roles are not tokenised again); `search` then costs time
 * proportional to the postings of the words matched, never a scan of every role.
 * Not re-entrant: it reuses scratch buffers between searches.
 */
export class RoleSearch<R extends SearchableRole = SearchableRole> {
  private readonly roles: readonly R[];
  private readonly perRole: RoleTerms[];
  private readonly cache: LookupCache;
  private readonly terms: string[];
  private readonly termIds: Int32Array;
  /** Roles whose name (title, alias, id) holds a term. */
  private readonly names: Postings;
  /** Roles whose lines hold a term, with the weight of the heaviest such line. */
  private readonly lines: Postings;
  /** Name keys of every role, sorted, and their roles. */
  private readonly nameKeys: string[];
  private readonly nameKeyRole: Int32Array;
  /** Rank of each role in title order: ties and the empty query use it. */
  private readonly titleRank: Int32Array;
  private readonly byTitle: Int32Array;

  // Scratch buffers reused by every search; epoch stamps stand in for clearing them.
  private epoch = 0;
  private readonly roleEpoch: Int32Array;
  private readonly roleMask: Int32Array;
  private readonly roleScore: Float64Array;
  private readonly wordEpoch: Int32Array;
  private readonly wordBest: Float64Array;
  private readonly bonusEpoch: Int32Array;
  private readonly termEpoch: Int32Array;
  private readonly termMaskName: Int32Array;
  private readonly termMaskLine: Int32Array;

  /** With a token, polled before each role is tokenised; the build throws `Cancelled` once it is cancelled. */
  constructor(roles: readonly R[], cache = new LookupCache(), token?: CancellationLike) {
    cache.trim();
    this.roles = roles;
    this.cache = cache;
    this.perRole = roles.map((r) => {
      throwIfCancelled(token);
      return cache.roleTerms(r);
    });
    const sorted = cache.sortedTerms();
    this.terms = sorted.terms;
    this.termIds = sorted.ids;
    const termCount = cache.termCount;

    // Two passes over every role's terms: count the postings of each term, then fill them.
    const nameStart = new Int32Array(termCount + 1);
    const lineStart = new Int32Array(termCount + 1);
    for (const rt of this.perRole) {
      for (let i = 0; i < rt.nameTerms.length; i++) nameStart[rt.nameTerms[i] + 1]++;
      for (let i = 0; i < rt.lineTerms.length; i++) lineStart[rt.lineTerms[i] + 1]++;
    }
    for (let t = 0; t < termCount; t++) {
      nameStart[t + 1] += nameStart[t];
      lineStart[t + 1] += lineStart[t];
    }
    const nameRoles = new Int32Array(nameStart[termCount]);
    const lineRoles = new Int32Array(lineStart[termCount]);
    const lineWeights = new Uint8Array(lineStart[termCount]);
    const nameFill = nameStart.slice(0, termCount);
    const lineFill = lineStart.slice(0, termCount);
    for (let r = 0; r < this.perRole.length; r++) {
      const rt = this.perRole[r];
      for (let i = 0; i < rt.nameTerms.length; i++) nameRoles[nameFill[rt.nameTerms[i]]++] = r;
      for (let i = 0; i < rt.lineTerms.length; i++) {
        const at = lineFill[rt.lineTerms[i]]++;
        lineRoles[at] = r;
        lineWeights[at] = rt.lineWeights[i];
      }
    }
    this.names = { start: nameStart, roles: nameRoles };
    this.lines = { start: lineStart, roles: lineRoles, weights: lineWeights };

    const keys: [string, number][] = [];
    this.perRole.forEach((rt, r) => rt.nameKeys.forEach((k) => keys.push([k, r])));
    keys.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
    this.nameKeys = keys.map((k) => k[0]);
    this.nameKeyRole = Int32Array.from(keys, (k) => k[1]);

    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    const byTitle = roles
      .map((_, i) => i)
      .sort(
        (a, b) =>
          collator.compare(roles[a].title, roles[b].title) || (roles[a].id < roles[b].id ? -1 : roles[a].id > roles[b].id ? 1 : a - b),
      );
    this.byTitle = Int32Array.from(byTitle);
    this.titleRank = new Int32Array(roles.length);
    byTitle.forEach((r, rank) => (this.titleRank[r] = rank));

    const n = roles.length;
    this.roleEpoch = new Int32Array(n);
    this.roleMask = new Int32Array(n);
    this.roleScore = new Float64Array(n);
    this.wordEpoch = new Int32Array(n);
    this.wordBest = new Float64Array(n);
    this.bonusEpoch = new Int32Array(n);
    this.termEpoch = new Int32Array(termCount);
    this.termMaskName = new Int32Array(termCount);
    this.termMaskLine = new Int32Array(termCount);
  }

  get size(): number {
    return this.roles.length;
  }

  /** The best `limit` roles for `query`, best first; every role (by title) for an empty query. */
  search(query: string, limit = 50, token?: CancellationLike): SearchResult<R>[] {
    throwIfCancelled(token);
    if (limit <= 0) return [];
    const words = queryWords(query);
    if (words.length === 0) {
      const out: SearchResult<R>[] = [];
      for (let i = 0; i < this.byTitle.length && out.length < limit; i++) out.push({ role: this.roles[this.byTitle[i]], score: 0 });
      return out;
    }

    const epoch = ++this.epoch;
    const full = (1 << words.length) - 1;
    const candidates: number[] = [];

    for (let w = 0; w < words.length; w++) {
      throwIfCancelled(token);
      const word = words[w];
      const bit = 1 << w;
      const need = bit - 1; // every earlier word must have matched already
      const wordStamp = epoch * MAX_WORDS + w + 1;
      const touched: number[] = [];
      const visit = (postings: Postings, t: number, factor: number) => {
        const { roles, weights } = postings;
        for (let p = postings.start[t], end = postings.start[t + 1]; p < end; p++) {
          const r = roles[p];
          if (w > 0 && (this.roleEpoch[r] !== epoch || (this.roleMask[r] & need) !== need)) continue;
          const wt = (weights ? weights[p] : KIND_WEIGHT[NAME]) * factor;
          if (this.wordEpoch[r] !== wordStamp) {
            this.wordEpoch[r] = wordStamp;
            this.wordBest[r] = wt;
            touched.push(r);
          } else if (wt > this.wordBest[r]) this.wordBest[r] = wt;
        }
      };
      const match = (t: number, factor: number, lines: boolean) => {
        if (this.termEpoch[t] !== epoch) {
          this.termEpoch[t] = epoch;
          this.termMaskName[t] = 0;
          this.termMaskLine[t] = 0;
        }
        this.termMaskName[t] |= bit;
        visit(this.names, t, factor);
        if (lines) {
          this.termMaskLine[t] |= bit;
          visit(this.lines, t, factor);
        }
      };

      const exact = new Set([word, stem(word)]);
      for (const term of exact) {
        const t = this.cache.idOf(term);
        if (t !== undefined && t < this.termEpoch.length) match(t, 1, true);
      }
      for (let i = lowerBound(this.terms, word); i < this.terms.length && this.terms[i].startsWith(word); i++) {
        if (!exact.has(this.terms[i])) match(this.termIds[i], PREFIX_FACTOR, word.length >= MIN_LINE_PREFIX);
      }

      for (const r of touched) {
        if (w === 0) {
          this.roleEpoch[r] = epoch;
          this.roleMask[r] = bit;
          this.roleScore[r] = this.wordBest[r];
          candidates.push(r);
        } else {
          this.roleMask[r] |= bit;
          this.roleScore[r] += this.wordBest[r];
        }
      }
    }

    // Roles a title or alias of which starts with the query as typed.
    const typed = tokenize(query).join(' ');
    for (let i = lowerBound(this.nameKeys, typed); i < this.nameKeys.length && this.nameKeys[i].startsWith(typed); i++) {
      this.bonusEpoch[this.nameKeyRole[i]] = epoch;
    }
    const matched = candidates.filter((r) => this.roleMask[r] === full);
    const base = (r: number) => this.roleScore[r] + (this.bonusEpoch[r] === epoch ? NAME_PREFIX_BONUS : 0);

    if (words.length === 1) {
      return topK(matched, base, this.titleRank, limit).map((r) => this.result(r, base(r), this.bestUnit(r, epoch).unit));
    }
    // A line holding every word adds a bonus: rescore a pool of the best by base score.
    const pool = topK(matched, base, this.titleRank, Math.max(limit * 4, 100));
    const lines = new Map(pool.map((r) => [r, this.bestUnit(r, epoch)]));
    const score = (r: number) => base(r) + (lines.get(r)!.mask === full ? SAME_LINE_BONUS * words.length : 0);
    return topK(pool, score, this.titleRank, limit).map((r) => this.result(r, score(r), lines.get(r)!.unit));
  }

  /** The unit of role r holding the most query words; among equals the name, then heavier kinds. */
  private bestUnit(r: number, epoch: number): { unit: number; mask: number } {
    const rt = this.perRole[r];
    let best = -1;
    let bestMask = 0;
    let bestCount = 0;
    for (let u = 0; u < rt.kinds.length; u++) {
      const masks = rt.kinds[u] === NAME ? this.termMaskName : this.termMaskLine;
      let mask = 0;
      for (let i = rt.starts[u]; i < rt.starts[u + 1]; i++) {
        const t = rt.terms[i];
        if (t < this.termEpoch.length && this.termEpoch[t] === epoch) mask |= masks[t];
      }
      if (!mask) continue;
      const count = popcount(mask);
      if (count > bestCount || (count === bestCount && KIND_WEIGHT[rt.kinds[u]] > KIND_WEIGHT[rt.kinds[best]])) {
        best = u;
        bestMask = mask;
        bestCount = count;
      }
    }
    return { unit: best, mask: bestMask };
  }

  private result(r: number, score: number, unit: number): SearchResult<R> {
    const role = this.roles[r];
    const out: SearchResult<R> = { role, score };
    const rt = this.perRole[r];
    if (unit < 0 || rt.kinds[unit] === NAME) return out;
    const kind = rt.kinds[unit];
    const index = rt.indexes[unit];
    const text =
      kind === SUMMARY
        ? (role.summary ?? '')
        : kind === FOCUS
          ? role.focus[index].value
          : kind === RESPONSIBILITY
            ? role.responsibilities[index].text
            : role.successCriteria[index].value;
    out.match = { kind: KIND_NAMES[kind]!, index, text };
    return out;
  }
}
