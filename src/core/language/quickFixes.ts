/**
 * Quick fixes for findings, as plain text edits: rename an unknown key to the close known one,
 * pick an allowed enum value, point a reference or link at the nearest role, insert a missing key
 * or a whole frontmatter, make an id kebab-case. The editor turns them into WorkspaceEdits.
 */
import { isMap } from 'yaml';
import { kebabCase } from '../names';
import { parseFrontmatterYaml } from '../parse';
import type { Finding, Range } from '../types';
import { nodeAtPath, type YamlPath } from '../yamlTree';
import { yamlScalar } from './escape';
import { documentText, type DocumentText } from './position';
import { own } from '../own';
import { enumAt, requiredAt, schemaAt } from './schemaDocs';

export interface TextEditModel {
  /** 1-based, end exclusive; an empty range inserts. */
  range: Range;
  newText: string;
}

export type QuickFixKind = 'rename-key' | 'enum-value' | 'kebab-case' | 'nearest-role' | 'add-key' | 'add-frontmatter' | 'set-level';

export interface QuickFix {
  kind: QuickFixKind;
  /** What the fix does, in English (the editor may build its own title from `kind` and `value`). */
  title: string;
  /** The new key, value or role name the fix puts in. */
  value: string;
  /** For `add-key`: the key added (`value` is then its value). */
  key?: string;
  /** For `add-key`: whether several fixes offer different values for the key. */
  choice?: boolean;
  edits: TextEditModel[];
  preferred?: boolean;
}

export interface QuickFixOptions {
  /** The file's name without folder, for a frontmatter template (`head-of-data.md`). */
  fileName?: string;
}

const PLACEHOLDERS: Record<string, string> = {
  text: 'Describe the responsibility',
  with: 'role-id',
};
const FIRST_RESPONSIBILITY = 'Describe a responsibility of this role';

function textAt(doc: DocumentText, r: Range): string {
  return doc.text.slice(doc.lines.offset(r.line, r.column), doc.lines.offset(r.endLine, r.endColumn));
}

function emptyAt(doc: DocumentText, offset: number): Range {
  return doc.lines.range(offset, offset);
}

