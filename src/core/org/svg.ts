/**
 * The org chart as a standalone SVG file ("Save as SVG"), built from the laid-out chart, not from
 * the page's DOM: every role string is XML-escaped here, so a hostile title stays text. Outside the
 * editor there are no theme colours: the file carries a light palette and a dark one for viewers
 * that prefer it.
 */
import type { OrgCard, OrgChart } from '../protocol/orgProtocol';

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML content or an attribute value: entities for markup, spaces for control characters (invalid in XML). */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ' ').replace(/[&<>"']/g, (c) => XML_ENTITIES[c]);
}

/** Cuts a line to about what fits in a card (7 px a character at 13 px). */
export function fit(text: string, width: number, charWidth = 7): string {
  const max = Math.max(4, Math.floor((width - 20) / charWidth));
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

/** The card's second line: type, ladder and level. */
export function cardMeta(card: OrgCard, level: (n: number) => string = (n) => `level ${n}`): string {
  return [card.type, card.ladder, card.level !== undefined ? level(card.level) : undefined].filter(Boolean).join(' · ');
}

const STYLE = `
.card rect { fill: #ffffff; stroke: #5b6b7b; stroke-width: 1; }
.card.cycle rect { stroke: #c62828; stroke-width: 2; }
.title { font: 600 13px sans-serif; fill: #1f2328; }
.meta { font: 11px sans-serif; fill: #57606a; }
.edge { fill: none; stroke: #5b6b7b; stroke-width: 1.5; }
.edge.cycle { stroke: #c62828; stroke-dasharray: 5 3; }
.arrow { fill: #5b6b7b; }
@media (prefers-color-scheme: dark) {
  .card rect { fill: #1e1e1e; stroke: #8b949e; }
  .title { fill: #e6edf3; }
  .meta { fill: #8b949e; }
  .edge { stroke: #8b949e; }
  .arrow { fill: #8b949e; }
}`;

export function orgChartSvg(chart: OrgChart, title = 'Org chart'): string {
  const w = Math.max(1, Math.ceil(chart.width));
  const h = Math.max(1, Math.ceil(chart.height));
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img">`,
    `<title>${escapeXml(title)}</title>`,
    `<style>${STYLE}\n</style>`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path class="arrow" d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
  ];
  const titles = new Map(chart.cards.map((c) => [c.key, c.title]));
  for (const e of chart.edges) {
    if (e.points.length < 2) continue;
    const d = e.points.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
    const label = `${titles.get(e.report) ?? ''} reports to ${titles.get(e.manager) ?? ''}`;
    out.push(`<path class="edge${e.cycle ? ' cycle' : ''}" d="${d}" marker-end="url(#arrow)"><title>${escapeXml(label)}</title></path>`);
  }
  for (const c of chart.cards) {
    out.push(
      `<g class="card${c.cycle ? ' cycle' : ''}" transform="translate(${c.x} ${c.y})">` +
        `<rect width="${c.width}" height="${c.height}" rx="6"/>` +
        `<text class="title" x="10" y="28">${escapeXml(fit(c.title, c.width))}</text>` +
        `<text class="meta" x="10" y="50">${escapeXml(fit(cardMeta(c), c.width, 6))}</text>` +
        `<title>${escapeXml(`${c.title} (${c.id})`)}</title></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
