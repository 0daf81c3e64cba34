/** Schema validation of a frontmatter value, mapped back to YAML nodes: one finding per problem. */
import type { ErrorObject } from 'ajv';
import type { Node } from 'yaml';
import validate = require('./generated/roleValidator');
// The schema's shape without its documentation (scripts/build-validator.js): activation loads this.
import schemaOutline from './generated/roleSchemaOutline.json';
import type { Finding } from './types';
import { LineMap } from './text';
import { closestNames, kebabCase } from './names';
import { displayPath, nodeAtPath, nodeSpan, pointerToPath, type YamlPath } from './yamlTree';

export const TOP_LEVEL_KEYS = Object.keys(schemaOutline.properties);
const RESPONSIBILITY_KEYS = ['text', 'id', 'area'];
const RELATIONSHIP_KEYS = ['with', 'kind', 'note'];

export interface SchemaContext {
  root: Node | null;
  lines: LineMap;
  /** Offset of the YAML text in the document. */
  base: number;
  /** Range of the opening `---`, for problems of the top level. */
  openRange: Finding['range'];
}

function valueAt(data: unknown, path: YamlPath): unknown {
  let v: unknown = data;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  integer: 'a whole number',
};

function knownKeysFor(path: YamlPath): string[] {
  if (path.length === 0) return TOP_LEVEL_KEYS;
  if (path[0] === 'responsibilities') return RESPONSIBILITY_KEYS;
  if (path[0] === 'relationships') return RELATIONSHIP_KEYS;
  return [];
}

/** Validates `data` against the role schema and maps every problem to a precise range. */
export function schemaFindings(data: unknown, ctx: SchemaContext): Finding[] {
  if (validate(data)) return [];
  const errors = collapseOneOf(validate.errors ?? [], data);
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    const f = toFinding(err, data, ctx);
    const key = `${f.range.line}:${f.range.column}:${f.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/**
 * ajv reports a failed `oneOf` once for itself and once per branch. Keep only the errors of the
 * branch the value was meant for (a string, or an object), or the `oneOf` alone when neither fits.
 */
function collapseOneOf(errors: ErrorObject[], data: unknown): ErrorObject[] {
  const oneOfs = errors.filter((e) => e.keyword === 'oneOf');
  if (oneOfs.length === 0) return errors;
  const out: ErrorObject[] = [];
  const handled = new Set<string>();
  for (const one of oneOfs) {
    const value = valueAt(data, pointerToPath(one.instancePath));
    const branch = typeof value === 'string' ? 0 : value && typeof value === 'object' && !Array.isArray(value) ? 1 : -1;
    const prefix = `${one.schemaPath}/${branch}/`;
    const inBranch = errors.filter(
      (e) => e.schemaPath.startsWith(prefix) && (e.instancePath === one.instancePath || e.instancePath.startsWith(one.instancePath + '/')),
    );
    out.push(...(inBranch.length ? inBranch : [one]));
    handled.add(one.schemaPath.replace(/\/oneOf$/, '') + '|' + one.instancePath);
  }
  for (const e of errors) {
    if (e.keyword === 'oneOf') continue;
    const idx = e.schemaPath.indexOf('/oneOf/');
    if (idx >= 0) continue; // belongs to a collapsed oneOf above
    out.push(e);
  }
  return out;
}

function rangeOf(node: Node | null | undefined, ctx: SchemaContext): Finding['range'] | undefined {
  const span = nodeSpan(node);
  return span ? ctx.lines.range(ctx.base + span[0], ctx.base + span[1]) : undefined;
}

/** The first line of a node: where a mapping that lacks a key starts. */
function firstLineOf(node: Node | null | undefined, ctx: SchemaContext): Finding['range'] | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  const start = ctx.base + span[0];
  const line = ctx.lines.position(start).line;
  const end = Math.min(ctx.lines.lineEnd(line), ctx.base + span[1]);
  return ctx.lines.range(start, end);
}

function toFinding(err: ErrorObject, data: unknown, ctx: SchemaContext): Finding {
  const path = pointerToPath(err.instancePath);
  const where = displayPath(path);
  const hit = nodeAtPath(ctx.root, path);
  const valueRange = rangeOf(hit?.node, ctx) ?? (hit?.pair ? rangeOf(hit.pair.key as Node, ctx) : undefined) ?? ctx.openRange;
  const value = valueAt(data, path);
  const base = { code: 'schema' as const, severity: 'error' as const };
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      const range = path.length === 0 ? ctx.openRange : (firstLineOf(hit?.node, ctx) ?? ctx.openRange);
      return {
        ...base,
        message: `Missing required key "${key}"${path.length ? ` in ${where}` : ''}.`,
        range,
        data: { missingKey: key, path },
      };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const keyHit = nodeAtPath(ctx.root, [...path, key]);
      const range = rangeOf(keyHit?.pair?.key as Node, ctx) ?? valueRange;
      const suggestions = closestNames(key, knownKeysFor(path));
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ` Known keys: ${knownKeysFor(path).join(', ')}.`;
      return {
        ...base,
        message: `Unknown key "${key}"${path.length ? ` in ${where}` : ''}.${hint}`,
        range,
        data: { name: key, suggestions },
      };
    }
    case 'type': {
      const expected = TYPE_NAMES[String(p.type)] ?? String(p.type);
      return { ...base, message: `"${where}" must be ${expected}, not ${describeType(value)}.`, range: valueRange };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const suggestions = typeof value === 'string' ? closestNames(value, allowed) : [];
      return {
        ...base,
        message: `"${where}" must be one of: ${allowed.join(', ')} (got ${JSON.stringify(value)}).${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}`,
        range: valueRange,
        data: { allowed, suggestions },
      };
    }
    case 'pattern': {
      const fixed = typeof value === 'string' ? kebabCase(value) : '';
      return {
        ...base,
        message: `"${where}" must be kebab-case (lowercase letters and digits joined by single hyphens)${fixed ? `, e.g. "${fixed}"` : ''}.`,
        range: valueRange,
        data: fixed ? { suggestions: [fixed] } : undefined,
      };
    }
    case 'minLength':
      return { ...base, message: `"${where}" must not be empty.`, range: valueRange };
    case 'minimum':
      return { ...base, message: `"${where}" must be ${String(p.limit)} or more (got ${JSON.stringify(value)}).`, range: valueRange };
    case 'minItems':
      return { ...base, message: `"${where}" must list at least one item.`, range: valueRange };
    case 'uniqueItems': {
      const j = Number(p.j);
      const dup = nodeAtPath(ctx.root, [...path, j]);
      const item: unknown = Array.isArray(value) ? value[j] : undefined;
      return { ...base, message: `"${where}" lists ${JSON.stringify(item)} more than once.`, range: rangeOf(dup?.node, ctx) ?? valueRange };
    }
    case 'oneOf':
      return {
        ...base,
        message: `"${where}" must be a non-empty string or a mapping with "text" (and optional "id", "area"), not ${describeType(value)}.`,
        range: valueRange,
      };
    default:
      return { ...base, message: `"${where}" ${err.message ?? 'is invalid'}.`, range: valueRange };
  }
}
