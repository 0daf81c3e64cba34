/** Parses one Markdown file into its role, references, links and file-local findings. */
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { findFrontmatter } from './frontmatter';
import { scanLinks } from './links';
import { schemaFindings } from './schema';
import { LineMap, normalizeName, stripBom } from './text';
import type { Finding, Located, ParsedFile, Range, Reference, Relationship, Responsibility, Role } from './types';
import { nodeSpan, pairKey } from './yamlTree';

export interface ParseOptions {
  /** The file is matched by the role-file globs: report a missing frontmatter. */
  forceRoleFile?: boolean;
  builtin?: boolean;
}

/** Aliases beyond this many make a document a resource-exhaustion risk (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

const ROLE_KEY_LINE = /^role[ \t]*:/m;

export interface ParsedYaml {
  doc: Document.Parsed;
  /** Offset of the YAML text in the document. */
  base: number;
  lines: LineMap;
}

/** Parses the frontmatter YAML of a text (without BOM); undefined when there is none. */
export function parseFrontmatterYaml(text: string, lines = new LineMap(text)): ParsedYaml | undefined {
  const fm = findFrontmatter(text);
  if (fm.kind !== 'ok') return undefined;
  // Lone CR line breaks become LF (same length, so offsets hold); `yaml` handles CRLF itself.
  const yamlText = text.slice(fm.yamlStart, fm.yamlEnd).replace(/\r(?!\n)/g, '\n');
  const doc = parseDocument(yamlText, { uniqueKeys: true, prettyErrors: false, strict: true, keepSourceTokens: false });
  return { doc, base: fm.yamlStart, lines };
}

export function parseFile(uri: string, rawText: string, options: ParseOptions = {}): ParsedFile {
  const text = stripBom(rawText);
  const lines = new LineMap(text);
  const fm = findFrontmatter(text);
  const result: ParsedFile = { uri, isRoleFile: false, findings: [], references: [], links: [] };
  const openRange = lines.range(0, Math.min(3, lines.lineEnd(1)));

  if (fm.kind === 'none') {
    if (options.forceRoleFile) {
      result.isRoleFile = true;
      result.findings.push({
        code: 'frontmatter-missing',
        severity: 'error',
        message: 'This role file has no YAML frontmatter: start it with a line "---", the role\'s keys, and a closing "---".',
        range: lines.lineRange(1),
      });
      result.links = scanLinks(text, 0, lines);
    }
    return result;
  }
  if (fm.kind === 'unclosed') {
    if (options.forceRoleFile || ROLE_KEY_LINE.test(text.slice(0, 64 * 1024))) {
      result.isRoleFile = true;
      result.findings.push({
        code: 'frontmatter-unclosed',
        severity: 'error',
        message: 'The frontmatter opened here is never closed: add a line "---" after its last key.',
        range: openRange,
      });
    }
    return result;
  }

  let parsed: ParsedYaml;
  try {
    parsed = parseFrontmatterYaml(text, lines)!;
  } catch (e) {
    // The YAML composer recurses; pathological nesting exhausts the stack.
    result.isRoleFile = !!options.forceRoleFile || ROLE_KEY_LINE.test(text.slice(fm.yamlStart, fm.yamlEnd));
    if (result.isRoleFile) {
      result.findings.push({ code: 'yaml-syntax', severity: 'error', message: `The frontmatter could not be read: ${describeFailure(e)}.`, range: openRange });
    }
    return result;
  }
  const { doc, base } = parsed;
  const root = doc.contents as Node | null;
  const hasRoleKey = isMap(root) && root.items.some((p) => isPair(p) && pairKey(p) === 'role');
  result.isRoleFile = !!options.forceRoleFile || hasRoleKey;
  if (!result.isRoleFile) return result;

  const toRange = (start: number, end: number): Range => lines.range(base + start, base + end);
  const yamlProblems = [...doc.errors, ...doc.warnings];
  for (const err of yamlProblems) {
    const [s, e] = widenToScalar(doc, err.pos);
    result.findings.push({ code: 'yaml-syntax', severity: 'error', message: yamlMessage(err.code, err.message), range: toRange(s, Math.max(e, s + 1)) });
  }

  let data: unknown;
  if (yamlProblems.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    } catch (e) {
      const alias = firstAlias(doc);
      result.findings.push({
        code: 'yaml-syntax',
        severity: 'error',
        message: e instanceof ReferenceError ? `Too many alias expansions (more than ${MAX_ALIAS_COUNT}): the frontmatter is refused as a resource-exhaustion risk.` : `The frontmatter could not be read: ${describeFailure(e)}.`,
        range: alias ? toRange(alias[0], alias[1]) : openRange,
      });
    }
    if (data !== undefined) {
      result.findings.push(...schemaFindings(data, { root, lines, base, openRange }));
    }
  }

  const frontmatterRange = lines.range(0, fm.closeEnd);
  const model = buildModel(uri, root, toRange, frontmatterRange, result);
  if (model) {
    model.builtin = options.builtin || undefined;
    result.role = model;
    result.findings.push(...duplicateResponsibilities(model));
  }
  result.links = scanLinks(text, fm.bodyStart, lines);
  result.findings.sort(compareFindings);
  return result;
}

