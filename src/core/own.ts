/**
 * Lookups in our own tables by keys that come from user text (a frontmatter key or value, a word of
 * an imported page): `table[key]` would also find Object.prototype's members (`constructor`,
 * `toString`, `__proto__`), and `key in table` would accept them. Only own properties count here.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
