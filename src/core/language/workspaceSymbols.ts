/**
 * Workspace symbols (Go to Symbol in Workspace): each role under its title, id and aliases, and
 * each responsibility that has an id, with its role as the container. A query keeps the symbols
 * whose name holds its characters in order (case-insensitive), as the editor's own filter does.
 */
import type { Range, Role } from '../types';
import { throwIfCancelled, type CancellationLike } from '../cancellation';

export type WorkspaceSymbolKind = 'role' | 'responsibility';

export interface WorkspaceSymbolModel {
  name: string;
  kind: WorkspaceSymbolKind;
  /** For a role, its id (or title when the symbol is the id); for a responsibility, its role's title. */
  containerName: string;
  uri: string;
  range: Range;
}

/** At most this many symbols for one query (the editor shows a list, not a report). */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** Whether the characters of `query` (lowercase, without spaces) appear in `name` in order. */
export function fuzzyMatches(query: string, name: string): boolean {
  if (!query) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (let j = 0; j < n.length && i < query.length; j++) if (n.charCodeAt(j) === query.charCodeAt(i)) i++;
  return i === query.length;
}

export function workspaceSymbols(
  roles: Iterable<Role>,
  query: string,
  token?: CancellationLike,
  max = MAX_WORKSPACE_SYMBOLS,
): WorkspaceSymbolModel[] {
  const q = query.toLowerCase().replace(/\s+/g, '');
  const out: WorkspaceSymbolModel[] = [];
  const add = (s: WorkspaceSymbolModel) => {
    if (out.length < max && fuzzyMatches(q, s.name)) out.push(s);
  };
  let n = 0;
  for (const role of roles) {
    if ((n++ & 255) === 0) throwIfCancelled(token);
    if (out.length >= max) break;
    const range = role.titleRange ?? role.idRange;
    add({ name: role.title, kind: 'role', containerName: role.id, uri: role.uri, range });
    if (role.id !== role.title) add({ name: role.id, kind: 'role', containerName: role.title, uri: role.uri, range: role.idRange });
    for (const a of role.aliases) add({ name: a.value.trim(), kind: 'role', containerName: role.title, uri: role.uri, range: a.range });
    for (const r of role.responsibilities)
      if (r.id) add({ name: r.id, kind: 'responsibility', containerName: role.title, uri: role.uri, range: r.textRange });
  }
  return out;
}
