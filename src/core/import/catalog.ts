/**
 * The roles of one page as names to find in text: where a sentence mentions a role (by title,
 * short name or plural), which role an in-page anchor (`#director-development`) points at, and
 * how a sentence's subject names a given role.
 */
import { kebabCase } from '../names';
import { LEADING_TITLE_WORDS, roleNoun } from './lexicon';
import type { RoleScope } from './structure';
import { escapeRegExp, withoutParentheses } from './text';

export interface Mention {
  role: number;
  start: number;
  end: number;
}

/** A regex source matching `s` in any letter case, without making the whole regex case-insensitive. */
export function anyCase(s: string): string {
  return [...s]
    .map((c) => {
      const lo = c.toLowerCase();
      const up = c.toUpperCase();
      return lo !== up ? `[${lo}${up}]` : escapeRegExp(c);
    })
    .join('')
    .replace(/ /g, '\\s+');
}

/** Names the page uses for a role, longest first, each with whether its case must match. */
export function namesOf(role: RoleScope, extraAliases: readonly string[] = []): { name: string; exact: boolean }[] {
  const out = new Map<string, { name: string; exact: boolean }>();
  const add = (name: string, exact: boolean) => {
    const n = name.replace(/\s+/g, ' ').trim();
    if (n.length >= 2 && !out.has(n.toLowerCase())) out.set(n.toLowerCase(), { name: n, exact });
  };
  add(role.name.title, false);
  add(withoutParentheses(role.name.title), false);
  for (const a of [...role.name.aliases, ...extraAliases]) add(a, a.length <= 4 && a === a.toUpperCase());
  const initials = initialsOf(role.name.title);
  if (initials) add(initials, true);
  return [...out.values()].sort((a, b) => b.name.length - a.name.length);
}

/** `Site Reliability Engineer` → `SRE`, `Chief Technology Officer` → `CTO`: how pages shorten titles. */
export function initialsOf(title: string): string | undefined {
  const words = withoutParentheses(title)
    .split(/[\s,]+/)
    .filter((w) => w && !/^(?:of|the|to|and|for|&|a|an)$/i.test(w));
  if (words.length < 2 || words.length > 5 || !words.every((w) => /^[A-Z]/.test(w))) return undefined;
  return words.map((w) => w[0]).join('');
}

/** The noun that heads a title (`Director, Development` → `Director`), when it is a role noun. */
export function headNoun(title: string): string | undefined {
  const head = withoutParentheses(title)
    .split(',')[0]
    .split(/ (?:of|to|for) /i)[0]
    .trim();
  const words = head.split(/\s+/);
  const last = words[words.length - 1] ?? '';
  if (roleNoun(last)) return last;
  return words.find((w) => LEADING_TITLE_WORDS.has(w.toLowerCase()));
}

export class Catalog {
  /** One regex over every name, longest first; capture group i + 1 is the name of `roleOfGroup[i]`. */
  private readonly names: RegExp | undefined;
  private readonly roleOfGroup: number[] = [];
  private readonly anchors = new Map<string, number>();

  constructor(
    readonly roles: readonly RoleScope[],
    aliases: readonly (readonly string[])[] = [],
  ) {
    // Titles and short names first; a shortened title (without its parenthesis) only where no
    // other role has that name, and never when two roles would share it.
    const owner = new Map<string, number>();
    const shared = new Set<string>();
    roles.forEach((role, i) => {
      for (const { name } of namesOf(role, aliases[i] ?? [])) {
        if (name !== role.name.title && !role.name.aliases.includes(name) && !(aliases[i] ?? []).includes(name)) continue;
        owner.set(name.toLowerCase(), i);
      }
    });
    roles.forEach((role, i) => {
      for (const { name } of namesOf(role, aliases[i] ?? [])) {
        const key = name.toLowerCase();
        if (owner.get(key) === i) continue;
        if (owner.has(key)) shared.add(key);
        else owner.set(key, i);
      }
    });
    const entries: { role: number; source: string; length: number }[] = [];
    roles.forEach((role, i) => {
      for (const { name, exact } of namesOf(role, aliases[i] ?? [])) {
        const key = name.toLowerCase();
        if (owner.get(key) !== i || (shared.has(key) && name !== role.name.title)) continue;
        entries.push({ role: i, source: exact ? escapeRegExp(name) : anyCase(name), length: name.length });
      }
      for (const text of [role.headingText, role.name.title]) if (text) this.anchors.set(kebabCase(text), i);
    });
    entries.sort((a, b) => b.length - a.length);
    this.roleOfGroup = entries.map((e) => e.role);
    this.names = entries.length
      ? new RegExp(`(?<![\\w-])(?:${entries.map((e) => `(${e.source})`).join('|')})(?:s|es|['’]s|['’])?(?![\\w-])`, 'g')
      : undefined;
  }

  /** Non-overlapping mentions of roles in a text, in order. */
  mentions(text: string): Mention[] {
    const found: Mention[] = [];
    const re = this.names;
    if (!re) return found;
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      if (group > 0) found.push({ role: this.roleOfGroup[group - 1], start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
    return found;
  }

  /** The role an in-page link points at (`#senior-manager-development`, `…/page/#vp-of-development`). */
  byHref(href: string): number | undefined {
    const hash = href.indexOf('#');
    if (hash < 0) return undefined;
    let anchor = href.slice(hash + 1);
    try {
      anchor = decodeURIComponent(anchor);
    } catch {
      // keep it as written
    }
    return this.anchors.get(kebabCase(anchor));
  }
}
