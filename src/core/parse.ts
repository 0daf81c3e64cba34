/** Parses one Markdown file into its role, references, links and file-local findings. */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Alias, type Document, type Node } from 'yaml';
import { parseSimpleYaml } from './fastYaml';
import { compareFindings } from './findingOrder';
import { findFrontmatter } from './frontmatter';
import { scanLinks } from './links';
import { schemaFindings } from './schema';
import { LineMap, normalizeName, ownString, stripBom } from './text';
import type { Finding, Located, ParsedFile, Range, Reference, Relationship, Responsibility, Role } from './types';
import { duplicateKeys, nodeSpan, pairKey } from './yamlTree';
import { errorMessage } from './errors';
import { fitted } from './fitted';
import * as l10n from '@vscode/l10n';

export interface ParseOptions {
  /** The file is matched by the role-file globs: report a missing frontmatter. */
  forceRoleFile?: boolean;
  builtin?: boolean;
  /** Keep the frontmatter's plain value in `ParsedFile.data` (the handbook diff compares keys). */
  keepData?: boolean;
  /**
   * The role and the findings that say the frontmatter cannot be read, nothing else: no schema
   * check, no duplicate responsibilities, no links (the handbook diff, which reads thousands of
   * files and reports none of those).
   */
  modelOnly?: boolean;
}

/** Aliases beyond this many make a document a resource-exhaustion risk (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

const ROLE_KEY_LINE = /^role[ \t]*:/m;

/**
 * Frontmatter longer than this is not parsed (a real role's is a few KB): the YAML parser reads
 * some 1 MB a second, so a multi-megabyte frontmatter would block the editor for seconds.
 */
export const MAX_FRONTMATTER_CHARS = 256 * 1024;

// logLevel 'error': the parser would print its warnings (e.g. on collection keys) to the console.
const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, keepSourceTokens: false, logLevel: 'error' } as const;

export interface ParsedYaml {
  doc: Document.Parsed;
  /** Offset of the YAML text in the document. */
  base: number;
  lines: LineMap;
  /** The plain value, when the fast path read the YAML (it has no aliases or duplicate keys). */
  data?: unknown;
}

