/** Helpers over the `yaml` package's AST: positions and paths. */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';

export type YamlPath = (string | number)[];

/** The [start, end) offsets of a node's value (without trailing comments or whitespace). */
export function nodeSpan(node: Node | null | undefined): [number, number] | undefined {
  const r = node?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Key of a pair as a string, when it is a scalar. */
export function pairKey(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export interface PathHit {
  node: Node | null;
  /** The pair holding the node, when the last segment is a map key. */
  pair?: Pair;
}

/** Per large mapping, its first pair for each scalar key: keeps path lookups linear overall. */
const KEY_INDEX_MIN_ITEMS = 16;
const keyIndexes = new WeakMap<YAMLMap, { items: unknown[]; length: number; byKey: Map<string, Pair> }>();

function pairFor(map: YAMLMap, key: string): Pair | undefined {
  if (map.items.length < KEY_INDEX_MIN_ITEMS) return map.items.find((p) => isPair(p) && pairKey(p) === key);
  let index = keyIndexes.get(map);
  if (!index || index.items !== map.items || index.length !== map.items.length) {
    const byKey = new Map<string, Pair>();
    for (const p of map.items) {
      const k = isPair(p) ? pairKey(p) : undefined;
      if (k !== undefined && !byKey.has(k)) byKey.set(k, p);
    }
    index = { items: map.items, length: map.items.length, byKey };
    keyIndexes.set(map, index);
  }
  return index.byKey.get(key);
}

/**
 * Duplicate scalar keys, each later copy once: [start, end) of the key. Replaces the `yaml`
 * package's own `uniqueKeys` check, which compares every key with every other (quadratic: a
 * frontmatter with 20,000 keys took seconds). Iterative, so deep nesting cannot exhaust the stack.
 */
export function duplicateKeys(root: Node | null): [number, number][] {
  const out: [number, number][] = [];
  const stack: unknown[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const item of node.items) {
        if (!isPair(item)) continue;
        if (isScalar(item.key)) {
          const id = `${typeof item.key.value}:${String(item.key.value)}`;
          if (seen.has(id) && item.key.range) out.push([item.key.range[0], item.key.range[1]]);
          seen.add(id);
        }
        stack.push(item.key, item.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** Finds the node at a path of map keys and sequence indexes. */
export function nodeAtPath(root: Node | null, path: YamlPath): PathHit | undefined {
  let hit: PathHit = { node: root };
  for (const seg of path) {
    const node = hit.node;
    if (isMap(node)) {
      const pair = pairFor(node, String(seg));
      if (!pair) return undefined;
      hit = { node: (pair.value as Node | null) ?? null, pair };
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (item === undefined) return undefined;
      hit = { node: item };
    } else {
      return undefined;
    }
  }
  return hit;
}

/** Parses an ajv/JSON-pointer instance path ("/relationships/0/kind") into segments. */
export function pointerToPath(pointer: string): YamlPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9][0-9]*)$/.test(s) ? Number(s) : s));
}

/** A path as people read it: `relationships[0].kind`. */
export function displayPath(path: YamlPath): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out || 'frontmatter';
}

/** The path, key/value flag and node under an offset, for hovers and completion. */
export interface PathAt {
  path: YamlPath;
  /** Whether the offset is on a key (true) or a value (false). */
  onKey: boolean;
  node: Node | null;
}

export function pathAtOffset(root: Node | null, offset: number): PathAt | undefined {
  const within = (n: Node | null | undefined) => !!n?.range && offset >= n.range[0] && offset <= n.range[1];
  const walk = (node: Node | null, path: YamlPath): PathAt | undefined => {
    if (isMap(node)) {
      for (const item of node.items) {
        if (!isPair(item)) continue;
        const key = pairKey(item);
        if (key === undefined) continue;
        if (within(item.key as Node)) return { path: [...path, key], onKey: true, node: item.key as Node };
        const value = item.value as Node | null;
        if (within(value)) return walk(value, [...path, key]) ?? { path: [...path, key], onKey: false, node: value };
      }
      return undefined;
    }
    if (isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i] as Node;
        if (within(item)) return walk(item, [...path, i]) ?? { path: [...path, i], onKey: false, node: item };
      }
      return undefined;
    }
    return within(node) ? { path, onKey: false, node } : undefined;
  };
  return walk(root, []);
}
