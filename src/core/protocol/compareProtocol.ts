/**
 * The message protocol between the extension and the role-comparison webview
 * (media/compare.ts). No `vscode` here: the webview script imports these types too.
 *
 * Messages from the webview are untrusted input: the extension accepts them only through
 * `parseWebviewMessage`, which returns a typed message or undefined, and then checks that the
 * URIs they name belong to the roles it offered.
 */
import type { RoleComparison } from '../compare';
import { hasOnlyKeys, isBoundedText, isIntegerIn, isPlainObject } from './messageChecks';

/** The comparison's shapes, as the page reads them (it imports this module only). */
export type { CompareItem, ItemPair, RelationshipItem, RoleComparison, RoleSummary, SectionComparison } from '../compare';

export const COMPARE_VIEW_TYPE = 'handbookRoles.compare';

export type Side = 'left' | 'right';

/** Which role a side shows: its file, and its id as a fallback when the file moved. */
export interface SideRef {
  uri: string;
  id: string;
}

export const sideRef = (role: SideRef): SideRef => ({ uri: role.uri, id: role.id });

/** A role the pickers offer. */
export interface RoleChoice {
  uri: string;
  id: string;
  title: string;
  type?: string;
  builtin: boolean;
}

/** Every string the page shows, localised by the extension. `{0}` and `{1}` are placeholders. */
export interface CompareLabels {
  left: string;
  right: string;
  swap: string;
  copyMarkdown: string;
  builtin: string;
  focus: string;
  responsibilities: string;
  successCriteria: string;
  relationships: string;
  shared: string;
  /** "Only {0}" */
  only: string;
  same: string;
  /** "near ({0}%)" */
  near: string;
  /** "shared from {0}" */
  sharedFrom: string;
  /** "from {0}": an item inherited through `extends`. */
  inheritedFrom: string;
  nothing: string;
  noRelationships: string;
  /** "{0} → {1}" */
  direction: string;
  /** "Open {0} at line {1}" */
  openAt: string;
  summaryMissing: string;
  /** For two versions of one role: the "moved" section's heading, "from {0}" and "to {0}". */
  moved?: string;
  movedIn?: string;
  movedOut?: string;
}

/** A responsibility that moved between this role and another (two versions of one role). */
export interface MovedResponsibility {
  text: string;
  /** The other role's id. */
  role: string;
  /** `in`: it came from the other role; `out`: it went to it. */
  direction: 'in' | 'out';
}

export interface CompareViewModel {
  left: SideRef;
  right: SideRef;
  /** Absent when a side names no role any more (then `missing` says which). */
  comparison?: RoleComparison;
  missing?: string;
  choices: RoleChoice[];
  labels: CompareLabels;
  /**
   * Set when the two sides are two versions of one role (left: a git revision, right: the working
   * tree): the page offers no pickers and no swap, and lists what moved to or from other roles.
   */
  versions?: { moved: MovedResponsibility[] };
}

/** Extension → webview. */
export type HostMessage = { type: 'model'; model: CompareViewModel };

/** Webview → extension. */
export type WebviewMessage =
  | { type: 'ready' }
  | { type: 'pick'; side: Side; uri: string }
  | { type: 'swap' }
  | { type: 'open'; uri: string; line: number; column: number; endLine: number; endColumn: number }
  | { type: 'copyMarkdown' }
  /** Sent after each render: what the page shows, for tests and logs. */
  | {
      type: 'rendered';
      left: string;
      right: string;
      items: number;
      /** Elements the page did not create itself (0 unless role text became markup). */ foreign: number;
      /** The page's text, cut to 4,096 characters. */ text: string;
    };

/** What the webview keeps with `setState`, restored by the panel serializer after a reload. */
export interface CompareState {
  left: SideRef;
  right: SideRef;
}

const MAX_STRING = 4096;
const MAX_LINE = 10_000_000;

const isObject = isPlainObject;

function isText(v: unknown, allowEmpty = false): v is string {
  return isBoundedText(v, MAX_STRING, allowEmpty);
}

function isCount(v: unknown): v is number {
  return isIntegerIn(v, 0, MAX_LINE);
}

function isPosition(v: unknown): v is number {
  return isIntegerIn(v, 1, MAX_LINE);
}

function isSide(v: unknown): v is Side {
  return v === 'left' || v === 'right';
}

const hasOnly = hasOnlyKeys;

/** A message from the webview, checked field by field; undefined when it is not one. */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
    case 'swap':
    case 'copyMarkdown':
      return hasOnly(raw, ['type']) ? { type: raw.type } : undefined;
    case 'pick':
      return hasOnly(raw, ['type', 'side', 'uri']) && isSide(raw.side) && isText(raw.uri)
        ? { type: 'pick', side: raw.side, uri: raw.uri }
        : undefined;
    case 'open':
      return hasOnly(raw, ['type', 'uri', 'line', 'column', 'endLine', 'endColumn']) &&
        isText(raw.uri) &&
        isPosition(raw.line) &&
        isPosition(raw.column) &&
        isPosition(raw.endLine) &&
        isPosition(raw.endColumn) &&
        (raw.endLine > raw.line || (raw.endLine === raw.line && raw.endColumn >= raw.column))
        ? { type: 'open', uri: raw.uri, line: raw.line, column: raw.column, endLine: raw.endLine, endColumn: raw.endColumn }
        : undefined;
    case 'rendered':
      return hasOnly(raw, ['type', 'left', 'right', 'items', 'foreign', 'text']) &&
        isText(raw.left, true) &&
        isText(raw.right, true) &&
        isCount(raw.items) &&
        isCount(raw.foreign) &&
        isText(raw.text, true)
        ? { type: 'rendered', left: raw.left, right: raw.right, items: raw.items, foreign: raw.foreign, text: raw.text }
        : undefined;
    default:
      return undefined;
  }
}

function parseSideRef(raw: unknown): SideRef | undefined {
  if (!isObject(raw) || !isText(raw.uri) || !isText(raw.id)) return undefined;
  return { uri: raw.uri, id: raw.id };
}

/** The state a restored panel starts from; undefined when it is not one. */
export function parseCompareState(raw: unknown): CompareState | undefined {
  if (!isObject(raw)) return undefined;
  const left = parseSideRef(raw.left);
  const right = parseSideRef(raw.right);
  return left && right ? { left, right } : undefined;
}
