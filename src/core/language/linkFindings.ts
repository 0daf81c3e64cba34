/**
 * `unresolved-link` findings for a Markdown file that is not a role file (the index checks role
 * files itself). Same code, message, range and data as the index gives for a role file's body.
 */
import { unresolvedLinkFinding } from '../links';
import { closestNames } from '../names';
import type { Finding } from '../types';
import { documentLinks } from './position';

export interface LinkResolver {
  /** Whether a name (id, title or alias) names a role. */
  has(name: string): boolean;
  /** Every name roles can be referred by, for suggestions (asked only when a link is unresolved). */
  knownNames(): string[];
}

export function unresolvedLinkFindings(raw: string, resolver: LinkResolver): Finding[] {
  const out: Finding[] = [];
  let known: string[] | undefined;
  for (const link of documentLinks(raw)) {
    if (resolver.has(link.target)) continue;
    const suggestions = closestNames(link.target, (known ??= resolver.knownNames()));
    out.push(unresolvedLinkFinding(link.target, link.range, suggestions));
  }
  return out;
}
