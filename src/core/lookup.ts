/**
 * Role lookup: a search index over role names, summaries, focus, responsibilities and success
 * criteria, answering a query per keystroke in time proportional to the matches, not the handbook.
 *
 * Text is tokenised (lower case, accents removed, split on anything but letters and digits),
 * lightly stemmed (`onboarding` → `onboard`, `processes` → `process`) and kept in a sorted term
 * dictionary with postings per term. A query's words must all match (as a whole word, a stem or
 * a prefix) somewhere in a role; question words such as "who owns" are dropped. Ranking favours
 * names over summaries over lines, whole words over prefixes, and one line that holds every word.
 */

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

/** Question words and fillers dropped from queries ("who owns onboarding?" → "onboarding"). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been by can could do does did for from has have he her his how i if in ' +
    'into is it its me my of on or our she should so that the their them they this those to us was ' +
    'we were what when where which who whom whose why will with would you your ' +
    'own owns owned owner owning responsible responsibility handle handles handling charge takes'
  ).split(' '),
);

/** Splits text into lower-case words without accents or apostrophes (`CEO's` → `ceos`). */
export function tokenize(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '');
  return folded.split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

function undouble(s: string): string {
  const n = s.length;
  if (n >= 3 && s[n - 1] === s[n - 2] && !'aeiouylsz'.includes(s[n - 1])) return s.slice(0, -1);
  return s;
}

/**
 * A light English stemmer: plural and -ing/-ed endings and a final -e, so that related forms meet
 * (`onboarding`/`onboarded`/`onboard`, `estimate`/`estimates`/`estimating`, `planned`/`plan`).
 * Only consistency matters: the same function runs on the index and on the query.
 */
export function stem(word: string): string {
  let s = word;
  if (s.length <= 3 || /[0-9]/.test(s)) return s;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (/(?:ss|us|is)$/.test(s)) {
    // business, focus, analysis: not plurals
  } else if (/(?:ches|shes|xes|zes)$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s')) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length >= 6) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ed') && s.length >= 5) s = undouble(s.slice(0, -2));
  if (s.endsWith('e') && s.length >= 5) s = s.slice(0, -1);
  return s;
}

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

/**
 * The search index over a fixed list of roles. Build it once per handbook version; `search` is
 * cheap. Not thread-safe: it reuses scratch buffers between searches.
 */
export class RoleSearch<R extends SearchableRole = SearchableRole> {
  private readonly roles: readonly R[];
  /** Per unit: owning role, kind, index within its list. */
  private readonly unitRole: Int32Array;
  private readonly unitKind: Uint8Array;
  private readonly unitIndex: Int32Array;
  /** The sorted term dictionary; `termPostings[i]` belongs to `terms[i]`. */
  private readonly terms: string[];
  private readonly namePostings: Int32Array[];
  private readonly linePostings: Int32Array[];
  /** Lower-cased, word-joined names (title and aliases) per role, for the name-prefix bonus. */
  private readonly names: string[][];
  /** Rank of each role in title order: ties and the empty query use it. */
  private readonly titleRank: Int32Array;
  private readonly byTitle: Int32Array;

  // Scratch buffers reused by every search; `epoch` stamps avoid clearing them.
  private epoch = 0;
  private readonly roleEpoch: Int32Array;
  private readonly roleMask: Int32Array;
  private readonly roleScore: Float64Array;
  private readonly wordEpoch: Int32Array;
  private readonly wordBest: Float64Array;
  private readonly unitEpoch: Int32Array;
  private readonly unitMask: Int32Array;

