/**
 * Reading duties out of prose: who a sentence is about ("CTO is responsible for …", "Their job is
 * to …", "The Director represents …"), what its predicate says (a duty, a focus, a description, a
 * requirement), and enumerations of duties ("Their job is to A, B, C, and that D").
 */
import { anyCase, headNoun, namesOf } from './catalog';
import { DISCOURSE_OPENERS, PREDICATE_ADVERBS, isVerb, verbForm } from './lexicon';
import type { RoleScope } from './structure';
import { escapeRegExp, trimEndWhile } from './text';

export type PredicateKind = 'strong' | 'generic' | 'focus' | 'copula' | 'requirement';

export interface Predicate {
  kind: PredicateKind;
  text: string;
  /** The text may be an enumeration of duties to split. */
  enumerable: boolean;
}

const AKA_PHRASE = /\b(?:also|otherwise|sometimes|often) (?:known|referred to|called) as /gi;
const AKA_ARTICLE = /(?:an?|the)\s+/iy;
const AKA_VERB = /(?:is|are|has|was)\b/iy;

function spacesBack(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/**
 * The alias that starts at `start`: the shortest run without `,` `.` `;` that a comma, or a space
 * and `is`/`are`/`has`/`was`, ends. `stop` is where the scan gave up (a `.`, `;` or the end).
 */
function aliasFrom(text: string, start: number): { alias: string; end: number } | { stop: number } {
  for (let e = start + 1; e <= text.length; e++) {
    if (/[,.;]/.test(text[e - 1])) return { stop: e - 1 };
    // Inside a run of spaces the answer is the one at the run's first space: look once per run.
    if (e - 1 > start && /\s/.test(text[e - 1])) continue;
    let f = e;
    while (f < text.length && /\s/.test(text[f])) f++;
    if (text[f] === ',') return { alias: text.slice(start, e), end: f + 1 };
    AKA_VERB.lastIndex = f;
    if (f > e && AKA_VERB.test(text)) return { alias: text.slice(start, e), end: f - 1 };
  }
  return { stop: text.length };
}

/** `Role also known as dev manager, is …` → the alias and the sentence without it. Plain scanning, linear. */
export function alsoKnownAs(original: string): { alias?: string; sentence: string } {
  // Single spaces: the phrase is looked for with one space between its words.
  const sentence = original.replace(/\s+/g, ' ');
  let failedAt = -1;
  for (const phrase of sentence.matchAll(AKA_PHRASE)) {
    // A phrase before the point where an earlier one's scan gave up fails there too.
    if (phrase.index < failedAt) continue;
    const after = phrase.index + phrase[0].length;
    AKA_ARTICLE.lastIndex = after;
    const article = AKA_ARTICLE.exec(sentence);
    let found = aliasFrom(sentence, article ? after + article[0].length : after);
    if ('stop' in found && article) found = aliasFrom(sentence, after);
    if ('stop' in found) {
      failedAt = found.stop;
      continue;
    }
    // The phrase takes the spaces and the comma before it (`Dev manager, also known as …`).
    let start = spacesBack(sentence, phrase.index);
    if (sentence[start - 1] === ',') start = spacesBack(sentence, start - 1);
    return {
      alias: found.alias.trim(),
      sentence: (sentence.slice(0, start) + ' ' + sentence.slice(found.end)).replace(/\s+/g, ' ').trim(),
    };
  }
  return { sentence: original };
}

/** Turns what follows a role's subject into a duty, a focus, a description or a requirement. */
export function readPredicate(raw: string): Predicate | undefined {
  // Single spaces: the patterns below look for one space between words, never a run.
  let p = raw.replace(/\s+/g, ' ').trim();
  let prev: string;
  do {
    prev = p;
    p = p.replace(PREDICATE_ADVERBS, '');
  } while (p !== prev);
  p = p.replace(/^(?:will|shall|would) be /i, 'is ');

  const withObject = (object: string, lead: string): string => (/^\w+ing\b/i.test(object) ? object : `${lead} ${object}`);
  let m = /^(?:is|are) (?:(?:also|ultimately|directly|primarily|solely|jointly) )*(responsible|accountable) for (\S.*)$/i.exec(p);
  if (m)
    return {
      kind: 'strong',
      text: withObject(m[2], `${m[1][0].toUpperCase()}${m[1].slice(1).toLowerCase()} for`),
      enumerable: /^\w+ing\b/i.test(m[2]),
    };
  m = /^(?:is|are) (?:also )?(in charge of|tasked with|charged with) (\S.*)$/i.exec(p);
  if (m) return { kind: 'strong', text: withObject(m[2], m[1][0].toUpperCase() + m[1].slice(1)), enumerable: /^\w+ing\b/i.test(m[2]) };
  m = /^(?:is|are) (?:also )?expected to (\S.*)$/i.exec(p);
  if (m) return { kind: 'strong', text: m[1], enumerable: true };
  if (/^(?:is|are) (?:also )?(?:required|needed) to\b|^needs? to\b|^(?:must|should) (?:be|have)\b|^requires?\b/i.test(p)) {
    return { kind: 'requirement', text: p, enumerable: false };
  }
  m = /^(?:is|are) (?:also )?likely to (?:also )?(\S.*)$/i.exec(p);
  if (m) return { kind: 'generic', text: m[1], enumerable: true };
  m =
    /^(?:has|have) (?:an? )?(?:(?:primary|main|strong|particular|special|key) )?focus (?:on|of) (\S.*)$/i.exec(p) ??
    /^(?:is|are) (?:(?:primarily|mainly|mostly) )?focused on (\S.*)$/i.exec(p) ??
    /^focus(?:es)? on (\S.*)$/i.exec(p);
  if (m) return { kind: 'focus', text: m[1], enumerable: false };
  m = /^(?:will|shall|should|must|can|may|might) (?:also )?(\S.*)$/i.exec(p);
  if (m) {
    const first = m[1].split(/\s+/)[0];
    return isVerb(first) ? { kind: 'generic', text: m[1], enumerable: true } : undefined;
  }
  m = /^knows? how to (\S.*)$/i.exec(p);
  if (m) return { kind: 'generic', text: m[1], enumerable: true };
  if (/^(?:is|are|was|were|['’]s|has been|have been|becomes?|remains?|seems?)\b/i.test(p))
    return { kind: 'copula', text: p, enumerable: false };
  const first = p.split(/\s+/)[0] ?? '';
  if (isVerb(first, ['third', 'base'])) return { kind: 'generic', text: p, enumerable: true };
  return undefined;
}

/** Splits at commas that are not inside parentheses or quotes. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '“') depth++;
    else if ((c === ')' || c === ']' || c === '”') && depth > 0) depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * Splits an enumeration of duties (`set engineers up, mentor them, identify problems, and that
 * deadlines are met`) when there are three parts or more and every one is a complete verb phrase;
 * `that …` parts repeat the verb before them, and a repeated `how to` is dropped.
 */
export function splitEnumeration(text: string): string[] {
  const raw = splitTopLevel(text);
  if (raw.length < 3) return [text];
  const parts = raw.map((p) =>
    p
      .replace(/^(?:and|or)\s+/i, '')
      .replace(/^how\s+to\s+/i, '')
      .trim(),
  );
  const out: string[] = [];
  for (const part of parts) {
    const ws = part.split(/\s+/);
    // A part that stops on a preposition (`decide on`) belongs to a longer phrase, not a list of duties.
    if (ws.length < 2 || /^(?:on|to|in|of|with|for|about|from|by|at|into|onto|upon)$/i.test(ws[ws.length - 1])) return [text];
    if (/^that$/i.test(ws[0]) && out.length) {
      out.push(`${out[out.length - 1].split(/\s+/)[0]} ${part}`);
      continue;
    }
    if (!isVerb(ws[0])) return [text];
    out.push(part);
  }
  return out;
}

export interface SubjectMatch {
  /** A leading clause kept with the duty (`Of all the technical decisions …`). */
  prefix?: string;
  predicate: Predicate;
}

/** Words without which a sentence has none of the subjects SubjectReader reads (a superset test). */
const MAY_BE_SUBJECT = /\b(?:they|he|she|you|their|his|her|its|role|position|person|individual|leader|job|incumbent)\b/i;

/** Finds the sentences whose subject is one role, and reads their predicates. */
export class SubjectReader {
  private readonly subject: RegExp;
  private readonly mention: RegExp;
  private readonly job: RegExp;
  private readonly exactAliases: Set<string>;

  constructor(role: RoleScope, extraAliases: readonly string[] = []) {
    const names = namesOf(role, extraAliases);
    const head = headNoun(role.name.title);
    if (head && !names.some((n) => n.name.toLowerCase() === head.toLowerCase())) names.push({ name: head, exact: false });
    this.exactAliases = new Set(names.filter((n) => n.exact).map((n) => n.name));
    const alts = names.map((n) => (n.exact ? escapeRegExp(n.name) : anyCase(n.name))).join('|');
    const det = '(?:(?:[Tt]he|[Aa]n?|[Ee]ach|[Ee]very|[Oo]ur|[Tt]his|[Tt]hese|[Tt]hat|[Aa]ll|[Aa]ny|[Bb]oth)\\s+)?';
    const titleWords = [...new Set(role.name.title.toLowerCase().match(/[a-z][a-z-]+/g) ?? [])].filter((w) => w.length > 2).map(anyCase);
    const mods = `(?:(?:${[...titleWords, "[A-Z][\\w/&.+'’-]*"].join('|')})\\s+){0,4}?`;
    const tail =
      "(?:s|es|['’]s|['’])?(?![\\w-])(?:\\s+of\\s+(?:the\\s+)?[A-Z][\\w&-]*(?:\\s+[A-Z][\\w&-]*){0,3})?(?:\\s*\\([^)]*\\))?(?:\\s*,\\s*[A-Z][\\w&()/-]*(?:\\s+[A-Z][\\w&()/-]*){0,5}\\s*,?)?\\s*(?:(?:role|position)\\s+)?";
    const self = '(?:[Tt]he|[Tt]his)\\s+(?:role|position|person|individual|leader|job\\s+holder|incumbent)|[Rr]ole';
    const pronoun = "[Tt]hey|[Hh]e or she|[Hh]e/she|[Ss]he|[Hh]e|[Yy]ou(?=\\s+(?:will|shall)\\b)|[Yy]ou(?=['’]ll\\b)";
    this.mention = new RegExp(`(?<![\\w-])(?:${alts})(?:s|es|['’]s)?(?![\\w-])`);
    this.subject = new RegExp(`^(?:${det}${mods}(${alts})${tail}|(?:${self})\\s+|(?:${pronoun})(?:['’]ll)?\\s+)`);
    this.job = new RegExp(
      `^(?:[Tt]heir|[Hh]is|[Hh]er|[Ii]ts|${det}(?:${alts})(?:['’]s|s|['’])?)\\s+(?:(?:main|primary|core|key|whole)\\s+)?(?:job|role|responsibility|duty|mission|task|purpose|goal)\\s+is\\s+(?:to\\s+)?`,
    );
  }

  /** Whether a phrase names this role (by title, short name or head noun). */
  names(text: string): boolean {
    return this.mention.test(text);
  }

  /** Reads a sentence whose subject is this role, from its start or after a leading clause. */
  read(sentence: string): SubjectMatch | undefined {
    // Every subject form names the role, a pronoun or the role itself: skip the rest cheaply.
    if (!this.mention.test(sentence) && !MAY_BE_SUBJECT.test(sentence)) return undefined;
    const starts = [0];
    const commas = /,\s+/g;
    let c: RegExpExecArray | null;
    while ((c = commas.exec(sentence)) && starts.length < 4) starts.push(c.index + c[0].length);
    for (const at of starts) {
      const rest = sentence.slice(at);
      const prefixRaw = trimEndWhile(sentence.slice(0, at), /[,\s]/);
      const prefix = at === 0 || DISCOURSE_OPENERS.test(prefixRaw) ? undefined : prefixRaw;
      const job = this.job.exec(rest);
      if (job) return { prefix, predicate: { kind: 'strong', text: rest.slice(job[0].length), enumerable: true } };
      const m = this.subject.exec(rest);
      if (!m) continue;
      if (m[1] && this.isShortAlias(m[1]) && !this.exactAliases.has(m[1])) continue;
      const predicate = readPredicate(rest.slice(m[0].length));
      if (predicate) return { prefix, predicate };
    }
    return undefined;
  }

  private isShortAlias(name: string): boolean {
    return [...this.exactAliases].some((a) => a.toLowerCase() === name.toLowerCase());
  }
}

/** Whether a text opens with an action verb (`Develops …`, `Actively participates …`). */
export function opensWithVerb(text: string, forms: ('base' | 'third' | 'gerund')[] = ['third', 'base']): boolean {
  const ws = text.replace(/^[^A-Za-z]+/, '').split(/\s+/);
  let i = 0;
  if (/ly$/i.test(ws[0] ?? '') && !verbForm(ws[0])) i = 1;
  if (/^not$/i.test(ws[0] ?? '') && /^only$/i.test(ws[1] ?? '')) i = 2;
  const v = verbForm(ws[i] ?? '');
  return !!v && forms.includes(v.form) && v.base !== 'have' && v.base !== 'do';
}
