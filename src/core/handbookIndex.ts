/**
 * The handbook index: every role file's parse result, the names roles claim, who references
 * which name, and the cross-file findings. Updating one file costs work proportional to that file
 * and the files whose findings its names touch, never to the whole handbook.
 */
import * as l10n from '@vscode/l10n';
import { didYouMean } from './messages';
import { compareFindings } from './findingOrder';
import { parseFile, type ParseOptions } from './parse';
import { unresolvedLinkFinding } from './links';
import { fitted } from './fitted';
import { Suggestions } from './suggestions';
import { normalizeName, ownString } from './text';
import { orgFindings } from './org/findings';
import type { OrgGraph } from './org/graph';
import { OrgLinks, type OrgChange } from './org/orgLinks';
import type { Finding, ParsedFile, Role } from './types';

export interface IndexEntry {
  parsed: ParsedFile;
  /** Normalised names the role claims: id, title, aliases. */
  names: string[];
  /** Normalised names the file refers to (references and links). */
  refs: string[];
  /** Names as written (id, title, aliases): the candidates of "did you mean" suggestions. */
  known: string[];
  /**
   * Hash of the content of the last update, to skip re-parsing unchanged text. A hash rather than
   * the text: a 10,000-role index held some 25 MB of file text only for this comparison.
   */
  hash: string;
  options: ParseOptions;
}

export interface IndexOptions {
  /**
   * An index filled once and then read, as a lint run uses it. It keeps of each role only what
   * findings and lookups by name need (id, title, aliases, type, summary and their ranges: no
   * focus, responsibilities, success criteria or relationships) and no content hashes (set()
   * always parses); and instead of working out which files an update affects, it drops its cached
   * cross-file findings (`affected` then holds the updated file alone). The findings are the same;
   * a 600-file lint run holds 40% less memory and spends 7% less time.
   */
  oneShot?: boolean;
}

/**
 * A role without the lists a one-shot index does not keep. Responsibilities and reporting
 * relationships stay: `duplicate-responsibility` against inherited text and `reporting-cycle`
 * need them.
 */
function namesOnly(role: Role): Role {
  const relationships = role.relationships.filter((r) => r.kind === 'reports-to' || r.kind === 'manages');
  return { ...role, focus: [], successCriteria: [], sharesSuccessCriteriaOf: [], relationships };
}

export interface UpdateResult {
  /** Files whose findings may have changed (including the updated one). */
  affected: Set<string>;
}

/**
 * Name → the files under it. Most names have one file: it is kept bare, and a Set only when a
 * second comes (Sets were a tenth of the memory of a 10,000-role index).
 */
class UriMultimap {
  private readonly map = new Map<string, string | Set<string>>();

  add(key: string, uri: string): void {
    const cur = this.map.get(key);
    if (cur === undefined) this.map.set(key, uri);
    else if (typeof cur === 'string') {
      if (cur !== uri) this.map.set(key, new Set([cur, uri]));
    } else cur.add(uri);
  }

  remove(key: string, uri: string): void {
    const cur = this.map.get(key);
    if (cur === undefined) return;
    if (typeof cur === 'string') {
      if (cur === uri) this.map.delete(key);
      return;
    }
    cur.delete(uri);
    if (cur.size === 1) this.map.set(key, cur.values().next().value as string);
  }

  has(key: string): boolean {
    return this.map.has(key);
  }

  get(key: string): Iterable<string> {
    const cur = this.map.get(key);
    return cur === undefined ? [] : typeof cur === 'string' ? [cur] : cur;
  }
}

export function roleNames(role: Role): string[] {
  const names = new Set<string>([normalizeName(role.id), normalizeName(role.title)]);
  for (const a of role.aliases) names.add(normalizeName(a.value));
  names.delete('');
  return [...names];
}

/**
 * A hash of a text (two 32-bit multiply-xor lanes) with its length: equal texts give equal keys;
 * different texts of the same length share a key with a negligible chance.
 */
export function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  // Owned: a template literal is a chain of concatenations (three 32-byte links per file).
  return ownString(`${text.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`);
}

