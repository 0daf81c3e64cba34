/**
 * The responsibility map as plain, JSON-safe data: the webview, the CLI report and the opt-in
 * findings all read this one structure. Roles and items are referred to by string keys (a role by
 * its file's URI, an item by `<uri>#r<index>` or `<uri>#c<index>`), stable across re-analyses as
 * long as the file keeps its items in place.
 */
import type { Range } from '../types';

export type MapItemKind = 'responsibility' | 'criterion';

export interface MapRole {
  /** The role file's URI: unique even when two files claim the same id. */
  key: string;
  id: string;
  title: string;
  type?: string;
  builtin?: boolean;
  /** Keys of the roles whose success criteria this role shares (resolved `sharesSuccessCriteriaOf`). */
  sharesFrom: string[];
}

export interface MapItem {
  key: string;
  kind: MapItemKind;
  /** Key of the role that declares it. */
  role: string;
  /** Index in the role's `responsibilities` or `successCriteria`. */
  index: number;
  text: string;
  /** The responsibility's `id`, when it has one. */
  id?: string;
  /** Key of the area it is grouped under. */
  area: string;
  /** Why it is in that area when the file does not say (empty for a declared `area`). */
  areaReason?: string;
  /** Where the text is in the role file (1-based, end exclusive). */
  range: Range;
  /** Index in `overlaps` of the overlap it belongs to (responsibilities only). */
  overlap?: number;
  /**
   * Criteria only: the responsibilities that match it, best first (key and similarity). The
   * roles that own the criterion are the roles of these responsibilities.
   */
  matches?: { item: string; score: number }[];
  /** Criteria only: keys of every role with a matching responsibility (not capped like `matches`). */
  owners?: string[];
  /** Criteria only: the roles evaluated on it (its role and the roles that share its criteria). */
  accountable?: string[];
}

export type AreaSource = 'declared' | 'inferred' | 'other';

export interface MapArea {
  key: string;
  label: string;
  /** `declared`: an `area` of a responsibility; `inferred`: a group of similar texts; `other`: the rest. */
  source: AreaSource;
  /** Item keys, in map order. */
  items: string[];
  /** Keys of the roles with a responsibility in the area. */
  roles: string[];
  /** An area with success criteria but no responsibility: nobody is responsible for it. */
  unowned: boolean;
}

export interface OverlapLink {
  a: string;
  b: string;
  score: number;
  /** Same text after trimming, collapsing whitespace and case-folding. */
  same: boolean;
  /** Shared words that carry the similarity, as written in `a` (most important first). */
  words: string[];
}

/** Two or more roles claiming the same or nearly the same responsibility. */
export interface Overlap {
  /** Responsibility keys, in map order. */
  items: string[];
  /** Keys of the roles involved (at least two). */
  roles: string[];
  /** The links that join the items (a spanning tree, strongest links first). */
  links: OverlapLink[];
  /** Highest similarity of a link. */
  score: number;
}

export type Gap =
  /** A success criterion that no role evaluated on it has a matching responsibility for. */
  | { kind: 'unowned-criterion'; item: string; accountable: string[]; elsewhere: string[] }
  /** An area with success criteria but no responsibility. */
  | { kind: 'unowned-area'; area: string; criteria: string[] }
  /** A role with success criteria of its own, none of which its responsibilities match. */
  | { kind: 'role-without-matching-responsibility'; role: string; criteria: string[] };

/** A role that shares every success criterion of another (`sharesSuccessCriteriaOf`). */
export interface SharedCriteria {
  role: string;
  from: string;
  /** The reference in the sharing role's file. */
  range: Range;
  /** Criteria of `from` (its own ones) that `role` is also evaluated on. */
  criteria: string[];
}

export interface MapOptions {
  /** Similarity at which two responsibilities of different roles overlap. */
  overlapThreshold?: number;
  /** Similarity at which a responsibility matches (owns) a success criterion. */
  criterionThreshold?: number;
  /** Similarity at which a text without `area` joins an area or a group of similar texts. */
  areaThreshold?: number;
}

export interface ResponsibilityMap {
  roles: MapRole[];
  items: MapItem[];
  areas: MapArea[];
  overlaps: Overlap[];
  gaps: Gap[];
  shared: SharedCriteria[];
  /** The thresholds used. */
  thresholds: Required<MapOptions>;
  stats: {
    responsibilities: number;
    criteria: number;
    /** Distinct texts compared. */
    texts: number;
    /** Cosines computed (the rest were ruled out by the prefix filter). */
    scored: number;
  };
}
