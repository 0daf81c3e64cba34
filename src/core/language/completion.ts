/**
 * Completion at a position of a Markdown document, as plain data: frontmatter keys (snippets
 * built from the schema), enum values, role names in references, and role names inside `[[ ]]`.
 *
 * It reads the lines around the cursor rather than the YAML tree, because the frontmatter is
 * usually invalid while it is being typed (`typ` alone is not a key yet).
 */
import { normalizeName } from '../text';
import type { Range, Role } from '../types';
import type { YamlPath } from '../yamlTree';
import { escapeSnippet, escapeSnippetChoice, yamlScalar } from './escape';
import { roleCard, type CardLabels } from './hover';
import { documentText, type DocumentText } from './position';
import {
  enumAt,
  enumValueDocumentation,
  isReferencePath,
  keyDocumentation,
  keysAt,
  requiredAt,
  schemaAt,
  type SchemaNode,
} from './schemaDocs';

export type CompletionKind = 'key' | 'value' | 'role';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  /** The text to insert: a snippet when `snippet` is true. */
  insertText: string;
  snippet: boolean;
  detail?: string;
  /** Markdown; role text in it is escaped. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** Whether the key is required by the schema (keys only). */
  required?: boolean;
}

export interface Completions {
  items: CompletionEntry[];
  /** The text the chosen entry replaces (1-based, end exclusive). */
  range: Range;
}

export interface CompletionOptions {
  /** The roles of the handbook, for references and links. */
  roles: readonly Role[];
  /** Whether the document is a role file (frontmatter completion); links complete everywhere. */
  roleFile: boolean;
  /** The document's own URI: its role is not offered as a reference to itself. */
  selfUri?: string;
  labels?: CardLabels;
}

