/**
 * The org chart: the reporting lines as a layered graph laid out by dagre (@dagrejs/dagre), the
 * Sugiyama-style layout that suits hierarchies: managers above their reports, few crossings,
 * dotted lines (several managers) and cycles handled (dagre reverses a minimal set of edges to
 * rank the graph, and the edge still points from manager to report).
 */
import dagre from '@dagrejs/dagre';
import type { OrgCard, OrgChart, OrgEdge } from '../protocol/orgProtocol';
import type { Role } from '../types';
import type { OrgGraph } from './graph';
import { ladderOf } from './ladders';
import { cmp, reportingLines, type ReportingLine } from './reporting';
import { orgRoles } from './render';

export const CARD_WIDTH = 220;
export const CARD_HEIGHT = 72;
/** More cards than this are not laid out at once (dagre's layout grows faster than linearly): the page asks for a subtree. */
export const MAX_CARDS = 400;

/** The lines within the subtree of `root` (the role and everyone below it), or all lines. */
export function subtreeLines(lines: readonly ReportingLine[], root: string | undefined): ReportingLine[] {
  if (!root) return [...lines];
  const below = new Map<string, ReportingLine[]>();
  for (const l of lines) {
    const list = below.get(l.manager.uri);
    if (list) list.push(l);
    else below.set(l.manager.uri, [l]);
  }
  const inside = new Set([root]);
  const queue = [root];
  for (let i = 0; i < queue.length; i++) {
    for (const l of below.get(queue[i]) ?? []) {
      if (inside.has(l.report.uri)) continue;
      inside.add(l.report.uri);
      queue.push(l.report.uri);
    }
  }
  return lines.filter((l) => inside.has(l.manager.uri) && inside.has(l.report.uri));
}

/** Builds and lays out the chart of a handbook's reporting lines, optionally one role's subtree. */
export function buildOrgChart(roles: readonly Role[], graph: OrgGraph, root?: string): OrgChart {
  const all = reportingLines(roles, graph);
  const everyone = orgRoles(all);
  const choices = [...everyone]
    .sort((a, b) => cmp(a.title.toLowerCase(), b.title.toLowerCase()) || cmp(a.uri, b.uri))
    .map((r) => ({ key: r.uri, title: r.title }));
  const known = root !== undefined && everyone.some((r) => r.uri === root);
  const lines = subtreeLines(all, known ? root : undefined);
  const shown = orgRoles(lines);
  const chart: OrgChart = { cards: [], edges: [], width: 0, height: 0, choices, total: everyone.length };
  if (known) chart.root = root;
  if (known && shown.length === 0) shown.push(everyone.find((r) => r.uri === root)!);
  if (shown.length > MAX_CARDS) {
    chart.tooLarge = true;
    return chart;
  }
  return layOut(chart, shown, lines, graph);
}

function layOut(chart: OrgChart, shown: Role[], lines: ReportingLine[], graph: OrgGraph): OrgChart {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 28, ranksep: 56, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const r of shown) g.setNode(r.uri, { width: CARD_WIDTH, height: CARD_HEIGHT });
  for (const l of lines) if (l.manager.uri !== l.report.uri) g.setEdge(l.manager.uri, l.report.uri);
  dagre.layout(g);
  const onCycle = new Set<string>();
  for (const l of lines) {
    if (!l.onCycle) continue;
    onCycle.add(l.report.uri);
    onCycle.add(l.manager.uri);
  }
  chart.cards = shown.map((r): OrgCard => {
    const n = g.node(r.uri) as { x: number; y: number };
    const card: OrgCard = {
      key: r.uri,
      id: r.id,
      title: r.title,
      x: round(n.x - CARD_WIDTH / 2),
      y: round(n.y - CARD_HEIGHT / 2),
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      cycle: onCycle.has(r.uri),
    };
    if (r.type) card.type = r.type;
    const ladder = ladderOf(r, graph);
    if (ladder !== undefined) card.ladder = ladder;
    if (r.level) card.level = r.level.value;
    return card;
  });
  chart.edges = lines.map((l): OrgEdge => {
    let points: { x: number; y: number }[];
    if (l.manager.uri === l.report.uri) {
      // A role that reports to itself: a loop on the card's right side.
      const n = g.node(l.report.uri) as { x: number; y: number };
      const right = n.x + CARD_WIDTH / 2;
      points = [
        { x: right, y: n.y - 12 },
        { x: right + 24, y: n.y - 12 },
        { x: right + 24, y: n.y + 12 },
        { x: right, y: n.y + 12 },
      ];
    } else {
      points = ((g.edge(l.manager.uri, l.report.uri) as { points?: { x: number; y: number }[] }).points ?? []).map((p) => ({
        x: round(p.x),
        y: round(p.y),
      }));
    }
    return { manager: l.manager.uri, report: l.report.uri, points, cycle: l.onCycle };
  });
  const size = g.graph() as { width?: number; height?: number };
  chart.width = round((size.width ?? 0) + (lines.some((l) => l.manager.uri === l.report.uri) ? 32 : 0));
  chart.height = round(size.height ?? 0);
  return chart;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
