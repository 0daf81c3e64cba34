/**
 * `unresolved-link` findings for a Markdown file that is not a role file (the index checks role
 * files itself). Same code, message, range and data as the index gives for a role file's body.
 */
import { unresolvedLinkFinding } from '../links';
import type { Finding } from '../types';
import { documentLinks } from './position';

export interface LinkResolver {
  /** Whether a name (id, title or alias) names a role. */
  has(name: string): boolean;
  /** "Did you mean" names for an unresolved name, closest first (asked only when a link is unresolved). */
  suggest(name: string): string[];
}

export function unresolvedLinkFindings(raw: string, resolver: LinkResolver): Finding[] {
  const out: Finding[] = [];
  for (const link of documentLinks(raw)) {
    if (resolver.has(link.target)) continue;
    out.push(unresolvedLinkFinding(link.target, link.range, resolver.suggest(link.target)));
  }
  return out;
}
