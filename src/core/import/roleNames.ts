/**
 * What a heading says: a role (and its title and short names), or a section of a role
 * (responsibilities, requirements, success criteria...), or neither. Decided by the words, never
 * by the heading's depth.
 */
import type { RoleType } from '../types';
import { own } from '../own';
import { C_LEVEL, LEADING_TITLE_WORDS, LEVEL_SUFFIX, roleNoun } from './lexicon';
import { IMPORT_LIMITS } from './limits';
import { isVerb } from './lexicon';
import { on } from './rules';
import { stripEmoji, trimEndWhile, withoutParentheses } from './text';

export type SectionKind = 'responsibilities' | 'requirements' | 'success' | 'focus' | 'specialties' | 'ignore' | 'neutral';

export interface RoleName {
  title: string;
  aliases: string[];
  /** The short name the page gives the role (`CTO`, `EM5`), which its id comes from. */
  short?: string;
}

const ACRONYM = /^[A-Z][A-Za-z0-9&]*[A-Z0-9]$/;

function isAcronym(s: string): boolean {
  return s.length <= 8 && ACRONYM.test(s) && (s.match(/[A-Z]/g) ?? []).length >= 2 && !/\s/.test(s);
}

/** `PMs` → `PM`. */
function singularAcronym(s: string): string {
  return /^[A-Z]{2,}s$/.test(s) ? s.slice(0, -1) : s;
}

/** A heading as words; a text too long to be a title reads as empty (and so names nothing). */
function normalizeHeading(text: string): string {
  if (text.length > IMPORT_LIMITS.maxRoleNameChars) return '';
  return trimEndWhile(withoutClosingHashes(stripEmoji(text).replace(/\s+/g, ' ')), /[: ]/).trim();
}

