/**
 * The importer's evaluation: expected facts for every page of both corpora, a scorer, and the
 * leave-one-source-out score. Used by evaluation.test.ts and by `npm run bench -- --only=import`.
 *
 * A fact is one thing a careful reader takes from a page (a role, a short name, a duty, a success
 * criterion, a reporting line, the line a role starts on) or refuses to take (a heading that is
 * not a role, a line that is not a duty). The score of a set of pages is the share of their facts
 * the import gets right.
 *
 * Leave-one-source-out: the importer's general rules (src/core/import/rules.ts) each name the pages
 * that justify them. To score a source, the importer runs with only the rules that at least two
 * pages of OTHER sources justify, so a rule that only the held-out source needs cannot help it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { importPage, responsibilityText, type ImportedRole } from '../../../../src/core/import';
import { GENERAL_RULES } from '../../../../src/core/import/rules';
import { withoutParentheses } from '../../../../src/core/import/text';
import { PAGES } from './corpusPages';
import { FACTS_2 } from './facts2';

export interface RoleFacts {
  /** The role's title as the page gives it (matched on its words), or… */
  title?: string;
  /** …the role's id (the first corpus's specs name roles by id). */
  id?: string;
  aliases?: string[];
  /** Each entry one duty: a fragment, or fragments that one responsibility must all contain. */
  duties?: (string | string[])[];
  criteria?: string[];
  /** Title of the role this one reports to. */
  reportsTo?: string;
  /** The 1-based line the role starts on. */
  line?: number;
}

export interface PageFacts {
  file: string;
  roles: RoleFacts[];
  /** Headings (or names) that must not become roles. */
  notRoles?: string[];
  /** Fragments no responsibility may contain. */
  notTaken?: string[];
}

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
export const CORPUS_DIRS = ['real-handbooks', 'real-handbooks-2'].map((d) => path.join(REPO, 'test', 'fixtures', 'corpus', d));

/** Every page with its facts: the first corpus from its specs, the second from facts2.ts. */
export function allPageFacts(): (PageFacts & { dir: string })[] {
  const first = PAGES.map((p) => ({
    file: p.file,
    dir: CORPUS_DIRS[0],
    roles: p.roles.map((id) => ({ id, duties: p.duties[id] ?? [] })),
    notTaken: p.notTaken,
  }));
  return [...first, ...FACTS_2.map((f) => ({ ...f, dir: CORPUS_DIRS[1] }))];
}

/** The source of a page: the part of its file name before `--` (`gitlab`, `18f`…). */
export function sourceOf(file: string): string {
  return file.split('--')[0];
}

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
const bare = (s: string): string => withoutParentheses(s);
const sameWords = (a: string, b: string): boolean => {
  const x = [...new Set(words(a))].sort().join(' ');
  return !!x && x === [...new Set(words(b))].sort().join(' ');
};

function titleMatches(role: ImportedRole, title: string, aliases: readonly string[] = []): boolean {
  return (
    aliases.some((a) => sameWords(role.title, a)) ||
    sameWords(role.title, title) ||
    sameWords(bare(role.title), title) ||
    sameWords(bare(role.title), bare(title)) ||
    role.aliases.some((a) => sameWords(a, title))
  );
}

const contains = (text: string, fragment: string) =>
  text.toLowerCase().replace(/\s+/g, ' ').includes(fragment.toLowerCase().replace(/\s+/g, ' '));

export interface FactResult {
  fact: string;
  ok: boolean;
}

export interface PageScore {
  file: string;
  source: string;
  facts: FactResult[];
  roles: number;
}

/** The role and the roles it extends on the page, closest first (cycle-safe). */
function holders(role: ImportedRole, roles: readonly ImportedRole[]): ImportedRole[] {
  const chain = [role];
  for (let up = roles.find((r) => r.role === role.extends); up && !chain.includes(up); up = roles.find((r) => r.role === up.extends))
    chain.push(up);
  return chain;
}

