/**
 * What every webview page (media/NAME.ts) shares: the VS Code API handle, DOM builders that put
 * every string in as a text node (never as HTML) and remember each element they made, so that a
 * page can count the elements it did not make (role text turned into markup: must stay 0), `fmt`
 * for the labels' `{0}` placeholders, and the visible text a page reports after it rendered.
 * Bundled into each page; it imports nothing (see .dependency-cruiser.cjs).
 */

declare function acquireVsCodeApi(): unknown;

/** The page's end of the webview: `Out` is its protocol's page-to-host message type. */
export interface PageApi<Out, State> {
  postMessage(message: Out): void;
  setState(state: State): void;
  getState(): unknown;
}

/** The VS Code API of the page (acquired once: call this once per page). */
export function vscodeApi<Out, State = never>(): PageApi<Out, State> {
  return acquireVsCodeApi() as PageApi<Out, State>;
}

export type Child = Node | string | undefined | false;

/** Every element made through this module: anything else in the page came from somewhere else. */
const created = new WeakSet<Element>();

function made<E extends Element>(e: E, children: Child[]): E {
  created.add(e);
  for (const c of children) if (c !== undefined && c !== false) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

/** An element with a class (when given) and children (strings as text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  return made(e, children);
}

export interface Props {
  class?: string;
  title?: string;
  id?: string;
  ariaLabel?: string;
}

/** An element with some common properties (each set only when given) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const e = el(tag, props.class);
  if (props.title) e.title = props.title;
  if (props.id) e.id = props.id;
  if (props.ariaLabel) e.setAttribute('aria-label', props.ariaLabel);
  return made(e, children);
}

const SVG = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and children. */
export function svg(tag: string, attrs: Record<string, string | number> = {}, ...children: Child[]): SVGElement {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return made(e, children);
}

/** A button (keyboard reachable) with a class, its text, a tooltip when given, and what a click does. */
export function button(cls: string, text: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', cls, text);
  b.type = 'button';
  if (title) b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

/** A label with its `{0}`, `{1}`… replaced (a placeholder with no argument stays as it is). */
export function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

/** Elements under `root` this page did not make (0 unless role text became markup). */
export function foreignElements(root: Element): number {
  return Array.from(root.querySelectorAll('*')).filter((e) => !created.has(e)).length;
}

/** The visible text under `root`, cut to `max` characters. */
export function visibleText(root: Element, max: number): string {
  return (root.textContent ?? '').slice(0, max);
}
