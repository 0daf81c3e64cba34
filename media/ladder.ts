/**
 * The ladder view page (bundled to dist/media/ladder.js): each ladder's rungs side by side in
 * level order, with what each rung adds (its own responsibilities and success criteria) and how
 * much it inherits. Buttons open the role or the item's line. Role text enters the DOM as text.
 */
import {
  parseLadderState,
  type HostToLadder,
  type LadderItem,
  type LadderLabels,
  type LadderModel,
  type LadderRung,
  type LadderState,
  type LadderToHost,
} from '../src/core/protocol/ladderProtocol';
import { button, el, fmt, foreignElements, visibleText, vscodeApi, type Child } from './shared/page';

const MAX_RENDERED_TEXT = 4096;
const vscode = vscodeApi<LadderToHost, LadderState>();
const app = document.getElementById('app')!;
let state: LadderState = parseLadderState(vscode.getState());
let current: { model: LadderModel; labels: LadderLabels } | undefined;

function itemList(rung: LadderRung, items: LadderItem[], l: LadderLabels): HTMLUListElement {
  return el(
    'ul',
    'items',
    ...items.map((it) =>
      el(
        'li',
        '',
        button('item', it.text, fmt(l.open, rung.title, it.line), () =>
          vscode.postMessage({ type: 'open', role: rung.key, line: it.line }),
        ),
      ),
    ),
  );
}

function rungColumn(rung: LadderRung, l: LadderLabels): HTMLElement {
  const head = el(
    'header',
    'rung-head',
    el('span', 'level', rung.level !== undefined ? fmt(l.level, rung.level) : l.noLevel),
    button('rung-title', rung.title, fmt(l.open, rung.title, ''), () => vscode.postMessage({ type: 'open', role: rung.key })),
    rung.parent && el('span', 'extends', fmt(l.extendsRole, rung.parent.title)),
  );
  const parts: Child[] = [head, el('h4', '', l.adds)];
  parts.push(rung.adds.responsibilities.length ? itemList(rung, rung.adds.responsibilities, l) : el('p', 'note', l.nothingAdded));
  if (rung.adds.successCriteria.length) parts.push(el('h4', '', l.criteria), itemList(rung, rung.adds.successCriteria, l));
  if (rung.inherited > 0) parts.push(el('p', 'inherited', fmt(l.inherited, rung.inherited)));
  return el('section', 'rung', ...parts);
}

function render(): void {
  if (!current) return;
  const { model, labels: l } = current;
  const select = el('select', 'ladder-select');
  select.id = 'ladder';
  const all = el('option', '', l.allLadders);
  all.value = '';
  select.append(all);
  for (const ladder of model.ladders) {
    const o = el('option', '', ladder.name);
    o.value = ladder.name;
    o.selected = ladder.name === state.ladder;
    select.append(o);
  }
  select.addEventListener('change', () => {
    state = select.value ? { ladder: select.value } : {};
    vscode.setState(state);
    render();
  });
  const label = el('label', '', l.ladder);
  label.htmlFor = 'ladder';
  const shown = model.ladders.filter((x) => !state.ladder || x.name === state.ladder);
  const body = shown.length
    ? shown.map((ladder) =>
        el('section', 'ladder', el('h2', '', ladder.name), el('div', 'rungs', ...ladder.rungs.map((r) => rungColumn(r, l)))),
      )
    : [el('p', 'note', l.empty)];
  app.replaceChildren(el('div', 'toolbar', label, select), ...body);
  const foreign = foreignElements(app);
  vscode.postMessage({
    type: 'rendered',
    ladders: shown.length,
    rungs: shown.reduce((n, x) => n + x.rungs.length, 0),
    foreign,
    text: visibleText(app, MAX_RENDERED_TEXT),
  });
}

window.addEventListener('message', (event: MessageEvent) => {
  const msg = event.data as HostToLadder | undefined;
  if (
    !msg ||
    msg.type !== 'ladders' ||
    typeof msg.model !== 'object' ||
    !Array.isArray(msg.model?.ladders) ||
    typeof msg.labels !== 'object'
  )
    return;
  current = { model: msg.model, labels: msg.labels };
  if (state.ladder && !msg.model.ladders.some((x) => x.name === state.ladder)) state = {};
  render();
});

vscode.postMessage({ type: 'ready' });