/** The fixes for one finding of a document's text. */
export function quickFixesFor(finding: Finding, raw: string, options: QuickFixOptions = {}): QuickFix[] {
  const doc = documentText(raw);
  const data = finding.data ?? {};
  switch (finding.code) {
    case 'schema': {
      if (data.missingKey !== undefined) return addKeyFixes(doc, data.missingKey, data.path ?? [], options);
      if (data.allowed?.length) {
        const preferred = data.suggestions?.[0];
        const quoted = /^["']/.test(textAt(doc, finding.range));
        return data.allowed.map((v) => ({
          kind: 'enum-value' as const,
          title: `Change to "${v}"`,
          value: v,
          edits: [{ range: finding.range, newText: quoted ? JSON.stringify(v) : v }],
          preferred: v === preferred,
        }));
      }
      if (data.name !== undefined) {
        return (data.suggestions ?? []).map((k, i) => ({
          kind: 'rename-key' as const,
          title: `Change to "${k}"`,
          value: k,
          edits: [{ range: finding.range, newText: k }],
          preferred: i === 0,
        }));
      }
      // A pattern problem carries the kebab-case form as its one suggestion.
      const fixed = data.suggestions?.[0];
      if (fixed && fixed === kebabCase(fixed)) {
        return [
          {
            kind: 'kebab-case',
            title: `Change to kebab-case "${fixed}"`,
            value: fixed,
            edits: [{ range: finding.range, newText: fixed }],
            preferred: true,
          },
        ];
      }
      return [];
    }
    case 'unknown-role': {
      const written = textAt(doc, finding.range);
      const flow = isInFlow(doc, finding.range);
      return (data.suggestions ?? []).map((name, i) => ({
        kind: 'nearest-role' as const,
        title: `Change to "${name}"`,
        value: name,
        edits: [{ range: finding.range, newText: written.startsWith('"') ? JSON.stringify(name) : yamlScalar(name, flow) }],
        preferred: i === 0,
      }));
    }
    case 'unresolved-link': {
      const m = /^\[\[([^\[\]|]*)(\|[^\[\]]*)?\]\]$/.exec(textAt(doc, finding.range));
      if (!m) return [];
      return (data.suggestions ?? [])
        .filter((name) => !/[\[\]|\r\n]/.test(name))
        .map((name, i) => ({
          kind: 'nearest-role' as const,
          title: `Change to "[[${name}]]"`,
          value: name,
          edits: [{ range: finding.range, newText: `[[${name}${m[2] ?? ''}]]` }],
          preferred: i === 0,
        }));
    }
    case 'frontmatter-missing':
      return [frontmatterTemplate(doc, options)];
    case 'level-order': {
      // The level one above the role it extends (the finding carries it as its suggestion).
      const level = data.suggestions?.[0];
      if (!level || !/^[1-9][0-9]*$/.test(level)) return [];
      return [
        {
          kind: 'set-level',
          title: `Change the level to ${level}`,
          value: level,
          edits: [{ range: finding.range, newText: level }],
          preferred: true,
        },
      ];
    }
    default:
      return [];
  }
}

/** Whether a range sits inside a flow sequence (`[a, b]`) on its line. */
function isInFlow(doc: DocumentText, r: Range): boolean {
  const before = doc.text.slice(doc.lines.lineStart(r.line), doc.lines.offset(r.line, r.column));
  return (before.match(/\[/g)?.length ?? 0) > (before.match(/\]/g)?.length ?? 0);
}

/** Values to offer for a missing key: each enum value, else one placeholder. */
function valuesFor(path: YamlPath): string[] {
  const allowed = enumAt(path);
  if (allowed) return allowed;
  const key = String(path[path.length - 1]);
  return [own(PLACEHOLDERS, key) ?? ''];
}

function addKeyFixes(doc: DocumentText, key: string, path: YamlPath, options: QuickFixOptions): QuickFix[] {
  if (!requiredAt(path).includes(key)) return [];
  const keyPath = [...path, key];
  const where = insertionPoint(doc, path);
  if (!where) return [];
  const node = schemaAt(keyPath);
  if (node?.type === 'array') {
    // Only `responsibilities` is a required list: start it with one item.
    const lines = where.flow ? undefined : [`${key}:`, `  - ${FIRST_RESPONSIBILITY}`];
    const newText = where.flow
      ? `, ${key}: [${yamlScalar(FIRST_RESPONSIBILITY, true)}]`
      : where.before + lines!.map((l) => where.indent + l).join('\n') + where.after;
    return [
      {
        kind: 'add-key',
        title: `Add "${key}"`,
        key,
        value: FIRST_RESPONSIBILITY,
        edits: [{ range: where.range, newText }],
        preferred: true,
      },
    ];
  }
  const values = key === 'role' ? [roleIdFor(doc, options.fileName)] : key === 'title' ? [titleFor(doc)] : valuesFor(keyPath);
  return values.map((v, i) => {
    const pair = `${key}: ${v === '' ? '' : yamlScalar(v, where.flow)}`.trimEnd();
    const newText = where.flow ? `, ${pair}` : `${where.before}${where.indent}${pair}${where.after}`;
    const title = values.length > 1 ? `Add "${pair}"` : `Add "${key}"`;
    const choice = values.length > 1;
    return {
      kind: 'add-key' as const,
      title,
      key,
      value: v,
      choice,
      edits: [{ range: where.range, newText }],
      preferred: i === 0 && !choice,
    };
  });
}

interface InsertionPoint {
  range: Range;
  indent: string;
  /** Text before and after the inserted line(s). */
  before: string;
  after: string;
  flow: boolean;
}

/**
 * Where a missing key of the object at `path` goes: before the closing `---` for the top level,
 * after the last line of a block mapping, before the `}` of a flow mapping.
 */
function insertionPoint(doc: DocumentText, path: YamlPath): InsertionPoint | undefined {
  const yaml = doc.yaml;
  if (!yaml?.closed) return undefined;
  if (path.length === 0) {
    const at = yaml.end;
    // The YAML text ends with a line break unless it is empty.
    return { range: emptyAt(doc, at), indent: '', before: '', after: '\n', flow: false };
  }
  let parsed;
  try {
    parsed = parseFrontmatterYaml(doc.text, doc.lines);
  } catch {
    return undefined;
  }
  if (!parsed) return undefined;
  const node = nodeAtPath(parsed.doc.contents, path)?.node;
  if (!isMap(node) || !node.range) return undefined;
  const map = node;
  const start = parsed.base + map.range![0];
  if (map.flow) {
    let close = parsed.base + map.range![1] - 1;
    while (close > start && doc.text[close] !== '}') close--;
    let end = close;
    while (end > start && /\s/.test(doc.text[end - 1])) end--;
    const empty = doc.text[end - 1] === '{';
    return { range: emptyAt(doc, end), indent: '', before: '', after: '', flow: !empty };
  }
  let end = parsed.base + map.range![1];
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  const column = doc.lines.position(start).column;
  return { range: emptyAt(doc, end), indent: ' '.repeat(column - 1), before: '\n', after: '', flow: false };
}

/**
 * The text of the first `# heading` of the body (its first 64 KiB), without a closing run of `#`.
 * A scan per candidate line: the equivalent one-line regex backtracks polynomially.
 */
function firstHeading(doc: DocumentText): string | undefined {
  const body = doc.text.slice(doc.bodyStart, doc.bodyStart + 64 * 1024);
  for (const m of body.matchAll(/^ {0,3}#(?=[ \t])/gm)) {
    const from = m.index + m[0].length;
    let to = from;
    while (to < body.length && !'\n\r\u2028\u2029'.includes(body[to])) to++;
    if (to - from < 2) continue; // `#` and one blank: not a heading with text
    const rest = body.slice(from, to).replace(/^[ \t]+/, '');
    if (!rest) return undefined; // only blanks
    let end = rest.length;
    while (end > 0 && ' \t#'.includes(rest[end - 1])) end--;
    return end ? rest.slice(0, end).trim() || undefined : '#'; // only `#`s: the first one is the text
  }
  return undefined;
}

function titleFor(doc: DocumentText): string {
  return firstHeading(doc) ?? 'New Role';
}

function roleIdFor(doc: DocumentText, fileName?: string): string {
  return kebabCase(firstHeading(doc) ?? '') || kebabCase((fileName ?? '').replace(/\.(md|markdown)$/i, '')) || 'new-role';
}

function frontmatterTemplate(doc: DocumentText, options: QuickFixOptions): QuickFix {
  const base = (options.fileName ?? '').replace(/\.(md|markdown)$/i, '');
  const heading = firstHeading(doc);
  const title = heading ?? (base ? base.replace(/[-_]+/g, ' ').replace(/\b[a-z]/g, (c) => c.toUpperCase()) : 'New Role');
  const id = kebabCase(heading ?? '') || kebabCase(base) || 'new-role';
  const type = enumAt(['type'])?.includes('individual-contributor') ? 'individual-contributor' : (enumAt(['type'])?.[0] ?? '');
  const text = [
    '---',
    `role: ${id}`,
    `title: ${yamlScalar(title)}`,
    `type: ${type}`,
    'responsibilities:',
    `  - ${FIRST_RESPONSIBILITY}`,
    '---',
    '',
    '',
  ].join('\n');
  return {
    kind: 'add-frontmatter',
    title: 'Add a role frontmatter',
    value: id,
    edits: [{ range: emptyAt(doc, 0), newText: text }],
    preferred: true,
  };
}
