/**
 * The text of `handbook-import --explain`: for each role, the rule that made it one; for each list
 * left out, where it is, why, and the rule that decided. One line each, plain text.
 */
import { GENERAL_RULES } from './rules';
import type { ImportResult } from './types';

const BASE_RULES: Record<string, string> = {
  'role-words': 'base word lists (lexicon.ts): role nouns and title words',
  'page-title': 'base: the page title names a role',
  specialty: 'base: a specialty of a role',
  table: 'base: a table of roles',
  'section-words': 'base word lists (roleNames.ts): section headings',
  'lead-in-words': 'base word lists (extract.ts): the sentence before a list',
};

/** The rule's description, for the legend. */
export function ruleDescription(id: string): string {
  return GENERAL_RULES.find((r) => r.id === id)?.description ?? BASE_RULES[id] ?? id;
}

export function explanationLines(result: ImportResult): string[] {
  const e = result.explanation;
  if (!e) return [];
  const lines: string[] = [];
  for (const r of e.roles) lines.push(`role ${r.role} (line ${r.line}): ${r.reason} [rule ${r.rule}]`);
  for (const s of e.skipped) {
    const where = s.role ? `${s.role}, ${s.context}` : s.context;
    lines.push(
      `skipped list at line ${s.line} (${where}; ${s.items} item${s.items === 1 ? '' : 's'}, first "${s.first}"): ${s.reason} [rule ${s.rule}]`,
    );
  }
  const used = [...new Set([...e.roles.map((r) => r.rule), ...e.skipped.map((s) => s.rule)])];
  for (const id of used) lines.push(`rule ${id}: ${ruleDescription(id)}`);
  // Page text is printed on a terminal or in CI logs: no control characters (no forged lines).
  return lines.map((l) => l.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '));
}