  constructor(roles: readonly R[]) {
    this.roles = roles;
    const termIds = new Map<string, number>();
    const nameLists: number[][] = [];
    const lineLists: number[][] = [];
    const unitRole: number[] = [];
    const unitKind: number[] = [];
    const unitIndex: number[] = [];
    this.names = [];

    const add = (roleIdx: number, kind: number, index: number, text: string) => {
      const unit = unitRole.length;
      unitRole.push(roleIdx);
      unitKind.push(kind);
      unitIndex.push(index);
      const lists = kind === NAME ? nameLists : lineLists;
      for (const word of tokenize(text)) {
        const s = stem(word);
        for (const term of s === word ? [word] : [word, s]) {
          let id = termIds.get(term);
          if (id === undefined) {
            id = termIds.size;
            termIds.set(term, id);
            nameLists.push([]);
            lineLists.push([]);
          }
          const list = lists[id];
          if (list[list.length - 1] !== unit) list.push(unit);
        }
      }
    };

    roles.forEach((role, r) => {
      const aliases = role.aliases.map((a) => a.value);
      add(r, NAME, 0, [role.title, role.id, ...aliases].join(' '));
      this.names.push([role.title, ...aliases].map((n) => tokenize(n).join(' ')));
      if (role.summary) add(r, SUMMARY, 0, role.summary);
      role.focus.forEach((f, i) => add(r, FOCUS, i, f.value));
      role.responsibilities.forEach((x, i) => add(r, RESPONSIBILITY, i, x.text));
      role.successCriteria.forEach((c, i) => add(r, CRITERION, i, c.value));
    });

    const unsorted = [...termIds.keys()];
    const order = unsorted.map((_, i) => i).sort((a, b) => (unsorted[a] < unsorted[b] ? -1 : unsorted[a] > unsorted[b] ? 1 : 0));
    this.terms = order.map((i) => unsorted[i]);
    this.namePostings = order.map((i) => Int32Array.from(nameLists[i]));
    this.linePostings = order.map((i) => Int32Array.from(lineLists[i]));
    this.unitRole = Int32Array.from(unitRole);
    this.unitKind = Uint8Array.from(unitKind);
    this.unitIndex = Int32Array.from(unitIndex);

    const byTitle = roles.map((_, i) => i).sort((a, b) => roles[a].title.localeCompare(roles[b].title) || roles[a].id.localeCompare(roles[b].id));
    this.byTitle = Int32Array.from(byTitle);
    this.titleRank = new Int32Array(roles.length);
    byTitle.forEach((r, rank) => (this.titleRank[r] = rank));

    const n = roles.length;
    const u = unitRole.length;
    this.roleEpoch = new Int32Array(n);
    this.roleMask = new Int32Array(n);
    this.roleScore = new Float64Array(n);
    this.wordEpoch = new Int32Array(n);
    this.wordBest = new Float64Array(n);
    this.unitEpoch = new Int32Array(u);
    this.unitMask = new Int32Array(u);
  }

  get size(): number {
    return this.roles.length;
  }

