/**
 * The fixes that are certain, for `handbook-lint --fix` and the editor's "Fix all": a misspelt key
 * with exactly one close known key is renamed, and a bad enum value with exactly one close allowed
 * value is replaced. Nothing else changes (comments, quoting, line endings, the body). A file with
 * a `yaml-syntax`, `frontmatter-unclosed` or `frontmatter-missing` finding gets no fix at all: what
 * its YAML means is not known. A fix that would make the YAML invalid (a renamed key that the
 * mapping already has) is left out.
 */
import { parseFile, type ParseOptions } from '../parse';
import type { Finding } from '../types';
import { documentText } from './position';
import { applyTextEdits, type TextEdit } from './textEdits';

/** Findings that leave the file's meaning unknown: such a file is never fixed. */
export const UNFIXABLE_CODES: ReadonlySet<Finding['code']> = new Set(['yaml-syntax', 'frontmatter-unclosed', 'frontmatter-missing']);

/** Rounds of fixing: a renamed key may reveal a misspelt key inside its value. */
const MAX_ROUNDS = 3;

export interface CertainFix {
  kind: 'rename-key' | 'enum-value';
  /** As written before, and after. */
  from: string;
  to: string;
  edit: TextEdit;
}

/** The text of a finding's range in a text without BOM. */
function written(raw: string, f: Finding): string {
  const doc = documentText(raw);
  return doc.text.slice(doc.lines.offset(f.range.line, f.range.column), doc.lines.offset(f.range.endLine, f.range.endColumn));
}

/** A replacement keeping the quotes of what it replaces (the values put in need no escaping). */
function requote(old: string, value: string): string {
  const q = old[0];
  return (q === '"' || q === "'") && old.length >= 2 && old[old.length - 1] === q ? `${q}${value}${q}` : value;
}

/** The one certain fix of a finding, if it has one. */
function fixOf(raw: string, f: Finding): CertainFix | undefined {
  if (f.code !== 'schema' || !f.data) return undefined;
  const { suggestions, allowed, name } = f.data;
  if (!suggestions || suggestions.length !== 1) return undefined;
  const old = written(raw, f);
  if (allowed?.length) {
    if (!allowed.includes(suggestions[0])) return undefined;
    return { kind: 'enum-value', from: old, to: suggestions[0], edit: { range: f.range, newText: requote(old, suggestions[0]) } };
  }
  if (name !== undefined && f.data.missingKey === undefined) {
    return { kind: 'rename-key', from: old, to: suggestions[0], edit: { range: f.range, newText: requote(old, suggestions[0]) } };
  }
  return undefined;
}

function unfixable(findings: readonly Finding[]): boolean {
  return findings.some((f) => UNFIXABLE_CODES.has(f.code));
}

/** One round: the certain fixes of a text, each kept only if the YAML stays readable. */
function round(uri: string, raw: string, options: ParseOptions): CertainFix[] {
  const findings = parseFile(uri, raw, options).findings;
  if (unfixable(findings)) return [];
  const kept: CertainFix[] = [];
  for (const f of findings) {
    const fix = fixOf(raw, f);
    if (!fix) continue;
    if (unfixable(parseFile(uri, applyTextEdits(raw, [fix.edit]), options).findings)) continue;
    kept.push(fix);
  }
  return kept;
}

export interface FixAllResult {
  /** The fixed text (the same string when nothing was fixed). */
  text: string;
  fixes: CertainFix[];
}

/**
 * Applies the certain fixes to a file's raw text (its BOM and every other byte kept). `options` are
 * the file's parse options (forceRoleFile for a file the role-file globs match).
 */
export function fixAll(uri: string, raw: string, options: ParseOptions = {}): FixAllResult {
  let text = raw;
  const fixes: CertainFix[] = [];
  for (let i = 0; i < MAX_ROUNDS; i++) {
    const found = round(uri, text, options);
    if (found.length === 0) break;
    const next = applyTextEdits(
      text,
      found.map((f) => f.edit),
    );
    // Fixes that are fine alone could clash together (two keys renamed to the same one): then none.
    if (unfixable(parseFile(uri, next, options).findings)) break;
    text = next;
    fixes.push(...found);
  }
  return { text, fixes };
}

/**
 * The certain fixes as edits of the current text (for the editor's "Fix all" action): the whole
 * frontmatter replaced when several rounds were needed, else one edit per fix.
 */
export function fixAllEdits(uri: string, raw: string, options: ParseOptions = {}): TextEdit[] {
  const first = round(uri, raw, options);
  if (first.length === 0) return [];
  const { text, fixes } = fixAll(uri, raw, options);
  if (fixes.length === first.length) return first.map((f) => f.edit);
  // Later rounds depend on earlier ones: one edit from the first changed line to the end of the frontmatter.
  const before = documentText(raw);
  const after = documentText(text);
  let start = 0;
  while (start < before.text.length && before.text[start] === after.text[start]) start++;
  let endB = before.text.length;
  let endA = after.text.length;
  while (endB > start && endA > start && before.text[endB - 1] === after.text[endA - 1]) {
    endB--;
    endA--;
  }
  return [{ range: before.lines.range(start, endB), newText: after.text.slice(start, endA) }];
}