/** `Engineer ##` → `Engineer` (the closing hashes of an ATX heading, after a space). */
function withoutClosingHashes(t: string): string {
  const end = trimEndWhile(t, / /);
  const hashes = trimEndWhile(end, /#/);
  return hashes.length < end.length && hashes.endsWith(' ') ? hashes : t;
}

const NOT_RESPONSIBLE =
  /\bnot responsible\b|\bout of scope\b|\bnon[- ]responsibilities\b|\b(?:what|things) (?:they|you|it|the role) (?:don't|do not|won't|will not|doesn't|does not) do\b|\bnot (?:part of|in scope)\b/i;

const SECTION_PATTERNS: [SectionKind, RegExp][] = [
  [
    'requirements',
    /(?:^| )(?:(?:minimum|basic|preferred|desired|additional|other|technical|job|role|nice[- ]to[- ]have) )?(?:requirements?|qualifications?)$/i,
  ],
  ['requirements', /(?:^|\s)(?:nice[- ]to[- ]haves?|must[- ]haves?|bonus points|pluses)$/i],
  [
    'requirements',
    /^(?:(?:relevant|required|preferred|desired) )?(?:skills(?: (?:and|&) (?:experience|qualifications))?|experience(?: (?:and|&) skills)?|what you(?:'|’)?ll bring|what you bring|what we(?:'|’)?re looking for|who you are|about you|you have|you are|you(?:'|’)?ll have|what you(?:'|’)?ll need|what you need|competenc(?:y|ies)|education)$/i,
  ],
  ['responsibilities', /(?:^|\s)(?:respons[ai]b\w*|duties|accountabilities)$/i],
  [
    'responsibilities',
    /^(?:what you(?:'|’)?ll do|what you will do|what (?:they|you|the role) do(?:es)?|day[- ]to[- ]day|in this role(?:,? you(?:'|’)?ll| you will)?|the role|about the role|role description|job description|mandate|mission)$/i,
  ],
  [
    'success',
    /(?:^|\s)(?:performance indicators?|success criteria|success metrics|kpis?|key performance indicators|measures? of success|what success looks like|evaluating success|how (?:we|you)(?:'|’)?(?:ll)? (?:will )?(?:measure|evaluate)(?: success)?)$/i,
  ],
  ['focus', /^(?:(?:key|main|primary)\s+)?(?:focus(?: areas?)?|areas? of focus)$/i],
  ['specialties', /(?:^|\s)(?:specialt(?:y|ies)|specialit(?:y|ies)|speciali[sz]ations?)$/i],
  [
    'ignore',
    /(?:^|\s)(?:job grades?|grades?|hiring process|interview(?:ing)? process|interviews|compensation|salary(?: range)?|benefits|perks|levels?|career (?:ladder|path|development)|faq|frequently asked questions|other pages|see also|related(?: pages| roles| links)?|resources|links|history|contact|how to apply|apply|equal opportunity|location|stakeholders(?: and peers)?|mailing lists|revision history|version history|references|changelog)$/i,
  ],
];

export interface SectionHeading {
  kind: SectionKind;
  /** The words before the section keyword (`Senior Manager, Development` in `… Responsibilities`). */
  prefix: string;
}

const ROLE_STATEMENT_VERB = / (?:is|are) (?:(?:also|ultimately) )?(?:accountable|responsible) for\b/i;

/**
 * The subject of a statement of what a role is responsible for (`Product managers (PMs) are
 * accountable for:`, `PHD Specialists are responsible for …`): up to 80 characters, no `.`, `:` or
 * `;`, before the first `is/are responsible for`.
 */
export function roleStatementSubject(raw: string): string | undefined {
  const text = raw.replace(/\s+/g, ' ');
  const m = ROLE_STATEMENT_VERB.exec(text);
  if (!m || m.index < 1 || m.index > 80) return undefined;
  const subject = text.slice(0, m.index);
  return /[.:;]/.test(subject) ? undefined : subject;
}

/** What a role statement says the role is responsible for (`… responsible for X.` → `X`), or ''. */
export function roleStatementPredicate(raw: string): string {
  const text = raw.replace(/\s+/g, ' ');
  const m = ROLE_STATEMENT_VERB.exec(text);
  return m ? trimEndWhile(text.slice(m.index + m[0].length), /[ :.]/).trim() : '';
}

/**
 * The general rule that read a role's name from a heading, when one did (for --explain): a role
 * statement, or a title with a label (`Role Description: X`, `Roles of the X`).
 */
export function headingNameRule(text: string): 'role-statement' | 'title-with-label' | undefined {
  const t = normalizeHeading(text).replace(/\s+/g, ' ');
  if (on('role-statement') && roleStatementSubject(t) !== undefined) return 'role-statement';
  if (on('title-with-label') && (afterLabel(t) !== undefined || ROLES_OF.test(t))) return 'title-with-label';
  return undefined;
}

/** `Role Description: Rust Council Representative` → the name after the label (rule title-with-label). */
function afterLabel(t: string): string | undefined {
  const labelled = /^([A-Za-z][A-Za-z ]{0,30}):\s+(\S.*)$/.exec(t);
  return labelled && isRoleName(labelled[2], true) && !isRoleName(labelled[1], true) ? labelled[2] : undefined;
}

const ROLES_OF = /^(?:the )?(?:roles?|responsibilities|duties)(?: (?:and|&) responsibilities)? (?:of|for) (?:the |an? |our )?(\S.*)$/i;

/** Headings about a process around a role (becoming one, leaving, votes), not the role itself. */
export const PROCESS =
  /\b(?:becoming|become|removing|removal|on-?boarding|off-?boarding|checklist|progression|election|voting|appointment)\b|\bnominat/i;

/** `Responsibilities of a Reviewer`, `Privileges of a Maintainer`, `Qualities of a Council member (required skills)`. */
function sectionOfRole(t: string): SectionKind | undefined {
  if (!on('section-of-role')) return undefined;
  const m =
    /^(responsibilit(?:y|ies)|duties|privileges|permissions|benefits|qualities|qualifications|requirements|skills|expectations) (?:of|for) (?:an?|the) [^ ]/i.exec(
      t,
    );
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  if (w.startsWith('respons') || w === 'duties' || w === 'expectations') return 'responsibilities';
  if (w === 'privileges' || w === 'permissions' || w === 'benefits') return on('privileges-not-duties') ? 'ignore' : undefined;
  return 'requirements';
}

/** Whether a heading reads as a sentence (`I am a servant leader.`, `Help your partners become …`), not a title. */
export function isSentenceHeading(text: string): boolean {
  if (!on('sentence-heading-not-role')) return false;
  const t = normalizeHeading(text);
  const ws = t.split(/\s+/);
  return (
    /[.!]$/.test(t) ||
    /^(?:I|I['’]m|I['’]ve|we|you|my|our)\b/i.test(t) ||
    (ws.length >= 4 && isVerb(ws[0], ['base']) && !/^[A-Z]{2,}/.test(ws[0]))
  );
}

/** `What does a Deputy do` (without its `?`): a question answered by the role's duties. */
function whatDoesItDo(q: string): boolean {
  const what = /\bwhat (?:do|does)\b/i.exec(q);
  const end = /\bdo$/i.exec(q);
  return !!what && !!end && end.index > what.index + what[0].length;
}

/** Classifies a heading as a section of a role, or returns undefined for other headings. */
export function classifySection(text: string): SectionHeading | undefined {
  const t = normalizeHeading(text);
  if (!t) return undefined;
  if (/\?$/.test(t)) {
    const q = t.replace(/\?$/, '');
    return whatDoesItDo(q) || /\bwhat are (?:the|their|its|my|your) (?:responsibilities|duties)$/i.test(q)
      ? { kind: 'responsibilities', prefix: '' }
      : { kind: 'ignore', prefix: '' };
  }
  if (NOT_RESPONSIBLE.test(t)) return { kind: 'ignore', prefix: '' };
  if (on('role-statement') && roleStatementSubject(t) !== undefined) return undefined;
  const of = sectionOfRole(t);
  if (of) return { kind: of, prefix: '' };
  if (/^respons[ai]b\w*\s+(?:and|&)\s+(?:privileges|permissions|rights)$/i.test(t)) return { kind: 'responsibilities', prefix: '' };
  if (on('privileges-not-duties') && /^(?:(?:additional|other)\s+)?(?:privileges|permissions|perks|benefits)$/i.test(t))
    return { kind: 'ignore', prefix: '' };
  // `I am becoming a respected leader.` is a sentence heading (a group of duties), not a process.
  if (on('process-not-role') && PROCESS.test(t) && !isSentenceHeading(t)) return { kind: 'ignore', prefix: '' };
  for (const [kind, re] of SECTION_PATTERNS) {
    const m = re.exec(t);
    if (m)
      return {
        kind,
        prefix: trimEndWhile(t.slice(0, m.index), /[ ,:–—-]/).trim(),
      };
  }
  return undefined;
}

/** The head of a title: the words before a comma, `of`, `to`... (`Director, Development` → `Director`). */
function headWords(segment: string): string[] {
  let head = segment.split(',')[0];
  head = head.split(/ (?:of|to|for|at|in|on|with|within) /i)[0];
  let prev: string;
  do {
    prev = head;
    head = head.replace(LEVEL_SUFFIX, '').trim();
  } while (head !== prev && head);
  return head.split(/\s+/).filter(Boolean);
}

/** Words that describe people rather than title a role (`Successful engineers`, `New managers`). */
const DESCRIPTIVE =
  /^(?:successful|great|good|effective|new|our|your|my|their|all|other|future|typical|ideal|example|sample|becoming|being|working|hiring|joining|for|as|about|how|why|what|when|who)\b/i;

function namesRole(segment: string): boolean {
  const ws = headWords(segment);
  if (!ws.length) return false;
  if (roleNoun(ws[ws.length - 1])) return true;
  const leading = ws.findIndex((w) => LEADING_TITLE_WORDS.has(w.toLowerCase()));
  if (leading < 0) return false;
  // "Head" leads a title only in "Head of …"; others may be followed by the area (`VP Engineering`).
  return ws[leading].toLowerCase() !== 'head' || /\bhead\s+of\b/i.test(segment);
}

/**
 * Whether a name (heading, table cell) names one role by its words. `whole`: the name must end in
 * the role (a section heading's prefix), rather than have a role in any of its dash/colon parts.
 */
export function isRoleName(name: string, whole = false): boolean {
  const t = withoutParentheses(normalizeHeading(name));
  if (!t || /\?$/.test(t) || t.split(/\s+/).length > 10 || DESCRIPTIVE.test(t)) return false;
  if (/^[A-Z]{1,4}\d{1,2}$/.test(t)) return true;
  // Two roles side by side (`Product manager + engineering manager`, `Tech Lead vs Engineering Manager`).
  const sides = t.split(/ (?:\+|&|and|vs\.?|versus|or) /i);
  if (sides.length > 1 && sides.filter((s) => namesRole(s)).length > 1) return false;
  if (whole) return !/:/.test(t) && namesRole(t);
  const segments = t.split(/ [-–—] |: ?/).filter(Boolean);
  return segments.some((segment) => namesRole(segment));
}

/** Makes a plural role title singular (`Supervisors` → `Supervisor`, `Product managers` → `Product manager`). */
function singularTitle(title: string): string {
  const cut = lastWordStart(title);
  if (cut === title.length || /\bof\b/i.test(title)) return title;
  const before = title.slice(0, cut);
  const last = title.slice(cut);
  if (/^[A-Z]{2,}s$/.test(last)) return before + last.slice(0, -1);
  const noun = roleNoun(last);
  if (!noun || noun === last.toLowerCase() || !/s$/i.test(last)) return title;
  const singular = last.slice(0, noun.length);
  return before + singular;
}

/** Where the last run of non-space characters starts (the text's length when it ends in a space). */
function lastWordStart(text: string): number {
  let i = text.length;
  while (i > 0 && !/\s/.test(text[i - 1])) i--;
  return i;
}

/** Reads a role's title and short names from a role name as a page writes it. */
export function roleNameFrom(raw: string): RoleName | undefined {
  let t = normalizeHeading(raw).replace(/\s+/g, ' ');
  const aliases: string[] = [];
  let short: string | undefined;

  // `Role Description: Rust Council Representative` → the name after the label.
  const labelled = on('title-with-label') ? afterLabel(t) : undefined;
  if (labelled !== undefined) t = labelled;
  // `EM5 - Engineering Manager 5`, `IC3`
  const code = /^([A-Z]{1,4}\d{1,2})(?:\s*[-–—:]\s*(\S.*))?$/.exec(t);
  if (code) {
    short = code[1];
    const title = code[2]?.trim() || code[1];
    return { title, aliases: title === short ? [] : [short], short };
  }
  // `Chief Technology Officer (CTO)`; a parenthesis that is a word stays (`Acquisition (Contracting) Lead`)
  t = t.replace(/ ?\(([^()]+)\)/g, (m, inner: string) => {
    const candidate = singularAcronym(inner.trim());
    if (isAcronym(candidate)) {
      aliases.push(candidate);
      return '';
    }
    return m;
  });
  // `TL - Tech Lead`
  const dash = /^(\S+)\s+[-–—]\s+(\S.*)$/.exec(t);
  if (dash && isAcronym(singularAcronym(dash[1]))) {
    aliases.push(singularAcronym(dash[1]));
    t = dash[2];
  }
  t = t.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  if (!isRoleName(t) && !aliases.some((a) => own(C_LEVEL, a))) return undefined;
  t = singularTitle(t);
  const bare = singularAcronym(t);
  const chief = own(C_LEVEL, bare);
  if (chief) {
    aliases.unshift(bare);
    t = chief;
  }
  const unique = [...new Set(aliases)].filter((a) => a.toLowerCase() !== t.toLowerCase());
  short = unique[0];
  return { title: t, aliases: unique, short };
}

/**
 * A heading that defines a role: a role title (`Head of Engineering`, `Supervisors`), or a statement
 * about one (`Product managers (PMs) are accountable for:`, `Roles of the CEO`).
 */
export function roleHeading(text: string): RoleName | undefined {
  const t = normalizeHeading(text);
  if (!t || /\?$/.test(t)) return undefined;
  const subject = on('role-statement') ? roleStatementSubject(t) : undefined;
  if (subject !== undefined) return roleNameFrom(subject);
  if (isSentenceHeading(t)) return undefined;
  if (sectionOfRole(t)) return undefined;
  const of = on('title-with-label') ? ROLES_OF.exec(t) : null;
  if (of) return roleNameFrom(of[1]);
  if (classifySection(t)) return undefined;
  return roleNameFrom(t);
}

/** A page title that names a role (`Supervisor responsibilities`, `Backend Engineering Manager`). */
export function pageTitleRole(title: string): RoleName | undefined {
  const t = normalizeHeading(title).replace(/^["']|["']$/g, '');
  const of = roleHeading(t);
  if (of) return of;
  const name = on('title-with-label') ? nameBeforeTitleSuffix(t) : undefined;
  return name ? roleNameFrom(name) : undefined;
}

/** Words that end the title of a page about one role. */
const TITLE_SUFFIXES = ['responsibilities', 'duties', 'job description', 'role description', 'role', 'job family'];

function endsWithWord(t: string, end: number, word: string): boolean {
  return end >= word.length && t.slice(end - word.length, end).toLowerCase() === word;
}

function skipSpacesBack(t: string, end: number): number {
  while (end > 0 && /\s/.test(t[end - 1])) end--;
  return end;
}

/**
 * `Backend Engineer roles and responsibilities`, `CTO - Role description`, `UX Researcher job
 * family` → the name before the suffix (and its dash or colon). Plain scanning from the end; the
 * longest suffix wins, so the name is the shortest (`roles and responsibilities` before
 * `responsibilities`). Undefined when no suffix ends the title or nothing comes before it.
 */
function nameBeforeTitleSuffix(t: string): string | undefined {
  const starts: number[] = [];
  if (endsWithWord(t, t.length, 'responsibilities')) {
    // `roles and responsibilities`, `role & responsibilities` (the spaces may be missing).
    let i = skipSpacesBack(t, t.length - 'responsibilities'.length);
    const joiner = endsWithWord(t, i, 'and') ? 3 : t[i - 1] === '&' ? 1 : 0;
    if (joiner) {
      i = skipSpacesBack(t, i - joiner);
      if (endsWithWord(t, i, 'roles')) starts.push(i - 5);
      else if (endsWithWord(t, i, 'role')) starts.push(i - 4);
    }
  }
  for (const word of TITLE_SUFFIXES) if (endsWithWord(t, t.length, word)) starts.push(t.length - word.length);
  for (const start of starts) {
    // Before the suffix: spaces, at most one dash or colon, spaces; the name keeps at least one character.
    let end = skipSpacesBack(t, start);
    if (end > 0 && /[-–—:]/.test(t[end - 1])) end = skipSpacesBack(t, end - 1);
    if (start > 0) return t.slice(0, Math.max(end, 1));
  }
  return undefined;
}

/** A role's type from its title's words, when they say it. */
export function typeFromTitle(title: string, aliases: readonly string[]): RoleType | undefined {
  const t = ` ${title.toLowerCase()} `;
  if (/\bchief of staff\b/.test(t)) return 'individual-contributor';
  if (
    /\b(?:chief|vp|svp|evp|vice[- ]president|president|executive)\b/.test(t) ||
    aliases.some((a) => own(C_LEVEL, a) || /^C[A-Z]{1,3}O$/.test(a))
  )
    return 'executive';
  if (/\b(?:head of|director|directors|manager|managers|supervisor|supervisors|management)\b/.test(t)) return 'manager';
  if (/^(?:EM|M|D)\d/.test(aliases[0] ?? '') || /^(?:em|m)\d/.test(title.toLowerCase())) return 'manager';
  return undefined;
}

/** A role's type from what its page says (`CTO is an executive role`). */
export function typeFromWords(sentence: string): RoleType | undefined {
  const m =
    /\b(?:is|as|are) (?:an? )?(?:senior )?(executive|managers?|managerial|management|leadership|individual[- ]contributor|ic) (?:role|position|level|track|job)s?\b/i.exec(
      sentence.replace(/\s+/g, ' '),
    );
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  if (w === 'executive' || w === 'leadership') return 'executive';
  if (w.startsWith('manag')) return 'manager';
  return 'individual-contributor';
}

/**
 * The name of a role that a heading defines by its content (it has a responsibilities section),
 * whatever its words: `Incident Commander (IC)`, `Deputy`, `Reviewers` → `Reviewer`.
 */
export function forcedRoleName(raw: string): RoleName | undefined {
  const named = roleNameFrom(raw);
  if (named) return named;
  let t = normalizeHeading(raw).replace(/\s+/g, ' ');
  if (!t || t.split(' ').length > 6 || isSentenceHeading(t) || classifySection(t)) return undefined;
  const aliases: string[] = [];
  t = t.replace(/ ?\(([^()]+)\)/g, (m, inner: string) => {
    const candidate = singularAcronym(inner.trim());
    if (isAcronym(candidate)) {
      aliases.push(candidate);
      return '';
    }
    return m;
  });
  t = t.trim();
  // A plural ends in one `s` after three letters (`Reviewers` → `Reviewer`, not `Access`).
  if (/[a-z]{3}[^s]s$/.test(t)) t = t.slice(0, -1);
  if (!t) return undefined;
  return { title: t, aliases, short: aliases[0] };
}
