/**
 * The message protocol between the extension and the ladder view (media/ladder.ts): the ladders
 * of the handbook, each rung side by side with what it adds. Messages from the page are untrusted:
 * they pass `parseLadderMessage`, and the items they name must be in the view the panel sent.
 */
import { hasOnlyKeys, isBoundedText, isIntegerIn, isPlainObject } from './messageChecks';

export const LADDER_VIEW_TYPE = 'handbookRoles.ladders';

export interface LadderItem {
  text: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface LadderRung {
  /** The role file's URI. */
  key: string;
  id: string;
  title: string;
  level?: number;
  /** The role it extends. */
  parent?: { key: string; title: string };
  adds: { responsibilities: LadderItem[]; successCriteria: LadderItem[] };
  /** How many responsibilities it inherits (through `extends`). */
  inherited: number;
}

export interface LadderModel {
  ladders: { name: string; rungs: LadderRung[] }[];
}

export interface LadderLabels {
  ladder: string;
  allLadders: string;
  /** "level {0}" */
  level: string;
  noLevel: string;
  /** "extends {0}" */
  extendsRole: string;
  adds: string;
  criteria: string;
  /** "+ {0} inherited" */
  inherited: string;
  nothingAdded: string;
  /** "Open {0} at line {1}" */
  open: string;
  empty: string;
}

export type HostToLadder = { type: 'ladders'; model: LadderModel; labels: LadderLabels };

export type LadderToHost =
  | { type: 'ready' }
  | { type: 'open'; role: string; line?: number }
  | { type: 'rendered'; ladders: number; rungs: number; foreign: number; text: string };

export interface LadderState {
  ladder?: string;
}

const MAX_STRING = 4096;

const isObject = isPlainObject;

const isText = (v: unknown): v is string => isBoundedText(v, MAX_STRING);
const isCount = (v: unknown): v is number => isIntegerIn(v, 0, 10_000_000);
const hasOnly = hasOnlyKeys;

export function parseLadderMessage(raw: unknown): LadderToHost | undefined {
  if (!isObject(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
      return hasOnly(raw, ['type']) ? { type: 'ready' } : undefined;
    case 'open':
      if (!hasOnly(raw, ['type', 'role', 'line']) || !isText(raw.role)) return undefined;
      if (raw.line === undefined) return { type: 'open', role: raw.role };
      return isCount(raw.line) && raw.line >= 1 ? { type: 'open', role: raw.role, line: raw.line } : undefined;
    case 'rendered':
      if (!hasOnly(raw, ['type', 'ladders', 'rungs', 'foreign', 'text'])) return undefined;
      if (
        !isCount(raw.ladders) ||
        !isCount(raw.rungs) ||
        !isCount(raw.foreign) ||
        typeof raw.text !== 'string' ||
        raw.text.length > MAX_STRING
      )
        return undefined;
      return { type: 'rendered', ladders: raw.ladders, rungs: raw.rungs, foreign: raw.foreign, text: raw.text };
    default:
      return undefined;
  }
}

export function parseLadderState(raw: unknown): LadderState {
  return isObject(raw) && isText(raw.ladder) ? { ladder: raw.ladder } : {};
}
