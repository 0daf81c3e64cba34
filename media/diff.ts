/**
 * The handbook-changes page (bundled to dist/media/diff.js): the handbook at a git revision
 * against the working tree, role by role. It renders the model the extension posts and sends back
 * only the messages of the typed protocol (src/core/protocol/diffProtocol.ts). Every handbook
 * string goes into the DOM as a text node (never as HTML); every change is a button (keyboard
 * reachable) that opens the role at that place.
 */
import type {
  DiffHostMessage,
  DiffItem,
  DiffLabels,
  DiffViewModel,
  DiffWebviewMessage,
  HandbookDiff,
  ItemDelta,
  Range,
  RoleDiff,
  RoleSide,
} from '../src/core/protocol/diffProtocol';
import { fmt, foreignElements, h, visibleText, vscodeApi, type Child } from './shared/page';

const vscode = vscodeApi<DiffWebviewMessage>();
const app = document.getElementById('app')!;

type Side = 'base' | 'target';

let labels: DiffLabels;
let model: DiffViewModel;

/** A button that opens a file of the diff at a range, on one side. */
function link(text: string, side: Side, path: string, range: Range, extraClass = ''): HTMLButtonElement {
  const where = side === 'base' ? fmt(labels.atRevision, path, model.base) : path;
  const b = h('button', { class: `item ${side} ${extraClass}`.trim(), title: fmt(labels.openAt, where, range.line) }, text);
  b.type = 'button';
  b.addEventListener('click', () =>
    vscode.postMessage({
      type: 'open',
      side,
      path,
      line: range.line,
      column: range.column,
      endLine: range.endLine,
      endColumn: range.endColumn,
    }),
  );
  return b;
}

function roleLink(side: Side, s: RoleSide): HTMLButtonElement {
  return link(s.title && s.title !== s.id ? `${s.title} (${s.id})` : s.id, side, s.path, s.idRange, 'role');
}

function section(id: string, title: string, count: number, ...body: Child[]): HTMLElement | undefined {
  if (!count) return undefined;
  const sec = h('section', { class: `section ${id}`, id }, h('h2', { id: `h-${id}` }, `${title} (${count})`), ...body);
  sec.setAttribute('aria-labelledby', `h-${id}`);
  return sec;
}

/** A role's items gained (in its target file) and lost (in its base file). */
function itemList(name: string, d: ItemDelta, r: RoleDiff): HTMLElement | undefined {
  if (!d.added.length && !d.removed.length) return undefined;
  const row = (i: DiffItem, side: Side) =>
    h(
      'li',
      { class: side === 'target' ? 'gained' : 'lost' },
      h('span', { class: 'sign', title: side }, side === 'target' ? '+' : '−'),
      link(i.text, side, side === 'target' ? r.target!.path : r.base!.path, i.range),
    );
  return h(
    'div',
    { class: 'delta' },
    h('h4', {}, name),
    h('ul', { class: 'items' }, ...d.added.map((i) => row(i, 'target')), ...d.removed.map((i) => row(i, 'base'))),
  );
}

function changedRole(r: RoleDiff): HTMLElement {
  const head = h(
    'h3',
    {},
    roleLink('target', r.target!),
    r.status === 'renamed' ? h('span', { class: 'badge' }, `${r.base!.id} → ${r.id}`) : undefined,
  );
  return h(
    'article',
    { class: 'role-change' },
    head,
    itemList(labels.focus, r.focus, r),
    itemList(labels.responsibilities, r.responsibilities, r),
    itemList(labels.successCriteria, r.successCriteria, r),
    r.fields.length ? h('p', { class: 'fields' }, fmt(labels.fields, r.fields.join(', '))) : undefined,
  );
}

