/**
 * The responsibility-map page (bundled to dist/media/map.js): a matrix of areas × roles built from
 * the map the extension posts, with filters by role and area, "only overlaps and gaps", click-
 * through to the line in the role file and "Copy as Markdown". It sends only the messages of the
 * typed protocol. Every role string enters the DOM as a text node, never as HTML.
 */
import {
  type MapArea,
  type MapItem,
  type MapRole,
  type Overlap,
  type ResponsibilityMap,
  isIssue,
  MAX_RENDERED_TEXT,
  parseMapState,
  showsItem,
  type HostToMap,
  type MapFilter,
  type MapLabels,
  type MapState,
  type MapToHost,
} from '../src/core/protocol/mapProtocol';
import { button, el, fmt, foreignElements, visibleText, vscodeApi } from './shared/page';

/** Entries drawn at most; beyond that the page asks for a filter. */
const MAX_ENTRIES = 4000;

const vscode = vscodeApi<MapToHost, MapState>();
const app = document.getElementById('app')!;

let map: ResponsibilityMap | undefined;
let labels: MapLabels | undefined;
let builtin = false;
let filter: MapFilter = parseMapState(vscode.getState()).filter;

function setFilter(next: MapFilter): void {
  filter = next;
  render();
}

/** Look-ups over the current map. */
class View {
  readonly roles = new Map<string, MapRole>();
  readonly items = new Map<string, MapItem>();
  constructor(readonly map: ResponsibilityMap) {
    for (const r of map.roles) this.roles.set(r.key, r);
    for (const it of map.items) this.items.set(it.key, it);
  }
  title(key: string): string {
    return this.roles.get(key)?.title ?? key;
  }
}

/** A checkbox list in a disclosure, for the role and area filters. Empty selection means all. */
function picker(
  label: string,
  allLabel: string,
  options: { key: string; label: string }[],
  selected: string[],
  onChange: (keys: string[]) => void,
): HTMLElement {
  const chosen = new Set(selected.length ? selected : options.map((o) => o.key));
  const details = el('details', 'picker');
  const summaryText = selected.length ? `${label}: ${selected.length}/${options.length}` : `${label}: ${allLabel}`;
  details.append(el('summary', '', summaryText));
  const list = el('div', 'picker-list');
  const all = el('label', 'picker-option picker-all');
  const allBox = el('input');
  allBox.type = 'checkbox';
  allBox.checked = !selected.length;
  allBox.addEventListener('change', () => onChange([]));
  all.append(allBox, allLabel);
  list.append(all);
  for (const o of options) {
    const row = el('label', 'picker-option');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = chosen.has(o.key);
    box.dataset.key = o.key;
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(o.key);
      else chosen.delete(o.key);
      if (chosen.size === 0) chosen.add(o.key); // never nothing: keep the last one
      const keys = options.map((x) => x.key).filter((k) => chosen.has(k));
      onChange(keys.length === options.length ? [] : keys);
    });
    row.append(box, o.label);
    list.append(row);
  }
  details.append(list);
  details.open = pickerOpen.has(label);
  details.addEventListener('toggle', () => (details.open ? pickerOpen.add(label) : pickerOpen.delete(label)));
  return details;
}
const pickerOpen = new Set<string>();

function overlapNote(view: View, overlap: Overlap, item: MapItem, l: MapLabels): string[] {
  const out: string[] = [];
  for (const k of overlap.items) {
    const other = view.items.get(k);
    if (!other || other.role === item.role) continue;
    const link = overlap.links.find((x) => (x.a === k && x.b === item.key) || (x.b === k && x.a === item.key));
    const why = link ? (link.same ? ' (=)' : ` (${link.score.toFixed(2)}: ${link.words.join(', ')})`) : '';
    out.push(fmt(l.overlapsWith, view.title(other.role), `“${other.text}”${why}`));
  }
  return out;
}

function entry(view: View, item: MapItem, column: string, l: MapLabels): HTMLButtonElement {
  const classes = ['entry', item.kind === 'criterion' ? 'criterion' : 'responsibility'];
  const notes: string[] = [fmt(l.open, view.title(item.role), item.range.line)];
  const marks: HTMLElement[] = [];
  if (item.kind === 'responsibility' && item.overlap !== undefined) {
    classes.push('overlap');
    marks.push(el('span', 'mark mark-overlap', l.legendOverlap));
    const overlap = view.map.overlaps[item.overlap];
    if (overlap) notes.push(...overlapNote(view, overlap, item, l));
  }
  if (item.kind === 'criterion') {
    if (item.role !== column) {
      classes.push('shared');
      marks.push(el('span', 'mark mark-shared', fmt(l.sharedFrom, view.title(item.role))));
    }
    const owners = (item.owners ?? []).map((k) => view.title(k));
    if (isIssue(item)) {
      classes.push('gap');
      marks.push(el('span', 'mark mark-gap', l.legendGap));
      notes.push(owners.length ? fmt(l.ownedElsewhere, owners.join(', ')) : l.unowned);
    } else {
      notes.push(fmt(l.ownedBy, owners.join(', ')));
    }
  }
  if (item.areaReason) notes.push(item.areaReason);
  const b = button(classes.join(' '), '', notes.join('\n'), () => vscode.postMessage({ type: 'open', item: item.key }));
  if (item.kind === 'criterion') b.append(el('span', 'kind', `${l.criterion}: `));
  b.append(el('span', 'text', item.text), ...marks);
  b.dataset.item = item.key;
  return b;
}