/** Parses the frontmatter YAML of a text (without BOM); undefined when there is none. */
export function parseFrontmatterYaml(text: string, lines = new LineMap(text)): ParsedYaml | undefined {
  const fm = findFrontmatter(text);
  if (fm.kind !== 'ok' || fm.yamlEnd - fm.yamlStart > MAX_FRONTMATTER_CHARS) return undefined;
  // Lone CR line breaks become LF (same length, so offsets hold); `yaml` handles CRLF itself.
  let yamlText = text.slice(fm.yamlStart, fm.yamlEnd);
  if (yamlText.includes('\r')) yamlText = yamlText.replace(/\r(?!\n)/g, '\n');
  // Duplicate keys are found by `duplicateKeys` (linear); the parser's own check is quadratic.
  // The usual role file takes the fast path (same nodes, several times faster); the rest, `yaml`.
  const fast = parseSimpleYaml(yamlText, YAML_OPTIONS);
  const doc = fast?.doc ?? parseDocument(yamlText, YAML_OPTIONS);
  return { doc, base: fm.yamlStart, lines, data: fast?.data };
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
        message: l10n.t('This role file has no YAML frontmatter: start it with a line "---", the role\'s keys, and a closing "---".'),
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
        message: l10n.t('The frontmatter opened here is never closed: add a line "---" after its last key.'),
        range: openRange,
      });
    }
    return result;
  }

  if (fm.yamlEnd - fm.yamlStart > MAX_FRONTMATTER_CHARS) {
    result.isRoleFile = !!options.forceRoleFile || ROLE_KEY_LINE.test(text.slice(fm.yamlStart, fm.yamlStart + 64 * 1024));
    if (result.isRoleFile) {
      const kb = Math.ceil((fm.yamlEnd - fm.yamlStart) / 1024);
      result.findings.push({
        code: 'yaml-syntax',
        severity: 'error',
        message: l10n.t(
          'The frontmatter is {0} KB long; frontmatter longer than {1} KB is not read (a resource-exhaustion risk).',
          String(kb),
          String(MAX_FRONTMATTER_CHARS / 1024),
        ),
        range: openRange,
      });
      result.links = scanLinks(text, fm.bodyStart, lines);
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
      result.findings.push({
        code: 'yaml-syntax',
        severity: 'error',
        message: l10n.t('The frontmatter could not be read: {0}.', describeFailure(e)),
        range: openRange,
      });
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
  const widen = yamlProblems.length ? scalarWidener(doc) : undefined;
  for (const err of yamlProblems) {
    const [s, e] = widen!(err.pos);
    result.findings.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: yamlMessage(err.code, err.message),
      range: toRange(s, Math.max(e, s + 1)),
    });
  }
  const duplicates = parsed.data !== undefined ? [] : duplicateKeys(root);
  for (const [s, e] of duplicates) {
    result.findings.push({
      code: 'yaml-syntax',
      severity: 'error',
      message: yamlMessage('DUPLICATE_KEY', 'Map keys must be unique'),
      range: toRange(s, Math.max(e, s + 1)),
    });
  }

  let data: unknown;
  if (yamlProblems.length === 0 && duplicates.length === 0) {
    try {
      data = parsed.data ?? doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
    } catch (e) {
      // An alias naming no anchor set before it is a ReferenceError too: tell it apart from a bomb.
      const undefinedAlias = firstAlias(doc, (a) => a.resolve(doc) === undefined);
      const alias = undefinedAlias ?? firstAlias(doc);
      const message = undefinedAlias
        ? l10n.t(
            'The alias "{0}" names no anchor set before it: define "&{1}" first.',
            ownString(text.slice(base + undefinedAlias[0], base + undefinedAlias[1])),
            undefinedAlias[2],
          )
        : e instanceof ReferenceError
          ? l10n.t(
              'Too many alias expansions (more than {0}): the frontmatter is refused as a resource-exhaustion risk.',
              String(MAX_ALIAS_COUNT),
            )
          : l10n.t('The frontmatter could not be read: {0}.', describeFailure(e));
      result.findings.push({ code: 'yaml-syntax', severity: 'error', message, range: alias ? toRange(alias[0], alias[1]) : openRange });
    }
    if (data !== undefined) {
      if (!options.modelOnly) result.findings.push(...schemaFindings(data, { root, lines, base, openRange }));
      if (options.keepData) result.data = data;
    }
  }

  const frontmatterRange = lines.range(0, fm.closeEnd);
  const model = buildModel(uri, root, toRange, frontmatterRange, result);
  if (model) {
    model.builtin = options.builtin || undefined;
    result.role = model;
    if (!options.modelOnly) result.findings.push(...duplicateResponsibilities(model));
  }
  if (!options.modelOnly) result.links = scanLinks(text, fm.bodyStart, lines);
  result.findings.sort(compareFindings);
  return fitLists(result);
}

/** The lists of a parse result without the spare room of arrays grown by push() (see fitted). */
function fitLists(result: ParsedFile): ParsedFile {
  result.findings = fitted(result.findings);
  result.references = fitted(result.references);
  result.links = fitted(result.links);
  const role = result.role;
  if (role) {
    role.aliases = fitted(role.aliases);
    role.focus = fitted(role.focus);
    role.responsibilities = fitted(role.responsibilities);
    role.successCriteria = fitted(role.successCriteria);
    role.sharesSuccessCriteriaOf = fitted(role.sharesSuccessCriteriaOf);
    role.relationships = fitted(role.relationships);
  }
  return result;
}

function describeFailure(e: unknown): string {
  if (e instanceof RangeError) return l10n.t('it is nested too deeply');
  return errorMessage(e);
}

function yamlMessage(code: string, message: string): string {
  if (/Maximum call stack/i.test(message)) return l10n.t('The frontmatter is nested too deeply to be read.');
  const line = message.split('\n')[0];
  const at = line.search(/\sat line \d+, column \d/);
  const first = at < 0 ? line : line.slice(0, at).trimEnd();
  // (The YAML parser's own wording, `first`, stays English: it is the library's.)
  if (code === 'DUPLICATE_KEY')
    return first.startsWith('Map keys must be unique')
      ? l10n.t('Duplicate key: each key may appear once in a mapping.')
      : l10n.t('Duplicate key: {0}.', first).replace(/\.\.$/, '.');
  if (code === 'TAG_RESOLVE_FAILED') return l10n.t('Custom YAML tags are not supported: {0}', first);
  return l10n.t('YAML syntax error: {0}', first);
}

