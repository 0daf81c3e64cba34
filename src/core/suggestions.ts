/**
 * The "did you mean" suggestions of a handbook: cached per name, and, when a name comes or goes,
 * which cached answers it may change (without comparing it with every cached name).
 */
import { distance } from 'fastest-levenshtein';
import { NameIndex, suggestionLimit } from './nameIndex';
import { normalizeName } from './text';

/** Suggestions kept per name (the first is the one a message names). */
const MAX_SUGGESTIONS = 3;

export class Suggestions {
  /** The names roles can be referred by, as written. */
  private readonly known = new NameIndex();
  /** Normalised name → its suggestions. */
  private readonly cache = new Map<string, string[]>();
  /**
   * The cached names by cutoff: a name coming within that distance may join their suggestions
   * (the distance of the last of three, or the limit when there are fewer).
   */
  private readonly watch = new Map<number, NameIndex>();
  private readonly cutoffOf = new Map<string, number>();
  /** Known name → the cached names whose suggestions list it. */
  private readonly listedIn = new Map<string, Set<string>>();

  addKnown(name: string): void {
    this.known.add(name);
  }

  deleteKnown(name: string): void {
    this.known.delete(name);
  }

  /** The suggestions for a normalised name, not cached. */
  compute(name: string): string[] {
    return this.cache.get(name) ?? this.known.closest(name, MAX_SUGGESTIONS);
  }

  /** The suggestions for a normalised name, cached. */
  get(name: string): string[] {
    let s = this.cache.get(name);
    if (s) return s;
    s = this.known.closest(name, MAX_SUGGESTIONS);
    this.cache.set(name, s);
    const cutoff = s.length < MAX_SUGGESTIONS ? suggestionLimit(name.length) : distance(name, s[s.length - 1].toLowerCase());
    this.cutoffOf.set(name, cutoff);
    let watched = this.watch.get(cutoff);
    if (!watched) this.watch.set(cutoff, (watched = new NameIndex()));
    watched.add(name);
    for (const k of s) {
      let names = this.listedIn.get(k);
      if (!names) this.listedIn.set(k, (names = new Set()));
      names.add(name);
    }
    return s;
  }

  /** Drops the cached suggestions of a name. */
  forget(name: string): void {
    const s = this.cache.get(name);
    if (!s) return;
    this.cache.delete(name);
    const cutoff = this.cutoffOf.get(name) ?? 0;
    this.cutoffOf.delete(name);
    const watched = this.watch.get(cutoff);
    watched?.delete(name);
    if (watched?.size === 0) this.watch.delete(cutoff);
    for (const k of s) {
      const names = this.listedIn.get(k);
      names?.delete(name);
      if (names?.size === 0) this.listedIn.delete(k);
    }
  }

  clear(): void {
    this.cache.clear();
    this.watch.clear();
    this.cutoffOf.clear();
    this.listedIn.clear();
  }

  /**
   * The cached names whose suggestions may change now that these known names came or went (a
   * name that went was listed; a name that came is within their cutoff); their answers are dropped.
   */
  touchedBy(changed: readonly string[]): string[] {
    const out = new Set<string>();
    for (const k of changed) {
      for (const name of this.listedIn.get(k) ?? []) out.add(name);
      const lower = k.toLowerCase();
      for (const [cutoff, watched] of this.watch) for (const x of watched.within(lower, cutoff, Infinity)) out.add(x.name);
      const same = normalizeName(k);
      if (this.cache.has(same)) out.add(same);
    }
    for (const name of out) this.forget(name);
    return [...out];
  }
}
