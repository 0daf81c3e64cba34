/**
 * The role-comparison page (bundled to dist/media/compare.js). It renders the model the
 * extension posts and sends back only the messages of the typed protocol. Every role string goes
 * into the DOM as a text node (never as HTML), so nothing a role file says can become markup.
 */
import type {
  CompareItem,
  CompareLabels,
  CompareState,
  CompareViewModel,
  HostMessage,
  ItemPair,
  MovedResponsibility,
  RelationshipItem,
  RoleComparison,
  RoleSummary,
  SectionComparison,
  Side,
  WebviewMessage,
} from '../src/core/protocol/compareProtocol';
import { fmt, foreignElements, h, visibleText, vscodeApi, type Child } from './shared/page';

const vscode = vscodeApi<WebviewMessage, CompareState>();
const app = document.getElementById('app')!;

function shortName(r: RoleSummary): string {
  return r.aliases[0] ?? r.title;
}

let labels: CompareLabels;
let comparison: RoleComparison | undefined;

/** The title (for tooltips) of the role a file belongs to. */
function fileTitle(uri: string): string {
  if (!comparison) return uri;
  if (uri === comparison.left.uri) return comparison.left.title;
  if (uri === comparison.right.uri) return comparison.right.title;
  return uri.split('/').pop() ?? uri;
}

/** A button that opens an item's place in its file. */
function itemButton(
  item: { text: string; uri: string; range: CompareItem['range'] },
  text = item.text,
  extraClass = '',
): HTMLButtonElement {
  const b = h('button', { class: `item ${extraClass}`.trim(), title: fmt(labels.openAt, fileTitle(item.uri), item.range.line) }, text);
  b.type = 'button';
  b.addEventListener('click', () =>
    vscode.postMessage({
      type: 'open',
      uri: item.uri,
      line: item.range.line,
      column: item.range.column,
      endLine: item.range.endLine,
      endColumn: item.range.endColumn,
    }),
  );
  return b;
}

function badge(text: string, kind = ''): HTMLSpanElement {
  return h('span', { class: `badge ${kind}`.trim() }, text);
}

function itemMeta(item: CompareItem): HTMLElement | undefined {
  const parts: HTMLElement[] = [];
  if (item.area) parts.push(badge(item.area, 'area'));
  if (item.sharedFrom) parts.push(badge(fmt(labels.sharedFrom, item.sharedFrom.title), 'reference'));
  if (item.inheritedFrom) parts.push(badge(fmt(labels.inheritedFrom, item.inheritedFrom.title), 'inherited'));
  return parts.length ? h('span', { class: 'meta' }, ...parts) : undefined;
}

function single(item: CompareItem): HTMLLIElement {
  return h('li', { class: 'entry' }, itemButton(item), itemMeta(item));
}

function pair(p: ItemPair, c: RoleComparison): HTMLLIElement {
  if (p.match === 'reference') {
    const owner = p.left.sharedFrom ?? p.right.sharedFrom;
    const inherited = p.left.inheritedFrom ?? p.right.inheritedFrom;
    const text = owner ? fmt(labels.sharedFrom, owner.title) : inherited ? fmt(labels.inheritedFrom, inherited.title) : labels.same;
    return h('li', { class: 'entry pair match-reference' }, itemButton(p.left), h('span', { class: 'meta' }, badge(text, 'reference')));
  }
  if (p.match === 'same') {
    return h(
      'li',
      { class: 'entry pair match-same' },
      itemButton(p.left),
      h('span', { class: 'meta' }, badge(labels.same, 'same'), itemButton(p.right, `→ ${shortName(c.right)}`, 'jump'), itemMeta(p.left)),
    );
  }
  return h(
    'li',
    { class: 'entry pair match-near' },
    h('span', { class: 'side-label' }, shortName(c.left)),
    itemButton(p.left),
    h('span', { class: 'side-label' }, shortName(c.right)),
    itemButton(p.right),
    h('span', { class: 'meta' }, badge(fmt(labels.near, Math.round(p.score * 100)), 'near')),
  );
}

