/**
 * An index of names for "did you mean" suggestions: it finds the names within an edit distance of
 * a name without comparing it with every name of the handbook.
 *
 * Comparing each unresolved name with every known one cost known × unresolved edit distances
 * (4,000 role files with one distinct broken link each: 25 s). The index keeps, for each pair of
 * adjacent letters of a name (its bigrams, the name padded at both ends), the names holding it.
 * Two names within edit distance k share at least max(|a|, |b|) + 1 - 2k bigrams (the q-gram
 * lemma: one edit breaks at most two of them), so a name far away cannot share enough of them:
 * - only names holding one of the query's 2k + 1 rarest bigrams can be close (any 2k + 1 of its
 *   bigrams would do; the rarest give the fewest candidates);
 * - of those, only names of a length within k and sharing enough bigrams are compared by edit
 *   distance. Names too short for the lemma to say anything are looked up by length instead.
 * The answer is exactly that of comparing with every name, unless a query step finds more than
 * MAX_SUGGESTION_POOL names holding its rarest bigrams, or more than MAX_SUGGESTION_CANDIDATES
 * pass both filters: then the first found, and of those the ones sharing the most bigrams, are
 * compared, and the others are not (thousands of look-alike names; the work per name stays bounded).
 */
import { distance } from 'fastest-levenshtein';

/** Names longer than this are neither suggested nor given suggestions (an edit distance is quadratic in length). */
export const MAX_SUGGESTION_NAME_LENGTH = 256;

/** The most names one query compares by edit distance (those sharing the most bigrams with it). */
export const MAX_SUGGESTION_CANDIDATES = 2000;

/**
 * The most names one query step looks at (counting the bigrams they share with it): those holding
 * its rarest bigrams come first. Bounds the work per name when thousands of names look alike.
 */
export const MAX_SUGGESTION_POOL = 10_000;

/** How far a name may be from `name` to be suggested for it: a third of its length, at least 2. */
export function suggestionLimit(length: number): number {
  return Math.max(2, Math.floor(length / 3));
}

interface Entry {
  /** The name as added. */
  name: string;
  lower: string;
  /** Its bigram keys (see bigramKeys) as numbers, ascending. */
  keys: Int32Array;
  /** The query that last put it in a candidate pool (a cheaper "seen" than a Set). */
  mark: number;
}

/**
 * The bigrams of a lower-cased name padded with a start and an end mark. A bigram that occurs a
 * second time gets the key `xy2`, a third time `xy3`: the shared keys of two names then count
 * the bigrams they share with repetition (a multiset intersection), which is what the lemma needs.
 */
function bigramKeys(lower: string): string[] {
  const padded = `\u0002${lower}\u0003`;
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i + 1 < padded.length; i++) {
    const g = padded.slice(i, i + 2);
    const n = (seen.get(g) ?? 0) + 1;
    seen.set(g, n);
    out.push(n === 1 ? g : g + String(n));
  }
  return out;
}

/** How many numbers two ascending arrays share. */
function sharedCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

export interface NearName {
  name: string;
  distance: number;
}

export class NameIndex {
  private readonly entries = new Map<string, Entry>();
  /** Bigram key → its number (numbers are never reused; there are at most a few per name). */
  private readonly keyIds = new Map<string, number>();
  /** Bigram number → the names holding it. */
  private readonly postings = new Map<number, Set<Entry>>();
  private readonly byLength = new Map<number, Set<Entry>>();
  private stamp = 0;