const KEY_LINE = /^( *)((?:- +)*)([A-Za-z0-9_-]*)$/;
const VALUE_LINE = /^( *)((?:- +)?)([A-Za-z0-9_-]+)[ \t]*:[ \t](.*)$/;
const TOP_KEY = /^([A-Za-z0-9_-]+)[ \t]*:(?:[ \t]|$)/;
const OPEN_LINK = /\[\[([^\[\]|\r\n]*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The text after a line's leading `- ` list markers ("- - a: 1" gives "a: 1"); undefined without one. */
function withoutListDashes(content: string): string | undefined {
  let i = 0;
  while (content[i] === '-' && content[i + 1] === ' ') {
    i += 2;
    while (content[i] === ' ') i++;
  }
  return i ? content.slice(i) : undefined;
}

/** `s` without trailing spaces and tabs (a scan: `/[ \t]+$/` is quadratic on long blank runs). */
function trimBlankEnd(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end);
}

export function completionsAt(raw: string, line: number, column: number, options: CompletionOptions): Completions | undefined {
  const doc = documentText(raw);
  const offset = doc.lines.offset(line, column);
  const lineStart = doc.lines.lineStart(line);
  const prefix = doc.text.slice(lineStart, offset);
  const suffix = doc.text.slice(offset, doc.lines.lineEnd(line));
  const yaml = doc.yaml;
  // The closing `---` line belongs to neither the YAML nor the body.
  if (yaml && options.roleFile && offset >= yaml.start && (yaml.closed ? lineStart < yaml.end : true)) {
    return frontmatterCompletions(doc, line, column, prefix, suffix, options);
  }
  if (offset >= doc.bodyStart) return linkCompletions(doc, line, column, prefix, suffix, options);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Frontmatter

interface LineInfo {
  line: number;
  indent: number;
  content: string;
}

/** The YAML lines above `line` (nearest first), without blank and comment lines. */
function* linesAbove(doc: DocumentText, line: number): Generator<LineInfo> {
  const first = doc.lines.position(doc.yaml!.start).line;
  for (let l = line - 1; l >= first; l--) {
    const text = doc.text.slice(doc.lines.lineStart(l), doc.lines.lineEnd(l));
    const content = text.trimStart();
    if (!content || content.startsWith('#')) continue;
    yield { line: l, indent: text.length - content.length, content };
  }
}

/** The top-level key the line belongs to (the nearest key line at indentation 0 above it). */
function parentKey(doc: DocumentText, line: number): string | undefined {
  for (const l of linesAbove(doc, line)) {
    if (l.indent === 0) return l.content.startsWith('-') ? undefined : TOP_KEY.exec(l.content)?.[1];
  }
  return undefined;
}

/** Keys at indentation 0 in the whole frontmatter, except on `skipLine`. */
function topLevelKeys(doc: DocumentText, skipLine: number): Set<string> {
  const keys = new Set<string>();
  const yaml = doc.yaml!;
  const first = doc.lines.position(yaml.start).line;
  const last = yaml.closed ? doc.lines.position(yaml.end).line - 1 : doc.lines.lineCount;
  for (let l = first; l <= last; l++) {
    if (l === skipLine) continue;
    const m = TOP_KEY.exec(doc.text.slice(doc.lines.lineStart(l), doc.lines.lineEnd(l)));
    if (m) keys.add(m[1]);
  }
  return keys;
}

/**
 * The keys already in the list item the cursor is in, found by indentation: the item starts at the
 * nearest `- ` line above (or on the cursor's line), and its keys sit at the column after the dash.
 */
function itemKeys(doc: DocumentText, line: number, indent: number, dashed: boolean): Set<string> | undefined {
  const keys = new Set<string>();
  let start: LineInfo | undefined;
  if (!dashed) {
    for (const l of linesAbove(doc, line)) {
      if (l.indent < indent && l.content.startsWith('-')) {
        start = l;
        break;
      }
      if (l.indent < indent) return undefined;
      if (l.indent === indent) {
        const m = TOP_KEY.exec(l.content);
        if (m) keys.add(m[1]);
      }
    }
    if (!start) return undefined;
    const afterDashes = withoutListDashes(start.content);
    const k = afterDashes !== undefined && TOP_KEY.exec(afterDashes);
    if (k) keys.add(k[1]);
  }
  // Keys of the same item below the cursor.
  const yaml = doc.yaml!;
  const last = yaml.closed ? doc.lines.position(yaml.end).line - 1 : doc.lines.lineCount;
  const keyColumn = dashed ? undefined : indent;
  for (let l = line + 1; l <= last; l++) {
    const text = doc.text.slice(doc.lines.lineStart(l), doc.lines.lineEnd(l));
    const content = text.trimStart();
    if (!content || content.startsWith('#')) continue;
    const ind = text.length - content.length;
    if (keyColumn === undefined ? ind <= indent : ind < keyColumn) break;
    if (keyColumn === undefined && content.startsWith('-')) break;
    if (keyColumn !== undefined && ind === keyColumn && content.startsWith('-')) break;
    const m = TOP_KEY.exec(content);
    if (m && (keyColumn === undefined || ind === keyColumn)) keys.add(m[1]);
  }
  return keys;
}

function frontmatterCompletions(
  doc: DocumentText,
  line: number,
  column: number,
  prefix: string,
  suffix: string,
  options: CompletionOptions,
): Completions | undefined {
  const wordAfter = /^[A-Za-z0-9_-]*/.exec(suffix)![0];
  const keyMatch = KEY_LINE.exec(prefix);
  if (keyMatch) {
    const indent = keyMatch[1].length;
    const dashes = keyMatch[2];
    const word = keyMatch[3];
    const range: Range = { line, column: column - word.length, endLine: line, endColumn: column + wordAfter.length };
    // An existing `key:` after the cursor: complete the name only.
    const nameOnly = /^[A-Za-z0-9_-]*[ \t]*:/.test(suffix);
    if (indent === 0 && !dashes) {
      const present = topLevelKeys(doc, line);
      return { range, items: keyEntries([], present, nameOnly) };
    }
    const parent = parentKey(doc, line);
    if (!parent) return undefined;
    const listSchema = schemaAt([parent]);
    if (isReferencePath([parent, 0]) && dashes) {
      return { range, items: roleEntries(options, { flow: false, quote: undefined, self: options.selfUri }) };
    }
    if (listSchema?.type === 'array' && keysAt([parent, 0]).length) {
      const keyIndent = indent + dashes.length;
      const present = itemKeys(doc, line, keyIndent, !!dashes);
      if (!present) return undefined;
      return { range, items: keyEntries([parent, 0], present, nameOnly) };
    }
    return undefined;
  }

  const valueMatch = VALUE_LINE.exec(prefix);
  if (!valueMatch) return undefined;
  const indent = valueMatch[1].length;
  const dashed = !!valueMatch[2];
  const key = valueMatch[3];
  const value = valueMatch[4].replace(/^[ \t]+/, '');
  let path: YamlPath;
  if (indent === 0 && !dashed) path = [key];
  else {
    const parent = parentKey(doc, line);
    if (!parent) return undefined;
    path = [parent, 0, key];
  }
  const valueStart = column - value.length;

  // A flow list of references: `sharesSuccessCriteriaOf: [cto, hea|`
  if (path.length === 1 && isReferencePath([key, 0])) {
    // The open list: after the first `[` that no `]` follows; the item typed: after its last comma.
    const open = value.indexOf('[', value.lastIndexOf(']') + 1);
    if (open < 0) return undefined;
    const list = value.slice(open + 1);
    const typed = list.slice(list.lastIndexOf(',') + 1).replace(/^[ \t]+/, '');
    const after = trimBlankEnd(/^[^,\]]*/.exec(suffix)![0]);
    const range: Range = { line, column: column - typed.length, endLine: line, endColumn: column + after.length };
    return { range, items: roleEntries(options, { flow: true, quote: quoteOf(typed), self: options.selfUri }) };
  }

  const quote = quoteOf(value);
  let endColumn = column + trimBlankEnd(/^[^'"#]*/.exec(suffix)![0]).length;
  if (quote && suffix.slice(endColumn - column).startsWith(quote)) endColumn++;
  const range: Range = { line, column: valueStart, endLine: line, endColumn };
  const allowed = enumAt(path);
  if (allowed) {
    return {
      range,
      items: allowed.map((v, i) => ({
        label: v,
        kind: 'value' as const,
        insertText: quote ? `${quote}${v}${quote}` : v,
        snippet: false,
        filterText: quote ? `${quote}${v}` : v,
        documentation: enumValueDocumentation(path, v),
        sortText: String(i).padStart(3, '0'),
      })),
    };
  }
  if (isReferencePath(path)) return { range, items: roleEntries(options, { flow: false, quote, self: options.selfUri }) };
  return undefined;
}

function quoteOf(value: string): '"' | "'" | undefined {
  const c = value.trimStart()[0];
  return c === '"' || c === "'" ? c : undefined;
}

function keyEntries(path: YamlPath, present: ReadonlySet<string>, nameOnly: boolean): CompletionEntry[] {
  const required = new Set(requiredAt(path));
  return keysAt(path)
    .filter((k) => !present.has(k))
    .map((k, i) => ({
      label: k,
      kind: 'key' as const,
      insertText: nameOnly ? k : keySnippet([...path, k], k),
      snippet: !nameOnly,
      detail: required.has(k) ? 'required' : undefined,
      required: required.has(k),
      documentation: keyDocumentation([...path, k]),
      // Required keys first, then the schema's order.
      sortText: `${required.has(k) ? 0 : 1}${String(i).padStart(3, '0')}`,
    }));
}

function placeholder(node: SchemaNode | undefined, n: number): string {
  if (node?.enum) return `\${${n}|${node.enum.map(escapeSnippetChoice).join(',')}|}`;
  return `\$${n}`;
}

/** A snippet for a key, built from the schema: enum choices, and a first item for lists. */
export function keySnippet(path: YamlPath, key: string): string {
  const node = schemaAt(path);
  const name = escapeSnippet(key);
  if (node?.type !== 'array') return `${name}: ${placeholder(node, 1)}`;
  const item = node.items;
  const objectItem = item?.type === 'object' && item.properties ? item : undefined;
  if (!objectItem) return `${name}:\n  - \$1`;
  const keys = objectItem.required?.length ? objectItem.required : Object.keys(objectItem.properties!).slice(0, 1);
  const lines = keys.map((k, i) => `${i === 0 ? '  - ' : '    '}${escapeSnippet(k)}: ${placeholder(objectItem.properties![k], i + 1)}`);
  return `${name}:\n${lines.join('\n')}`;
}

// ---------------------------------------------------------------------------------------------
// Role names

interface RoleEntryOptions {
  /** Inside a flow sequence (`[a, b]`): commas and brackets need quotes. */
  flow: boolean;
  /** The quote the user opened, if any. */
  quote: '"' | "'" | undefined;
  /** Leave out the role of this URI. */
  self?: string;
  /** For links: the text after the name (`]]` is added when missing). */
  link?: { close: string };
}

function roleEntries(options: CompletionOptions, how: RoleEntryOptions): CompletionEntry[] {
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  const roles = [...options.roles].sort((a, b) => a.id.localeCompare(b.id));
  for (const role of roles) {
    if (how.self && role.uri === how.self) continue;
    const names: [string, number][] = [[role.id, 0], ...role.aliases.map((a): [string, number] => [a.value.trim(), 1]), [role.title, 2]];
    for (const [name, rank] of names) {
      const key = normalizeName(name);
      if (!key || seen.has(key)) continue;
      if (how.link && /[\[\]|\r\n]/.test(name)) continue;
      seen.add(key);
      let insertText: string;
      if (how.link) insertText = name + how.link.close;
      else if (how.quote === '"') insertText = JSON.stringify(name);
      else if (how.quote === "'") insertText = `'${name.replace(/'/g, "''")}'`;
      else insertText = yamlScalar(name, how.flow);
      out.push({
        label: name,
        kind: 'role',
        insertText,
        snippet: false,
        detail: rank === 0 ? role.title : `${role.title} (${role.id})`,
        documentation: roleCard(role, { labels: options.labels }),
        filterText: how.quote ? how.quote + name : name,
        sortText: `${rank}${name.toLowerCase()}`,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Links

/** Whether a body line is inside fenced code (fences opened above it and not closed). */
function inFence(doc: DocumentText, line: number): boolean {
  let fence: { char: string; len: number } | undefined;
  const first = doc.lines.position(doc.bodyStart).line;
  for (let l = first; l < line; l++) {
    const content = doc.text.slice(Math.max(doc.lines.lineStart(l), doc.bodyStart), doc.lines.lineEnd(l));
    const m = FENCE.exec(content);
    if (!m) continue;
    if (fence) {
      if (m[1][0] === fence.char && m[1].length >= fence.len && !content.slice(m[0].length).trim()) fence = undefined;
    } else if (!(m[1][0] === '`' && content.slice(m[0].length).includes('`'))) {
      fence = { char: m[1][0], len: m[1].length };
    }
  }
  return !!fence;
}

function linkCompletions(
  doc: DocumentText,
  line: number,
  column: number,
  prefix: string,
  suffix: string,
  options: CompletionOptions,
): Completions | undefined {
  const open = OPEN_LINK.exec(prefix);
  if (!open) return undefined;
  // Inside a code span (an odd number of backticks before the link) or fenced code: not a link.
  if ((prefix.slice(0, open.index).match(/`/g)?.length ?? 0) % 2 === 1) return undefined;
  if (inFence(doc, line)) return undefined;
  const typed = open[1];
  const rest = /^[^\[\]|\r\n]*/.exec(suffix)![0];
  const after = suffix.slice(rest.length);
  const close = after.startsWith(']]') || after.startsWith('|') ? '' : ']]';
  const range: Range = { line, column: column - typed.length, endLine: line, endColumn: column + rest.length };
  return { range, items: roleEntries(options, { flow: false, quote: undefined, link: { close } }) };
}