function list(items: HTMLLIElement[]): HTMLElement {
  return items.length ? h('ul', { class: 'items' }, ...items) : h('p', { class: 'empty' }, labels.nothing);
}

function section(id: string, title: string, s: SectionComparison, c: RoleComparison): HTMLElement {
  const heading = h(
    'h2',
    { id: `h-${id}` },
    title,
    h(
      'span',
      { class: 'counts' },
      badge(`${fmt(labels.only, shortName(c.left))}: ${s.onlyLeft.length}`, 'count'),
      badge(`${labels.shared}: ${s.shared.length}`, 'count shared'),
      badge(`${fmt(labels.only, shortName(c.right))}: ${s.onlyRight.length}`, 'count'),
    ),
  );
  const col = (cls: string, name: string, body: HTMLElement) => h('div', { class: `col ${cls}` }, h('h3', {}, name), body);
  const sec = h(
    'section',
    { class: 'section' },
    heading,
    h(
      'div',
      { class: 'columns' },
      col('only-left', fmt(labels.only, c.left.title), list(s.onlyLeft.map(single))),
      col('shared', labels.shared, list(s.shared.map((p) => pair(p, c)))),
      col('only-right', fmt(labels.only, c.right.title), list(s.onlyRight.map(single))),
    ),
  );
  sec.setAttribute('aria-labelledby', `h-${id}`);
  return sec;
}

function relationshipEntry(r: RelationshipItem): HTMLLIElement {
  return h(
    'li',
    { class: 'entry' },
    badge(r.kind, 'kind'),
    itemButton({ text: r.target?.title ?? r.with, uri: r.uri, range: r.range }),
    r.note ? h('p', { class: 'note' }, r.note) : undefined,
  );
}

function roleCard(r: RoleSummary, side: Side): HTMLElement {
  return h(
    'article',
    { class: `role-card ${side}` },
    h('h1', {}, itemButton({ text: r.title, uri: r.uri, range: r.range }, r.title, 'title')),
    h(
      'p',
      { class: 'badges' },
      r.type ? badge(r.type, 'type') : undefined,
      badge(r.id, 'id'),
      r.builtin ? badge(labels.builtin, 'builtin') : undefined,
    ),
    h('p', { class: r.summary ? 'summary' : 'summary missing' }, r.summary ?? labels.summaryMissing),
  );
}

function betweenBlock(c: RoleComparison): HTMLElement {
  if (c.between.length === 0) return h('div', { class: 'between none' }, h('p', {}, labels.noRelationships));
  const kinds = [...new Set(c.between.map((b) => b.kind))];
  const notes = [...new Set(c.between.map((b) => b.note).filter((n): n is string => !!n))];
  return h(
    'div',
    { class: 'between' },
    h('p', { class: 'kinds' }, ...kinds.map((k) => badge(k, 'kind big'))),
    h(
      'ul',
      { class: 'directions' },
      ...c.between.map((b) => {
        const [from, to] = b.from === 'left' ? [c.left, c.right] : [c.right, c.left];
        return h(
          'li',
          {},
          itemButton({ text: fmt(labels.direction, shortName(from), shortName(to)), uri: b.uri, range: b.range }, undefined, 'direction'),
        );
      }),
    ),
    ...notes.map((n) => h('p', { class: 'note' }, n)),
  );
}

function picker(model: CompareViewModel, side: Side): HTMLElement {
  const select = h('select', { id: `pick-${side}` });
  const current = model[side].uri;
  for (const choice of model.choices) {
    const option = h('option', {}, choice.builtin ? `${choice.title} (${labels.builtin})` : choice.title);
    option.value = choice.uri;
    option.selected = choice.uri === current;
    select.append(option);
  }
  select.addEventListener('change', () => vscode.postMessage({ type: 'pick', side, uri: select.value }));
  const label = h('label', { class: 'picker' }, h('span', { class: 'picker-label' }, side === 'left' ? labels.left : labels.right), select);
  label.htmlFor = select.id;
  return label;
}

