/**
 * What is under a position of a Markdown document: a frontmatter key, an enum value, a role
 * reference, or a `[[link]]`. Works on the text of one document, parsed on demand.
 */
import { isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { findFrontmatter } from '../frontmatter';
import { scanLinks } from '../links';
import { parseFrontmatterYaml } from '../parse';
import { LineMap, stripBom } from '../text';
import type { Link, Range } from '../types';
import { pairKey, pathAtOffset, type YamlPath } from '../yamlTree';
import { enumAt, isReferencePath, schemaAt } from './schemaPaths';

export type Target =
  | { kind: 'key'; path: YamlPath; key: string; range: Range }
  | { kind: 'enum'; path: YamlPath; value: string; range: Range }
  | { kind: 'reference'; path: YamlPath; name: string; range: Range }
  | { kind: 'link'; name: string; label?: string; range: Range; targetRange: Range };

/** A document's text without BOM, its line map and where its frontmatter and body are. */
export interface DocumentText {
  text: string;
  lines: LineMap;
  /** Offset where the Markdown body starts (0 without a frontmatter). */
  bodyStart: number;
  /** Offsets of the YAML text; an unclosed frontmatter runs to the end of the text. */
  yaml?: { start: number; end: number; closed: boolean };
}

export function documentText(raw: string): DocumentText {
  const text = stripBom(raw);
  const lines = new LineMap(text);
  const fm = findFrontmatter(text);
  if (fm.kind === 'ok') return { text, lines, bodyStart: fm.bodyStart, yaml: { start: fm.yamlStart, end: fm.yamlEnd, closed: true } };
  if (fm.kind === 'unclosed') {
    const start = Math.min(lines.lineStart(2), text.length);
    return {
      text,
      lines,
      bodyStart: text.length,
      yaml: { start: lines.lineCount > 1 ? start : text.length, end: text.length, closed: false },
    };
  }
  return { text, lines, bodyStart: 0 };
}

function contains(r: Range, line: number, column: number): boolean {
  if (line < r.line || line > r.endLine) return false;
  if (line === r.line && column < r.column) return false;
  if (line === r.endLine && column > r.endColumn) return false;
  return true;
}

/** The `[[link]]` of the body at a 1-based position (code spans and fences are not links). */
export function linkAt(raw: string, line: number, column: number): Link | undefined {
  return linkIn(documentText(raw), line, column);
}

function linkIn(doc: DocumentText, line: number, column: number): Link | undefined {
  const offset = doc.lines.offset(line, column);
  if (offset < doc.bodyStart) return undefined;
  // Only the lines around the position matter: a link never spans lines, but a fence may, so
  // scan from the body start (cheap: scanLinks skips lines without `[[`).
  return scanLinks(doc.text, doc.bodyStart, doc.lines).find((l) => contains(l.range, line, column));
}

/** Every `[[link]]` of a document's body. */
export function documentLinks(raw: string): Link[] {
  const doc = documentText(raw);
  return scanLinks(doc.text, doc.bodyStart, doc.lines);
}

/**
 * What is under a 1-based position. `frontmatter` false looks at links only (for Markdown files
 * that are not role files).
 */
export function targetAt(raw: string, line: number, column: number, frontmatter = true): Target | undefined {
  const doc = documentText(raw);
  const offset = doc.lines.offset(line, column);
  if (doc.yaml?.closed && frontmatter && offset >= doc.yaml.start && offset <= doc.yaml.end) {
    return yamlTargetAt(doc, offset);
  }
  const link = linkIn(doc, line, column);
  return link && { kind: 'link', name: link.target, label: link.label, range: link.range, targetRange: link.targetRange };
}

function yamlTargetAt(doc: DocumentText, offset: number): Target | undefined {
  let parsed;
  try {
    parsed = parseFrontmatterYaml(doc.text, doc.lines);
  } catch {
    return undefined; // nesting too deep for the parser: nothing to hover
  }
  if (!parsed) return undefined;
  const hit = pathAtOffset(parsed.doc.contents, offset - parsed.base);
  if (!hit || !isScalar(hit.node) || !hit.node.range) return undefined;
  const [s, e] = hit.node.range;
  const range = doc.lines.range(parsed.base + s, parsed.base + e);
  const value = hit.node.value;
  if (hit.onKey) {
    const key = String(value);
    return schemaAt(hit.path) ? { kind: 'key', path: hit.path, key, range } : undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const text = String(value);
  if (isReferencePath(hit.path)) return text.trim() ? { kind: 'reference', path: hit.path, name: text.trim(), range } : undefined;
  if (enumAt(hit.path)) return { kind: 'enum', path: hit.path, value: text, range };
  return undefined;
}

export interface ReferenceSpan {
  name: string;
  path: YamlPath;
  range: Range;
}

export interface FrontmatterMapping {
  doc: DocumentText & { yaml: NonNullable<DocumentText['yaml']> };
  root: YAMLMap;
  /** Offset of the YAML text in the document. */
  base: number;
}

/** The frontmatter of a document as a YAML mapping, or undefined when it is unclosed, unreadable or not a mapping. */
export function frontmatterMapping(raw: string): FrontmatterMapping | undefined {
  const doc = documentText(raw);
  if (!doc.yaml?.closed) return undefined;
  let parsed;
  try {
    parsed = parseFrontmatterYaml(doc.text, doc.lines);
  } catch {
    return undefined;
  }
  const root = parsed?.doc.contents as Node | null | undefined;
  const yaml = doc.yaml;
  return parsed && isMap(root) ? { doc: { ...doc, yaml }, root, base: parsed.base } : undefined;
}

/** The role references of a role file's frontmatter (sharesSuccessCriteriaOf items, relationships[].with, extends). */
export function documentReferences(raw: string): ReferenceSpan[] {
  const fm = frontmatterMapping(raw);
  if (!fm) return [];
  const { doc, root, base } = fm;
  const out: ReferenceSpan[] = [];
  const add = (node: unknown, path: YamlPath) => {
    if (!isScalar(node) || !node.range || typeof node.value !== 'string' || !node.value.trim()) return;
    out.push({ name: node.value.trim(), path, range: doc.lines.range(base + node.range[0], base + node.range[1]) });
  };
  for (const pair of root.items) {
    if (isPair(pair) && pairKey(pair) === 'extends') add(pair.value, ['extends']);
    if (!isPair(pair) || !isSeq(pair.value)) continue;
    const key = pairKey(pair);
    pair.value.items.forEach((item, i) => {
      if (key === 'sharesSuccessCriteriaOf') add(item, [key, i]);
      else if (key === 'relationships' && isMap(item)) {
        const w = item.items.find((p) => isPair(p) && pairKey(p) === 'with');
        if (w) add(w.value, [key, i, 'with']);
      }
    });
  }
  return out;
}
