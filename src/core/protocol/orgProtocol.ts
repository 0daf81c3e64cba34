/**
 * The message protocol between the extension and the org chart webview (media/org.ts). No
 * `vscode` here: the page imports these types too. Messages from the page are untrusted: the
 * extension accepts them only through `parseOrgMessage`, then checks that the roles they name are
 * on the chart it sent.
 */
import { hasOnlyKeys, isBoundedText, isIntegerIn, isPlainObject } from './messageChecks';

export const ORG_VIEW_TYPE = 'handbookRoles.orgChart';

/** A role's card, laid out: `x`/`y` is its top-left corner. */
export interface OrgCard {
  /** The role file's URI. */
  key: string;
  id: string;
  title: string;
  type?: string;
  ladder?: string;
  level?: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** On a cycle of reporting lines. */
  cycle: boolean;
}

/** A reporting line, drawn from the manager down to the report through `points`. */
export interface OrgEdge {
  manager: string;
  report: string;
  points: { x: number; y: number }[];
  cycle: boolean;
}

export interface OrgChart {
  cards: OrgCard[];
  edges: OrgEdge[];
  width: number;
  height: number;
  /** The subtree shown (a role's key), if filtered. */
  root?: string;
  /** Every role on a reporting line, by title: what the subtree filter offers. */
  choices: { key: string; title: string }[];
  /** Roles on reporting lines in all (the chart may show fewer: see `tooLarge`). */
  total: number;
  /** The chart has more cards than are laid out at once: the page asks for a subtree. */
  tooLarge?: boolean;
}

/** Every string the page shows, localised by the extension. `{0}`, `{1}` are placeholders. */
export interface OrgLabels {
  subtree: string;
  allRoles: string;
  copyMermaid: string;
  saveSvg: string;
  /** "{0} roles · {1} reporting lines" */
  summary: string;
  /** "{0} reporting lines on a cycle" */
  cycles: string;
  /** "Open {0}" */
  open: string;
  /** "level {0}" */
  level: string;
  empty: string;
  /** "{0} roles: choose a subtree to draw." */
  tooLarge: string;
  /** "{0} reports to {1}" (an edge's accessible name) */
  reportsTo: string;
  builtin: string;
}

export type HostToOrg = { type: 'chart'; chart: OrgChart; labels: OrgLabels };

export type OrgToHost =
  | { type: 'ready' }
  | { type: 'open'; role: string }
  | { type: 'filter'; root: string | null }
  | { type: 'copyMermaid' }
  | { type: 'saveSvg' }
  /** After each render: what the page shows, for tests and logs. */
  | { type: 'rendered'; cards: number; edges: number; /** Elements the page did not create itself. */ foreign: number; text: string };

/** What the page keeps with `setState` (restored after a reload). */
export interface OrgState {
  root?: string;
}

const MAX_STRING = 4096;

const isObject = isPlainObject;

const isText = (v: unknown): v is string => isBoundedText(v, MAX_STRING);
const isCount = (v: unknown): v is number => isIntegerIn(v, 0, 1_000_000);
const hasOnly = hasOnlyKeys;

/** A message from the page, checked field by field; undefined when it is not one. */
export function parseOrgMessage(raw: unknown): OrgToHost | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
    case 'copyMermaid':
    case 'saveSvg':
      return hasOnly(raw, ['type']) ? { type: raw.type } : undefined;
    case 'open':
      return hasOnly(raw, ['type', 'role']) && isText(raw.role) ? { type: 'open', role: raw.role } : undefined;
    case 'filter':
      return hasOnly(raw, ['type', 'root']) && (raw.root === null || isText(raw.root)) ? { type: 'filter', root: raw.root } : undefined;
    case 'rendered':
      if (!hasOnly(raw, ['type', 'cards', 'edges', 'foreign', 'text'])) return undefined;
      if (
        !isCount(raw.cards) ||
        !isCount(raw.edges) ||
        !isCount(raw.foreign) ||
        typeof raw.text !== 'string' ||
        raw.text.length > MAX_STRING
      )
        return undefined;
      return { type: 'rendered', cards: raw.cards, edges: raw.edges, foreign: raw.foreign, text: raw.text };
    default:
      return undefined;
  }
}

/** The page's saved state, whatever `getState()` returned. */
export function parseOrgState(raw: unknown): OrgState {
  return isObject(raw) && isText(raw.root) ? { root: raw.root } : {};
}
