/**
 * The message protocol between the extension and the handbook-diff webview (media/diff.ts): the
 * handbook at a git revision against the working tree, role by role. No `vscode` here: the
 * webview script imports these types too.
 *
 * Messages from the webview are untrusted input: the extension accepts them only through
 * `parseDiffMessage`, which returns a typed message or undefined, and then checks that the file
 * a message names is one the diff shows on that side.
 */
import type { HandbookDiff, Revision } from '../diff/types';
import { hasOnlyKeys, isBoundedText, isIntegerIn, isPlainObject } from './messageChecks';

// What the page renders, so that it imports this protocol and nothing else of the engine.
export type { DiffItem, HandbookDiff, ItemDelta, RoleDiff, RoleSide } from '../diff/types';
export type { Range } from '../types';

export const DIFF_VIEW_TYPE = 'handbookRoles.handbookDiff';

/** Every string the page shows, localised by the extension. `{0}`, `{1}` are placeholders. */
export interface DiffLabels {
  /** "{0} → {1}" (base, target) */
  heading: string;
  /** The summary line ("2 roles added, ..."). */
  summary: string;
  refresh: string;
  copyMarkdown: string;
  added: string;
  removed: string;
  renamed: string;
  changed: string;
  moved: string;
  unreadable: string;
  focus: string;
  responsibilities: string;
  successCriteria: string;
  /** "Other keys changed: {0}" */
  fields: string;
  /** "Open {0} at line {1}" */
  openAt: string;
  /** "{0} at {1}" (a file at a revision) */
  atRevision: string;
  /** "{0}: not compared" */
  notCompared: string;
  nothing: string;
}

export interface DiffViewModel {
  /** The revision compared against (a branch, tag or commit), as the user picked it. */
  base: string;
  /** What it is compared with ("working tree", localised). */
  target: string;
  diff: HandbookDiff;
  labels: DiffLabels;
}

/** Extension → webview. */
export type DiffHostMessage = { type: 'model'; model: DiffViewModel };

/** Webview → extension. */
export type DiffWebviewMessage =
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'copyMarkdown' }
  /** Opens a file of the diff: on the base side at the base revision, on the target side as it is. */
  | { type: 'open'; side: Revision; path: string; line: number; column: number; endLine: number; endColumn: number }
  /** Sent after each render: what the page shows, for tests and logs. */
  | {
      type: 'rendered';
      items: number;
      /** Elements the page did not create itself (0 unless role text became markup). */ foreign: number;
      /** The page's text, cut to 4,096 characters. */ text: string;
    };

const MAX_STRING = 4096;
const MAX_LINE = 10_000_000;

const isObject = isPlainObject;

const isText = (v: unknown, allowEmpty = false): v is string => isBoundedText(v, MAX_STRING, allowEmpty);
const isCount = (v: unknown): v is number => isIntegerIn(v, 0, MAX_LINE);
const isPosition = (v: unknown): v is number => isIntegerIn(v, 1, MAX_LINE);
const hasOnly = hasOnlyKeys;

/** A message from the webview, checked field by field; undefined when it is not one. */
export function parseDiffMessage(raw: unknown): DiffWebviewMessage | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
    case 'refresh':
    case 'copyMarkdown':
      return hasOnly(raw, ['type']) ? { type: raw.type } : undefined;
    case 'open':
      return hasOnly(raw, ['type', 'side', 'path', 'line', 'column', 'endLine', 'endColumn']) &&
        (raw.side === 'base' || raw.side === 'target') &&
        isText(raw.path) &&
        isPosition(raw.line) &&
        isPosition(raw.column) &&
        isPosition(raw.endLine) &&
        isPosition(raw.endColumn) &&
        (raw.endLine > raw.line || (raw.endLine === raw.line && raw.endColumn >= raw.column))
        ? {
            type: 'open',
            side: raw.side,
            path: raw.path,
            line: raw.line,
            column: raw.column,
            endLine: raw.endLine,
            endColumn: raw.endColumn,
          }
        : undefined;
    case 'rendered':
      return hasOnly(raw, ['type', 'items', 'foreign', 'text']) && isCount(raw.items) && isCount(raw.foreign) && isText(raw.text, true)
        ? { type: 'rendered', items: raw.items, foreign: raw.foreign, text: raw.text }
        : undefined;
    default:
      return undefined;
  }
}

/** The files the diff shows on each side: the only ones the page may ask to open. */
export function diffPaths(diff: HandbookDiff): Record<Revision, Set<string>> {
  const out = { base: new Set<string>(), target: new Set<string>() };
  for (const r of diff.roles) {
    if (r.base) out.base.add(r.base.path);
    if (r.target) out.target.add(r.target.path);
  }
  for (const m of diff.moved) {
    out.base.add(m.fromSide.path);
    out.target.add(m.toSide.path);
  }
  for (const u of diff.unreadable) out[u.revision].add(u.path);
  return out;
}
