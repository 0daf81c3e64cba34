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
  /**
   * Its bigram keys (see bigramKeys) as numbers, ascending: `count` numbers of the index's shared
   * key pool from `at`; `at` is -1 once the name is deleted.
   */
  at: number;
  count: number;
  /** The query that last put it in a candidate pool (a cheaper "seen" than a Set). */
  mark: number;
}

/**
 * The names holding one bigram (or of one length), in the order added. A deleted name stays in
 * `list` (skipped) until the index is compacted; `live` counts the others.
 */
interface Posting {
  list: Entry[];
  live: number;
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

/** How many numbers two ascending runs share: `a`, and `bCount` numbers of `b` from `bAt`. */
function sharedCount(a: Int32Array, b: Int32Array, bAt: number, bCount: number): number {
  let i = 0;
  let j = bAt;
  const bEnd = bAt + bCount;
  let n = 0;
  while (i < a.length && j < bEnd) {
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

/**
 * The index's memory is a few numbers per name: a 10,000-role handbook has 30,000 names of some
 * ten bigrams each, and a Set per bigram plus an Int32Array per name held 19 MB of them. The
 * bigram numbers of every name sit in one shared pool, and the names holding a bigram in a plain
 * array; a deleted name is only marked, and the index is compacted once most of it is deleted.
 */
export class NameIndex {
  private readonly entries = new Map<string, Entry>();
  /** Bigram key → its number (numbers are never reused; there are at most a few per name). */
  private readonly keyIds = new Map<string, number>();
  /** Bigram number → the names holding it. */
  private readonly postings = new Map<number, Posting>();
  private readonly byLength = new Map<number, Posting>();
  /** The bigram numbers of every name (see Entry.at); `used` of it taken. */
  private keyPool = new Int32Array(256);
  private used = 0;
  /** Pool slots that deleted names still take (their places in the postings are as many again). */
  private wasted = 0;
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
    ids.sort((a, b) => a - b);
    const entry: Entry = { name, lower, at: this.reserve(ids.length), count: ids.length, mark: 0 };
    this.keyPool.set(ids, entry.at);
    this.entries.set(name, entry);
    for (const k of ids) addTo(this.postings, k, entry);
    addTo(this.byLength, lower.length, entry);
  }

  delete(name: string): void {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.entries.delete(name);
    for (let i = entry.at; i < entry.at + entry.count; i++) this.postings.get(this.keyPool[i])!.live--;
    this.byLength.get(entry.lower.length)!.live--;
    this.wasted += entry.count;
    entry.at = -1;
    if (this.wasted > 4096 && 2 * this.wasted > this.used) this.compact();
  }

  /** `count` free slots at the end of the pool (grown by doubling). */
  private reserve(count: number): number {
    if (this.used + count > this.keyPool.length) {
      const grown = new Int32Array(Math.max(this.keyPool.length * 2, this.used + count));
      grown.set(this.keyPool.subarray(0, this.used));
      this.keyPool = grown;
    }
    const at = this.used;
    this.used += count;
    return at;
  }

  /** Drops the deleted names from the postings and the pool (the order of the others stays). */
  private compact(): void {
    const old = this.keyPool;
    this.keyPool = new Int32Array(Math.max(256, this.used - this.wasted));
    this.used = 0;
    for (const e of this.entries.values()) {
      const at = this.reserve(e.count);
      this.keyPool.set(old.subarray(e.at, e.at + e.count), at);
      e.at = at;
    }
    for (const postings of [this.postings, this.byLength]) {
      for (const [k, p] of postings) {
        if (p.live === 0) postings.delete(k);
        else if (p.list.length > p.live) p.list = p.list.filter((e) => e.at >= 0);
      }
    }
    this.wasted = 0;
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
      const shared = sharedCount(keys, this.keyPool, e.at, e.count);
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
        for (const e of this.byLength.get(l)?.list ?? []) {
          if (e.at < 0) continue;
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
    const lists = Array.from(keys, (k) => this.postings.get(k) ?? NONE).sort((a, b) => a.live - b.live);
    const stamp = ++this.stamp;
    for (let i = 0; i < take; i++) {
      for (const e of lists[i].list) {
        if (e.at < 0 || e.mark === stamp) continue;
        if (out.length >= MAX_SUGGESTION_POOL) return out;
        e.mark = stamp;
        out.push(e);
      }
    }
    return out;
  }
}

const NONE: Posting = { list: [], live: 0 };

function addTo<K>(map: Map<K, Posting>, key: K, e: Entry): void {
  const posting = map.get(key);
  if (posting) {
    posting.list.push(e);
    posting.live++;
  } else map.set(key, { list: [e], live: 1 });
}
