/**
 * The org chart page (bundled to dist/media/org.js): draws the laid-out chart the extension posts
 * as SVG, one card per role and one arrow per reporting line, with a subtree filter, "Copy as
 * Mermaid" and "Save as SVG". Cards are focusable: Enter (or a click) opens the role, Shift+Enter
 * (or a Shift+click) shows its subtree. Every role string enters the DOM as a text node.
 */
import {
  parseOrgState,
  type HostToOrg,
  type OrgCard,
  type OrgChart,
  type OrgLabels,
  type OrgState,
  type OrgToHost,
} from '../src/core/protocol/orgProtocol';
import { button, el, fmt, foreignElements, svg, visibleText, vscodeApi } from './shared/page';

const MAX_RENDERED_TEXT = 4096;
const vscode = vscodeApi<OrgToHost, OrgState>();
const app = document.getElementById('app')!;
let state: OrgState = parseOrgState(vscode.getState());

/** One line cut to about what fits in `width` pixels. */
function fit(text: string, width: number, charWidth: number): string {
  const max = Math.max(4, Math.floor((width - 20) / charWidth));
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function action(text: string, onClick: () => void): HTMLButtonElement {
  return button('action', text, '', onClick);
}

function meta(card: OrgCard, l: OrgLabels): string {
  return [card.type, card.ladder, card.level !== undefined ? fmt(l.level, card.level) : undefined].filter(Boolean).join(' · ');
}

function filterTo(root: string | null): void {
  state = root ? { root } : {};
  vscode.setState(state);
  vscode.postMessage({ type: 'filter', root });
}

function cardElement(card: OrgCard, l: OrgLabels): SVGElement {
  const info = meta(card, l);
  const g = svg(
    'g',
    {
      class: `card${card.cycle ? ' cycle' : ''}`,
      transform: `translate(${card.x} ${card.y})`,
      tabindex: 0,
      role: 'button',
      'data-key': card.key,
      'aria-label': [fmt(l.open, card.title), info].filter(Boolean).join(', '),
    },
    svg('rect', { width: card.width, height: card.height, rx: 6 }),
    svg('text', { class: 'title', x: 10, y: 28 }, fit(card.title, card.width, 7)),
    svg('text', { class: 'meta', x: 10, y: 50 }, fit(info, card.width, 6)),
    svg('title', {}, `${card.title} (${card.id})`),
  );
  const act = (subtree: boolean) => (subtree ? filterTo(card.key) : vscode.postMessage({ type: 'open', role: card.key }));
  g.addEventListener('click', (e) => act((e as MouseEvent).shiftKey));
  g.addEventListener('keydown', (k) => {
    if (k.key === 'Enter' || k.key === ' ') {
      k.preventDefault();
      act(k.shiftKey);
    }
  });
  return g;
}

function chartElement(chart: OrgChart, l: OrgLabels): SVGElement {
  const titles = new Map(chart.cards.map((c) => [c.key, c.title]));
  const root = svg(
    'svg',
    {
      class: 'chart',
      width: Math.ceil(chart.width),
      height: Math.ceil(chart.height),
      viewBox: `0 0 ${Math.ceil(chart.width)} ${Math.ceil(chart.height)}`,
      role: 'group',
    },
    svg(
      'defs',
      {},
      svg(
        'marker',
        { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' },
        svg('path', { class: 'arrow', d: 'M 0 0 L 10 5 L 0 10 z' }),
      ),
    ),
  );
  for (const e of chart.edges) {
    if (e.points.length < 2) continue;
    const d = e.points.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
    root.append(
      svg(
        'path',
        { class: `edge${e.cycle ? ' cycle' : ''}`, d, 'marker-end': 'url(#arrow)', 'data-manager': e.manager, 'data-report': e.report },
        svg('title', {}, fmt(l.reportsTo, titles.get(e.report) ?? '', titles.get(e.manager) ?? '')),
      ),
    );
  }
  for (const c of chart.cards) root.append(cardElement(c, l));
  return root;
}

function render(chart: OrgChart, l: OrgLabels): void {
  const select = el('select', 'subtree');
  select.id = 'subtree';
  const everyone = el('option', '', l.allRoles);
  everyone.value = '';
  select.append(everyone);
  for (const c of chart.choices) {
    const o = el('option', '', c.title);
    o.value = c.key;
    o.selected = c.key === chart.root;
    select.append(o);
  }
  select.addEventListener('change', () => filterTo(select.value || null));
  const label = el('label', 'subtree-label', l.subtree);
  label.htmlFor = 'subtree';
  const cycles = chart.edges.filter((e) => e.cycle).length;
  const summary = el(
    'span',
    'summary',
    fmt(l.summary, chart.cards.length, chart.edges.length),
    cycles > 0 && el('span', 'cycle-note', ` · ${fmt(l.cycles, cycles)}`),
  );
  const toolbar = el(
    'div',
    'toolbar',
    label,
    select,
    action(l.copyMermaid, () => vscode.postMessage({ type: 'copyMermaid' })),
    action(l.saveSvg, () => vscode.postMessage({ type: 'saveSvg' })),
    summary,
  );
  const body = chart.tooLarge
    ? el('p', 'note', fmt(l.tooLarge, chart.total))
    : chart.cards.length === 0
      ? el('p', 'note', l.empty)
      : el('div', 'canvas', chartElement(chart, l));
  app.replaceChildren(toolbar, body);
  const foreign = foreignElements(app);
  // What the DOM holds (not what the chart said): the cards and the drawn lines.
  vscode.postMessage({
    type: 'rendered',
    cards: app.querySelectorAll('g.card').length,
    edges: app.querySelectorAll('path.edge').length,
    foreign,
    text: visibleText(app, MAX_RENDERED_TEXT),
  });
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = event.data as HostToOrg | undefined;
  if (!msg || msg.type !== 'chart' || typeof msg.chart !== 'object' || !Array.isArray(msg.chart?.cards) || typeof msg.labels !== 'object')
    return;
  state = msg.chart.root ? { root: msg.chart.root } : {};
  vscode.setState(state);
  render(msg.chart, msg.labels);
});

vscode.postMessage({ type: 'ready' });
