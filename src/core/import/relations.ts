/**
 * Relations written as text: "reports to", "has as direct reports", "advises", "peer of",
 * "the relationship between A and B is symbiotic", "shares … the success criteria set out for X",
 * and inheritance ("Extends that of the X responsibilities", "In addition to the same
 * responsibilities … defined above for X"). Targets are roles of the same page, found by name or
 * by in-page anchor; a target the page does not define is reported as unresolved text.
 */
import type { Catalog } from './catalog';
import { phrasesInOrder } from './text';
import type { InlineLink } from './types';

export type LinkKind = 'reports-to' | 'manages' | 'advises' | 'peer';

export type RelationHit =
  | { kind: LinkKind; subject: number | undefined; targets: number[]; unresolved?: string }
  | { kind: 'symbiotic'; roles: number[]; note?: string }
  | { kind: 'shares' | 'extends'; subject: number | undefined; targets: number[]; unresolved?: string };

export interface RelationScan {
  hits: RelationHit[];
  /** The text states a relation and nothing else (it is not a responsibility). */
  consumed: boolean;
}

const PRONOUN = /^(?:them|him|her|you|me|us|it|this role|whom)\b/i;

function targetsIn(
  text: string,
  from: number,
  to: number,
  links: readonly InlineLink[],
  self: number | undefined,
  catalog: Catalog,
): number[] {
  const found: { role: number; at: number }[] = [];
  for (const m of catalog.mentions(text.slice(from, to))) found.push({ role: m.role, at: from + m.start });
  for (const link of links) {
    if (!link.text) continue;
    const at = text.indexOf(link.text, from);
    if (at < 0 || at >= to) continue;
    const role = catalog.byHref(link.href);
    if (role !== undefined) found.push({ role, at });
  }
  const out: number[] = [];
  for (const f of found.sort((a, b) => a.at - b.at)) if (f.role !== self && !out.includes(f.role)) out.push(f.role);
  return out;
}

/** The phrase after a relation verb, for a warning when it names no role of the page. */
function phrase(text: string): string | undefined {
  const p = text
    .replace(/^[\s:,]+/, '')
    .split(/[.;]\s|[.;]$/)[0]
    .replace(/^(?:and|or)\s+(?:\w+\s+){0,2}?(?:with|to)\s+/i, '')
    .replace(/^(?:the|a|an|our)\s+/i, '')
    .trim();
  if (!p || PRONOUN.test(p)) return undefined;
  return p.length > 90 ? p.slice(0, 87).trimEnd() + '…' : p;
}

/** The role a relation statement is about: a role named before the verb, else the current one. */
function subjectOf(
  prefix: string,
  self: number | undefined,
  catalog: Catalog,
  isSelf?: (text: string) => boolean,
): { subject: number | undefined; statement: boolean } {
  const words = prefix.trim().split(/\s+/).filter(Boolean);
  const mentions = catalog.mentions(prefix);
  if (mentions.length) return { subject: mentions[0].role, statement: words.length <= 10 };
  if (self !== undefined && isSelf?.(prefix)) return { subject: self, statement: words.length <= 10 };
  const selfRef =
    words.length === 0 ||
    /^(?:\W*)(?:(?:the|this) (?:role|position|person|individual|leader|job)|they|he|she|it|who|which|and|also|typically|usually|likely|generally)\b/i.test(
      prefix.trim(),
    );
  return { subject: self, statement: selfRef && words.length <= 6 };
}

/**
 * Finds the relation statements of a sentence or list item. `self` is the role whose text it is;
 * `isSelf` tells whether a phrase names that role in words the catalog does not know
 * (`The Director of Development role`).
 */
export function scanRelations(
  text: string,
  links: readonly InlineLink[],
  self: number | undefined,
  catalog: Catalog,
  isSelf?: (text: string) => boolean,
): RelationScan {
  const hits: RelationHit[] = [];
  let consumed = false;
  // Single spaces: the patterns below look for one space between words, never a run.
  if (/\s\s|[^\S ]/.test(text)) text = text.replace(/\s+/g, ' ');

  const shares = phrasesInOrder(text, [/\bshares?\b/gi, /\bsuccess criteri(?:a|on)\b/gi]);
  if (shares) {
    const { subject } = subjectOf(text.slice(0, shares.index), self, catalog, isSelf);
    const from = shares.end;
    const targets = targetsIn(text, from, text.length, links, subject, catalog);
    hits.push({
      kind: 'shares',
      subject,
      targets,
      unresolved: targets.length ? undefined : phrase(text.slice(from).replace(/^\s*(?:(?:set out|defined|listed)\s*)?(?:for|of)\s+/i, '')),
    });
    consumed = true;
  }

  const stated =
    /^\W*(?:(?:it|this role|the role) )?ex[a-z]{0,3}ends? (?:that|those|the responsibilities) of\b/i.exec(text) ??
    /\binherits (?:all )?(?:of )?(?:the )?responsibilities of\b/i.exec(text);
  const inAddition = stated ? undefined : phrasesInOrder(text, [/\bin addition to\b/gi, /\bresponsibilities\b/gi, /\b(?:for|of)\b/gi]);
  const ext = stated ? { index: stated.index, end: stated.index + stated[0].length } : inAddition;
  if (ext) {
    const { subject } = subjectOf(inAddition ? '' : text.slice(0, ext.index), self, catalog, isSelf);
    const from = ext.end;
    const end = /\b(?:responsibilities|requirements)\b/i.exec(text.slice(from));
    const to = end ? from + end.index : text.length;
    const targets = targetsIn(text, from, to, links, subject, catalog);
    hits.push({ kind: 'extends', subject, targets, unresolved: targets.length ? undefined : phrase(text.slice(from, to)) });
    if (ext.index <= 3) consumed = true;
  }

  const reports = /\b(?:reports?|reporting) (?:directly )?(?:in)?to\b|\b(?:is|are) managed by\b/i.exec(text);
  if (reports) {
    const { subject, statement } = subjectOf(text.slice(0, reports.index), self, catalog, isSelf);
    if (statement && subject !== undefined) {
      const from = reports.index + reports[0].length;
      const targets = targetsIn(text, from, text.length, links, subject, catalog);
      hits.push({ kind: 'reports-to', subject, targets, unresolved: targets.length ? undefined : phrase(text.slice(from)) });
      consumed = true;
    }
  }

  const others: [LinkKind, RegExp][] = [
    ['manages', /\b(?:has|have) as direct reports\b|\bmanages?\b|\boversees?\b|\bsupervises?\b/i],
    ['advises', /\badvis(?:es|e|ing)\b|\b(?:advisor|adviser|sounding board) (?:to|for)\b/i],
    ['peer', /\bpeers? (?:of|to|with)\b|\bpeer relationship\b/i],
  ];
  for (const [kind, re] of others) {
    const m = re.exec(text);
    if (!m) continue;
    const { subject } = subjectOf(text.slice(0, m.index), self, catalog, isSelf);
    if (subject === undefined) continue;
    const from = m.index + m[0].length;
    const targets = targetsIn(text, from, text.length, links, subject, catalog);
    if (targets.length) hits.push({ kind, subject, targets });
  }

  if (/\bsymbiotic\b/i.test(text)) {
    const roles: number[] = [];
    for (const m of catalog.mentions(text)) if (!roles.includes(m.role)) roles.push(m.role);
    if (roles.length === 1 && self !== undefined && roles[0] !== self) roles.unshift(self);
    if (roles.length >= 2) {
      hits.push({ kind: 'symbiotic', roles: roles.slice(0, 2) });
      consumed = true;
    }
  }
  return { hits, consumed };
}
