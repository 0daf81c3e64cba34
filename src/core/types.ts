/** Shared data types of the engine. Plain data only: no editor, no file system. */

export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'yaml-syntax'
  | 'frontmatter-missing'
  | 'frontmatter-unclosed'
  | 'schema'
  | 'unknown-role'
  | 'duplicate-role'
  | 'duplicate-responsibility'
  | 'unresolved-link'
  | 'overlapping-responsibility'
  | 'unowned-criterion'
  | 'inheritance-cycle'
  | 'reporting-cycle'
  | 'level-order';

/** 1-based line and column; columns count UTF-16 code units; the end is exclusive (as in LSP). */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Machine-readable hints that quick fixes use. */
export interface FindingData {
  /** Close known names (keys, role names) for a "did you mean" fix, best first. */
  suggestions?: string[];
  /** Allowed enum values for the node in the range. */
  allowed?: string[];
  /** The required key that is missing. */
  missingKey?: string;
  /** YAML path of the object a missing key belongs to (empty for the top level). */
  path?: (string | number)[];
  /** The unknown key / unresolved name as written. */
  name?: string;
}

export interface Finding {
  code: FindingCode;
  severity: Severity;
  message: string;
  range: Range;
  data?: FindingData;
}

export type RoleType = 'executive' | 'manager' | 'individual-contributor';
export const ROLE_TYPES: readonly RoleType[] = ['executive', 'manager', 'individual-contributor'];

export type RelationshipKind = 'symbiotic' | 'reports-to' | 'manages' | 'peer' | 'advises';
export const RELATIONSHIP_KINDS: readonly RelationshipKind[] = ['symbiotic', 'reports-to', 'manages', 'peer', 'advises'];

export interface Located<T> {
  value: T;
  range: Range;
}

export interface Responsibility {
  text: string;
  id?: string;
  area?: string;
  /** The whole item (string scalar, or the object). */
  range: Range;
  /** The text itself. */
  textRange: Range;
}

export interface Relationship {
  with: string;
  kind: string;
  note?: string;
  range: Range;
  withRange: Range;
}

/**
 * A role as read from a role file. Built tolerantly: a file with schema errors still yields a role
 * (with whatever fields could be read) as long as it has a string `role` key.
 */
export interface Role {
  uri: string;
  id: string;
  title: string;
  aliases: Located<string>[];
  type?: string;
  summary?: string;
  focus: Located<string>[];
  responsibilities: Responsibility[];
  successCriteria: Located<string>[];
  sharesSuccessCriteriaOf: Located<string>[];
  relationships: Relationship[];
  /** The role this one extends (a role reference, trimmed): a rung of a ladder. */
  extends?: Located<string>;
  /** The rank on its ladder: a positive integer (other values are schema errors and not kept). */
  level?: Located<number>;
  /** The explicit ladder name, trimmed (the default is worked out by `src/core/org/`). */
  ladder?: Located<string>;
  /** Range of the `role` value. */
  idRange: Range;
  titleRange?: Range;
  /** The frontmatter block, from the opening to the closing delimiter. */
  frontmatterRange: Range;
  /** Whether the role comes from the built-in handbook. */
  builtin?: boolean;
}

export type ReferenceKind = 'sharesSuccessCriteriaOf' | 'relationship' | 'extends';

/** A role reference in the frontmatter. */
export interface Reference {
  name: string;
  kind: ReferenceKind;
  range: Range;
}

/** A `[[target]]` or `[[target|label]]` link in a Markdown body. */
export interface Link {
  target: string;
  label?: string;
  /** The whole link, brackets included. */
  range: Range;
  /** The target text only. */
  targetRange: Range;
}

export interface ParsedFile {
  uri: string;
  /** Whether the file is a role file (has a `role` key, or was matched by the role-file globs). */
  isRoleFile: boolean;
  role?: Role;
  /** Findings that depend on this file alone. */
  findings: Finding[];
  references: Reference[];
  links: Link[];
  /** The frontmatter's plain value, when asked for (`keepData`) and the YAML could be read. */
  data?: unknown;
}
