/**
 * Reads one role's own content into a draft: responsibilities (from lists, duty sentences and
 * duty paragraphs), focus, success criteria, type, summary and relation statements. Requirements,
 * qualifications and "not responsible for" lists are left out.
 */
import type { RoleType } from '../types';
import { on, skipList } from './rules';
import type { Catalog } from './catalog';
import { isVerb, verbForm } from './lexicon';
import { SubjectReader, alsoKnownAs, opensWithVerb, splitEnumeration, type Predicate } from './prose';
import { scanRelations, type RelationHit } from './relations';
import { PROCESS, typeFromWords, type SectionKind } from './roleNames';
import type { PathEntry, RoleScope, ScopedBlock } from './structure';
import { capitalize, cleanText, phrasesInOrder, splitSentences, tidyItem, trimEndWhile } from './text';
import type { InlineLink, ListItem } from './types';

export interface Item {
  text: string;
  area?: string;
  line: number;
  /** Order of discovery, which keeps document order within a line. */
  seq?: number;
}

export interface Draft {
  type?: RoleType;
  summary?: string;
  aliases: string[];
  focus: string[];
  responsibilities: Item[];
  success: string[];
  /** Success criteria this role's text gives for other roles (by role index). */
  successFor: Map<number, string[]>;
  relations: RelationHit[];
  notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Item filters

const EMPTY_ITEM = /^(?:none|n\/?a|tbd|tba|-+|no (?:proactive |specific )?responsibilit(?:y|ies)|nothing)$/i;
const POINTER_ITEM =
  /^(?:see|check out|read more|learn more|more information|for more (?:information|details))\b|\bfor more (?:information|details) (?:on|about)\b/i;
/** Items that describe the role rather than give a duty (three patterns: each one is quick to check for linearity). */
const DESCRIPTION_ITEM = [
  /^if you\b/i,
  // `(?!\w)` rather than `\b` (the same here): recheck decides this form in milliseconds, the other not in 10 s.
  // eslint-disable-next-line regexp/prefer-predefined-assertion
  /\b(?:this|the) (?:role|position)(?: \w+)? (?:is|are|will|requires|has)(?!\w)/i,
  /\b(?:is|acts as) (?:the |an? )?(?:[\w-]+ ){0,3}equivalent (?:of|to)\b/i,
];
/** `The primary focus for this leader is …` */
const FOCUS_SENTENCE =
  /^(?:the|their|its) (?:(?:primary|main|key|core) )?focus (?:for|of) (?:this|the) (?:role|leader|person|position|individual|team) (?:is|will be) (?:on )?/i;
const SKIP_LABEL = /^(?:analogy|examples?|e\.g|note|notes|tip|years of experience|experience|requirements?|qualifications?)$/i;

/** A qualification rather than a duty (in any list). */
function strictQualification(s: string): boolean {
  return (
    /^(?:[^ ]+ ){0,3}experience\b/i.test(s) ||
    /^\d+\+?\s*(?:years?|yrs)\b/i.test(s) ||
    /^(?:an?\s+)?(?:bachelor|master|phd|degree)\b/i.test(s)
  );
}

/** A qualification, in a list its lead-in says is required (`… specialty requires:`). */
function broadQualification(s: string): boolean {
  return (
    strictQualification(s) ||
    /^being\s+(?:an?|the)\b/i.test(s) ||
    (/\b(?:experience|knowledge|skills?|familiar(?:ity)?|proficien\w*|background|citizen\w*|certifi\w*|understanding of)\b/i.test(s) &&
      !opensWithVerb(s, ['third', 'base', 'gerund']))
  );
}

function isQualification(raw: string, broad: boolean): boolean {
  const text = raw.replace(/\s+/g, ' ');
  const test = broad ? broadQualification : strictQualification;
  const label = /^([^:]{1,60}):\s+(\S.*)$/.exec(text);
  const sentences = splitSentences(label ? label[2] : text);
  return sentences.length > 0 && (sentences.every(test) || (!!label && test(label[2])));
}

/** `Owns: owns the production …` → `Owns the production …`; `Analogy: …` → dropped. */
function unlabel(text: string): string | undefined {
  const m = /^([^:]{1,40}):\s+(\S.*)$/.exec(text);
  if (!m) return text;
  const label = m[1].trim();
  if (SKIP_LABEL.test(label)) return undefined;
  const labelVerb = verbForm(label);
  const first = m[2].split(/\s+/)[0];
  const descVerb = verbForm(first);
  if (labelVerb && descVerb && labelVerb.base === descVerb.base) return m[2];
  return text;
}

/** Why a list of a given kind is left out (for --explain and the import preview). */
const SKIP_REASON: Record<string, string> = {
  requirements: 'requirements or qualifications, not duties',
  requires: 'requirements or qualifications, not duties',
  ignore: 'not duties (a process, privileges, hiring, levels, links or what the role does not do)',
  specialties: 'specialties, read as roles of their own',
};

/** The rule behind a section's kind: a general rule of rules.ts when one decided, else the base word lists. */
function ruleOfSection(heading: string): string {
  const t = cleanText(heading);
  if (/\?$/.test(t)) return 'section-words';
  if (/^(?:responsibilit\w*|duties|privileges|permissions|benefits|qualities|qualifications|requirements|skills) (?:of|for) /i.test(t))
    return 'section-of-role';
  if (/\b(?:privileges|permissions|perks|benefits)$/i.test(t)) return 'privileges-not-duties';
  if (PROCESS.test(t)) return 'process-not-role';
  return 'section-words';
}

/** A privilege rather than a duty (rule privileges-not-duties): what a role may do or has. */
function isPrivilege(text: string): boolean {
  return (
    on('privileges-not-duties') &&
    /^(?:can|may|is able to|able to)\b|^(?:admin\s+)?privileges?\b|\bprivileges? (?:over|on|to)\b|^\w+ permissions? (?:on|to)\b|^\w+ access (?:to|on)\b|^voting rights\b|^listed (?:in|as)\b|^receives? an?\b.+\bbadge\b/i.test(
      text,
    )
  );
}

// ---------------------------------------------------------------------------------------------
// Lists

interface RawItem {
  text: string;
  area?: string;
  line: number;
  links: InlineLink[];
  linkOnly: boolean;
}

/** Words that introduce the sub-items of a list item (`Owns the roadmap, including:`). */
const CONNECTOR_WORDS = ['including', 'such as', 'like', 'e.g.', 'e.g', 'for example', 'as follows', 'namely'];

/**
 * Where a list item's closing connector starts: `, including:`, ` such as`, or just a final colon
 * and spaces (the text's length when there is none). Plain scanning from the end.
 */
export function connectorStart(text: string): number {
  const spacesBack = (end: number) => {
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    return end;
  };
  let at = spacesBack(text.length);
  if (text[at - 1] === ':') at = spacesBack(at - 1);
  const word = CONNECTOR_WORDS.find((w) => at >= w.length && text.slice(at - w.length, at).toLowerCase() === w);
  if (!word) return at;
  const before = spacesBack(at - word.length);
  return text[before - 1] === ',' ? before - 1 : before;
}

/** Flattens a list: label parents become areas, verb children become items, others are joined. */
function flatten(items: readonly ListItem[], area: string | undefined): RawItem[] {
  const out: RawItem[] = [];
  for (const it of items) {
    const text = it.inline.text;
    if (!it.children.length) {
      out.push({ text, area, line: it.line, links: it.inline.links, linkOnly: it.inline.linkOnly });
      continue;
    }
    const label = trimEndWhile(text, /[:\s]/).trim();
    if (!label) {
      out.push(...flatten(it.children, area));
    } else if (label.split(/\s+/).length <= 3 && !/[,.;]/.test(label)) {
      out.push(...flatten(it.children, label));
    } else if (it.children.every((c) => isVerb(c.inline.text.split(/\s+/)[0] ?? ''))) {
      out.push({ text: text.slice(0, connectorStart(text)), area, line: it.line, links: it.inline.links, linkOnly: it.inline.linkOnly });
      out.push(...flatten(it.children, area));
    } else {
      const children = flatten(it.children, area).map((c) => trimEndWhile(c.text, /[.;]/).replace(/^(The|A|An)\b/, (a) => a.toLowerCase()));
      const joiner = text.slice(connectorStart(text)).trim() ? ' ' : ': ';
      out.push({
        text: `${text.replace(/:\s*$/, '')}${joiner}${children.join('; ')}`,
        area,
        line: it.line,
        links: [...it.inline.links],
        linkOnly: false,
      });
    }
  }
  return out;
}

/**
 * RACI written as bullets (rule raci): `..responsible for: X` with sub-items (the duties), and
 * `..accountable to:`, `..expected to consult:`, `..expected to keep informed:` (whom the role
 * answers to, asks or tells: not duties). Undefined for other items.
 */
function raciKind(text: string): 'responsible' | 'other' | undefined {
  const t = cleanText(text)
    .replace(/^[.…\s]+/, '')
    .toLowerCase();
  if (/^(?:(?:is|are) )?(?:responsible|accountable) for\b/.test(t)) return 'responsible';
  if (/^(?:(?:is|are) )?(?:accountable to|(?:expected to )?consult(?:ed)?\b|(?:expected to )?(?:keep|kept) informed\b|informed\b)/.test(t))
    return 'other';
  return undefined;
}

/** A list's items with RACI groups read (rule raci): responsible-for groups give their sub-items, the others are left out. */
function raciItems(items: readonly ListItem[], role: string): readonly ListItem[] {
  if (!on('raci') || !items.some((it) => it.children.length && raciKind(it.inline.text) === 'other')) return items;
  const out: ListItem[] = [];
  for (const it of items) {
    const kind = it.children.length ? raciKind(it.inline.text) : undefined;
    // `..responsible for: the relationship` is a duty, and so is each sub-item.
    if (kind === 'responsible') {
      const text = cleanText(it.inline.text)
        .replace(/^[.…\s]+/, '')
        .replace(/^(?:(?:is|are) )?(responsible|accountable) for:? ?/i, (_m, w: string) => `${capitalize(w.toLowerCase())} for `);
      if (!/ for $/.test(text)) out.push({ ...it, inline: { ...it.inline, text }, children: [] });
      out.push(...it.children);
    } else if (kind === 'other') {
      const taken = skipList({
        line: it.children[0].line,
        role,
        context: `item "${cleanText(it.inline.text).slice(0, 100)}"`,
        items: it.children.length,
        first: cleanText(it.children[0].inline.text).slice(0, 80),
        reason: 'whom the role is accountable to, consults or informs (RACI), not duties',
        rule: 'raci',
      });
      if (taken) out.push(...it.children);
    } else out.push(it);
  }
  return out;
}

/** `X is/are [also] [responsible for | accountable for | expected to]` closing a statement. */
const STATEMENT_END = / (?:is|are)(?: also)?(?: (?:responsible|accountable) for| expected to)?$/i;

/**
 * The party a lead-in statement is about (`the Leadership Council are...`, `The Deputy is expected
 * to:`): the words before the final `is/are`, after any leading clause; undefined for other
 * sentences and for pronouns.
 */
export function statementParty(sentence: string): string | undefined {
  const t = cleanText(sentence);
  const body = trimEndWhile(t, /[:.…]/);
  const closed = t.endsWith(':') || t.endsWith('…') || t.length - body.length >= 2;
  if (!closed || body.length > 200) return undefined;
  const m = STATEMENT_END.exec(body);
  if (!m) return undefined;
  const before = body.slice(0, m.index);
  const subject = before.slice(before.lastIndexOf(', ') + 1).trim();
  if (!subject || subject.split(' ').length > 8 || /^(?:they|you|we|he|she|it|this|these|those|there|here|which|who)\b/i.test(subject))
    return undefined;
  return subject;
}

type ListKind = SectionKind | 'requires';

/** What a lead-in sentence says its list holds. */
function leadInKind(s: string): ListKind {
  if (
    /\bnot (?:be )?(?:responsible|expected|accountable)\b|\bout of scope\b|\b(?:don't|do not|won't|will not|doesn't|does not|never)\b/i.test(
      s,
    )
  )
    return 'ignore';
  if (/^\W*we\b|\bwe (?:also )?focus\b/i.test(s)) return 'ignore';
  if (/\brespons[ai]b\w*|\bduties\b|\baccountab/i.test(s)) return /\brequire/i.test(s) ? 'requires' : 'responsibilities';
  if (
    /\bsuccess criteri|\bdoing well if\b|\bperformance indicators?\b|\bsuccess (?:looks like|means)\b|\bsigns of success\b/i.test(s) ||
    // `We evaluate … success` with no colon between.
    phrasesInOrder(s, [/\b(?:evaluat|measur|assess|judg)\w*/gi, /\bsuccess\b/gi], ':')
  )
    return 'success';
  if (
    /\brequire|\bqualif|\bnice[- ]to[- ]have|\blooking for\b|\bideal candidate|\bcandidates?\b|\bshould (?:ideally )?(?:be|have)\b|\bmust (?:be|have)\b|\bexperience\b|\bskills\b/i.test(
      s,
    )
  )
    return 'requirements';
  if (/\bfocus(?:es)? on\b|\bfocus areas?\b/i.test(s)) return 'focus';
  return 'neutral';
}

/** The kind of the innermost classified section, and the area (the neutral heading below it). */
function sectionOf(path: readonly PathEntry[]): { kind: SectionKind; area?: string } {
  let kind: SectionKind = 'neutral';
  let at = -1;
  for (let i = path.length - 1; i >= 0; i--) {
    if (path[i].kind !== 'neutral') {
      kind = path[i].kind;
      at = i;
      break;
    }
  }
  const below = path.slice(at + 1).filter((p) => p.kind === 'neutral');
  const area = below.length ? cleanText(below[below.length - 1].text) : undefined;
  return { kind, area };
}

// ---------------------------------------------------------------------------------------------
// The role

export function extractRole(index: number, scope: RoleScope, catalog: Catalog): Draft {
  const draft: Draft = { aliases: [], focus: [], responsibilities: [], success: [], successFor: new Map(), relations: [], notes: [] };
  const reader = () => new SubjectReader(scope, draft.aliases);
  let subjects = reader();

  const explicit = scope.blocks.some((b) => b.path.some((p) => p.kind === 'responsibilities'));
  const listItems: Item[] = [];
  const explicitItems: Item[] = [];
  const strong: Item[] = [];
  const genericIntro: Item[] = [];
  const genericLater: Item[] = [];
  const paragraphs: { item: Item; verb: boolean }[] = [];
  /** Descriptions of the role from its first paragraph; a duty sentence serves only if not taken as a duty. */
  const introSummaries: { text: string; duty: boolean }[] = [];

  const blocks = scope.blocks;
  const introIndex = blocks.length && blocks[0].block.kind === 'paragraph' && blocks[0].path.length === 0 ? 0 : -1;

  const relate = (text: string, links: readonly InlineLink[]): boolean => {
    const scan = scanRelations(text, links, index, catalog, (t) => subjects.names(t));
    draft.relations.push(...scan.hits);
    return scan.consumed;
  };
  const addSuccess = (text: string, target: number) => {
    const t = tidyItem(text);
    if (!t) return;
    if (target === index) draft.success.push(t);
    else draft.successFor.set(target, [...(draft.successFor.get(target) ?? []), t]);
  };
  let seq = 0;
  const predicateItems = (pred: Predicate, prefix: string | undefined, line: number, area: string | undefined): Item[] => {
    const parts = pred.enumerable && !prefix ? splitEnumeration(pred.text) : [pred.text];
    return parts.map((p) => ({ text: tidyItem(prefix ? `${prefix}, ${p}` : p), area, line, seq: seq++ })).filter((i) => i.text);
  };

  for (let bi = 0; bi < blocks.length; bi++) {
    const { block, path } = blocks[bi];
    const { kind, area } = sectionOf(path);
    let forced = false;
    if (kind === 'requirements' || kind === 'ignore' || kind === 'specialties') {
      if (block.kind !== 'list') continue;
      const section = [...path].reverse().find((p) => p.kind !== 'neutral');
      forced = skipList({
        line: block.line,
        role: scope.name.title,
        context: section ? `section "${cleanText(section.text)}"` : 'its section',
        items: block.items.length,
        first: cleanText(block.items[0]?.inline.text ?? '').slice(0, 80),
        reason: SKIP_REASON[kind],
        rule: ruleOfSection(section?.text ?? ''),
      });
      if (!forced) continue;
    }

    if (block.kind === 'paragraph') {
      const inline = block.inline;
      if (block.quote) {
        for (const s of splitSentences(inline.text)) relate(s, inline.links);
        noteSymbioticContext(draft, inline.text);
        continue;
      }
      if (inline.emphasisOnly) continue;
      if (kind === 'success') {
        for (const s of splitSentences(inline.text)) if (/\?$/.test(s)) addSuccess(s, index);
        continue;
      }
      const label = /^(mandate|mission|purpose|responsibilit(?:y|ies)|duties|focus|goals?|objectives?) ?: ?(\S.*)$/i.exec(inline.text);
      if (label) {
        if (/^focus/i.test(label[1])) draft.focus.push(tidyItem(label[2]));
        else strong.push({ text: tidyItem(label[2]), area, line: block.line, seq: seq++ });
        continue;
      }
      if (/^(?:experience|requirements?|qualifications?|note)\s*:/i.test(inline.text)) continue;
      const next = blocks[bi + 1];
      const leadsList = next?.block.kind === 'list' && next.path.length === path.length;
      const sentences = splitSentences(inline.text);
      let used = false;
      sentences.forEach((raw, si) => {
        const aka = alsoKnownAs(raw);
        if (aka.alias && !draft.aliases.includes(aka.alias)) {
          draft.aliases.push(aka.alias);
          subjects = reader();
        }
        const s = aka.sentence;
        const isLeadIn = leadsList && si === sentences.length - 1;
        const relationsBefore = draft.relations.length;
        const consumed = relate(s, inline.links);
        const mentionsRelation = draft.relations.length > relationsBefore;
        const type = typeFromWords(s);
        if (type) {
          const about = catalog.mentions(s)[0];
          if (!about || about.role === index) draft.type ??= type;
        }
        if (isLeadIn || consumed || /:$/.test(s)) return;
        if (type && s.split(/\s+/).length <= 8) return;
        const subject = subjects.read(s);
        if (!subject) {
          const includes = /^(?:(?:their|the|key|main|core) )?(?:duties|responsibilities) (?:include|are|cover)(?: ?:)? (\S.*)$/i.exec(s);
          if (includes) {
            strong.push({ text: tidyItem(includes[1]), area, line: block.line, seq: seq++ });
            used = true;
          } else if (/^focus(?:es)?\s+on\s+/i.test(s)) {
            draft.focus.push(tidyItem(s.replace(/^focus(?:es)?\s+on\s+/i, '')));
          } else if (FOCUS_SENTENCE.test(s)) {
            draft.focus.push(tidyItem(s.replace(FOCUS_SENTENCE, '')));
          } else if (kind === 'responsibilities') {
            explicitItems.push({ text: tidyItem(s), area, line: block.line, seq: seq++ });
            used = true;
          }
          return;
        }
        const { predicate, prefix } = subject;
        if (predicate.kind === 'focus') {
          draft.focus.push(tidyItem(predicate.text));
          return;
        }
        if (predicate.kind === 'copula' || predicate.kind === 'requirement') {
          if (bi === introIndex && predicate.kind === 'copula' && !mentionsRelation)
            introSummaries.push({ text: cleanText(s), duty: false });
          return;
        }
        const items = predicateItems(predicate, prefix, block.line, area);
        used = true;
        if (kind === 'responsibilities') explicitItems.push(...items);
        else if (predicate.kind === 'strong') strong.push(...items);
        else if (bi === introIndex) {
          genericIntro.push(...items);
          if (!mentionsRelation) introSummaries.push({ text: cleanText(s), duty: true });
        } else genericLater.push(...items);
      });
      noteSymbioticContext(draft, inline.text);
      if (!leadsList && !used && (kind === 'neutral' || kind === 'responsibilities') && !sentences.some((s) => /:$/.test(s))) {
        const text = tidyItem(inline.text);
        if (
          text &&
          !isQualification(text, false) &&
          !scanRelations(text, inline.links, index, catalog, (t) => subjects.names(t)).consumed
        ) {
          paragraphs.push({ item: { text, area, line: block.line }, verb: opensWithVerb(text) });
        }
      }
      continue;
    }

    if (block.kind !== 'list') continue;
    // A list: its section, or else its lead-in sentence, says what it holds.
    let listKind: ListKind = kind;
    let successTarget = index;
    const prev = blocks[bi - 1];
    // `…, the Leadership Council are...` before a list: the list is about that party (rule role-statement).
    const party =
      !forced && on('role-statement') && prev?.block.kind === 'paragraph' && prev.path.length === path.length && !prev.block.quote
        ? statementParty(splitSentences(prev.block.inline.text).pop() ?? '')
        : undefined;
    if (party && !subjects.names(party)) {
      forced = skipList({
        line: block.line,
        role: scope.name.title,
        context: `lead-in "${cleanText(prev?.block.kind === 'paragraph' ? prev.block.inline.text : '').slice(0, 100)}"`,
        items: block.items.length,
        first: cleanText(block.items[0]?.inline.text ?? '').slice(0, 80),
        reason: `what ${party} is or does, not this role`,
        rule: 'role-statement',
      });
      if (!forced) continue;
    }
    if (
      prev?.block.kind === 'paragraph' &&
      prev.path.length === path.length &&
      !prev.block.quote &&
      !prev.block.inline.emphasisOnly &&
      /:$/.test(prev.block.inline.text)
    ) {
      const leadIn = splitSentences(prev.block.inline.text).pop() ?? '';
      const said = leadInKind(leadIn);
      if (kind === 'neutral' || said === 'success' || said === 'ignore' || said === 'requirements')
        listKind = said === 'neutral' ? kind : said;
      if (listKind === 'success') {
        const named = catalog.mentions(leadIn)[0];
        if (named) successTarget = named.role;
      }
    }
    if (!forced && (listKind === 'requirements' || listKind === 'ignore' || listKind === 'specialties')) {
      const leadIn = prev?.block.kind === 'paragraph' ? cleanText(prev.block.inline.text) : '';
      forced = skipList({
        line: block.line,
        role: scope.name.title,
        context: `lead-in "${leadIn.slice(0, 100)}"`,
        items: block.items.length,
        first: cleanText(block.items[0]?.inline.text ?? '').slice(0, 80),
        reason: SKIP_REASON[listKind],
        rule: 'lead-in-words',
      });
      if (!forced) continue;
    }
    if (forced) listKind = 'responsibilities';
    for (const raw of flatten(raciItems(block.items, scope.name.title), area)) {
      const text = cleanText(raw.text);
      if (!text) continue;
      if (listKind === 'success') {
        addSuccess(text, successTarget);
        continue;
      }
      if (relate(text, raw.links)) continue;
      const focus = /^focus(?:es|ed)?\s+on\s+(\S.*)$/i.exec(text);
      if (focus || listKind === 'focus') {
        draft.focus.push(tidyItem(focus ? focus[1] : text));
        continue;
      }
      if (raw.linkOnly || EMPTY_ITEM.test(text) || POINTER_ITEM.test(text) || DESCRIPTION_ITEM.some((re) => re.test(text))) continue;
      if (!forced && isQualification(text, listKind === 'requires')) continue;
      if (!forced && isPrivilege(text)) continue;
      const unlabelled = unlabel(text);
      if (!unlabelled) continue;
      const item = { text: tidyItem(unlabelled), area: raw.area, line: raw.line };
      if (!item.text) continue;
      if ((listKind === 'responsibilities' && kind === 'responsibilities') || forced) explicitItems.push(item);
      else listItems.push(item);
    }
  }

  // Assemble: explicit sections win; otherwise lists and duty sentences, else duty paragraphs.
  let items: Item[];
  if (explicit) {
    items = explicitItems;
  } else {
    items = [...listItems, ...explicitItems, ...strong];
    if (listItems.length === 0 && explicitItems.length === 0) {
      const verbs = paragraphs.filter((p) => p.verb).length;
      const dutyParagraphs = paragraphs.length >= 2 ? verbs * 2 >= paragraphs.length : paragraphs.length === 1 && verbs === 1;
      if (dutyParagraphs && strong.length === 0) {
        items = paragraphs.map((p) => p.item);
        introSummaries.length = 0;
      } else {
        items.push(...genericIntro, ...genericLater);
        if (genericIntro.length) introSummaries.splice(0, introSummaries.length, ...introSummaries.filter((c) => !c.duty));
      }
    } else items.push(...genericLater);
  }
  const summary = introSummaries[0]?.text.replace(/^Role\b/, 'The role');
  for (const t of scope.tableItems) {
    if (relate(t.text, [])) continue;
    if (EMPTY_ITEM.test(t.text) || POINTER_ITEM.test(t.text) || isQualification(t.text, false)) continue;
    const unlabelled = unlabel(t.text);
    if (unlabelled) items.push({ text: tidyItem(unlabelled), area: t.area, line: t.line });
  }
  draft.responsibilities = items.filter((i) => i.text).sort((a, b) => a.line - b.line || (a.seq ?? 0) - (b.seq ?? 0));
  draft.summary = summary ?? scope.tableSummary[0];
  return draft;
}

/** Symbiotic statements keep the rest of their paragraph as the note. */
function noteSymbioticContext(draft: Draft, paragraph: string): void {
  const sentences = splitSentences(paragraph);
  const at = sentences.findIndex((s) => /\bsymbiotic\b/i.test(s));
  if (at < 0) return;
  const note = sentences
    .slice(at + 1)
    .join(' ')
    .trim();
  if (!note) return;
  for (const hit of draft.relations) if (hit.kind === 'symbiotic' && !hit.note) hit.note = capitalize(note);
}

/** Blocks outside every role: relation statements, and success criteria naming a role. */
export function extractPageLevel(
  blocks: readonly ScopedBlock[],
  catalog: Catalog,
): { relations: RelationHit[]; success: Map<number, string[]> } {
  const relations: RelationHit[] = [];
  const success = new Map<number, string[]>();
  const add = (role: number, text: string) => {
    const t = tidyItem(text);
    if (t) success.set(role, [...(success.get(role) ?? []), t]);
  };
  blocks.forEach(({ block, path }, bi) => {
    const { kind } = sectionOf(path);
    if (kind === 'requirements' || kind === 'ignore') return;
    if (block.kind === 'paragraph') {
      for (const s of splitSentences(block.inline.text)) {
        relations.push(...scanRelations(s, block.inline.links, undefined, catalog).hits);
        const well = /^([^:]{2,60}):\s+(?:you(?:['’]re| are) doing well|doing well) if\s+(\S.*)$/i.exec(s);
        const named = well ? catalog.mentions(well[1])[0] : undefined;
        if (well && named) add(named.role, well[2]);
      }
    } else if (block.kind === 'list') {
      const prev = blocks[bi - 1];
      const leadIn = prev?.block.kind === 'paragraph' ? (splitSentences(prev.block.inline.text).pop() ?? '') : '';
      const named = catalog.mentions(leadIn)[0];
      if (named && leadInKind(leadIn) === 'success') for (const it of flatten(block.items, undefined)) add(named.role, it.text);
    }
  });
  return { relations, success };
}
