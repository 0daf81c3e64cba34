/**
 * The outline of a role file's frontmatter: the role, its sections (one per key) and their items
 * (responsibilities, success criteria, relationships...). Headings of the body are left to the
 * Markdown extension, which already lists them.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Range } from '../types';
import { pairKey } from '../yamlTree';
import { frontmatterMapping } from './position';

export type SymbolKind = 'role' | 'list' | 'field' | 'item' | 'object';

export interface SymbolModel {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** The whole extent (1-based, end exclusive). */
  range: Range;
  /** What to select and reveal: the key, or the item's text. */
  selectionRange: Range;
  children: SymbolModel[];
}

const MAX_NAME = 80;

function shorten(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > MAX_NAME ? one.slice(0, MAX_NAME - 1) + '…' : one;
}

function scalarText(node: unknown): string | undefined {
  const value: unknown = isScalar(node) ? node.value : undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

function getField(node: Node, key: string): Node | null | undefined {
  if (!isMap(node)) return undefined;
  const pair: Pair | undefined = node.items.find((p) => isPair(p) && pairKey(p) === key);
  return pair?.value as Node | null | undefined;
}

/** The outline of a role file, or [] when it has no readable frontmatter mapping. */
export function roleSymbols(raw: string): SymbolModel[] {
  const fm = frontmatterMapping(raw);
  if (!fm) return [];
  const { doc, root, base } = fm;
  const span = (start: number, end: number): Range => doc.lines.range(base + start, base + Math.max(start, end));
  const trimmedEnd = (end: number, start: number): number => {
    let e = end;
    while (e > start && /\s/.test(doc.text[base + e - 1])) e--;
    return e;
  };

  const sections: SymbolModel[] = [];
  for (const item of root.items) {
    if (!isPair(item)) continue;
    const key = pairKey(item);
    const keyNode = item.key as Node | null;
    if (key === undefined || !keyNode?.range) continue;
    const value = item.value as Node | null;
    const start = keyNode.range[0];
    const end = trimmedEnd(value?.range ? value.range[1] : keyNode.range[1], start);
    const selection = span(keyNode.range[0], keyNode.range[1]);
    const range = span(start, end);
    if (isSeq(value)) {
      const children = value.items.map((it, i) => itemSymbol(key, it as Node, i, span, trimmedEnd)).filter((s): s is SymbolModel => !!s);
      sections.push({ name: key || ' ', detail: `${children.length}`, kind: 'list', range, selectionRange: selection, children });
    } else {
      sections.push({
        name: key || ' ',
        detail: shorten(scalarText(value) ?? ''),
        kind: 'field',
        range,
        selectionRange: selection,
        children: [],
      });
    }
  }

  const id = scalarText(getField(root, 'role'))?.trim();
  const title = scalarText(getField(root, 'title'))?.trim();
  const type = scalarText(getField(root, 'type'))?.trim();
  const titleNode = getField(root, 'title') ?? getField(root, 'role');
  const whole = doc.lines.range(0, doc.yaml.end + 3);
  const selection = titleNode?.range ? span(titleNode.range[0], titleNode.range[1]) : doc.lines.range(0, 3);
  return [
    {
      name: shorten(title || id || 'Role'),
      detail: [id, type].filter(Boolean).join(' · '),
      kind: 'role',
      range: whole,
      selectionRange: selection,
      children: sections,
    },
  ];
}

function itemSymbol(
  section: string,
  node: Node,
  index: number,
  span: (s: number, e: number) => Range,
  trimmedEnd: (end: number, start: number) => number,
): SymbolModel | undefined {
  if (!node?.range) return undefined;
  const range = span(node.range[0], trimmedEnd(node.range[1], node.range[0]));
  const text = scalarText(node);
  if (text !== undefined)
    return { name: shorten(text) || `${index + 1}`, detail: '', kind: 'item', range, selectionRange: range, children: [] };
  if (!isMap(node)) return { name: `${index + 1}`, detail: '', kind: 'item', range, selectionRange: range, children: [] };
  const main = section === 'relationships' ? 'with' : 'text';
  const mainNode = getField(node, main);
  const name = scalarText(mainNode) ?? `${index + 1}`;
  const detail =
    section === 'relationships'
      ? (scalarText(getField(node, 'kind')) ?? '')
      : [scalarText(getField(node, 'id')), scalarText(getField(node, 'area'))].filter(Boolean).join(' · ');
  const selectionRange = mainNode?.range ? span(mainNode.range[0], mainNode.range[1]) : range;
  return { name: shorten(name) || `${index + 1}`, detail: shorten(detail), kind: 'object', range, selectionRange, children: [] };
}
