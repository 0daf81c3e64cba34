/**
 * Side-by-side comparison of two roles: focus, responsibilities, success criteria (own and
 * shared through `sharesSuccessCriteriaOf`) and relationships, with what the two roles share set
 * apart from what is distinct to each. Pure: it takes roles and a resolver and returns plain data.
 *
 * "Nearly the same text" is a deliberate, explainable measure rather than a fuzzy string distance:
 *   1. normalise: Unicode NFKD without diacritics, lower case, split on anything that is not a
 *      letter or digit (so "high-level" is two words and "CTO's" is "cto");
 *   2. drop stop words ("the", "and", "on", ...), which carry no meaning of their own;
 *   3. stem (`stem`, Porter2, see tokens.ts) so that "defined"/"define",
 *      "deliverables"/"deliverable" and "planning"/"plans"/"plan" meet;
 *   4. compare the two token sets with the Sørensen–Dice coefficient 2·|A∩B| / (|A|+|B|).
 * Two texts are "near" when Dice ≥ NEAR_THRESHOLD and they share at least MIN_SHARED_TOKENS
 * tokens (so two-word items do not match on a single common word). Dice rather than Jaccard
 * because it rewards a short text fully contained in a longer one: CTO's "Define the high-level
 * architecture, structure and culture" and the Head of Engineering's "Execute on the high-level
 * architecture, structure and culture the CTO defined" share 6 of 6 and 8 tokens: Dice 0.86
 * (Jaccard 0.75), whereas "Plan the technology direction from the business plans and market
 * trends" and "Implement the technology direction" score 0.44 (related words, distinct duties).
 * Items are paired one-to-one, best score first.
 */
import { throwIfCancelled, type CancellationLike } from './cancellation';
import { extendsChain } from './org/inheritance';
import { normalizeName } from './text';
import { normalizeText, stem, stopWords, words } from './tokens';
import type { Range, Role } from './types';

export const NEAR_THRESHOLD = 0.6;
export const MIN_SHARED_TOKENS = 2;

/** Function words (shared with the lookup and the map) and the comparison's own. Pure: a bundle that never compares drops it (and the stemmer). */
const STOP_WORDS = /* @__PURE__ */ stopWords(
  'nor but without onto over under about being it’s these there such than then also any all each every both either other others ' +
    'not no done shall may might must had up out off down back',
);

