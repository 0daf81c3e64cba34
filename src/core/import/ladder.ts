/**
 * Ladders on an imported page: rungs listed in order (`Engineer I`, `Engineer II`, `Senior
 * Engineer`, `Staff Engineer` …; `IC1` … `IC5`; `Backend Engineering level 1` … `level 6`) are
 * written as a chain, each rung `extends` the writable rung below it, with a `level` that rises
 * up the ladder. Roles the page already says extend another keep that, and get levels by depth.
 * Pure data in, data out; every step is a plain scan over the titles (no regex on long text).
 */
import { own } from '../own';
import { normalizeName } from '../text';
import type { ImportedResponsibility, ImportedRole } from './types';

/** Seniority words that put a rung above the plain title, lowest first. */
const SENIORITY: readonly string[] = ['junior', 'associate', '', 'senior', 'staff', 'senior staff', 'principal', 'distinguished', 'fellow'];
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };

/** Where a title sits on a ladder: the family it belongs to, its seniority and its number. */
export interface Rung {
  stem: string;
  seniority: number;
  /** The number the title gives (`IC3` → 3, `Engineer II` → 2), if any. */
  num?: number;
  /** Whether the number is written in Arabic digits (usable as the level itself). */
  arabic: boolean;
}

/** Reads a title as a rung; undefined when it carries no rank at all (neither word nor number). */
export function rungOf(title: string): Rung | undefined {
  if (title.length > 120) return undefined;
  const words = title
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (!words.length) return undefined;
  let num: number | undefined;
  let arabic = false;
  const last = words[words.length - 1];
  if (/^\d{1,2}$/.test(last)) {
    num = Number(last);
    arabic = true;
    words.pop();
    if (words.length && words[words.length - 1] === 'level') words.pop();
  } else if (own(ROMAN, last) !== undefined && words.length > 1) {
    num = own(ROMAN, last);
    words.pop();
  } else if (words.length === 1) {
    const m = /^([a-z]{1,3})(\d{1,2})$/.exec(last);
    if (m) {
      words[0] = m[1];
      num = Number(m[2]);
      arabic = true;
    }
  }
  let seniority = SENIORITY.indexOf('');
  const two = words.slice(0, 2).join(' ');
  if (words.length > 2 && SENIORITY.includes(two)) {
    seniority = SENIORITY.indexOf(two);
    words.splice(0, 2);
  } else if (words.length > 1 && SENIORITY.includes(words[0])) {
    seniority = SENIORITY.indexOf(words[0]);
    words.shift();
  }
  if (!words.length) return undefined;
  const stem = words.join(' ');
  return num === undefined ? { stem, seniority, arabic } : { stem, seniority, num, arabic };
}

function above(a: Rung, b: Rung): boolean {
  if (a.seniority !== b.seniority) return a.seniority > b.seniority;
  return (a.num ?? 0) > (b.num ?? 0);
}

/**
 * Finds the ladders of the page (roles in page order) and sets `extends` and `level` on their
 * rungs. Returns a note per role index it changed. Only roles with responsibilities take part
 * (the others are not written, so nothing can extend them).
 */
export function linkLadders(roles: ImportedRole[]): Map<number, string> {
  const notes = new Map<number, string>();
  const order = roles.map((_, i) => i).filter((i) => roles[i].responsibilities.length > 0);
  order.sort((a, b) => roles[a].source.line - roles[b].source.line);
  const rungs = new Map(order.map((i) => [i, rungOf(roles[i].title)]));

  // Runs of consecutive writable roles of one family, each above the one before.
  let k = 0;
  while (k < order.length) {
    const first = rungs.get(order[k]);
    let run = [order[k]];
    let j = k + 1;
    if (first) {
      while (j < order.length) {
        const r = rungs.get(order[j]);
        const prev = rungs.get(run[run.length - 1])!;
        if (!r || r.stem !== first.stem || !above(r, prev)) break;
        run.push(order[j]);
        j++;
      }
    }
    k = j;
    // A plain title followed by numbered rungs of the same seniority is the family's overview
    // (`Engineering Manager`, then `Engineering Manager 5`), not its lowest rung.
    if (run.length > 2) {
      const a = rungs.get(run[0])!;
      const b = rungs.get(run[1])!;
      if (a.num === undefined && b.num !== undefined && a.seniority === b.seniority) run = run.slice(1);
    }
    if (run.length < 2) continue;
    const rs = run.map((i) => rungs.get(i)!);
    const numbered = rs.every((r) => r.arabic && r.num !== undefined && r.num >= 1);
    // A role the page already says extends another keeps it: the page's words come first.
    if (run.some((i) => roles[i].extends)) continue;
    run.forEach((i, n) => {
      roles[i].level = numbered ? rs[n].num! : n + 1;
      if (n > 0) {
        roles[i].extends = roles[run[n - 1]].role;
        notes.set(i, `A rung of the ladder listed on the page: extends ${roles[i].extends}, level ${roles[i].level}.`);
      }
    });
  }

  // Chains the page states in words ("extends that of the X"): levels by depth.
  const byId = new Map(roles.map((r, i) => [r.role, i]));
  const depth = (i: number): number => {
    let d = 1;
    const seen = new Set<number>([i]);
    let cur = roles[i].extends;
    while (cur !== undefined) {
      const t = byId.get(cur);
      if (t === undefined || seen.has(t)) return 0; // a cycle: no level (the engine reports the cycle)
      seen.add(t);
      d++;
      cur = roles[t].extends;
    }
    return d;
  };
  const extended = new Set(roles.map((r) => r.extends).filter((x): x is string => !!x));
  roles.forEach((r, i) => {
    if (r.level !== undefined || (!r.extends && !extended.has(r.role))) return;
    const d = depth(i);
    if (d > 0) r.level = d;
  });
  return notes;
}

/**
 * Drops from each rung what it already inherits: a ladder page often repeats the duties of the
 * level below, and a role that `extends` holds those already (the engine would report each copy as
 * `duplicate-responsibility`). Texts compare as the engine compares them. A rung keeps its copies
 * when dropping them would leave it no duty of its own (it could not be written). Returns the
 * number of items dropped per role index.
 */
export function dropInherited(roles: ImportedRole[]): Map<number, number> {
  const byId = new Map(roles.map((r, i) => [r.role, i]));
  const dropped = new Map<number, number>();
  roles.forEach((role, i) => {
    const duties = new Set<string>();
    const criteria = new Set<string>();
    const seen = new Set<number>([i]);
    for (let t = role.extends === undefined ? undefined : byId.get(role.extends); t !== undefined && !seen.has(t);) {
      seen.add(t);
      for (const d of roles[t].responsibilities) duties.add(normalizeName(dutyText(d)));
      for (const c of roles[t].successCriteria) criteria.add(normalizeName(c));
      const up = roles[t].extends;
      t = up === undefined ? undefined : byId.get(up);
    }
    if (!duties.size && !criteria.size) return;
    const own = role.responsibilities.filter((d) => !duties.has(normalizeName(dutyText(d))));
    const ownCriteria = role.successCriteria.filter((c) => !criteria.has(normalizeName(c)));
    if (!own.length) return;
    const n = role.responsibilities.length - own.length + role.successCriteria.length - ownCriteria.length;
    if (!n) return;
    role.responsibilities = own;
    role.successCriteria = ownCriteria;
    dropped.set(i, n);
  });
  return dropped;
}

function dutyText(r: ImportedResponsibility): string {
  return typeof r === 'string' ? r : r.text;
}
