/**
 * The responsibility map as a Markdown page for a handbook ("Copy as Markdown" in the view, and
 * `handbook-lint --report overlaps --format markdown`). Every role string is escaped, so a
 * responsibility can never turn into HTML, a link or a broken table.
 */
import { NO_FILTER, showsItem, type MapFilter } from '../protocol/mapProtocol';
import { count, describeGap, explainLink, MapLookup } from './describe';
import type { ResponsibilityMap } from './types';

/**
 * Escapes text for one line of Markdown (a list item or a table cell): line breaks become spaces,
 * the characters of emphasis, code, links, tables and HTML are backslashed, `&` becomes `&amp;`
 * (no entity survives), and a leading list or heading marker is neutralised.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]|~<>#]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/^[-+=]/, '\\$&')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

export function mapToMarkdown(map: ResponsibilityMap, filter: MapFilter = NO_FILTER): string {
  const look = new MapLookup(map);
  const roles = map.roles.filter((r) => !filter.roles.length || filter.roles.includes(r.key));
  const roleSet = new Set(roles.map((r) => r.key));
  const inView = (areaKey: string) => !filter.areas.length || filter.areas.includes(areaKey);
  const e = escapeMarkdown;
  const out: string[] = ['# Responsibility map', ''];
  const overlaps = map.overlaps.filter(
    (o) => o.roles.filter((r) => roleSet.has(r)).length >= 2 && o.items.some((k) => inView(look.item(k).area)),
  );
  const gaps = map.gaps.filter((g) => {
    if (g.kind === 'unowned-area') return inView(g.area);
    if (g.kind === 'unowned-criterion') return inView(look.item(g.item).area) && g.accountable.some((r) => roleSet.has(r));
    return roleSet.has(g.role);
  });
  out.push(
    `${count(roles.length, 'role')}, ${count(map.stats.responsibilities, 'responsibility', 'responsibilities')}, ` +
      `${count(map.stats.criteria, 'success criterion', 'success criteria')}: ${count(overlaps.length, 'overlap')}, ${count(gaps.length, 'gap')}.`,
    '',
  );

  out.push('## Overlaps', '');
  if (!overlaps.length) out.push('No two roles claim the same or nearly the same responsibility.', '');
  for (const o of overlaps) {
    const area = look.areaLabel(look.item(o.items[0]).area);
    out.push(`- **${e(area)}**: ${o.items.map((k) => `${e(look.title(look.item(k).role))}: “${e(look.item(k).text)}”`).join('; ')}`);
    for (const l of o.links) {
      out.push(`  - ${e(look.title(look.item(l.a).role))} ↔ ${e(look.title(look.item(l.b).role))}: ${e(explainLink(l))}`);
    }
  }
  if (overlaps.length) out.push('');

  out.push('## Gaps', '');
  if (!gaps.length) out.push('Every success criterion has a responsible role.', '');
  for (const g of gaps) out.push(`- ${e(describeGap(g, look))}`);
  if (gaps.length) out.push('');

  const shared = map.shared.filter((s) => roleSet.has(s.role));
  if (shared.length) {
    out.push('## Shared success criteria', '');
    for (const s of shared)
      out.push(
        `- ${e(look.title(s.role))} shares the ${count(s.criteria.length, 'success criterion', 'success criteria')} of ${e(look.title(s.from))}.`,
      );
    out.push('');
  }

  out.push('## By area', '');
  const rows: string[] = [];
  for (const area of map.areas) {
    if (!inView(area.key)) continue;
    const cells = roles.map((r) => {
      const lines: string[] = [];
      for (const key of area.items) {
        const it = look.item(key);
        if (!showsItem(it, r.key, filter)) continue;
        if (it.kind === 'responsibility') {
          lines.push(`${e(it.text)}${it.overlap !== undefined ? ' **(overlap)**' : ''}`);
        } else {
          const gap = !(it.owners ?? []).some((o) => (it.accountable ?? []).includes(o));
          const via = it.role !== r.key ? ` (shared from ${e(look.title(it.role))})` : '';
          lines.push(`_Success:_ ${e(it.text)}${via}${gap ? ' **(unowned)**' : ''}`);
        }
      }
      return lines.join('<br>');
    });
    if (cells.every((c) => !c)) continue;
    const label = `${e(area.label)}${area.source === 'inferred' ? ' _(inferred)_' : ''}${area.unowned ? ' **(no responsible role)**' : ''}`;
    rows.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  if (!roles.length || !rows.length) {
    out.push('Nothing to show.', '');
  } else {
    out.push(`| Area | ${roles.map((r) => e(r.title)).join(' | ')} |`, `| --- | ${roles.map(() => '---').join(' | ')} |`, ...rows, '');
  }
  return out.join('\n');
}