  get size(): number {
    return this.entries.size;
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** Adds a name (again: nothing happens). Names over MAX_SUGGESTION_NAME_LENGTH are not kept. */
  add(name: string): void {
    if (this.entries.has(name) || name.length > MAX_SUGGESTION_NAME_LENGTH) return;
    const lower = name.toLowerCase();
    const ids = bigramKeys(lower).map((k) => {
      let id = this.keyIds.get(k);
      if (id === undefined) this.keyIds.set(k, (id = this.keyIds.size));
      return id;
    });
    const entry: Entry = { name, lower, keys: Int32Array.from(ids).sort(), mark: 0 };
    this.entries.set(name, entry);
    for (const k of entry.keys) addTo(this.postings, k, entry);
    addTo(this.byLength, lower.length, entry);
  }

  delete(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    for (const k of entry.keys) removeFrom(this.postings, k, entry);
    removeFrom(this.byLength, entry.lower.length, entry);
  }

  /**
   * The names closest to `name` (case-insensitive edit distance within suggestionLimit of its
   * length, the name itself as written excluded), best first, ties by name: what comparing it
   * with every name would give.
   *
   * The search widens its radius step by step: the bigram filter is sharp for a small radius,
   * and once `max` names are found within a radius, no name outside it can be better.
   */
  closest(name: string, max = 3): string[] {
    const lower = name.toLowerCase();
    if (lower.length > MAX_SUGGESTION_NAME_LENGTH) return [];
    const limit = suggestionLimit(lower.length);
    let found: NearName[] = [];
    for (let radius = 1; ; radius = Math.min(limit, radius * 2)) {
      found = this.within(lower, radius).filter((x) => x.name !== name);
      if (found.length >= max || radius === limit) break;
    }
    return found
      .sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name))
      .slice(0, max)
      .map((x) => x.name);
  }

  /** The names within edit distance `radius` of `lower` (lower-cased), each with its distance, unordered. */
  within(lower: string, radius: number, cap = MAX_SUGGESTION_CANDIDATES): NearName[] {
    if (radius < 0 || lower.length > MAX_SUGGESTION_NAME_LENGTH) return [];
    const all = bigramKeys(lower);
    const known: number[] = [];
    for (const k of all) {
      const id = this.keyIds.get(k);
      if (id !== undefined) known.push(id);
    }
    const keys = Int32Array.from(known).sort();
    const len = lower.length;
    const passing: { e: Entry; shared: number }[] = [];
    for (const e of this.pool(keys, all.length, len, radius)) {
      if (Math.abs(e.lower.length - len) > radius) continue;
      const shared = sharedCount(keys, e.keys);
      if (shared < Math.max(len, e.lower.length) + 1 - 2 * radius) continue;
      passing.push({ e, shared });
    }
    if (passing.length > cap) {
      passing.sort((a, b) => b.shared - a.shared || (a.e.name < b.e.name ? -1 : a.e.name > b.e.name ? 1 : 0));
      passing.length = cap;
    }
    const out: NearName[] = [];
    for (const p of passing) {
      const d = distance(lower, p.e.lower);
      if (d <= radius) out.push({ name: p.e.name, distance: d });
    }
    return out;
  }

  /**
   * The names that may be within `radius` of a name of length `len` with `count` bigrams, of
   * which `keys` are held by some name: a superset, cut down by the caller.
   */
  private pool(keys: Int32Array, count: number, len: number, radius: number): Entry[] {
    const out: Entry[] = [];
    // The fewest bigrams a name of this length or longer shares with it when within `radius`.
    const fewest = count - 2 * radius;
    if (fewest <= 0) {
      // Too short for the bigram filter: every name of a near length is a candidate.
      for (let l = Math.max(0, len - radius); l <= len + radius; l++) {
        for (const e of this.byLength.get(l) ?? []) {
          if (out.length >= MAX_SUGGESTION_POOL) return out;
          out.push(e);
        }
      }
      return out;
    }
    // A name sharing `fewest` of the query's bigrams holds one of any count - fewest + 1 of them:
    // take the rarest. Bigrams that no name holds are the rarest of all, and cost nothing.
    const take = count - fewest + 1 - (count - keys.length);
    if (take <= 0) return out;
    const lists = Array.from(keys, (k) => this.postings.get(k) ?? NONE).sort((a, b) => a.size - b.size);
    const stamp = ++this.stamp;
    for (let i = 0; i < take; i++) {
      for (const e of lists[i]) {
        if (e.mark === stamp) continue;
        if (out.length >= MAX_SUGGESTION_POOL) return out;
        e.mark = stamp;
        out.push(e);
      }
    }
    return out;
  }
}

const NONE: ReadonlySet<Entry> = new Set();

function addTo<K>(map: Map<K, Set<Entry>>, key: K, e: Entry): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(e);
}

function removeFrom<K>(map: Map<K, Set<Entry>>, key: K, e: Entry): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(e);
  if (set.size === 0) map.delete(key);
}