/** Two versions of one role: the sides are fixed (named by revision), nothing to pick or swap. */
function versionsToolbar(model: CompareViewModel): HTMLElement {
  const copy = h('button', { class: 'primary', id: 'copy' }, labels.copyMarkdown);
  copy.type = 'button';
  copy.disabled = !model.comparison;
  copy.addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
  return h(
    'header',
    { class: 'toolbar' },
    h('span', { class: 'picker-label' }, fmt(labels.direction, labels.left, labels.right)),
    h('span', { class: 'spacer' }),
    copy,
  );
}

function movedSection(moved: MovedResponsibility[]): HTMLElement {
  const entry = (m: MovedResponsibility) =>
    h(
      'li',
      { class: 'entry' },
      h('span', { class: 'moved-text' }, m.text),
      h('span', { class: 'meta' }, badge(fmt((m.direction === 'in' ? labels.movedIn : labels.movedOut) ?? '{0}', m.role), 'reference')),
    );
  const sec = h('section', { class: 'section moved', id: 'moved' }, h('h2', { id: 'h-moved' }, labels.moved ?? ''), list(moved.map(entry)));
  sec.setAttribute('aria-labelledby', 'h-moved');
  return sec;
}

function toolbar(model: CompareViewModel): HTMLElement {
  if (model.versions) return versionsToolbar(model);
  const swap = h('button', { class: 'secondary', id: 'swap', title: labels.swap, ariaLabel: labels.swap }, '⇄');
  swap.type = 'button';
  swap.addEventListener('click', () => vscode.postMessage({ type: 'swap' }));
  const copy = h('button', { class: 'primary', id: 'copy' }, labels.copyMarkdown);
  copy.type = 'button';
  copy.disabled = !model.comparison;
  copy.addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
  return h('header', { class: 'toolbar' }, picker(model, 'left'), swap, picker(model, 'right'), h('span', { class: 'spacer' }), copy);
}

function render(model: CompareViewModel): void {
  labels = model.labels;
  comparison = model.comparison;
  // Keep keyboard focus on the control that was used (the DOM is rebuilt).
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  const c = model.comparison;
  const content: Child[] = [toolbar(model)];
  if (!c) {
    content.push(h('p', { class: 'missing' }, model.missing ?? ''));
  } else {
    content.push(
      h('div', { class: 'roles' }, roleCard(c.left, 'left'), betweenBlock(c), roleCard(c.right, 'right')),
      section('focus', labels.focus, c.focus, c),
      section('responsibilities', labels.responsibilities, c.responsibilities, c),
      section('criteria', labels.successCriteria, c.successCriteria, c),
      model.versions && model.versions.moved.length > 0 && movedSection(model.versions.moved),
      h(
        'section',
        { class: 'section relationships' },
        h('h2', {}, labels.relationships),
        h(
          'div',
          { class: 'columns two' },
          h('div', { class: 'col only-left' }, h('h3', {}, c.left.title), list(c.relationships.left.map(relationshipEntry))),
          h('div', { class: 'col only-right' }, h('h3', {}, c.right.title), list(c.relationships.right.map(relationshipEntry))),
        ),
      ),
    );
  }
  app.replaceChildren(...content.filter((x): x is Node => x instanceof Node));
  if (focusedId) document.getElementById(focusedId)?.focus();
  vscode.setState({ left: model.left, right: model.right });
  const foreign = foreignElements(app);
  const text = visibleText(app, 4096);
  vscode.postMessage({
    type: 'rendered',
    left: c?.left.uri ?? '',
    right: c?.right.uri ?? '',
    items: app.querySelectorAll('button.item').length,
    foreign,
    text,
  });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  if (message && message.type === 'model' && message.model) render(message.model);
});

vscode.postMessage({ type: 'ready' });
