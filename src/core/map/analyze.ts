/**
 * Builds the responsibility map of a handbook: every responsibility and success criterion grouped
 * by area, the overlaps between roles, the gaps, and the criteria shared through
 * `sharesSuccessCriteriaOf`. Pure and deterministic: the same roles (in any order) give the same map.
 *
 * Steps and their cost (n items, T words in all, K = NEAR_LIMIT):
 * 1. Texts are deduplicated (same text after trimming, collapsing whitespace, case-folding) and
 *    turned into TF-IDF vectors: O(T log T).
 * 2. One similarity join finds, for every distinct text, its most similar texts at or above the
 *    lowest threshold (at most K kept per text), bucketing by rare shared words first (the
 *    prefix filter of `similarity.ts`): O(T · maxPostings).
 * 3. Areas, overlaps and criterion owners come from those neighbours by sorting and star
 *    clustering (no chaining: every member of a group resembles its centre): O(n · K log(n · K)).
 * 4. Whether a criterion is owned by a role evaluated on it is checked exactly, against those
 *    roles' own responsibilities (at most MAX_ACCOUNTABLE roles): O(criteria · their
 *    responsibilities).
 * Nothing is compared pairwise over all responsibilities.
 */
import { throwIfCancelled, type CancellationLike } from '../cancellation';
import { normalizeName } from '../text';
import type { Role } from '../types';
import { quote } from './describe';
import { buildVectors, cosine, sharedTerms, similarPairs } from './similarity';
import { terms, type Term } from './tokens';
import type { Gap, MapArea, MapItem, MapOptions, MapRole, Overlap, OverlapLink, ResponsibilityMap, SharedCriteria } from './types';

export const DEFAULT_THRESHOLDS: Required<MapOptions> = {
  overlapThreshold: 0.45,
  criterionThreshold: 0.25,
  areaThreshold: 0.3,
};

/** Most similar texts kept per text. */
const NEAR_LIMIT = 40;
/** How many matching responsibilities a criterion lists. */
const MAX_MATCHES = 10;
/**
 * Most roles a success criterion is checked against: its own role, then the roles that share it,
 * nearest first. Sharing is followed transitively, and a handbook where every role shares the
 * criteria of the next (a ring of thousands) would otherwise make every role accountable for
 * every criterion: a map quadratic in size and time.
 */
export const MAX_ACCOUNTABLE = 50;
/** Key of the area for texts that neither declare an area nor resemble anything. */
export const OTHER_AREA = 'other';

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Doc {
  terms: Term[];
  /** Item indices with this text, in map order: all, responsibilities, criteria. */
  items: number[];
  resp: number[];
  crit: number[];
  /** Most similar docs at or above the lowest threshold, best first (at most NEAR_LIMIT). */
  near: { doc: number; score: number }[];
}

function checkThreshold(name: string, v: number): number {
  if (!(typeof v === 'number' && v > 0 && v <= 1)) throw new RangeError(`${name} must be a number in (0, 1], got ${v}`);
  return v;
}

const byScore = (x: { score: number; doc: number }, y: { score: number; doc: number }) => y.score - x.score || x.doc - y.doc;

/**
 * Star clustering: nodes with the most neighbours first; each node not yet taken becomes the
 * centre of a group with its neighbours not yet taken. Groups never chain: each member is a
 * neighbour of its centre. `neighbours(n)` lists nodes of the same set, best first.
 */
function starClusters(nodes: readonly number[], neighbours: (n: number) => number[]): { centre: number; members: number[] }[] {
  const lists = new Map(nodes.map((n) => [n, neighbours(n)]));
  const order = [...nodes].sort((a, b) => lists.get(b)!.length - lists.get(a)!.length || a - b);
  const taken = new Set<number>();
  const out: { centre: number; members: number[] }[] = [];
  for (const c of order) {
    if (taken.has(c)) continue;
    taken.add(c);
    const members = [c];
    for (const m of lists.get(c)!) {
      if (taken.has(m)) continue;
      taken.add(m);
      members.push(m);
    }
    out.push({ centre: c, members });
  }
  return out;
}