/** Scores one page's import against its facts. */
export function scorePage(page: PageFacts & { dir: string }, rules?: ReadonlySet<string>): PageScore {
  const text = fs.readFileSync(path.join(page.dir, page.file), 'utf8');
  const { roles } = importPage(text, { sourceName: page.file, ...(rules ? { rules } : {}) });
  const facts: FactResult[] = [];
  const used = new Set<ImportedRole>();
  const matched = new Map<RoleFacts, ImportedRole | undefined>();
  for (const want of page.roles) {
    const found = roles.find((r) => !used.has(r) && (want.id ? r.role === want.id : titleMatches(r, want.title ?? '', want.aliases)));
    if (found) used.add(found);
    matched.set(want, found);
  }
  for (const want of page.roles) {
    const role = matched.get(want);
    const name = want.title ?? want.id ?? '';
    facts.push({ fact: `role: ${name}`, ok: !!role });
    for (const alias of want.aliases ?? [])
      facts.push({ fact: `${name}: short name ${alias}`, ok: !!role?.aliases.some((a) => a.toLowerCase() === alias.toLowerCase()) });
    // A role holds what it inherits through `extends` (the format's meaning), so a duty the page
    // repeats on a rung counts when the rung below holds it.
    const chain = role ? holders(role, roles) : [];
    const duties = chain.flatMap((r) => r.responsibilities.map(responsibilityText));
    for (const duty of want.duties ?? []) {
      const parts = typeof duty === 'string' ? [duty] : duty;
      facts.push({ fact: `${name}: duty "${parts.join(' … ')}"`, ok: duties.some((d) => parts.every((p) => contains(d, p))) });
    }
    for (const c of want.criteria ?? [])
      facts.push({ fact: `${name}: criterion "${c}"`, ok: chain.some((r) => r.successCriteria.some((s) => contains(s, c))) });
    if (want.reportsTo) {
      const boss = roles.find((r) => titleMatches(r, want.reportsTo!));
      facts.push({
        fact: `${name}: reports to ${want.reportsTo}`,
        ok: !!role && !!boss && role.relationships.some((x) => x.kind === 'reports-to' && x.with === boss.role),
      });
    }
    if (want.line !== undefined) facts.push({ fact: `${name}: starts on line ${want.line}`, ok: role?.source.line === want.line });
  }
  for (const heading of page.notRoles ?? [])
    facts.push({ fact: `not a role: ${heading}`, ok: !roles.some((r) => titleMatches(r, heading) || contains(r.title, heading)) });
  const all = roles.flatMap((r) => r.responsibilities.map(responsibilityText));
  for (const fragment of page.notTaken ?? []) facts.push({ fact: `not taken: "${fragment}"`, ok: !all.some((t) => contains(t, fragment)) });
  return { file: page.file, source: sourceOf(page.file), facts, roles: roles.length };
}

/** The rules a held-out source may use: those justified by at least two pages of other sources. */
export function rulesWithout(source: string): Set<string> {
  return new Set(GENERAL_RULES.filter((r) => r.evidence.filter((f) => sourceOf(f) !== source).length >= 2).map((r) => r.id));
}

export interface Evaluation {
  /** Per source: facts right / facts, leave-one-source-out. */
  sources: { source: string; pages: number; right: number; total: number; zeroRolePages: string[] }[];
  right: number;
  total: number;
  /** The same with every rule on (in-sample), for comparison. */
  inSample: { right: number; total: number };
  pages: PageScore[];
}

export function evaluate(): Evaluation {
  const pages = allPageFacts();
  const sources = [...new Set(pages.map((p) => sourceOf(p.file)))].sort();
  const scores: PageScore[] = [];
  const out: Evaluation['sources'] = [];
  for (const source of sources) {
    const rules = rulesWithout(source);
    const mine = pages.filter((p) => sourceOf(p.file) === source).map((p) => scorePage(p, rules));
    scores.push(...mine);
    const facts = mine.flatMap((s) => s.facts);
    out.push({
      source,
      pages: mine.length,
      right: facts.filter((f) => f.ok).length,
      total: facts.length,
      zeroRolePages: mine.filter((s) => s.roles === 0).map((s) => s.file),
    });
  }
  const inSample = pages.map((p) => scorePage(p)).flatMap((s) => s.facts);
  return {
    sources: out,
    right: out.reduce((n, s) => n + s.right, 0),
    total: out.reduce((n, s) => n + s.total, 0),
    inSample: { right: inSample.filter((f) => f.ok).length, total: inSample.length },
    pages: scores,
  };
}