/**
 * Widens one-character error positions to the scalar starting there. One walk of the document
 * serves every error (a walk per error made thousands of errors quadratic); iterative, so a deeply
 * nested document cannot exhaust the stack.
 */
function scalarWidener(doc: Document.Parsed): (pos: [number, number]) => [number, number] {
  let ends: Map<number, number> | undefined;
  return (pos) => {
    if (pos[1] - pos[0] > 1) return pos;
    if (!ends) {
      ends = new Map();
      const stack: unknown[] = [doc.contents];
      while (stack.length) {
        const node = stack.pop();
        if (isScalar(node)) {
          if (node.range && !(node.range[1] <= (ends.get(node.range[0]) ?? -1))) ends.set(node.range[0], node.range[1]);
        } else if (isMap(node) || isSeq(node)) {
          for (const item of node.items) stack.push(item);
        } else if (isPair(node)) {
          stack.push(node.key, node.value);
        }
      }
    }
    const end = ends.get(pos[0]);
    return end === undefined ? pos : [pos[0], end];
  };
}

/** The first alias in the document (iterative: the document may be nested deeply). */
/** The span of the first alias (that `accept` takes), and its anchor name. */
function firstAlias(doc: Document.Parsed, accept: (a: Alias) => boolean = () => true): [number, number, string] | undefined {
  let first: [number, number, string] | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) {
      const span = nodeSpan(node);
      if (span && (!first || span[0] < first[0]) && accept(node)) first = [span[0], span[1], node.source];
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) stack.push(item);
    } else if (isPair(node)) {
      stack.push(node.key, node.value);
    }
  }
  return first;
}

/** Reads a scalar's text, for the tolerant model. */
function scalarText(node: unknown): string | undefined {
  // Owned: the model outlives the file text, which a slice would keep alive.
  const value: unknown = isScalar(node) ? node.value : undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return ownString(String(value));
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
        responsibilities.push({
          text: t,
          id: scalarText(get('id')),
          area: scalarText(get('area')),
          range: rangeOf(it),
          textRange: rangeOf(textNode),
        });
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
      relationships.push({
        with: w.trim(),
        kind: scalarText(get('kind')) ?? '',
        note: scalarText(get('note')),
        range: rangeOf(it),
        withRange: rangeOf(withNode),
      });
    }
  }

  const shares = strings('sharesSuccessCriteriaOf');
  const extendsNode = fields.get('extends');
  const extendsName = scalarText(extendsNode)?.trim();
  const extendsRef = extendsName ? { value: extendsName, range: rangeOf(extendsNode) } : undefined;
  const levelNode = fields.get('level');
  const levelValue = isScalar(levelNode) ? levelNode.value : undefined;
  const level =
    typeof levelValue === 'number' && Number.isInteger(levelValue) && levelValue >= 1
      ? { value: levelValue, range: rangeOf(levelNode) }
      : undefined;
  const ladderNode = fields.get('ladder');
  const ladderName = scalarText(ladderNode)?.trim();
  const references: Reference[] = [
    ...shares.map((s) => ({ name: s.value.trim(), kind: 'sharesSuccessCriteriaOf' as const, range: s.range })),
    ...relationships.map((r) => ({ name: r.with, kind: 'relationship' as const, range: r.withRange })),
    ...(extendsRef ? [{ name: extendsRef.value, kind: 'extends' as const, range: extendsRef.range }] : []),
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
    extends: extendsRef,
    level,
    ladder: ladderName ? { value: ladderName, range: rangeOf(ladderNode) } : undefined,
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
      message: l10n.t(
        'This responsibility repeats responsibility {0} ("{1}").',
        String(first + 1),
        role.responsibilities[first].text.trim(),
      ),
      range: r.textRange,
    });
  });
  return findings;
}
