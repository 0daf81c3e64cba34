/**
 * Which top-level keys of a role changed between two revisions, other than the id and the three
 * item lists (diffed item by item). A reviewer asks what the change means, so edits that mean
 * nothing are no change: whitespace around or inside strings, the order of list items and of
 * object keys, and an empty list or null written for an absent key.
 */

/** Keys the diff reports elsewhere: the id (a rename) and the item lists (added / removed). */
const ITEM_KEYS = new Set(['role', 'responsibilities', 'successCriteria', 'focus']);

/** The format's key order (the contract's table); other keys follow by name. */
const KEY_ORDER = ['title', 'aliases', 'type', 'summary', 'sharesSuccessCriteriaOf', 'relationships', 'extends', 'level', 'ladder'];

/** Values nested deeper than this are not compared: they count as changed (YAML can nest deeply). */
const MAX_DEPTH = 64;

class TooDeep extends Error {}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A string that is equal for two values exactly when they mean the same. */
export function canonical(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new TooDeep();
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return JSON.stringify(collapse(value));
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `#${String(value)}`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '';
    return `[${value
      .map((v) => canonical(v, depth + 1))
      .sort(compareStrings)
      .join(',')}]`;
  }
  if (value instanceof Date) return `@${value.toISOString()}`;
  if (value instanceof Map) return canonical(Object.fromEntries([...value].map(([k, v]) => [String(k), v])), depth);
  if (value instanceof Set) return canonical([...value], depth);
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const key of Object.keys(value).sort(compareStrings)) {
      const v = canonical((value as Record<string, unknown>)[key], depth + 1);
      if (v !== '') parts.push(`${JSON.stringify(key)}:${v}`);
    }
    return parts.length ? `{${parts.join(',')}}` : '';
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects returned above: null, undefined, a symbol or a function
  return String(value);
}

function collapse(s: string): string {
  const t = s.trim();
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

function sameValue(a: unknown, b: unknown): boolean {
  try {
    return canonical(a) === canonical(b);
  } catch (e) {
    if (e instanceof TooDeep) return false;
    throw e;
  }
}

function keyRank(key: string): number {
  const i = KEY_ORDER.indexOf(key);
  return i < 0 ? KEY_ORDER.length : i;
}

const asRecord = (data: unknown): Record<string, unknown> =>
  data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};

/** The top-level keys (besides id and item lists) whose value differs between the two frontmatters. */
export function changedFields(base: unknown, target: unknown): string[] {
  const a = asRecord(base);
  const b = asRecord(target);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: string[] = [];
  for (const key of keys) {
    if (ITEM_KEYS.has(key)) continue;
    if (!sameValue(a[key], b[key])) out.push(key);
  }
  return out.sort((x, y) => keyRank(x) - keyRank(y) || compareStrings(x, y));
}
