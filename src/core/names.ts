/** Name helpers: kebab-case ids and "did you mean" suggestions. */
import { distance } from 'fastest-levenshtein';

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

/** Known names close to `name` (edit distance within about a third of its length), best first. */
export function closestNames(name: string, known: readonly string[], max = 3): string[] {
  const n = name.toLowerCase();
  const limit = Math.max(2, Math.floor(n.length / 3));
  return known
    .map((k) => ({ k, d: distance(n, k.toLowerCase()) }))
    .filter((x) => x.d <= limit && x.k !== name)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, max)
    .map((x) => x.k);
}