function render(m: DiffViewModel): void {
  model = m;
  labels = m.labels;
  const d: HandbookDiff = m.diff;
  const focusedId = document.activeElement instanceof HTMLElement ? document.activeElement.id : '';
  const refresh = h('button', { class: 'secondary', id: 'refresh' }, labels.refresh);
  refresh.type = 'button';
  refresh.addEventListener('click', () => vscode.postMessage({ type: 'refresh' }));
  const copy = h('button', { class: 'primary', id: 'copy' }, labels.copyMarkdown);
  copy.type = 'button';
  copy.addEventListener('click', () => vscode.postMessage({ type: 'copyMarkdown' }));
  const of = (status: RoleDiff['status']) => d.roles.filter((r) => r.status === status);
  const changed = d.roles.filter(
    (r) =>
      (r.status === 'changed' || r.status === 'renamed') &&
      (r.fields.length || [r.focus, r.responsibilities, r.successCriteria].some((x) => x.added.length || x.removed.length)),
  );
  const renamedOnly = of('renamed').filter((r) => !changed.includes(r));
  const content: Child[] = [
    h('header', { class: 'toolbar' }, h('h1', {}, fmt(labels.heading, m.base, m.target)), h('span', { class: 'spacer' }), refresh, copy),
    h('p', { class: 'summary' }, labels.summary),
    section(
      'added',
      labels.added,
      of('added').length,
      h('ul', { class: 'roles' }, ...of('added').map((r) => h('li', { class: 'gained' }, roleLink('target', r.target!)))),
    ),
    section(
      'removed',
      labels.removed,
      of('removed').length,
      h('ul', { class: 'roles' }, ...of('removed').map((r) => h('li', { class: 'lost' }, roleLink('base', r.base!)))),
    ),
    section(
      'renamed',
      labels.renamed,
      renamedOnly.length,
      h(
        'ul',
        { class: 'roles' },
        ...renamedOnly.map((r) => h('li', {}, link(`${r.base!.id} → ${r.id}`, 'target', r.target!.path, r.target!.idRange, 'role'))),
      ),
    ),
    section('changed', labels.changed, changed.length, ...changed.map(changedRole)),
    section(
      'moved',
      labels.moved,
      d.moved.length,
      h(
        'ul',
        { class: 'items' },
        ...d.moved.map((mv) =>
          h(
            'li',
            { class: 'move' },
            link(mv.text, 'target', mv.toSide.path, mv.toRange),
            h(
              'span',
              { class: 'meta' },
              link(mv.from, 'base', mv.fromSide.path, mv.fromRange, 'from'),
              ' → ',
              link(mv.to, 'target', mv.toSide.path, mv.toSide.idRange, 'to'),
            ),
          ),
        ),
      ),
    ),
    section(
      'unreadable',
      labels.unreadable,
      d.unreadable.length,
      h(
        'ul',
        { class: 'items' },
        ...d.unreadable.map((u) =>
          h(
            'li',
            { class: 'unreadable' },
            link(u.revision === 'base' ? fmt(labels.atRevision, u.path, m.base) : u.path, u.revision, u.path, u.range),
            h('span', { class: 'message' }, ` ${u.message} (${u.code})`),
            u.roles.length ? h('span', { class: 'meta' }, fmt(labels.notCompared, u.roles.join(', '))) : undefined,
          ),
        ),
      ),
    ),
  ];
  if (!d.roles.length && !d.moved.length && !d.unreadable.length) content.push(h('p', { class: 'empty' }, labels.nothing));
  app.replaceChildren(...content.filter((x): x is Node => x instanceof Node));
  if (focusedId) document.getElementById(focusedId)?.focus();
  const foreign = foreignElements(app);
  const text = visibleText(app, 4096);
  vscode.postMessage({ type: 'rendered', items: app.querySelectorAll('button.item').length, foreign, text });
}

window.addEventListener('message', (event: MessageEvent<DiffHostMessage>) => {
  const message = event.data;
  if (message && message.type === 'model' && message.model) render(message.model);
});

vscode.postMessage({ type: 'ready' });