function render(): void {
  if (!map || !labels) return;
  const l = labels;
  const view = new View(map);
  // Keys that no longer exist (a role file went away) drop out of the filter.
  filter = {
    roles: filter.roles.filter((k) => view.roles.has(k)),
    areas: filter.areas.filter((k) => map!.areas.some((a) => a.key === k)),
    issuesOnly: filter.issuesOnly,
  };
  const roles = map.roles.filter((r) => !filter.roles.length || filter.roles.includes(r.key));
  const areas = map.areas.filter((a) => !filter.areas.length || filter.areas.includes(a.key));
  const total = map.items.length;

  const toolbar = el('div', 'toolbar');
  toolbar.append(
    picker(
      l.roles,
      l.allRoles,
      map.roles.map((r) => ({ key: r.key, label: r.title })),
      filter.roles,
      (roles) => setFilter({ ...filter, roles }),
    ),
    picker(
      l.areas,
      l.allAreas,
      map.areas.map((a) => ({ key: a.key, label: a.label })),
      filter.areas,
      (areas) => setFilter({ ...filter, areas }),
    ),
  );
  const issues = el('label', 'toggle');
  const issuesBox = el('input');
  issuesBox.type = 'checkbox';
  issuesBox.checked = filter.issuesOnly;
  issuesBox.addEventListener('change', () => setFilter({ ...filter, issuesOnly: issuesBox.checked }));
  issues.append(issuesBox, l.issuesOnly);
  toolbar.append(
    issues,
    button('copy', l.copyMarkdown, '', () => vscode.postMessage({ type: 'copyMarkdown', filter })),
  );

  const summary = el(
    'p',
    'summary',
    fmt(l.summary, map.roles.length, map.stats.responsibilities, map.stats.criteria, map.overlaps.length, map.gaps.length),
  );
  const legend = el(
    'p',
    'legend',
    el('span', 'mark mark-overlap', l.legendOverlap),
    el('span', 'mark mark-gap', l.legendGap),
    el('span', 'mark mark-shared', l.legendShared),
  );
  const parts: HTMLElement[] = [toolbar, summary, legend];
  if (builtin) parts.push(el('p', 'note', l.builtin));

  let entries = 0;
  let overlaps = 0;
  let gaps = 0;
  let truncated = false;
  const rows: HTMLTableRowElement[] = [];
  for (const area of areas) {
    if (truncated) break;
    const cells: HTMLTableCellElement[] = [];
    let any = false;
    for (const role of roles) {
      const cell = el('td', 'cell');
      for (const key of area.items) {
        const item = view.items.get(key)!;
        if (!showsItem(item, role.key, filter)) continue;
        if (entries >= MAX_ENTRIES) {
          truncated = true;
          break;
        }
        const e = entry(view, item, role.key, l);
        cell.append(e);
        entries++;
        any = true;
        if (e.classList.contains('overlap')) overlaps++;
        if (e.classList.contains('gap')) gaps++;
      }
      cells.push(cell);
    }
    if (!any) continue;
    rows.push(el('tr', area.unowned ? 'unowned' : '', areaHeader(area, l), ...cells));
  }

  if (!map.roles.length) parts.push(el('p', 'note', l.empty));
  else if (!rows.length) parts.push(el('p', 'note', l.noResult));
  else {
    const head = el('tr', '', el('th', 'area-head', l.area));
    for (const r of roles) {
      const th = el('th', 'role-head');
      th.append(button('role', r.title, fmt(l.openRole, r.title), () => vscode.postMessage({ type: 'openRole', role: r.key })));
      head.append(th);
    }
    parts.push(el('div', 'matrix', el('table', '', el('thead', '', head), el('tbody', '', ...rows))));
    if (truncated) parts.push(el('p', 'note', fmt(l.truncated, entries, total)));
  }
  app.replaceChildren(...parts);

  vscode.setState({ filter });
  const foreign = foreignElements(app);
  vscode.postMessage({
    type: 'rendered',
    filter,
    roles: rows.length ? roles.length : 0,
    areas: rows.length,
    items: entries,
    overlaps,
    gaps,
    foreign,
    text: visibleText(app, MAX_RENDERED_TEXT),
  });
}

function areaHeader(area: MapArea, l: MapLabels): HTMLTableCellElement {
  const th = el('th', `area area-${area.source}`, el('span', 'area-label', area.label));
  if (area.source === 'inferred') th.append(el('span', 'area-note', l.inferredArea));
  if (area.unowned) th.append(el('span', 'mark mark-gap', l.unownedArea));
  return th;
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = event.data as HostToMap | undefined;
  if (!msg || msg.type !== 'map' || typeof msg.map !== 'object' || !Array.isArray(msg.map?.items) || typeof msg.labels !== 'object') return;
  map = msg.map;
  labels = msg.labels;
  builtin = msg.builtin === true;
  if (msg.filter) filter = parseMapState({ filter: msg.filter }).filter;
  render();
});

vscode.postMessage({ type: 'ready' });
