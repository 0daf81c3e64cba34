/**
 * A fast path for the YAML that role files are made of: block mappings and sequences, one-line
 * plain or quoted strings, one-line flow sequences of them, simple block scalars (`>-`, `|`) as
 * mapping values. It builds the same nodes, with the same
 * ranges, as the `yaml` package (which stays the reference: anything else returns undefined and
 * the caller parses with `yaml`), plus the plain JS value, several times faster. Profiling showed
 * the `yaml` parser to be most of the time of a lint run and of re-validating an edited role.
 *
 * Anything beyond that subset falls back: comments, anchors, aliases, tags, block scalars with
 * blank or more-indented lines, multi-line plain or quoted scalars, flow mappings, empty values, numbers other than plain positive decimal integers, booleans/null, duplicate keys, tabs and
 * control characters. A differential property test (test/unit/fuzz/fastYaml.test.ts) holds it to
 * the `yaml` package: same nodes, same ranges, same value, and never a document `yaml` rejects.
 */
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

export interface FastYaml {
  doc: Document.Parsed;
  /** The document as plain data (what `doc.toJS()` gives). */
  data: unknown;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

interface MapFrame {
  kind: 'map';
  indent: number;
  node: YAMLMap;
  data: Record<string, unknown>;
  /** A key whose value comes on the next lines. */
  pending?: { pair: Pair<unknown, unknown>; key: string };
}

interface SeqFrame {
  kind: 'seq';
  indent: number;
  node: YAMLSeq;
  data: unknown[];
}

type Frame = MapFrame | SeqFrame;

/** A plain key and its colon, matched in place (sticky: no slice of the line). */
const KEY = /[A-Za-z_][A-Za-z0-9_-]*:(?=[ \r\n]|$)/y;

/** The length of the key at `at` (without its colon), or -1. */
function keyAt(src: string, at: number): number {
  KEY.lastIndex = at;
  return KEY.test(src) ? KEY.lastIndex - at - 1 : -1;
}
/** Characters that may not start a plain scalar here (indicators, quotes, and what resolves to non-strings). */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`0-9+.~ ]/;
/** Plain scalars that the core schema reads as null or booleans. */
const RESERVED = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
/** Anything but printable characters, space and the line breaks handled here. */
const UNSUPPORTED_CHAR = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;

class Fallback extends Error {}
const FALLBACK = new Fallback();

function plainValue(s: string): string {
  if (s === '' || PLAIN_START.test(s) || RESERVED.has(s) || s.includes(': ') || s.includes(' #') || s.endsWith(':')) throw FALLBACK;
  return s;
}

function scalar(value: string, type: Scalar.Type, start: number, valueEnd: number, nodeEnd: number): Scalar<string> {
  const s = new Scalar(value);
  s.range = [start, valueEnd, nodeEnd];
  s.source = value;
  s.type = type;
  return s;
}

/**
 * Reads a one-line quoted scalar starting at `at` (on the quote): [value, end after the quote].
 * Double quotes take JSON's escapes only; single quotes double themselves.
 */
function quoted(src: string, at: number, end: number): [string, number] {
  const q = src.charCodeAt(at);
  if (q === 34) {
    let i = at + 1;
    while (i < end) {
      const c = src.charCodeAt(i);
      if (c === 34) break;
      if (c === 92) {
        const e = src[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) throw FALLBACK;
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) throw FALLBACK;
        i += 2;
        continue;
      }
      i++;
    }
    if (i >= end) throw FALLBACK;
    return [JSON.parse(src.slice(at, i + 1)) as string, i + 1];
  }
  let i = at + 1;
  let value = '';
  let from = i;
  for (;;) {
    const close = src.indexOf("'", i);
    if (close < 0 || close >= end) throw FALLBACK;
    if (src.charCodeAt(close + 1) === 39 && close + 1 < end) {
      value += src.slice(from, close + 1);
      i = from = close + 2;
      continue;
    }
    value += src.slice(from, close);
    return [value, close + 1];
  }
}

function skipSpaces(src: string, i: number, end: number): number {
  while (i < end && src.charCodeAt(i) === 32) i++;
  return i;
}

/**
 * Reads the value that fills the rest of a line from `at` (a scalar or a flow sequence), with
 * `nodeEnd` the offset after the line break. Returns the node and its plain value.
 */
function inlineValue(src: string, at: number, end: number, nodeEnd: number): [Scalar<string> | Scalar<number> | YAMLSeq, unknown] {
  const c = src.charCodeAt(at);
  if (c === 34 || c === 39) {
    const [value, after] = quoted(src, at, end);
    if (skipSpaces(src, after, end) !== end) throw FALLBACK;
    return [scalar(value, c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', at, after, nodeEnd), value];
  }
  if (c === 91) return flowSequence(src, at, end, nodeEnd);
  let valueEnd = end;
  while (valueEnd > at && src.charCodeAt(valueEnd - 1) === 32) valueEnd--;
  const text = src.slice(at, valueEnd);
  if (DECIMAL.test(text)) return [integer(text, at, valueEnd, nodeEnd), Number(text)];
  const value = plainValue(text);
  return [scalar(value, 'PLAIN', at, valueEnd, nodeEnd), value];
}

/**
 * A plain positive decimal integer (a ladder's `level`), as the core schema reads it; leading
 * zeros, signs and other number forms still fall back.
 */
const DECIMAL = /^[1-9][0-9]{0,14}$/;

function integer(source: string, start: number, valueEnd: number, nodeEnd: number): Scalar<number> {
  const s = new Scalar(Number(source));
  s.range = [start, valueEnd, nodeEnd];
  s.source = source;
  s.type = 'PLAIN';
  return s;
}

/** `[a, "b", 'c']` on one line; nested collections and empty items fall back. */
function flowSequence(src: string, at: number, end: number, nodeEnd: number): [YAMLSeq, unknown[]] {
  const seq = new YAMLSeq();
  seq.flow = true;
  const data: unknown[] = [];
  let i = skipSpaces(src, at + 1, end);
  if (src.charCodeAt(i) === 93) {
    i++;
  } else {
    for (;;) {
      const start = i;
      const c = src.charCodeAt(i);
      let item: Scalar<string>;
      let next: number;
      if (c === 34 || c === 39) {
        const [value, after] = quoted(src, i, end);
        next = skipSpaces(src, after, end);
        item = scalar(value, c === 34 ? 'QUOTE_DOUBLE' : 'QUOTE_SINGLE', start, after, next);
      } else {
        let j = i;
        while (j < end) {
          const d = src.charCodeAt(j);
          if (d === 44 || d === 93) break;
          if (d === 91 || d === 123 || d === 125 || d === 58 || d === 35) throw FALLBACK;
          j++;
        }
        let valueEnd = j;
        while (valueEnd > start && src.charCodeAt(valueEnd - 1) === 32) valueEnd--;
        const value = plainValue(src.slice(start, valueEnd));
        next = j;
        item = scalar(value, 'PLAIN', start, valueEnd, next);
      }
      seq.items.push(item);
      data.push(item.value);
      const sep = src.charCodeAt(next);
      if (sep === 93) {
        i = next + 1;
        break;
      }
      if (sep !== 44) throw FALLBACK;
      i = skipSpaces(src, next + 1, end);
      if (i >= end || src.charCodeAt(i) === 93 || src.charCodeAt(i) === 44) throw FALLBACK;
    }
  }
  if (skipSpaces(src, i, end) !== end) throw FALLBACK;
  seq.range = [at, i, nodeEnd];
  return [seq, data];
}

function endOf(node: YAMLMap | YAMLSeq): number {
  const last = node.items[node.items.length - 1];
  const n = (last instanceof Pair ? last.value : last) as Scalar | YAMLMap | YAMLSeq;
  return n.range![2];
}

function close(frame: Frame): void {
  if (frame.kind === 'map' && frame.pending) throw FALLBACK; // a key without a value
  const end = endOf(frame.node);
  frame.node.range = [frame.node.range![0], end, end];
}

/** Parses `src` (LF or CRLF line breaks) on the fast path, or returns undefined. */
export function parseSimpleYaml(src: string, options: Options = {}): FastYaml | undefined {
  if (UNSUPPORTED_CHAR.test(src) || /\r(?!\n)/.test(src)) return undefined;
  try {
    return parse(src, options);
  } catch (e) {
    if (e === FALLBACK) return undefined;
    throw e;
  }
}

function parse(src: string, options: Options): FastYaml | undefined {
  const stack: Frame[] = [];
  let rootData: Record<string, unknown> | undefined;
  let root: YAMLMap | undefined;
  let pos = 0;
  while (pos < src.length) {
    let lineEnd = src.indexOf('\n', pos);
    const next = lineEnd < 0 ? src.length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = src.length;
    let end = lineEnd;
    if (end > pos && src.charCodeAt(end - 1) === 13) end--;
    const first = skipSpaces(src, pos, end);
    if (first === end) {
      pos = next;
      continue; // a blank line
    }
    const indent = first - pos;
    const isDash = src.charCodeAt(first) === 45 && (first + 1 === end || src.charCodeAt(first + 1) === 32);
    if (!root) {
      if (indent !== 0 || isDash) throw FALLBACK;
      root = new YAMLMap();
      root.range = [first, first, first];
      rootData = {};
      stack.push({ kind: 'map', indent: 0, node: root, data: rootData });
    }
    pos = line(src, stack, pos, indent, first, end, next, isDash);
  }
  if (!root) return undefined;
  while (stack.length) close(stack.pop()!);
  const doc = new Document(undefined, options) as unknown as Document.Parsed;
  doc.contents = root as unknown as Document.Parsed['contents'];
  doc.range = [0, src.length, src.length];
  return { doc, data: rootData };
}

/** Places one non-blank line (`first`: its first non-space character); returns where to go on. */
function line(
  src: string,
  stack: Frame[],
  lineStart: number,
  indent: number,
  first: number,
  end: number,
  nodeEnd: number,
  isDash: boolean,
): number {
  for (;;) {
    const top = stack[stack.length - 1];
    if (!top) throw FALLBACK;
    if (top.kind === 'map') {
      if (top.pending) {
        if (indent > top.indent || (indent === top.indent && isDash)) {
          // The pending key's value is a block collection starting on this line.
          const { pair, key } = top.pending;
          top.pending = undefined;
          if (isDash) {
            const seq = new YAMLSeq();
            seq.range = [first, first, first];
            const data: unknown[] = [];
            pair.value = seq;
            top.data[key] = data;
            stack.push({ kind: 'seq', indent, node: seq, data });
          } else {
            const map = new YAMLMap();
            map.range = [first, first, first];
            const data: Record<string, unknown> = {};
            pair.value = map;
            top.data[key] = data;
            stack.push({ kind: 'map', indent, node: map, data });
          }
          continue;
        }
        throw FALLBACK;
      }
      if (indent === top.indent && !isDash) return keyLine(src, top, first, end, nodeEnd);
      if (indent < top.indent) {
        close(stack.pop()!);
        continue;
      }
      throw FALLBACK;
    }
    if (indent === top.indent && isDash) return dashLine(src, stack, top, lineStart, first, end, nodeEnd);
    if (indent < top.indent || (indent === top.indent && !isDash)) {
      close(stack.pop()!);
      continue;
    }
    throw FALLBACK;
  }
}

/**
 * A block scalar as a mapping value (`>`, `>-`, `|`, `|-`, as the built-in roles use for notes):
 * its lines, all at one indentation deeper than the key, none blank or with trailing spaces.
 * Returns the node, its value and where the next line starts.
 */
function blockScalar(src: string, at: number, end: number, nodeEnd: number, parentIndent: number): [Scalar<string>, string, number] {
  const folded = src.charCodeAt(at) === 62;
  let i = at + 1;
  const strip = src.charCodeAt(i) === 45;
  if (strip) i++;
  if (skipSpaces(src, i, end) !== end) throw FALLBACK; // keep (+), indentation digits, comments
  const parts: string[] = [];
  let pos = nodeEnd;
  let contentIndent = -1;
  while (pos < src.length) {
    let lineEnd = src.indexOf('\n', pos);
    const next = lineEnd < 0 ? src.length : lineEnd + 1;
    if (lineEnd < 0) lineEnd = src.length;
    let e = lineEnd;
    if (e > pos && src.charCodeAt(e - 1) === 13) e--;
    const first = skipSpaces(src, pos, e);
    if (first === e) throw FALLBACK; // blank lines: their folding and chomping are left to `yaml`
    const indent = first - pos;
    if (indent <= parentIndent) break;
    if (contentIndent < 0) contentIndent = indent;
    else if (indent !== contentIndent) throw FALLBACK;
    if (src.charCodeAt(e - 1) === 32) throw FALLBACK;
    parts.push(src.slice(first, e));
    pos = next;
  }
  if (parts.length === 0) throw FALLBACK;
  const value = parts.join(folded ? ' ' : '\n') + (strip ? '' : '\n');
  return [scalar(value, folded ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL', at, pos, pos), value, pos];
}

/** Places a `key: value` line; returns where the next line starts (after a block scalar's lines). */
function keyLine(src: string, frame: MapFrame, first: number, end: number, nodeEnd: number): number {
  const length = keyAt(src, first);
  if (length < 0) throw FALLBACK;
  const key = src.slice(first, first + length);
  if (RESERVED.has(key) || key === '__proto__' || Object.prototype.hasOwnProperty.call(frame.data, key)) throw FALLBACK;
  const keyEnd = first + key.length;
  const keyNode = scalar(key, 'PLAIN', first, keyEnd, keyEnd);
  const pair = new Pair<Scalar<string>, unknown>(keyNode, null);
  frame.node.items.push(pair);
  const valueAt = skipSpaces(src, keyEnd + 1, end);
  if (valueAt === end) {
    frame.data[key] = undefined; // claimed, so a duplicate falls back
    frame.pending = { pair, key };
    return nodeEnd;
  }
  const c = src.charCodeAt(valueAt);
  if (c === 62 || c === 124) {
    const [node, value, next] = blockScalar(src, valueAt, end, nodeEnd, frame.indent);
    pair.value = node;
    frame.data[key] = value;
    return next;
  }
  const [node, value] = inlineValue(src, valueAt, end, nodeEnd);
  pair.value = node;
  frame.data[key] = value;
  return nodeEnd;
}

function dashLine(src: string, stack: Frame[], frame: SeqFrame, lineStart: number, first: number, end: number, nodeEnd: number): number {
  const at = skipSpaces(src, first + 1, end);
  if (at === end || at === first + 1) throw FALLBACK; // "-" alone: the item is on the next lines
  if (src.charCodeAt(at) === 45 && (at + 1 === end || src.charCodeAt(at + 1) === 32)) throw FALLBACK; // "- - x"
  if (keyAt(src, at) >= 0) {
    // A mapping in the sequence: its keys line up with this first one.
    const map = new YAMLMap();
    map.range = [at, at, at];
    const data: Record<string, unknown> = {};
    frame.node.items.push(map);
    frame.data.push(data);
    const mapFrame: MapFrame = { kind: 'map', indent: at - lineStart, node: map, data };
    stack.push(mapFrame);
    return keyLine(src, mapFrame, at, end, nodeEnd);
  }
  const [node, value] = inlineValue(src, at, end, nodeEnd);
  frame.node.items.push(node);
  frame.data.push(value);
  return nodeEnd;
}