function describeFailure(e: unknown): string {
  if (e instanceof RangeError) return 'it is nested too deeply';
  return e instanceof Error ? e.message : String(e);
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0].replace(/\s+at line \d+, column \d+.*$/, '');
  if (code === 'DUPLICATE_KEY') return `Duplicate key: ${first.replace(/^Map keys must be unique.*$/, 'each key may appear once in a mapping')}.`.replace(/\.\.$/, '.');
  if (code === 'TAG_RESOLVE_FAILED') return `Custom YAML tags are not supported: ${first}`;
  return `YAML syntax error: ${first}`;
}

/** Widens a one-character error position (as given for duplicate keys) to the scalar starting there. */
function widenToScalar(doc: Document.Parsed, pos: [number, number]): [number, number] {
  if (pos[1] - pos[0] > 1) return pos;
  let span: [number, number] = pos;
  visit(doc, {
    Scalar(_, node) {
      if (node.range && node.range[0] === pos[0]) {
        span = [node.range[0], node.range[1]];
        return visit.BREAK;
      }
    },
  });
  return span;
}

function firstAlias(doc: Document.Parsed): [number, number] | undefined {
  let span: [number, number] | undefined;
  visit(doc, {
    Alias(_, node) {
      span = nodeSpan(node as unknown as Node);
      return visit.BREAK;
    },
  });
  return span;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.line - b.range.line || a.range.column - b.range.column || a.code.localeCompare(b.code);
}

/** Reads a scalar's text, for the tolerant model. */
function scalarText(node: unknown): string | undefined {
  if (isScalar(node) && node.value !== null && node.value !== undefined && typeof node.value !== 'object') return String(node.value);
  return undefined;
}

function buildModel(
  uri: string,
  root: Node | null,
  toRange: (s: number, e: number) => Range,
  frontmatterRange: Range,
  out: ParsedFile,
): Role | undefined {
  if (!isMap(root)) return undefined;
  const fields = new Map<string, Node | null>();
  for (const item of root.items) {
    if (!isPair(item)) continue;
    const key = pairKey(item);
    if (key !== undefined && !fields.has(key)) fields.set(key, item.value as Node | null);
  }
  const rangeOf = (n: Node | null | undefined): Range => {
    const span = nodeSpan(n);
    return span ? toRange(span[0], span[1]) : frontmatterRange;
  };
  const idNode = fields.get('role');
  const id = scalarText(idNode)?.trim();
  if (!id) return undefined;
  const strings = (key: string): Located<string>[] => {
    const n = fields.get(key);
    if (!isSeq(n)) {
      const single = scalarText(n);
      return single ? [{ value: single, range: rangeOf(n) }] : [];
    }
    const items: Located<string>[] = [];
    for (const it of n.items) {
      const v = scalarText(it);
      if (v !== undefined && v.trim()) items.push({ value: v, range: rangeOf(it as Node) });
    }
    return items;
  };

  const responsibilities: Responsibility[] = [];
  const respNode = fields.get('responsibilities');
  if (isSeq(respNode)) {
    for (const it of respNode.items) {
      const s = scalarText(it);
      if (s !== undefined) {
        if (s.trim()) responsibilities.push({ text: s, range: rangeOf(it as Node), textRange: rangeOf(it as Node) });
        continue;
      }
      if (isMap(it)) {
        const get = (k: string) => it.items.find((p) => isPair(p) && pairKey(p) === k)?.value as Node | null | undefined;
        const textNode = get('text');
        const t = scalarText(textNode);
        if (t === undefined || !t.trim()) continue;
        responsibilities.push({ text: t, id: scalarText(get('id')), area: scalarText(get('area')), range: rangeOf(it as Node), textRange: rangeOf(textNode) });
      }
    }
  }

  const relationships: Relationship[] = [];
  const relNode = fields.get('relationships');
  if (isSeq(relNode)) {
    for (const it of relNode.items) {
      if (!isMap(it)) continue;
      const get = (k: string) => it.items.find((p) => isPair(p) && pairKey(p) === k)?.value as Node | null | undefined;
      const withNode = get('with');
      const w = scalarText(withNode);
      if (!w || !w.trim()) continue;
      relationships.push({ with: w.trim(), kind: scalarText(get('kind')) ?? '', note: scalarText(get('note')), range: rangeOf(it as Node), withRange: rangeOf(withNode) });
    }
  }

  const shares = strings('sharesSuccessCriteriaOf');
  const references: Reference[] = [
    ...shares.map((s) => ({ name: s.value.trim(), kind: 'sharesSuccessCriteriaOf' as const, range: s.range })),
    ...relationships.map((r) => ({ name: r.with, kind: 'relationship' as const, range: r.withRange })),
  ];
  out.references = references;

  const titleNode = fields.get('title');
  const title = scalarText(titleNode)?.trim();
  return {
    uri,
    id,
    title: title || id,
    aliases: strings('aliases'),
    type: scalarText(fields.get('type')),
    summary: scalarText(fields.get('summary')),
    focus: strings('focus'),
    responsibilities,
    successCriteria: strings('successCriteria'),
    sharesSuccessCriteriaOf: shares,
    relationships,
    idRange: rangeOf(idNode),
    titleRange: title ? rangeOf(titleNode) : undefined,
    frontmatterRange,
  };
}

function duplicateResponsibilities(role: Role): Finding[] {
  const seen = new Map<string, number>();
  const findings: Finding[] = [];
  role.responsibilities.forEach((r, i) => {
    const key = normalizeName(r.text);
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return;
    }
    findings.push({
      code: 'duplicate-responsibility',
      severity: 'warning',
      message: `This responsibility repeats responsibility ${first + 1} ("${role.responsibilities[first].text.trim()}").`,
      range: r.textRange,
    });
  });
  return findings;
}