/**
 * The map of `input`. With a token, the build polls it between roles, texts and criteria and throws
 * `Cancelled` (core/cancellation) once it is cancelled.
 */
export function buildResponsibilityMap(input: readonly Role[], options: MapOptions = {}, token?: CancellationLike): ResponsibilityMap {
  throwIfCancelled(token);
  const thresholds: Required<MapOptions> = {
    overlapThreshold: checkThreshold('overlapThreshold', options.overlapThreshold ?? DEFAULT_THRESHOLDS.overlapThreshold),
    criterionThreshold: checkThreshold('criterionThreshold', options.criterionThreshold ?? DEFAULT_THRESHOLDS.criterionThreshold),
    areaThreshold: checkThreshold('areaThreshold', options.areaThreshold ?? DEFAULT_THRESHOLDS.areaThreshold),
  };
  const roles = [...input].sort((a, b) => cmp(a.id, b.id) || cmp(a.uri, b.uri));
  const roleIndex = new Map(roles.map((r, i) => [r.uri, i]));
  const byRoleOrder = (a: string, b: string) => roleIndex.get(a)! - roleIndex.get(b)!;

  // --- Names, for sharesSuccessCriteriaOf (the first file by URI wins, as in the index).
  const owners = new Map<string, string>();
  for (const r of [...roles].sort((a, b) => cmp(a.uri, b.uri))) {
    for (const name of [r.id, r.title, ...r.aliases.map((a) => a.value)]) {
      const key = normalizeName(name);
      if (key && !owners.has(key)) owners.set(key, r.uri);
    }
  }
  const mapRoles: MapRole[] = roles.map((r) => {
    const from: string[] = [];
    for (const ref of r.sharesSuccessCriteriaOf) {
      const target = owners.get(normalizeName(ref.value));
      if (target && target !== r.uri && !from.includes(target)) from.push(target);
    }
    const role: MapRole = { key: r.uri, id: r.id, title: r.title, sharesFrom: from };
    if (r.type !== undefined) role.type = r.type;
    if (r.builtin) role.builtin = true;
    return role;
  });
  const roleByKey = new Map(mapRoles.map((r) => [r.key, r]));

  // --- Items, in map order: role by role, responsibilities then criteria.
  const items: MapItem[] = [];
  const declaredArea: (string | undefined)[] = [];
  const areaLabels = new Map<string, string>();
  const respOf = new Map<string, number[]>();
  const criteriaOf = new Map<string, number[]>();
  for (const r of roles) {
    throwIfCancelled(token);
    respOf.set(r.uri, []);
    criteriaOf.set(r.uri, []);
    r.responsibilities.forEach((resp, index) => {
      if (!resp.text.trim()) return;
      const label = resp.area?.trim().replace(/\s+/g, ' ');
      let area: string | undefined;
      if (label) {
        area = `area:${normalizeName(label)}`;
        if (!areaLabels.has(area)) areaLabels.set(area, label);
      }
      declaredArea.push(area);
      respOf.get(r.uri)!.push(items.length);
      const item: MapItem = {
        key: `${r.uri}#r${index}`,
        kind: 'responsibility',
        role: r.uri,
        index,
        text: resp.text,
        area: area ?? '',
        range: resp.textRange,
      };
      if (resp.id !== undefined) item.id = resp.id;
      items.push(item);
    });
    r.successCriteria.forEach((c, index) => {
      if (!c.value.trim()) return;
      declaredArea.push(undefined);
      criteriaOf.get(r.uri)!.push(items.length);
      items.push({ key: `${r.uri}#c${index}`, kind: 'criterion', role: r.uri, index, text: c.value, area: '', range: c.range });
    });
  }
  const itemByKey = new Map(items.map((it, i) => [it.key, i]));
  const titleOf = (i: number) => roleByKey.get(items[i].role)?.title ?? '';

  // --- Distinct texts, their vectors, and each one's most similar texts.
  const docs: Doc[] = [];
  const docOf: number[] = [];
  const docByText = new Map<string, number>();
  items.forEach((it, i) => {
    const norm = normalizeName(it.text);
    let d = docByText.get(norm);
    if (d === undefined) {
      d = docs.length;
      docByText.set(norm, d);
      docs.push({ terms: terms(it.text), items: [], resp: [], crit: [], near: [] });
    }
    docs[d].items.push(i);
    (it.kind === 'responsibility' ? docs[d].resp : docs[d].crit).push(i);
    docOf.push(d);
  });
  const space = buildVectors(docs.map((d) => d.terms));
  const minThreshold = Math.min(thresholds.overlapThreshold, thresholds.criterionThreshold, thresholds.areaThreshold);
  // Top-K per doc: a full buffer is cut back to the best K, whose worst score then bars weaker ones.
  const floor = new Float64Array(docs.length);
  const keep = (d: number, other: number, score: number) => {
    if (score < floor[d]) return;
    const doc = docs[d];
    doc.near.push({ doc: other, score });
    if (doc.near.length >= 4 * NEAR_LIMIT) {
      doc.near = doc.near.sort(byScore).slice(0, NEAR_LIMIT);
      floor[d] = doc.near[NEAR_LIMIT - 1].score;
    }
  };
  const scored = similarPairs(
    space.vectors,
    minThreshold,
    (a, b, score) => {
      keep(a, b, score);
      keep(b, a, score);
    },
    { token },
  );
  for (const d of docs) d.near = d.near.sort(byScore).slice(0, NEAR_LIMIT);

  /** Shared words of two docs, as written in the first, weightiest first. */
  const wordsOf = (da: number, db: number, max = 5): string[] => {
    const written = new Map<string, string>();
    for (const t of docs[da].terms) if (!written.has(t.stem)) written.set(t.stem, t.word);
    return sharedTerms(space.vectors[da], space.vectors[db])
      .slice(0, max)
      .map((s) => written.get(space.stems[s.id]) ?? space.stems[s.id]);
  };

  /** Similar docs of `d` at or above `threshold`, the doc itself first (score 1). */
  const around = (d: number, threshold: number): { doc: number; score: number }[] => {
    const out = [{ doc: d, score: 1 }];
    for (const n of docs[d].near) {
      if (n.score < threshold) break;
      out.push(n);
    }
    return out;
  };

  // --- Areas of responsibilities without one: the declared area of the most similar responsibility.
  /** Per doc: its responsibility with the first declared area (by key), if any. */
  const declaredOf = docs.map((doc) => {
    let best: number | undefined;
    for (const j of doc.resp) if (declaredArea[j] && (best === undefined || cmp(declaredArea[j], declaredArea[best]!) < 0)) best = j;
    return best;
  });
  docs.forEach((doc, d) => {
    throwIfCancelled(token);
    const undeclared = doc.resp.filter((i) => !declaredArea[i]);
    if (!undeclared.length) return;
    let best: { item: number; score: number } | undefined;
    for (const n of around(d, thresholds.areaThreshold)) {
      const j = declaredOf[n.doc];
      if (j === undefined) continue;
      if (
        !best ||
        n.score > best.score ||
        (n.score === best.score && (cmp(declaredArea[j]!, declaredArea[best.item]!) || j - best.item) < 0)
      )
        best = { item: j, score: n.score };
    }
    if (!best) return;
    const other = items[best.item];
    const reason =
      best.score >= 1
        ? `same text as in ${titleOf(best.item)}`
        : `similar to ${quote(other.text, 80)} (${titleOf(best.item)}, ${best.score.toFixed(2)}: ${wordsOf(d, docOf[best.item], 3).join(', ')})`;
    for (const i of undeclared) {
      items[i].area = declaredArea[best.item]!;
      items[i].areaReason = reason;
    }
  });

  /** Label of a group of similar texts: its weightiest words shared by most of its texts. */
  const groupLabel = (memberDocs: number[]): string => {
    const distinct = [...new Set(memberDocs)];
    const score = new Map<number, number>();
    const count = new Map<number, number>();
    for (const d of distinct) {
      const v = space.vectors[d];
      v.ids.forEach((id, k) => {
        score.set(id, (score.get(id) ?? 0) + v.weights[k]);
        count.set(id, (count.get(id) ?? 0) + 1);
      });
    }
    const need = distinct.length > 1 ? 2 : 1;
    const top = [...score.keys()]
      .filter((id) => count.get(id)! >= need)
      .sort((a, b) => count.get(b)! - count.get(a)! || score.get(b)! - score.get(a)! || a - b)
      .slice(0, 2);
    const words = top.map((id) => {
      const seen = new Map<string, number>();
      for (const d of distinct)
        for (const t of docs[d].terms) if (space.stems[id] === t.stem) seen.set(t.word, (seen.get(t.word) ?? 0) + 1);
      return [...seen.entries()].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0]))[0]?.[0] ?? space.stems[id];
    });
    return words.length ? words.join(', ') : 'similar texts';
  };

  // The rest, and success criteria that no responsibility matches, group by similarity among themselves.
  const inferred: { key: string; label: string }[] = [];
  const groupLeftovers = (kind: 'responsibility' | 'criterion', reason: string): void => {
    const leftOf = new Map<number, number[]>();
    items.forEach((it, i) => {
      if (it.kind !== kind || it.area) return;
      const list = leftOf.get(docOf[i]);
      if (list) list.push(i);
      else leftOf.set(docOf[i], [i]);
    });
    const nodes = [...leftOf.keys()];
    const groups = starClusters(nodes, (d) =>
      around(d, thresholds.areaThreshold)
        .slice(1)
        .map((n) => n.doc)
        .filter((n) => leftOf.has(n)),
    );
    for (const g of groups) {
      const members = g.members.flatMap((d) => leftOf.get(d)!).sort((a, b) => a - b);
      if (members.length < 2) {
        items[members[0]].area = OTHER_AREA;
        items[members[0]].areaReason = kind === 'criterion' ? 'no responsibility matches it' : 'no area given and no similar text';
        continue;
      }
      const label = groupLabel(g.members);
      let key = `group:${normalizeName(label)}`;
      for (let n = 2; areaLabels.has(key); n++) key = `group:${normalizeName(label)}#${n}`;
      areaLabels.set(key, label);
      inferred.push({ key, label });
      for (const i of members) {
        items[i].area = key;
        items[i].areaReason = `${reason} (shared words: ${label})`;
      }
    }
  };
  groupLeftovers('responsibility', 'no area given; grouped with similar responsibilities');

  // --- Overlaps: responsibilities of different roles with the same or nearly the same text.
  const respDocs = docs.map((_, d) => d).filter((d) => docs[d].resp.length > 0);
  const respDocSet = new Set(respDocs);
  const overlapNeighbours = (d: number) =>
    docs[d].near.filter((n) => n.score >= thresholds.overlapThreshold && respDocSet.has(n.doc)).map((n) => n.doc);
  const overlaps: Overlap[] = [];
  for (const g of starClusters(respDocs, overlapNeighbours)) {
    const groupItems = g.members.flatMap((d) => docs[d].resp).sort((a, b) => a - b);
    const roleKeys = [...new Set(groupItems.map((i) => items[i].role))].sort(byRoleOrder);
    if (roleKeys.length < 2) continue;
    const links: OverlapLink[] = [];
    const centre = docs[g.centre].resp[0];
    for (const d of g.members) {
      const resp = docs[d].resp;
      if (d !== g.centre) {
        const score = docs[g.centre].near.find((n) => n.doc === d)?.score ?? cosine(space.vectors[g.centre], space.vectors[d]);
        links.push({ a: items[centre].key, b: items[resp[0]].key, score: round(score), same: false, words: wordsOf(g.centre, d) });
      }
      for (const j of resp.slice(1)) links.push({ a: items[resp[0]].key, b: items[j].key, score: 1, same: true, words: [] });
    }
    links.sort((x, y) => y.score - x.score || itemByKey.get(x.a)! - itemByKey.get(y.a)! || itemByKey.get(x.b)! - itemByKey.get(y.b)!);
    overlaps.push({ items: groupItems.map((i) => items[i].key), roles: roleKeys, links, score: Math.max(...links.map((l) => l.score)) });
  }
  overlaps.sort((x, y) => y.score - x.score || itemByKey.get(x.items[0])! - itemByKey.get(y.items[0])!);
  overlaps.forEach((o, n) => o.items.forEach((k) => (items[itemByKey.get(k)!].overlap = n)));

  // --- Shared criteria, transitively: who is evaluated on each role's own criteria. A role that
  // `extends` another holds its criteria (and its responsibilities) too: each item stays counted
  // once, at the rung that adds it, and the rungs above are accountable for it.
  const sharedBy = new Map<string, string[]>();
  const addSharer = (from: string, by: string) => {
    const list = sharedBy.get(from);
    if (list) list.push(by);
    else sharedBy.set(from, [by]);
  };
  for (const r of mapRoles) for (const f of r.sharesFrom) addSharer(f, r.key);
  const parentOf = new Map<string, string>();
  for (const r of roles) {
    const parent = r.extends ? owners.get(normalizeName(r.extends.value)) : undefined;
    if (!parent || parent === r.uri) continue;
    parentOf.set(r.uri, parent);
    if (!roleByKey.get(r.uri)!.sharesFrom.includes(parent)) addSharer(parent, r.uri);
  }
  /** A role and the roles it extends (transitively, cycle-safe): whose responsibilities it holds. */
  const holdersCache = new Map<string, Set<string>>();
  const holdersOf = (keys: readonly string[]): Set<string> => {
    const out = new Set<string>();
    for (const k of keys) {
      let h = holdersCache.get(k);
      if (!h) {
        h = new Set([k]);
        for (let p = parentOf.get(k); p && !h.has(p); p = parentOf.get(p)) h.add(p);
        holdersCache.set(k, h);
      }
      for (const x of h) out.add(x);
    }
    return out;
  };
  const accountableCache = new Map<string, string[]>();
  const accountableFor = (roleKey: string): string[] => {
    let out = accountableCache.get(roleKey);
    if (out) return out;
    const seen = new Set([roleKey]);
    const queue = [roleKey];
    for (let q = 0; q < queue.length && seen.size < MAX_ACCOUNTABLE; q++) {
      for (const s of sharedBy.get(queue[q]) ?? []) {
        if (seen.has(s)) continue;
        seen.add(s);
        queue.push(s);
        if (seen.size === MAX_ACCOUNTABLE) break;
      }
    }
    out = [...seen].sort(byRoleOrder);
    accountableCache.set(roleKey, out);
    return out;
  };
  const shared: SharedCriteria[] = [];
  for (const r of roles) {
    const done = new Set<string>();
    for (const ref of r.sharesSuccessCriteriaOf) {
      const from = owners.get(normalizeName(ref.value));
      if (!from || from === r.uri || done.has(from)) continue;
      done.add(from);
      shared.push({ role: r.uri, from, range: ref.range, criteria: criteriaOf.get(from)!.map((i) => items[i].key) });
    }
  }

  // --- Success criteria: the responsibilities that match them, their area, and who owns them.
  /** Per doc with criteria: matching responsibilities (best first) and the roles that own them. */
  const docMatches = new Map<number, { matches: { item: number; score: number }[]; owners: Set<number> }>();
  const matchesOf = (d: number) => {
    let m = docMatches.get(d);
    if (m) return m;
    const matches: { item: number; score: number }[] = [];
    const ownerSet = new Set<number>();
    for (const n of around(d, thresholds.criterionThreshold)) {
      for (const j of docs[n.doc].resp) {
        ownerSet.add(roleIndex.get(items[j].role)!);
        if (matches.length < MAX_MATCHES) matches.push({ item: j, score: n.score });
      }
    }
    m = { matches, owners: ownerSet };
    docMatches.set(d, m);
    return m;
  };
  items.forEach((it, i) => {
    if (it.kind !== 'criterion') return;
    throwIfCancelled(token);
    const accountable = accountableFor(it.role);
    const base = matchesOf(docOf[i]);
    const found = [...base.matches];
    const ownerSet = new Set(base.owners);
    // The roles evaluated on the criterion (and those they extend) are checked exactly, whatever the join kept.
    for (const r of holdersOf(accountable)) {
      const ri = roleIndex.get(r)!;
      if (ownerSet.has(ri)) continue;
      for (const j of respOf.get(r)!) {
        const score = docOf[j] === docOf[i] ? 1 : cosine(space.vectors[docOf[i]], space.vectors[docOf[j]]);
        if (score < thresholds.criterionThreshold - 1e-12) continue;
        ownerSet.add(ri);
        found.push({ item: j, score });
      }
    }
    found.sort((x, y) => y.score - x.score || x.item - y.item);
    it.matches = found.slice(0, MAX_MATCHES).map((m) => ({ item: items[m.item].key, score: round(m.score) }));
    it.owners = [...ownerSet].sort((a, b) => a - b).map((ri) => roles[ri].uri);
    it.accountable = accountable;
    if (found.length) {
      const best = found[0];
      it.area = items[best.item].area;
      it.areaReason = `matches ${quote(items[best.item].text, 80)} (${titleOf(best.item)}, ${best.score.toFixed(2)})`;
    }
  });
  groupLeftovers('criterion', 'no responsibility matches it; grouped with similar success criteria');

  // --- Areas: declared ones by label, then inferred groups, then the rest.
  const areaItems = new Map<string, string[]>();
  for (const it of items) {
    const list = areaItems.get(it.area);
    if (list) list.push(it.key);
    else areaItems.set(it.area, [it.key]);
  }
  const byLabel = (a: { key: string; label: string }, b: { key: string; label: string }) =>
    cmp(a.label.toLowerCase(), b.label.toLowerCase()) || cmp(a.key, b.key);
  const ordered: { key: string; label: string; source: MapArea['source'] }[] = [
    ...[...areaLabels.entries()]
      .filter(([k]) => k.startsWith('area:'))
      .map(([key, label]) => ({ key, label }))
      .sort(byLabel)
      .map((a) => ({ ...a, source: 'declared' as const })),
    ...[...inferred].sort(byLabel).map((a) => ({ ...a, source: 'inferred' as const })),
    { key: OTHER_AREA, label: 'Other', source: 'other' },
  ];
  const gaps: Gap[] = [];
  const areas: MapArea[] = [];
  for (const { key, label, source } of ordered) {
    const keys = areaItems.get(key);
    if (!keys) continue;
    const its = keys.map((k) => items[itemByKey.get(k)!]);
    const respRoles = [...new Set(its.filter((x) => x.kind === 'responsibility').map((x) => x.role))].sort(byRoleOrder);
    const unowned = source !== 'other' && respRoles.length === 0 && its.some((x) => x.kind === 'criterion');
    areas.push({ key, label, source, items: keys, roles: respRoles, unowned });
    if (unowned) gaps.push({ kind: 'unowned-area', area: key, criteria: keys });
  }

  // --- Gaps: criteria no accountable role owns; roles whose responsibilities match none of their criteria.
  for (const it of items) {
    if (it.kind !== 'criterion') continue;
    const holders = holdersOf(it.accountable!);
    if (it.owners!.some((o) => holders.has(o))) continue;
    gaps.push({ kind: 'unowned-criterion', item: it.key, accountable: it.accountable!, elsewhere: it.owners! });
  }
  for (const r of mapRoles) {
    const own = criteriaOf.get(r.key)!;
    const holders = holdersOf([r.key]);
    if (own.length && !own.some((i) => items[i].owners!.some((o) => holders.has(o)))) {
      gaps.push({ kind: 'role-without-matching-responsibility', role: r.key, criteria: own.map((i) => items[i].key) });
    }
  }

  return {
    roles: mapRoles,
    items,
    areas,
    overlaps,
    gaps,
    shared,
    thresholds,
    stats: {
      responsibilities: items.filter((it) => it.kind === 'responsibility').length,
      criteria: items.filter((it) => it.kind === 'criterion').length,
      texts: docs.length,
      scored,
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
