/** Name helpers: kebab-case ids and "did you mean" suggestions. */
import { distance } from 'fastest-levenshtein';
import { MAX_SUGGESTION_NAME_LENGTH, suggestionLimit } from './nameIndex';

/** `Chief Technology Officer` → `chief-technology-officer`; `CTO's` → `ctos`. */
export function kebabCase(s: string): string {
  const ascii = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const id = ascii
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, ''); // runs are one '-' by now
  return /^[a-z]/.test(id) ? id : id ? `role-${id}` : '';
}

/**
 * Known names close to `name` (edit distance within about a third of its length), best first.
 * For short lists (schema keys, enum values); a handbook's names go through a NameIndex, which
 * gives the same answer without comparing with each of them.
 */
export function closestNames(name: string, known: readonly string[], max = 3): string[] {
  const n = name.toLowerCase();
  if (n.length > MAX_SUGGESTION_NAME_LENGTH) return [];
  const limit = suggestionLimit(n.length);
  return known
    .filter((k) => k.length <= MAX_SUGGESTION_NAME_LENGTH && Math.abs(k.length - n.length) <= limit)
    .map((k) => ({ k, d: distance(n, k.toLowerCase()) }))
    .filter((x) => x.d <= limit && x.k !== name)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map((x) => x.k);
}
