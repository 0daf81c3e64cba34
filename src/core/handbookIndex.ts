/**
 * The handbook index: every role file's parse result, the names roles claim, who references
 * which name, and the cross-file findings. Updating one file costs work proportional to that file
 * and the files whose findings its names touch, never to the whole handbook.
 */
import { parseFile, compareFindings, type ParseOptions } from './parse';
import { closestNames } from './names';
import { normalizeName } from './text';
import type { Finding, ParsedFile, Role } from './types';

export interface IndexEntry {
  parsed: ParsedFile;
  /** Normalised names the role claims: id, title, aliases. */
  names: string[];
  /** Normalised names the file refers to (references and links). */
  refs: string[];
  /** Content of the last update, to skip re-parsing unchanged text. */
  text: string;
  options: ParseOptions;
}

export interface UpdateResult {
  /** Files whose findings may have changed (including the updated one). */
  affected: Set<string>;
}

function addTo(map: Map<string, Set<string>>, key: string, uri: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(uri);
}

function removeFrom(map: Map<string, Set<string>>, key: string, uri: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(uri);
  if (set.size === 0) map.delete(key);
}

export function roleNames(role: Role): string[] {
  const names = new Set<string>([normalizeName(role.id), normalizeName(role.title)]);
  for (const a of role.aliases) names.add(normalizeName(a.value));
  names.delete('');
  return [...names];
}

export class HandbookIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private readonly owners = new Map<string, Set<string>>();
  private readonly referrers = new Map<string, Set<string>>();
  private readonly crossCache = new Map<string, Finding[]>();
  private version = 0;

  /** Increases on every change; views use it to know whether to redraw. */
  get generation(): number {
    return this.version;
  }

  /** Adds or replaces a file. Non-role files are dropped from the index. */
  set(uri: string, text: string, options: ParseOptions = {}): UpdateResult {
    const old = this.entries.get(uri);
    if (old && old.text === text && old.options.forceRoleFile === options.forceRoleFile && old.options.builtin === options.builtin) {
      return { affected: new Set() };
    }
    const parsed = parseFile(uri, text, options);
    if (!parsed.isRoleFile) return this.delete(uri);
    const names = parsed.role ? roleNames(parsed.role) : [];
    const refs = [...new Set([...parsed.references.map((r) => normalizeName(r.name)), ...parsed.links.map((l) => normalizeName(l.target))])];
    const affected = this.detach(uri);
    const entry: IndexEntry = { parsed, names, refs, text, options };
    this.entries.set(uri, entry);
    for (const n of names) addTo(this.owners, n, uri);
    for (const r of refs) addTo(this.referrers, r, uri);
    this.touchNames(names, affected);
    affected.add(uri);
    this.version++;
    return { affected };
  }

  delete(uri: string): UpdateResult {
    if (!this.entries.has(uri)) return { affected: new Set() };
    const affected = this.detach(uri);
    this.version++;
    return { affected };
  }

  /** Removes a file's names and references; returns the other files this touches. */
  private detach(uri: string): Set<string> {
    const affected = new Set<string>();
    const old = this.entries.get(uri);
    this.crossCache.delete(uri);
    if (!old) return affected;
    for (const n of old.names) removeFrom(this.owners, n, uri);
    for (const r of old.refs) removeFrom(this.referrers, r, uri);
    this.entries.delete(uri);
    this.touchNames(old.names, affected);
    affected.delete(uri);
    return affected;
  }

  /** Files that claim or refer to any of these names need their cross-file findings redone. */
  private touchNames(names: string[], affected: Set<string>): void {
    for (const n of names) {
      for (const u of this.owners.get(n) ?? []) affected.add(u);
      for (const u of this.referrers.get(n) ?? []) affected.add(u);
    }
    for (const u of affected) this.crossCache.delete(u);
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get(uri: string): ParsedFile | undefined {
    return this.entries.get(uri)?.parsed;
  }

  text(uri: string): string | undefined {
    return this.entries.get(uri)?.text;
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

  /** Every name a role can be referred by (ids, titles, aliases as written). */
  knownNames(): string[] {
    const out: string[] = [];
    for (const role of this.roles()) out.push(role.id, role.title, ...role.aliases.map((a) => a.value));
    return out;
  }

  /** Resolves a role reference (id, title or alias, case-insensitive). */
  resolve(reference: string): Role | undefined {
    const set = this.owners.get(normalizeName(reference));
    if (!set || set.size === 0) return undefined;
    let best: string | undefined;
    for (const u of set) if (best === undefined || u < best) best = u;
    return this.entries.get(best!)?.parsed.role;
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
        ...(role.titleRange ? [[role.title, { value: role.title, range: role.titleRange }] as [string, { value: string; range: Finding['range'] }]] : []),
        ...role.aliases.map((a) => [a.value, a] as [string, { value: string; range: Finding['range'] }]),
      ];
      const reported = new Set<string>();
      for (const [name, claim] of claims) {
        const key = normalizeName(name);
        const others = [...(this.owners.get(key) ?? [])].filter((u) => u !== uri);
        if (others.length === 0) continue;
        const where = `${claim.range.line}:${claim.range.column}`;
        if (reported.has(where)) continue;
        reported.add(where);
        const other = this.entries.get(others.sort()[0])?.parsed.role;
        out.push({
          code: 'duplicate-role',
          severity: 'error',
          message: `"${claim.value.trim()}" is also claimed by role "${other?.id ?? '?'}" (${other?.title ?? ''}); role ids, titles and aliases must be unique.`,
          range: claim.range,
          data: { name: claim.value },
        });
      }
    }
    for (const ref of parsed.references) {
      if (this.owners.has(normalizeName(ref.name))) continue;
      const suggestions = closestNames(ref.name, this.knownNames());
      out.push({
        code: 'unknown-role',
        severity: 'error',
        message: `No role named "${ref.name}" in the handbook.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}`,
        range: ref.range,
        data: { name: ref.name, suggestions },
      });
    }
    for (const link of parsed.links) {
      if (this.owners.has(normalizeName(link.target))) continue;
      const suggestions = closestNames(link.target, this.knownNames());
      out.push({
        code: 'unresolved-link',
        severity: 'warning',
        message: `The link [[${link.target}]] names no role in the handbook.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}`,
        range: link.range,
        data: { name: link.target, suggestions },
      });
    }
    this.crossCache.set(uri, out);
    return out;
  }
}
