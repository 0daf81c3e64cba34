/**
 * Short forms a page defines in passing (rule acronym-definition): `A Subject Matter Expert (SME),
 * sometimes called …`, `The CSM and the Partner Help Desk (PHD) each have tasks`. A role named by
 * the long form gets the short form as a short name; a role named with the short form (`PHD
 * Specialists are responsible for …`) gets the long form in its title and keeps the short one as a
 * short name. A definition counts only when the short form is the initials of the words before it,
 * so `(Fridays)` or `(prelim vetting)` define nothing.
 */
import { on } from './rules';
import type { RoleScope } from './structure';

/** How far a definition is looked for: its short form, and the words before it. */
const MAX_SHORT = 8;
const MAX_LONG_WORDS = 6;
const MAX_WORD = 40;

/** `SME` or `PMs` (a plural `s` after the capitals). */
const SHORT_FORM = /^[A-Z][A-Z0-9&]{1,6}s?$/;

/** The long forms the page defines, by short form (the first definition of each wins). */
export function definedShortForms(text: string): Map<string, string> {
  const out = new Map<string, string>();
  // The first `)` after an opener serves every opener before it: each is looked for once (linear).
  let close = -1;
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    if (close < open) close = text.indexOf(')', open + 1);
    if (close < 0) break;
    if (close - open - 1 > MAX_SHORT) continue;
    const raw = text.slice(open + 1, close);
    if (!SHORT_FORM.test(raw)) continue;
    const short = raw.endsWith('s') && raw.length > 2 ? raw.slice(0, -1) : raw;
    if (out.has(short)) continue;
    const long = longFormBefore(text, open, short);
    if (long) out.set(short, long);
  }
  return out;
}

/** The capitalised words just before `at` whose initials spell `short` (`Partner Help Desk` for PHD). */
function longFormBefore(text: string, at: number, short: string): string | undefined {
  const words: string[] = [];
  let end = at;
  while (end > 0 && text[end - 1] === ' ') end--;
  for (let n = 0; n < MAX_LONG_WORDS && end > 0; n++) {
    let start = end;
    while (start > 0 && end - start <= MAX_WORD && /[A-Za-z-]/.test(text[start - 1])) start--;
    if (start === end || end - start > MAX_WORD) break;
    words.unshift(text.slice(start, end));
    const initials = words
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) => w[0])
      .join('');
    if (initials.toUpperCase() === short.toUpperCase() && /^[A-Z]/.test(words[0])) return words.join(' ');
    end = start;
    if (text[end - 1] !== ' ') break;
    while (end > 0 && text[end - 1] === ' ') end--;
  }
  return undefined;
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Gives roles the short and long forms the page defines. */
export function applyShortForms(text: string, roles: readonly RoleScope[]): void {
  if (!on('acronym-definition') || !roles.length) return;
  const forms = definedShortForms(text);
  for (const role of roles) {
    const name = role.name;
    for (const [short, long] of forms) {
      if (same(name.title, long)) {
        if (!name.aliases.some((a) => same(a, short))) name.aliases.push(short);
        continue;
      }
      // `PHD Specialist` → `Partner Help Desk Specialist`, short name `PHD Specialist`.
      const words = name.title.split(' ');
      const at = words.indexOf(short);
      if (at < 0 || words.length < 2) continue;
      const title = [...words.slice(0, at), long, ...words.slice(at + 1)].join(' ');
      name.aliases.unshift(name.title);
      name.title = title;
    }
  }
}