  /** The best `limit` roles for `query`, best first; every role (by title) for an empty query. */
  search(query: string, limit = 50): SearchResult<R>[] {
    if (limit <= 0) return [];
    const words = queryWords(query);
    if (words.length === 0) {
      const out: SearchResult<R>[] = [];
      for (let i = 0; i < this.byTitle.length && out.length < limit; i++) out.push({ role: this.roles[this.byTitle[i]], score: 0 });
      return out;
    }

    // Epochs: one for the query, one per word (wordEpoch), so no buffer is ever cleared.
    const epoch = ++this.epoch;
    const candidates: number[] = [];
    const touchedUnits: number[] = [];
    const full = (1 << words.length) - 1;

    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      const bit = 1 << w;
      const need = bit - 1; // every earlier word must have matched
      const wordStamp = epoch * MAX_WORDS + w + 1;
      const touchedRoles: number[] = [];
      const visit = (postings: Int32Array, factor: number) => {
        for (let p = 0; p < postings.length; p++) {
          const unit = postings[p];
          const r = this.unitRole[unit];
          if (w > 0 && (this.roleEpoch[r] !== epoch || (this.roleMask[r] & need) !== need)) continue;
          const weight = KIND_WEIGHT[this.unitKind[unit]] * factor;
          if (this.wordEpoch[r] !== wordStamp) {
            this.wordEpoch[r] = wordStamp;
            this.wordBest[r] = weight;
            touchedRoles.push(r);
          } else if (weight > this.wordBest[r]) this.wordBest[r] = weight;
          if (this.unitEpoch[unit] !== epoch) {
            this.unitEpoch[unit] = epoch;
            this.unitMask[unit] = bit;
            touchedUnits.push(unit);
          } else this.unitMask[unit] |= bit;
        }
      };

      const exact = new Set([word, stem(word)]);
      for (const term of exact) {
        const i = lowerBound(this.terms, term);
        if (this.terms[i] === term) {
          visit(this.namePostings[i], 1);
          visit(this.linePostings[i], 1);
        }
      }
      for (let i = lowerBound(this.terms, word); i < this.terms.length && this.terms[i].startsWith(word); i++) {
        if (exact.has(this.terms[i])) continue;
        visit(this.namePostings[i], PREFIX_FACTOR);
        if (word.length >= MIN_LINE_PREFIX) visit(this.linePostings[i], PREFIX_FACTOR);
      }

      for (const r of touchedRoles) {
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

    // The best line per matching role: every word if possible, else the most words.
    const bestUnit = new Map<number, number>();
    for (const unit of touchedUnits) {
      const r = this.unitRole[unit];
      if (this.roleMask[r] !== full) continue;
      const prev = bestUnit.get(r);
      if (prev === undefined || this.betterLine(unit, prev)) bestUnit.set(r, unit);
    }

    const typed = tokenize(query).join(' ');
    const top: { r: number; score: number }[] = [];
    for (const r of candidates) {
      if (this.roleMask[r] !== full) continue;
      let score = this.roleScore[r];
      const unit = bestUnit.get(r);
      if (unit !== undefined && words.length > 1 && this.unitMask[unit] === full) score += SAME_LINE_BONUS * words.length;
      if (typed && this.names[r].some((n) => n.startsWith(typed))) score += NAME_PREFIX_BONUS;
      this.insertTop(top, r, score, limit);
    }

    return top.map(({ r, score }) => {
      const result: SearchResult<R> = { role: this.roles[r], score };
      const unit = bestUnit.get(r);
      if (unit !== undefined && this.unitKind[unit] !== NAME) result.match = this.describe(unit);
      return result;
    });
  }

  /** Whether `a` is a better line to show than `b`: more words, then a name, then heavier kind. */
  private betterLine(a: number, b: number): boolean {
    const ca = popcount(this.unitMask[a]);
    const cb = popcount(this.unitMask[b]);
    if (ca !== cb) return ca > cb;
    const ka = this.unitKind[a];
    const kb = this.unitKind[b];
    if (ka !== kb) return KIND_WEIGHT[ka] > KIND_WEIGHT[kb] || (KIND_WEIGHT[ka] === KIND_WEIGHT[kb] && ka < kb);
    return this.unitIndex[a] < this.unitIndex[b];
  }

  /** Keeps `top` sorted (score desc, then title) and at most `limit` long. */
  private insertTop(top: { r: number; score: number }[], r: number, score: number, limit: number): void {
    const before = (a: { r: number; score: number }) => score > a.score || (score === a.score && this.titleRank[r] < this.titleRank[a.r]);
    if (top.length >= limit && !before(top[top.length - 1])) return;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(top[mid])) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, { r, score });
    if (top.length > limit) top.pop();
  }

  private describe(unit: number): SearchMatch {
    const role = this.roles[this.unitRole[unit]];
    const kind = this.unitKind[unit];
    const index = this.unitIndex[unit];
    const text =
      kind === SUMMARY ? (role.summary ?? '') : kind === FOCUS ? role.focus[index].value : kind === RESPONSIBILITY ? role.responsibilities[index].text : role.successCriteria[index].value;
    return { kind: KIND_NAMES[kind]!, index, text };
  }
}
