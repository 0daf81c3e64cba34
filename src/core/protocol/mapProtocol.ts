/**
 * The message protocol between the responsibility-map webview (media/map.ts) and the extension
 * (src/extension/responsibilityMap.ts), plus the meaning of the view's filters, which both sides
 * apply (the page to draw, the extension to copy the same view as Markdown). No `vscode` here.
 *
 * Every message from the webview is untrusted: `parseMapMessage` returns a typed message or
 * undefined, and the extension acts on item and role keys only after finding them in its own map.
 */
import type { MapItem, ResponsibilityMap } from '../map/types';

/** The map's shapes, as the page reads them (it imports this module only). */
export type { MapArea, MapItem, MapRole, Overlap, ResponsibilityMap } from '../map/types';

export const MAP_VIEW_TYPE = 'handbookRoles.map';

/** What the view shows. Empty `roles`/`areas` mean all of them. */
export interface MapFilter {
  roles: string[];
  areas: string[];
  /** Only overlapping responsibilities and success criteria with a gap. */
  issuesOnly: boolean;
}

export const NO_FILTER: MapFilter = { roles: [], areas: [], issuesOnly: false };

/**
 * Labels of the page, localised by the extension (the page has no access to `vscode.l10n`).
 * `{0}`, `{1}`... are filled in by the page.
 */
export const MAP_LABEL_KEYS = [
  'summary',
  'roles',
  'areas',
  'allRoles',
  'allAreas',
  'issuesOnly',
  'copyMarkdown',
  'area',
  'overlapsWith',
  'unowned',
  'ownedElsewhere',
  'ownedBy',
  'sharedFrom',
  'criterion',
  'noResult',
  'builtin',
  'inferredArea',
  'unownedArea',
  'open',
  'openRole',
  'legendOverlap',
  'legendGap',
  'legendShared',
  'truncated',
  'empty',
] as const;
export type MapLabelKey = (typeof MAP_LABEL_KEYS)[number];
export type MapLabels = Record<MapLabelKey, string>;

export type HostToMap = {
  type: 'map';
  map: ResponsibilityMap;
  labels: MapLabels;
  /** Whether the map shows the built-in handbook standing in for an empty workspace. */
  builtin: boolean;
  /** A filter to apply (on restore, or when a command asks for one); absent: keep the page's. */
  filter?: MapFilter;
};

/** What the page drew, reported after every render (for tests and logs). */
export interface MapRendered {
  type: 'rendered';
  filter: MapFilter;
  /** Role columns, area rows and item entries drawn. */
  roles: number;
  areas: number;
  items: number;
  /** Entries drawn as an overlap, and as a gap. */
  overlaps: number;
  gaps: number;
  /** Elements in the page that the page itself did not create (must stay 0: role text is text). */
  foreign: number;
  /** The visible text of the page (cut at MAX_RENDERED_TEXT). */
  text: string;
}

export const MAX_RENDERED_TEXT = 200_000;

export type MapToHost =
  /** The page is loaded and wants the map. */
  | { type: 'ready' }
  /** Open the role file at an item (responsibility or criterion). */
  | { type: 'open'; item: string }
  /** Open the role file at its `role` line. */
  | { type: 'openRole'; role: string }
  /** Copy the view, as filtered, as Markdown. */
  | { type: 'copyMarkdown'; filter: MapFilter }
  | MapRendered;

/** State the page keeps with `setState` (restored by the panel serializer after a reload). */
export interface MapState {
  filter: MapFilter;
}

const MAX_KEY = 4096;
const MAX_LIST = 10_000;

/** A plain object (what a structured clone of a webview message gives), nothing with a prototype chain. */
function isRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 10_000_000;
}

function isKey(x: unknown): x is string {
  return typeof x === 'string' && x.length > 0 && x.length <= MAX_KEY;
}

function keyList(x: unknown): string[] | undefined {
  if (!Array.isArray(x) || x.length > MAX_LIST || !x.every(isKey)) return undefined;
  return [...new Set(x)];
}

/** A filter from untrusted data, or undefined when it is malformed. */
export function parseFilter(x: unknown): MapFilter | undefined {
  if (!isRecord(x)) return undefined;
  const roles = keyList(x.roles);
  const areas = keyList(x.areas);
  if (!roles || !areas || typeof x.issuesOnly !== 'boolean') return undefined;
  return { roles, areas, issuesOnly: x.issuesOnly };
}

/** A message from the webview, or undefined when it is not one the protocol knows. */
export function parseMapMessage(x: unknown): MapToHost | undefined {
  if (!isRecord(x)) return undefined;
  switch (x.type) {
    case 'ready':
      return { type: 'ready' };
    case 'open':
      return isKey(x.item) ? { type: 'open', item: x.item } : undefined;
    case 'openRole':
      return isKey(x.role) ? { type: 'openRole', role: x.role } : undefined;
    case 'copyMarkdown': {
      const filter = parseFilter(x.filter);
      return filter ? { type: 'copyMarkdown', filter } : undefined;
    }
    case 'rendered': {
      const filter = parseFilter(x.filter);
      const counts = ['roles', 'areas', 'items', 'overlaps', 'gaps', 'foreign'] as const;
      if (!filter || !counts.every((k) => isCount(x[k])) || typeof x.text !== 'string' || x.text.length > MAX_RENDERED_TEXT)
        return undefined;
      const out = { type: 'rendered', filter, text: x.text } as MapRendered;
      for (const k of counts) out[k] = x[k] as number;
      return out;
    }
    default:
      return undefined;
  }
}

/** Saved page state, or the default when it is missing or malformed. */
export function parseMapState(x: unknown): MapState {
  const filter = isRecord(x) ? parseFilter(x.filter) : undefined;
  return { filter: filter ?? { ...NO_FILTER } };
}

/** Whether an item is an "issue": an overlapping responsibility or a criterion with a gap. */
export function isIssue(item: MapItem): boolean {
  if (item.kind === 'responsibility') return item.overlap !== undefined;
  return !(item.owners ?? []).some((o) => (item.accountable ?? [item.role]).includes(o));
}

/**
 * Whether the filtered view shows an item in the column of `roleKey`: its own role's column, or
 * for a criterion also the columns of the roles that share it.
 */
export function showsItem(item: MapItem, roleKey: string, filter: MapFilter): boolean {
  if (filter.roles.length && !filter.roles.includes(roleKey)) return false;
  if (filter.areas.length && !filter.areas.includes(item.area)) return false;
  if (filter.issuesOnly && !isIssue(item)) return false;
  return item.role === roleKey || (item.kind === 'criterion' && (item.accountable ?? []).includes(roleKey));
}
