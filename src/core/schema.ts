/** Schema validation of a frontmatter value, mapped back to YAML nodes: one finding per problem. */
import type { ErrorObject } from 'ajv';
import type { Node } from 'yaml';
import validate = require('./generated/roleValidator');
// The schema's shape without its documentation (scripts/build-validator.js): activation loads this.
import schemaOutline from './generated/roleSchemaOutline.json';
import * as l10n from '@vscode/l10n';
import { didYouMean } from './messages';
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

/** What a value is, in a message ("must be a list, not a string"). Translated: see messages in the l10n bundle. */
function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return l10n.t('a list');
  if (typeof v === 'object') return l10n.t('a mapping');
  if (typeof v === 'string') return l10n.t('a string');
  if (typeof v === 'number') return l10n.t('a number');
  if (typeof v === 'boolean') return l10n.t('a boolean');
  return `a ${typeof v}`;
}

/** What a schema type asks for, in a message. */
function typeName(type: string): string {
  if (type === 'string') return l10n.t('a string');
  if (type === 'array') return l10n.t('a list');
  if (type === 'object') return l10n.t('a mapping');
  if (type === 'integer') return l10n.t('a whole number');
  return type;
}

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
        message: path.length ? l10n.t('Missing required key "{0}" in {1}.', key, where) : l10n.t('Missing required key "{0}".', key),
        range,
        data: { missingKey: key, path },
      };
    }
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const keyHit = nodeAtPath(ctx.root, [...path, key]);
      const range = rangeOf(keyHit?.pair?.key as Node, ctx) ?? valueRange;
      const suggestions = closestNames(key, knownKeysFor(path));
      const hint = suggestions.length ? didYouMean(suggestions) : ` ${l10n.t('Known keys: {0}.', knownKeysFor(path).join(', '))}`;
      return {
        ...base,
        message: (path.length ? l10n.t('Unknown key "{0}" in {1}.', key, where) : l10n.t('Unknown key "{0}".', key)) + hint,
        range,
        data: { name: key, suggestions },
      };
    }
    case 'type': {
      return {
        ...base,
        message: l10n.t('"{0}" must be {1}, not {2}.', where, typeName(String(p.type)), describeType(value)),
        range: valueRange,
      };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const suggestions = typeof value === 'string' ? closestNames(value, allowed) : [];
      return {
        ...base,
        message:
          l10n.t('"{0}" must be one of: {1} (got {2}).', where, allowed.join(', '), String(JSON.stringify(value))) +
          didYouMean(suggestions),
        range: valueRange,
        data: { allowed, suggestions },
      };
    }
    case 'pattern': {
      const fixed = typeof value === 'string' ? kebabCase(value) : '';
      return {
        ...base,
        message: fixed
          ? l10n.t('"{0}" must be kebab-case (lowercase letters and digits joined by single hyphens), e.g. "{1}".', where, fixed)
          : l10n.t('"{0}" must be kebab-case (lowercase letters and digits joined by single hyphens).', where),
        range: valueRange,
        data: fixed ? { suggestions: [fixed] } : undefined,
      };
    }
    case 'minLength':
      return { ...base, message: l10n.t('"{0}" must not be empty.', where), range: valueRange };
    case 'minimum':
      return {
        ...base,
        message: l10n.t('"{0}" must be {1} or more (got {2}).', where, String(p.limit), String(JSON.stringify(value))),
        range: valueRange,
      };
    case 'minItems':
      return { ...base, message: l10n.t('"{0}" must list at least one item.', where), range: valueRange };
    case 'uniqueItems': {
      const j = Number(p.j);
      const dup = nodeAtPath(ctx.root, [...path, j]);
      const item: unknown = Array.isArray(value) ? value[j] : undefined;
      return {
        ...base,
        message: l10n.t('"{0}" lists {1} more than once.', where, String(JSON.stringify(item))),
        range: rangeOf(dup?.node, ctx) ?? valueRange,
      };
    }
    case 'oneOf':
      return {
        ...base,
        message: l10n.t(
          '"{0}" must be a non-empty string or a mapping with "text" (and optional "id", "area"), not {1}.',
          where,
          describeType(value),
        ),
        range: valueRange,
      };
    default:
      // (A rule the schema has and this switch does not know: ajv's English wording.)
      return { ...base, message: l10n.t('"{0}" {1}.', where, err.message ?? 'is invalid'), range: valueRange };
  }
}
