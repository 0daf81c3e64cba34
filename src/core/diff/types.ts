/**
 * What a change does to a handbook, role by role (the contract's "handbook-diff"). Plain data:
 * `HandbookDiff` keeps where each item is (for the editor's links); `DiffJson` is the contract's
 * JSON shape, made from it by `toDiffJson`.
 */
import type { FindingCode, Range } from '../types';

/** The two revisions compared: `base` (before) and `target` (after). */
export type Revision = 'base' | 'target';

/** A revision of the handbook: file path (POSIX, relative to the handbook's folder) → text. */
export type HandbookRevision = ReadonlyMap<string, string>;

/** One side of a role: where it is defined in one revision. */
export interface RoleSide {
  id: string;
  title: string;
  path: string;
  /** Range of the `role` value. */
  idRange: Range;
}

/** A focus, responsibility or success criterion, as written (trimmed), and where. */
export interface DiffItem {
  text: string;
  range: Range;
}

export interface ItemDelta {
  /** Items of the target that the base lacked (their ranges are in the target's file). */
  added: DiffItem[];
  /** Items of the base that the target lacks (their ranges are in the base's file). */
  removed: DiffItem[];
}

export type RoleStatus = 'added' | 'removed' | 'renamed' | 'changed';

export interface RoleDiff {
  /** The role's id: in the target, or in the base for a removed role. */
  id: string;
  status: RoleStatus;
  base?: RoleSide;
  target?: RoleSide;
  /** Deltas of a role present in both revisions (empty for added and removed roles). */
  responsibilities: ItemDelta;
  successCriteria: ItemDelta;
  focus: ItemDelta;
  /** The other top-level keys whose value changed, in the format's key order, then by name. */
  fields: string[];
}

/** A responsibility removed from one role and added to another. */
export interface MovedItem {
  /** The text as the target writes it. */
  text: string;
  /** Role ids (the target's id for a role in both revisions). */
  from: string;
  to: string;
  /** Where it was (in the base) and where it is (in the target). */
  fromSide: RoleSide;
  toSide: RoleSide;
  fromRange: Range;
  toRange: Range;
}

/** A role file that could not be read in one revision: its roles are neither added nor removed. */
export interface UnreadableFile {
  path: string;
  revision: Revision;
  code: FindingCode;
  message: string;
  range: Range;
  /** Ids the other revision defines in this file, which are therefore not compared. */
  roles: string[];
}

export interface HandbookDiff {
  /** Roles added, removed, renamed or changed, by id. Unchanged roles are not listed. */
  roles: RoleDiff[];
  moved: MovedItem[];
  unreadable: UnreadableFile[];
  /** How many roles each revision holds (readable role files). */
  counts: { base: number; target: number };
}

/** The contract's JSON shape (`handbook-diff --format json`). */
export interface TextDeltaJson {
  added: string[];
  removed: string[];
}

export interface RoleChangeJson {
  role: string;
  responsibilities: TextDeltaJson;
  successCriteria: TextDeltaJson;
  focus: TextDeltaJson;
  fields: string[];
}

export interface DiffJson {
  added: string[];
  removed: string[];
  renamed: { from: string; to: string }[];
  changed: RoleChangeJson[];
  moved: { text: string; from: string; to: string }[];
}
