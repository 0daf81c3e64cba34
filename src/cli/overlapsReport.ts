/**
 * `handbook-lint --report overlaps`: the responsibility map of the handbook for CI and docs
 * (stylish for people, JSON for tools, Markdown for a handbook page), and `--overlaps`: the map's
 * opt-in findings merged into the usual lint output.
 */
import * as path from 'path';
import type { HandbookIndex } from '../core/handbookIndex';
import { buildResponsibilityMap } from '../core/map/analyze';
import { count, describeGap, explainLink, MapLookup } from '../core/map/describe';
import { mapFindings } from '../core/map/findings';
import { mapToMarkdown } from '../core/map/markdown';
import type { Gap, MapItem, ResponsibilityMap } from '../core/map/types';
import type { Finding } from '../core/types';
import { toPosix } from './discover';

export type ReportFormat = 'stylish' | 'json' | 'markdown';

/** The opt-in findings by file (absolute path, as the CLI's index keys files). */
export function overlapFindings(index: HandbookIndex): Map<string, Finding[]> {
  return mapFindings(buildResponsibilityMap(index.roles()));
}

interface JsonItem {
  role: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  kind: MapItem['kind'];
  text: string;
  area: string;
  areaReason?: string;
}

/** The map with files relative to `cwd` and items written out, for `--format json`. */
export function reportJson(map: ResponsibilityMap, cwd: string) {
  const look = new MapLookup(map);
  const file = (uri: string) => toPosix(path.relative(cwd, uri)) || uri;
  const item = (key: string): JsonItem => {
    const it = look.item(key);
    const out: JsonItem = {
      role: look.roles.get(it.role)!.id,
      file: file(it.role),
      ...it.range,
      kind: it.kind,
      text: it.text,
      area: look.areaLabel(it.area),
    };
    if (it.areaReason) out.areaReason = it.areaReason;
    return out;
  };
  const gap = (g: Gap) => {
    const message = describeGap(g, look);
    switch (g.kind) {
      case 'unowned-criterion':
        return {
          kind: g.kind,
          message,
          criterion: item(g.item),
          accountable: g.accountable.map((k) => look.roles.get(k)!.id),
          elsewhere: g.elsewhere.map((k) => look.roles.get(k)!.id),
        };
      case 'unowned-area':
        return { kind: g.kind, message, area: look.areaLabel(g.area), criteria: g.criteria.map(item) };
      case 'role-without-matching-responsibility':
        return { kind: g.kind, message, role: look.roles.get(g.role)!.id, file: file(g.role), criteria: g.criteria.map(item) };
    }
  };
  return {
    roles: map.roles.map((r) => ({
      id: r.id,
      title: r.title,
      file: file(r.key),
      sharesSuccessCriteriaOf: r.sharesFrom.map((k) => look.roles.get(k)!.id),
    })),
    areas: map.areas.map((a) => ({
      label: a.label,
      source: a.source,
      unowned: a.unowned,
      roles: a.roles.map((k) => look.roles.get(k)!.id),
      items: a.items.map(item),
    })),
    overlaps: map.overlaps.map((o) => ({
      score: o.score,
      roles: o.roles.map((k) => look.roles.get(k)!.id),
      items: o.items.map(item),
      links: o.links.map((l) => ({
        a: item(l.a),
        b: item(l.b),
        score: l.score,
        same: l.same,
        words: l.words,
        explanation: explainLink(l),
      })),
    })),
    gaps: map.gaps.map(gap),
    shared: map.shared.map((s) => ({
      role: look.roles.get(s.role)!.id,
      from: look.roles.get(s.from)!.id,
      file: file(s.role),
      ...s.range,
      criteria: s.criteria.length,
    })),
    thresholds: map.thresholds,
    stats: map.stats,
  };
}

export function reportStylish(map: ResponsibilityMap, cwd: string, color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const look = new MapLookup(map);
  const where = (it: MapItem) => `${toPosix(path.relative(cwd, it.role)) || it.role}:${it.range.line}:${it.range.column}`;
  const short = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  const out: string[] = [
    paint('1', 'Responsibility map') +
      `: ${count(map.roles.length, 'role')}, ${count(map.stats.responsibilities, 'responsibility', 'responsibilities')}, ${count(map.stats.criteria, 'success criterion', 'success criteria')}`,
    '',
    paint('4', `Overlaps (${map.overlaps.length})`),
  ];
  if (!map.overlaps.length) out.push('  none');
  for (const o of map.overlaps) {
    const its = o.items.map((k) => look.item(k));
    out.push(`  ${paint('36', look.areaLabel(its[0].area))}: ${o.links.map((l) => explainLink(l)).join('; ')}`);
    const w = Math.max(...its.map((it) => where(it).length));
    for (const it of its) out.push(`    ${paint('2', where(it).padEnd(w))}  ${short(look.title(it.role))}: ${short(it.text)}`);
  }
  out.push('', paint('4', `Gaps (${map.gaps.length})`));
  if (!map.gaps.length) out.push('  none');
  for (const g of map.gaps) {
    const at = g.kind === 'unowned-criterion' ? `${paint('2', where(look.item(g.item)))}  ` : '';
    out.push(`  ${at}${paint(g.kind === 'unowned-criterion' ? '33' : '35', g.kind)}  ${describeGap(g, look)}`);
  }
  if (map.shared.length) {
    out.push('', paint('4', 'Shared success criteria'));
    for (const s of map.shared)
      out.push(
        `  ${short(look.title(s.role))} shares the ${count(s.criteria.length, 'success criterion', 'success criteria')} of ${short(look.title(s.from))}`,
      );
  }
  out.push('', paint('4', `Areas (${map.areas.length})`));
  const w = Math.max(0, ...map.areas.map((a) => a.label.length));
  for (const a of map.areas) {
    const its = a.items.map((k) => look.item(k));
    const r = its.filter((it) => it.kind === 'responsibility').length;
    const c = its.length - r;
    const flags = [
      a.source === 'inferred' ? 'inferred' : '',
      a.unowned ? paint('35', 'no responsible role') : '',
      its.some((it) => it.overlap !== undefined) ? paint('33', 'overlap') : '',
    ].filter(Boolean);
    const roles = a.roles.map((k) => short(look.title(k))).join(', ') || '-';
    out.push(
      `  ${short(a.label).padEnd(w)}  ${count(r, 'responsibility', 'responsibilities')}, ${count(c, 'criterion', 'criteria')}  ${roles}${flags.length ? `  [${flags.join(', ')}]` : ''}`,
    );
  }
  return out.join('\n') + '\n';
}

/** The report of the handbook's roles in one format. */
export function formatReport(index: HandbookIndex, format: ReportFormat, cwd: string, color: boolean): string {
  const map = buildResponsibilityMap(index.roles());
  if (format === 'json') return JSON.stringify(reportJson(map, cwd), null, 2) + '\n';
  if (format === 'markdown') return mapToMarkdown(map);
  return reportStylish(map, cwd, color);
}