/** The token set of a text, as compared by `similarity`. */
export function tokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(normalizeText(text).replace(/['’]s\b/g, ''))) if (!STOP_WORDS.has(w)) out.add(stem(w));
  return out;
}

export interface Similarity {
  /** Sørensen–Dice coefficient of the token sets, 0..1. */
  score: number;
  /** Tokens the two texts have in common. */
  shared: number;
}

export function similarity(a: string | Set<string>, b: string | Set<string>): Similarity {
  const ta = typeof a === 'string' ? tokens(a) : a;
  const tb = typeof b === 'string' ? tokens(b) : b;
  if (ta.size === 0 || tb.size === 0) return { score: 0, shared: 0 };
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return { score: (2 * shared) / (ta.size + tb.size), shared };
}

export function isNear(s: Similarity): boolean {
  return s.score >= NEAR_THRESHOLD && s.shared >= MIN_SHARED_TOKENS;
}

/** One item of a role (a focus, a responsibility, a criterion, a relationship) and where it is. */
export interface CompareItem {
  text: string;
  /** File that defines the item (for a shared criterion: the file of the role that owns it). */
  uri: string;
  range: Range;
  /** Responsibility id / area, when given. */
  id?: string;
  area?: string;
  /** For a success criterion shared through `sharesSuccessCriteriaOf`: the role that owns it. */
  sharedFrom?: { id: string; title: string };
  /** For an item inherited through `extends`: the role that holds it as its own. */
  inheritedFrom?: { id: string; title: string };
}

export type MatchKind = 'reference' | 'same' | 'near';

export interface ItemPair {
  left: CompareItem;
  right: CompareItem;
  /** `reference`: the same criterion reached by reference; `same`: equal text; `near`: similar text. */
  match: MatchKind;
  /** Dice score (1 for `same` and `reference`). */
  score: number;
}

export interface SectionComparison {
  shared: ItemPair[];
  onlyLeft: CompareItem[];
  onlyRight: CompareItem[];
}

export interface RelationshipItem {
  kind: string;
  note?: string;
  /** The reference as written. */
  with: string;
  /** The role it resolves to, if any. */
  target?: { id: string; title: string; uri: string };
  uri: string;
  range: Range;
}

export interface RoleSummary {
  id: string;
  title: string;
  type?: string;
  summary?: string;
  aliases: string[];
  uri: string;
  builtin: boolean;
  range: Range;
}

/** A relationship that one of the two roles declares with the other. */
export interface Between {
  /** The side that declares it. */
  from: 'left' | 'right';
  kind: string;
  note?: string;
  uri: string;
  range: Range;
}

export interface RoleComparison {
  left: RoleSummary;
  right: RoleSummary;
  /** Relationships either role declares with the other (both directions). */
  between: Between[];
  focus: SectionComparison;
  responsibilities: SectionComparison;
  successCriteria: SectionComparison;
  relationships: { left: RelationshipItem[]; right: RelationshipItem[] };
}

/** Resolves a role reference as seen from a role (built-in roles resolve among the built-ins). */
export type RoleResolver = (reference: string, from: Role) => Role | undefined;

export function summarize(role: Role): RoleSummary {
  return {
    id: role.id,
    title: role.title,
    type: role.type,
    summary: role.summary,
    aliases: role.aliases.map((a) => a.value),
    uri: role.uri,
    builtin: !!role.builtin,
    range: role.idRange,
  };
}

/** The roles a role extends, closest first, each once (cycle-safe). */
export function ancestorsOf(role: Role, resolve: RoleResolver): Role[] {
  return extendsChain(role, { resolve: (reference) => resolve(reference, role) }).ancestors;
}

/**
 * A role's responsibilities: its own, then those it inherits through `extends`, closest first,
 * each text once (an inherited text the role lists itself, or a closer role already gave, is not
 * repeated).
 */
export function effectiveResponsibilities(role: Role, resolve: RoleResolver, ancestors = ancestorsOf(role, resolve)): CompareItem[] {
  const item = (r: Role, x: Role['responsibilities'][number]): CompareItem => ({
    text: x.text,
    uri: r.uri,
    range: x.textRange,
    ...(x.id ? { id: x.id } : {}),
    ...(x.area ? { area: x.area } : {}),
  });
  const out = role.responsibilities.map((x) => item(role, x));
  const seen = new Set(role.responsibilities.map((x) => normalizeName(x.text)));
  for (const from of ancestors) {
    for (const x of from.responsibilities) {
      const key = normalizeName(x.text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      out.push({ ...item(from, x), inheritedFrom: { id: from.id, title: from.title } });
    }
  }
  return out;
}

/**
 * A role's success criteria: its own, then those it inherits through `extends` (closest first),
 * then those of every role it (or a role it extends) shares criteria with, followed transitively
 * (a role sharing the criteria of a role that shares others gets those too), each criterion
 * once, cycles ignored.
 */
export function effectiveCriteria(role: Role, resolve: RoleResolver, ancestors = ancestorsOf(role, resolve)): CompareItem[] {
  const out: CompareItem[] = role.successCriteria.map((c) => ({ text: c.value, uri: role.uri, range: c.range }));
  const texts = new Set(role.successCriteria.map((c) => normalizeName(c.value)));
  for (const from of ancestors) {
    for (const c of from.successCriteria) {
      const key = normalizeName(c.value);
      if (!key || texts.has(key)) continue;
      texts.add(key);
      out.push({ text: c.value, uri: from.uri, range: c.range, inheritedFrom: { id: from.id, title: from.title } });
    }
  }
  const seen = new Set<string>([role.uri, ...ancestors.map((a) => a.uri)]);
  const queue: Role[] = [role, ...ancestors];
  while (queue.length) {
    const current = queue.shift()!;
    for (const ref of current.sharesSuccessCriteriaOf) {
      const owner = resolve(ref.value, current);
      if (!owner || seen.has(owner.uri)) continue;
      seen.add(owner.uri);
      queue.push(owner);
      for (const c of owner.successCriteria) {
        out.push({ text: c.value, uri: owner.uri, range: c.range, sharedFrom: { id: owner.id, title: owner.title } });
      }
    }
  }
  return out;
}

/** Identity of an item's definition: the same criterion reached from both sides is one item. */
function itemKey(i: CompareItem): string {
  return `${i.uri}#${i.range.line}:${i.range.column}`;
}

/** Pairs the items of two lists: by reference, then equal text, then near text, best first. */
export function compareItems(left: CompareItem[], right: CompareItem[], token?: CancellationLike): SectionComparison {
  throwIfCancelled(token);
  const shared: ItemPair[] = [];
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const take = (i: number, j: number, match: MatchKind, score: number) => {
    usedL.add(i);
    usedR.add(j);
    shared.push({ left: left[i], right: right[j], match, score });
  };

  const rightKeys = new Map<string, number>();
  right.forEach((r, j) => rightKeys.has(itemKey(r)) || rightKeys.set(itemKey(r), j));
  left.forEach((l, i) => {
    const j = rightKeys.get(itemKey(l));
    if (j !== undefined && !usedR.has(j)) take(i, j, 'reference', 1);
  });

  const rightTexts = new Map<string, number[]>();
  right.forEach((r, j) => {
    if (usedR.has(j)) return;
    const k = normalizeName(r.text);
    rightTexts.set(k, [...(rightTexts.get(k) ?? []), j]);
  });
  left.forEach((l, i) => {
    if (usedL.has(i)) return;
    const j = rightTexts.get(normalizeName(l.text))?.find((x) => !usedR.has(x));
    if (j !== undefined) take(i, j, 'same', 1);
  });

  const lt = left.map((l) => tokens(l.text));
  const rt = right.map((r) => tokens(r.text));
  const candidates: { i: number; j: number; score: number }[] = [];
  left.forEach((_, i) => {
    if (usedL.has(i)) return;
    throwIfCancelled(token);
    right.forEach((__, j) => {
      if (usedR.has(j)) return;
      const s = similarity(lt[i], rt[j]);
      if (isNear(s)) candidates.push({ i, j, score: s.score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  for (const c of candidates) if (!usedL.has(c.i) && !usedR.has(c.j)) take(c.i, c.j, 'near', Math.round(c.score * 100) / 100);

  // Shared items follow the left role's order.
  const order = new Map(left.map((l, i) => [l, i]));
  shared.sort((a, b) => order.get(a.left)! - order.get(b.left)!);
  return {
    shared,
    onlyLeft: left.filter((_, i) => !usedL.has(i)),
    onlyRight: right.filter((_, j) => !usedR.has(j)),
  };
}

function relationships(role: Role, resolve: RoleResolver): RelationshipItem[] {
  return role.relationships.map((r) => {
    const target = resolve(r.with, role);
    return {
      kind: r.kind,
      note: r.note,
      with: r.with,
      target: target && { id: target.id, title: target.title, uri: target.uri },
      uri: role.uri,
      range: r.range,
    };
  });
}

/** With a token, polled between items; the comparison throws `Cancelled` once it is cancelled. */
export function compareRoles(left: Role, right: Role, resolve: RoleResolver, token?: CancellationLike): RoleComparison {
  const focus = (r: Role): CompareItem[] => r.focus.map((f) => ({ text: f.value, uri: r.uri, range: f.range }));
  const resp = (r: Role): CompareItem[] => effectiveResponsibilities(r, resolve);
  const relL = relationships(left, resolve);
  const relR = relationships(right, resolve);
  const between: Between[] = [
    ...relL
      .filter((r) => r.target?.uri === right.uri)
      .map((r) => ({ from: 'left' as const, kind: r.kind, note: r.note, uri: r.uri, range: r.range })),
    ...relR
      .filter((r) => r.target?.uri === left.uri)
      .map((r) => ({ from: 'right' as const, kind: r.kind, note: r.note, uri: r.uri, range: r.range })),
  ];
  return {
    left: summarize(left),
    right: summarize(right),
    between,
    focus: compareItems(focus(left), focus(right), token),
    responsibilities: compareItems(resp(left), resp(right), token),
    successCriteria: compareItems(effectiveCriteria(left, resolve), effectiveCriteria(right, resolve), token),
    relationships: { left: relL, right: relR },
  };
}

/** A table cell: one line, pipes escaped, and no raw HTML when the page is rendered. */
export function markdownCell(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

export interface MarkdownLabels {
  section: string;
  type: string;
  focus: string;
  responsibilities: string;
  successCriteria: string;
  relationships: string;
  /** Appended to a section name for its shared rows, e.g. "shared". */
  shared: string;
  /** For a criterion shared by reference, e.g. "shared from {0}". */
  sharedFrom: string;
  /** For an item inherited through `extends`, e.g. "from {0}". */
  inheritedFrom?: string;
}

export const DEFAULT_MARKDOWN_LABELS: MarkdownLabels = {
  section: 'Section',
  type: 'Type',
  focus: 'Focus',
  responsibilities: 'Responsibilities',
  successCriteria: 'Success criteria',
  relationships: 'Relationships',
  shared: 'shared',
  sharedFrom: 'shared from {0}',
  inheritedFrom: 'from {0}',
};

/**
 * The comparison as one Markdown table for a handbook page: a row per item, shared items first
 * in each section (in both columns), then the items distinct to each role.
 */
export function comparisonToMarkdown(c: RoleComparison, labels: MarkdownLabels = DEFAULT_MARKDOWN_LABELS): string {
  const rows: [string, string, string][] = [];
  const item = (i: CompareItem) =>
    i.sharedFrom
      ? `${i.text} (${labels.sharedFrom.replace('{0}', i.sharedFrom.title)})`
      : i.inheritedFrom
        ? `${i.text} (${(labels.inheritedFrom ?? DEFAULT_MARKDOWN_LABELS.inheritedFrom!).replace('{0}', i.inheritedFrom.title)})`
        : i.text;
  rows.push([labels.type, c.left.type ?? '', c.right.type ?? '']);
  const section = (name: string, s: SectionComparison) => {
    for (const p of s.shared) rows.push([`${name} (${labels.shared})`, item(p.left), item(p.right)]);
    for (const l of s.onlyLeft) rows.push([name, item(l), '']);
    for (const r of s.onlyRight) rows.push([name, '', item(r)]);
  };
  section(labels.focus, c.focus);
  section(labels.responsibilities, c.responsibilities);
  section(labels.successCriteria, c.successCriteria);
  const rel = (r: RelationshipItem) => `${r.kind}: ${r.target?.title ?? r.with}${r.note ? ` — ${r.note}` : ''}`;
  for (const r of c.relationships.left) rows.push([labels.relationships, rel(r), '']);
  for (const r of c.relationships.right) rows.push([labels.relationships, '', rel(r)]);
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line([labels.section, c.left.title, c.right.title]), '| --- | --- | --- |', ...rows.map(line)].join('\n') + '\n';
}
