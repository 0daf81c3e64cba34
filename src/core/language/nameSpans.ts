/**
 * Every place of one document that names a role: the names its frontmatter declares (`role`,
 * `title`, `aliases`), the role references it makes (`sharesSuccessCriteriaOf`,
 * `relationships[].with`, `extends`) and the `[[links]]` of its body. Each YAML name comes with how
 * it is written (plain, single- or double-quoted, in a flow collection), so that an edit can keep
 * the writing. Rename, references and the code lens all read documents through this one scan.
 */
import { isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { scanLinks } from '../links';
import type { Link, Range } from '../types';
import { pairKey } from '../yamlTree';
import { documentText, frontmatterMapping, type DocumentText } from './position';

export type DeclarationKind = 'id' | 'title' | 'alias';
/** The frontmatter keys that hold role references (`relationship` is `relationships[].with`). */
export type ReferenceKey = 'sharesSuccessCriteriaOf' | 'relationship' | 'extends';

/** How a YAML scalar is written: plain, quoted, or a block scalar (`|`, `>`). */
export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface ScalarSpan {
  /** The value, trimmed. */
  name: string;
  /** The whole scalar as written, quotes included. */
  range: Range;
  style: ScalarStyle;
  /** Inside a flow collection (`[a, b]`, `{with: a}`), where `,[]{}` need quotes. */
  flow: boolean;
}

export interface DeclarationSpan extends ScalarSpan {
  kind: DeclarationKind;
}

export interface ReferenceSpanOf extends ScalarSpan {
  key: ReferenceKey;
}

export interface DocumentNames {
  doc: DocumentText;
  declarations: DeclarationSpan[];
  references: ReferenceSpanOf[];
  links: Link[];
}

function styleOf(node: Scalar): ScalarStyle {
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

/**
 * The names of a document. `frontmatter` false reads the body's links only (a Markdown file that
 * is not a role file). An unreadable frontmatter yields no YAML names, but the links still count.
 */
export function documentNames(raw: string, frontmatter = true): DocumentNames {
  const fm = frontmatter ? frontmatterMapping(raw) : undefined;
  const doc = fm?.doc ?? documentText(raw);
  const out: DocumentNames = { doc, declarations: [], references: [], links: scanLinks(doc.text, doc.bodyStart, doc.lines) };
  if (!fm) return out;
  const { root, base } = fm;
  const span = (node: unknown, flow: boolean): ScalarSpan | undefined => {
    if (!isScalar(node) || !node.range || typeof node.value !== 'string' || !node.value.trim()) return undefined;
    return { name: node.value.trim(), range: doc.lines.range(base + node.range[0], base + node.range[1]), style: styleOf(node), flow };
  };
  const declare = (node: unknown, kind: DeclarationKind, flow: boolean) => {
    const s = span(node, flow);
    if (s) out.declarations.push({ ...s, kind });
  };
  const refer = (node: unknown, key: ReferenceKey, flow: boolean) => {
    const s = span(node, flow);
    if (s) out.references.push({ ...s, key });
  };
  // Several names in one list, or a single scalar where a list is expected (read tolerantly, as the parser does).
  const each = (value: Node | null, fn: (node: unknown, flow: boolean) => void) => {
    if (isSeq(value)) for (const item of value.items) fn(item, !!value.flow);
    else fn(value, false);
  };
  const seen = new Set<string>();
  for (const pair of root.items) {
    if (!isPair(pair)) continue;
    const key = pairKey(pair);
    // The first of duplicate keys is the one the model reads.
    if (key === undefined || seen.has(key)) continue;
    seen.add(key);
    const value = pair.value as Node | null;
    switch (key) {
      case 'role':
        declare(value, 'id', false);
        break;
      case 'title':
        declare(value, 'title', false);
        break;
      case 'aliases':
        each(value, (n, flow) => declare(n, 'alias', flow));
        break;
      case 'sharesSuccessCriteriaOf':
        each(value, (n, flow) => refer(n, 'sharesSuccessCriteriaOf', flow));
        break;
      case 'extends':
        refer(value, 'extends', false);
        break;
      case 'relationships':
        if (!isSeq(value)) break;
        for (const item of value.items) {
          if (!isMap(item)) continue;
          const w = item.items.find((p) => isPair(p) && pairKey(p) === 'with');
          if (w) refer(w.value, 'relationship', !!item.flow || !!value.flow);
        }
        break;
    }
  }
  return out;
}

/** Whether a 1-based position lies in a range (both ends included, as a cursor sees it). */
export function rangeContains(r: Range, line: number, column: number): boolean {
  if (line < r.line || line > r.endLine) return false;
  if (line === r.line && column < r.column) return false;
  if (line === r.endLine && column > r.endColumn) return false;
  return true;
}
