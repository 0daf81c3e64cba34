/**
 * The field checks every webview protocol applies to what a page posts: a message is untrusted
 * input, so each parser accepts a plain object with known keys and bounded values only.
 */

/** A plain object (as structured clone delivers it): no arrays, no class instances, no inherited fields. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** Whether every own key of `o` is one of `keys`. */
export function hasOnlyKeys(o: Record<string, unknown>, keys: readonly string[]): boolean {
  return Object.keys(o).every((k) => keys.includes(k));
}

/** A string of at most `max` characters, non-empty unless `allowEmpty`. */
export function isBoundedText(v: unknown, max: number, allowEmpty = false): v is string {
  return typeof v === 'string' && v.length <= max && (allowEmpty || v.length > 0);
}

/** An integer from `min` to `max`. */
export function isIntegerIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}
