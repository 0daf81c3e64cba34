/** Lookups and plain-text explanations over a responsibility map, shared by its three faces. */
import type { Gap, MapArea, MapItem, MapRole, Overlap, OverlapLink, ResponsibilityMap } from './types';

export class MapLookup {
  readonly roles = new Map<string, MapRole>();
  readonly items = new Map<string, MapItem>();
  readonly areas = new Map<string, MapArea>();

  constructor(readonly map: ResponsibilityMap) {
    for (const r of map.roles) this.roles.set(r.key, r);
    for (const it of map.items) this.items.set(it.key, it);
    for (const a of map.areas) this.areas.set(a.key, a);
  }

  title(roleKey: string): string {
    return this.roles.get(roleKey)?.title ?? roleKey;
  }

  item(key: string): MapItem {
    const it = this.items.get(key);
    if (!it) throw new Error(`no item ${key} in the map`);
    return it;
  }

  areaLabel(key: string): string {
    return this.areas.get(key)?.label ?? key;
  }

  /** The links of an overlap that touch an item. */
  linksOf(overlap: Overlap, itemKey: string): OverlapLink[] {
    return overlap.links.filter((l) => l.a === itemKey || l.b === itemKey);
  }

  /**
   * For an item of an overlap: the item of another role it is most directly tied to (a direct link
   * first, else the first such item of the overlap), with the link when there is one.
   */
  counterpart(overlap: Overlap, itemKey: string): { item: MapItem; link?: OverlapLink } | undefined {
    const self = this.item(itemKey);
    const direct = this.linksOf(overlap, itemKey)
      .map((l) => ({ link: l, other: this.item(l.a === itemKey ? l.b : l.a) }))
      .filter((x) => x.other.role !== self.role)
      .sort((x, y) => y.link.score - x.link.score)[0];
    if (direct) return { item: direct.other, link: direct.link };
    const other = overlap.items.map((k) => this.item(k)).find((it) => it.role !== self.role);
    return other && { item: other };
  }
}

/** “text”, shortened to `max` characters. */
export function quote(text: string, max = 100): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}

/** Why two items overlap, in words: "same text" or "similarity 0.83; shared words: a, b". */
export function explainLink(link: OverlapLink): string {
  if (link.same) return 'same text';
  return `similarity ${link.score.toFixed(2)}; shared words: ${link.words.join(', ')}`;
}

/** Joins names: "A", "A and B", "A, B and C" (or "A, B or C"). */
export function joinNames(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** "1 overlap", "2 overlaps". */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** One sentence per gap, for reports and findings. */
export function describeGap(gap: Gap, look: MapLookup): string {
  switch (gap.kind) {
    case 'unowned-area':
      return `Area "${look.areaLabel(gap.area)}" has ${count(gap.criteria.length, 'success criterion', 'success criteria')} but no responsible role.`;
    case 'unowned-criterion': {
      const item = look.item(gap.item);
      const who = joinNames(gap.accountable.map((k) => look.title(k)));
      if (gap.elsewhere.length === 0)
        return `No responsibility in the handbook matches the success criterion ${quote(item.text)} of ${who}.`;
      return `No responsibility of ${who} matches the success criterion ${quote(item.text)}; only ${joinNames(gap.elsewhere.map((k) => look.title(k)))} has one.`;
    }
    case 'role-without-matching-responsibility':
      return `${look.title(gap.role)} has ${count(gap.criteria.length, 'success criterion', 'success criteria')} of its own, and none of its responsibilities matches any of them.`;
  }
}