function knownNamesOf(role: Role | undefined): string[] {
  return role ? fitted([role.id, role.title, ...role.aliases.map((a) => a.value)]) : [];
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  const x = new Set(a);
  const y = new Set(b);
  return [...[...x].filter((v) => !y.has(v)), ...[...y].filter((v) => !x.has(v))];
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((v, i) => v === y[i]);
}

export class HandbookIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly owners = new UriMultimap();
  private readonly referrers = new UriMultimap();
  private readonly crossCache = new Map<string, Finding[]>();
  /** Every name as written, with how many roles claim it. */
  private readonly known = new Map<string, number>();
  /** Referred names that no role claims: the only ones that need suggestions. */
  private readonly unresolved = new Set<string>();
  /** Suggestions per unresolved name, until a name close to it comes or goes. */
  private readonly suggestionCache = new Suggestions();
  /** Suggestions for other names asked by suggestions(), until the known names change. */
  private readonly otherSuggestions = new Map<string, string[]>();
  private version = 0;
  /** Who extends and who manages which name: the incremental side of `src/core/org/`. */
  private readonly org = new OrgLinks({ resolve: (r) => this.resolve(r), roleAt: (u) => this.entries.get(u)?.parsed.role });

  constructor(private readonly options: IndexOptions = {}) {}

  /** The handbook as the organisation engine sees it (inheritance, ladders, reporting lines). */
  orgGraph(): OrgGraph {
    return this.org;
  }

  /** Increases on every change; views use it to know whether to redraw. */
  get generation(): number {
    return this.version;
  }

  /** Adds or replaces a file. Non-role files are dropped from the index. */
  set(uri: string, text: string, options: ParseOptions = {}): UpdateResult {
    const old = this.entries.get(uri);
    const hash = this.options.oneShot ? '' : contentHash(text);
    if (
      old &&
      hash &&
      old.hash === hash &&
      old.options.forceRoleFile === options.forceRoleFile &&
      old.options.builtin === options.builtin
    ) {
      return { affected: new Set() };
    }
    const parsed = parseFile(uri, text, options);
    if (!parsed.isRoleFile) return this.delete(uri);
    if (this.options.oneShot && parsed.role) parsed.role = namesOnly(parsed.role);
    const names = parsed.role ? roleNames(parsed.role) : [];
    const refs = [
      ...new Set([...parsed.references.map((r) => normalizeName(r.name)), ...parsed.links.map((l) => normalizeName(l.target))]),
    ];
    const entry: IndexEntry = { parsed, names, refs, known: knownNamesOf(parsed.role), hash, options };
    const orgChange = this.options.oneShot ? undefined : this.org.begin(old?.parsed.role, parsed.role);
    if (old) this.detach(uri, old);
    this.entries.set(uri, entry);
    this.org.attach(parsed.role);
    for (const n of names) this.addOwner(n, uri);
    for (const r of refs) this.addReferrer(r, uri);
    for (const k of entry.known) {
      const count = this.known.get(k) ?? 0;
      this.known.set(k, count + 1);
      if (count === 0) this.suggestionCache.addKnown(k);
    }
    const affected = this.options.oneShot ? this.forgetCrossFindings() : this.touchOthers(old, entry);
    this.touchOrg(orgChange, affected);
    affected.add(uri);
    this.version++;
    return { affected };
  }

  delete(uri: string): UpdateResult {
    const old = this.entries.get(uri);
    if (!old) return { affected: new Set() };
    const orgChange = this.options.oneShot ? undefined : this.org.begin(old.parsed.role, undefined);
    this.detach(uri, old);
    const affected = this.options.oneShot ? this.forgetCrossFindings() : this.touchOthers(old, undefined);
    this.touchOrg(orgChange, affected);
    affected.delete(uri);
    this.version++;
    return { affected };
  }

  /** Removes a file's names and references. */
  private detach(uri: string, old: IndexEntry): void {
    this.crossCache.delete(uri);
    this.org.detach(old.parsed.role);
    for (const n of old.names) this.removeOwner(n, uri);
    for (const r of old.refs) this.removeReferrer(r, uri);
    for (const k of old.known) {
      const count = (this.known.get(k) ?? 0) - 1;
      if (count > 0) this.known.set(k, count);
      else {
        this.known.delete(k);
        this.suggestionCache.deleteKnown(k);
      }
    }
    this.entries.delete(uri);
  }

  /**
   * The other files whose findings a change of one role file may change; their cached cross-file
   * findings are dropped. Other files depend on a role only through its names: an edit that keeps
   * them (the common case: the body, the lists) touches no other file, and a renamed role touches
   * the files that claim its names and those referring to a name that came or went, not every file
   * that refers to it.
   */
  private touchOthers(before: IndexEntry | undefined, after: IndexEntry | undefined): Set<string> {
    const affected = new Set<string>();
    const knownBefore = before?.known ?? [];
    const knownAfter = after?.known ?? [];
    if (sameNames(knownBefore, knownAfter)) return affected;
    this.otherSuggestions.clear();
    const namesBefore = before?.names ?? [];
    const namesAfter = after?.names ?? [];
    // duplicate-role findings of other claimants name this role (its id and title).
    for (const n of new Set([...namesBefore, ...namesAfter])) for (const u of this.owners.get(n)) affected.add(u);
    // A name that came or went resolves differently now.
    for (const n of symmetricDifference(namesBefore, namesAfter)) for (const u of this.referrers.get(n)) affected.add(u);
    this.touchNearNames(symmetricDifference(knownBefore, knownAfter), affected);
    for (const u of affected) this.crossCache.delete(u);
    return affected;
  }

  /** Adds the files whose inheritance or reporting lines a change touches (see OrgLinks). */
  private touchOrg(change: OrgChange | undefined, affected: Set<string>): void {
    if (!change) return;
    for (const u of this.org.finish(change)) {
      affected.add(u);
      this.crossCache.delete(u);
    }
  }

  /** What a one-shot index does on an update instead of touchOthers(). */
  private forgetCrossFindings(): Set<string> {
    this.crossCache.clear();
    this.suggestionCache.clear();
    this.otherSuggestions.clear();
    return new Set();
  }

  private addOwner(name: string, uri: string): void {
    this.owners.add(name, uri);
    if (this.unresolved.delete(name)) this.suggestionCache.forget(name);
  }

  private removeOwner(name: string, uri: string): void {
    this.owners.remove(name, uri);
    if (!this.owners.has(name) && this.referrers.has(name)) this.unresolved.add(name);
  }

  private addReferrer(name: string, uri: string): void {
    this.referrers.add(name, uri);
    if (!this.owners.has(name)) this.unresolved.add(name);
  }

  private removeReferrer(name: string, uri: string): void {
    this.referrers.remove(name, uri);
    if (!this.referrers.has(name) && this.unresolved.delete(name)) this.suggestionCache.forget(name);
  }

  /**
   * A name that comes or goes may change the "did you mean" suggestions of unresolved names
   * close to it: those lose their cached suggestions, and the files using them are touched.
   */
  private touchNearNames(known: string[], affected: Set<string>): void {
    if (known.length === 0 || this.unresolved.size === 0) return;
    // Only names with cached suggestions can be stale: a file's cached findings hold suggestions
    // of its unresolved names, and those are cached until touched here.
    for (const name of this.suggestionCache.touchedBy(known)) {
      for (const u of this.referrers.get(name)) {
        affected.add(u);
        this.crossCache.delete(u);
      }
    }
  }

  /** "Did you mean" names for an unresolved (normalised) name, cached. */
  private suggestionsFor(name: string): string[] {
    return this.suggestionCache.get(name);
  }

  /**
   * "Did you mean" names for any name (a link in a Markdown file that is not a role file), cached
   * until the known names change.
   */
  suggestions(name: string): string[] {
    const key = normalizeName(name);
    if (this.unresolved.has(key)) return this.suggestionsFor(key);
    let s = this.otherSuggestions.get(key);
    if (!s) {
      // Bounded: a file of many distinct broken links must not grow the cache without end.
      if (this.otherSuggestions.size >= 10_000) this.otherSuggestions.clear();
      s = this.suggestionCache.compute(key);
      this.otherSuggestions.set(key, s);
    }
    return s;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get(uri: string): ParsedFile | undefined {
    return this.entries.get(uri)?.parsed;
  }

  uris(): string[] {
    return [...this.entries.keys()];
  }

  get size(): number {
    return this.entries.size;
  }

  roles(): Role[] {
    const out: Role[] = [];
    for (const e of this.entries.values()) if (e.parsed.role) out.push(e.parsed.role);
    return out;
  }

  /** Every name a role can be referred by (ids, titles, aliases as written), each once. */
  knownNames(): string[] {
    return [...this.known.keys()];
  }

  /** Resolves a role reference (id, title or alias, case-insensitive). */
  resolve(reference: string): Role | undefined {
    let best: string | undefined;
    for (const u of this.owners.get(normalizeName(reference))) if (best === undefined || u < best) best = u;
    return best === undefined ? undefined : this.entries.get(best)?.parsed.role;
  }

  /** Files that claim a name (id, title or alias; normalised, see normalizeName), sorted. */
  ownersOf(name: string): string[] {
    return [...this.owners.get(name)].sort();
  }

  /** Files whose references or links use a name (normalised, see normalizeName), sorted. */
  referrersOf(name: string): string[] {
    return [...this.referrers.get(name)].sort();
  }

  /** Every finding of one file: its own, then the cross-file ones. */
  findings(uri: string): Finding[] {
    const entry = this.entries.get(uri);
    if (!entry) return [];
    const cross = this.crossFindings(uri, entry);
    return cross.length ? [...entry.parsed.findings, ...cross].sort(compareFindings) : entry.parsed.findings;
  }

  private crossFindings(uri: string, entry: IndexEntry): Finding[] {
    const cached = this.crossCache.get(uri);
    if (cached) return cached;
    const out: Finding[] = [];
    const { parsed } = entry;
    const role = parsed.role;
    if (role) {
      const claims: [string, { value: string; range: Finding['range'] }][] = [
        [role.id, { value: role.id, range: role.idRange }],
        ...(role.titleRange
          ? [[role.title, { value: role.title, range: role.titleRange }] as [string, { value: string; range: Finding['range'] }]]
          : []),
        ...role.aliases.map((a) => [a.value, a] as [string, { value: string; range: Finding['range'] }]),
      ];
      const reported = new Set<string>();
      for (const [name, claim] of claims) {
        const key = normalizeName(name);
        const others = [...this.owners.get(key)].filter((u) => u !== uri);
        if (others.length === 0) continue;
        const where = `${claim.range.line}:${claim.range.column}`;
        if (reported.has(where)) continue;
        reported.add(where);
        const other = this.entries.get(others.sort()[0])?.parsed.role;
        out.push({
          code: 'duplicate-role',
          severity: 'error',
          message: l10n.t(
            '"{0}" is also claimed by role "{1}" ({2}); role ids, titles and aliases must be unique.',
            claim.value.trim(),
            other?.id ?? '?',
            other?.title ?? '',
          ),
          range: claim.range,
          data: { name: claim.value },
        });
      }
    }
    for (const ref of parsed.references) {
      if (this.owners.has(normalizeName(ref.name))) continue;
      const suggestions = this.suggestionsFor(normalizeName(ref.name));
      out.push({
        code: 'unknown-role',
        severity: 'error',
        message: l10n.t('No role named "{0}" in the handbook.', ref.name) + didYouMean(suggestions),
        range: ref.range,
        data: { name: ref.name, suggestions },
      });
    }
    if (role) out.push(...orgFindings(role, this.org));
    for (const link of parsed.links) {
      if (this.owners.has(normalizeName(link.target))) continue;
      const suggestions = this.suggestionsFor(normalizeName(link.target));
      out.push(unresolvedLinkFinding(link.target, link.range, suggestions));
    }
    this.crossCache.set(uri, out);
    return out;
  }
}
