/** Data types of the importer: its public result, and the page structure it works on. */
import type { RelationshipKind, RoleType } from '../types';

// ---------------------------------------------------------------------------------------------
// Public result

/** A responsibility as the frontmatter holds it: a sentence, or a sentence with its area. */
export type ImportedResponsibility = string | { text: string; area: string };

export interface ImportedRelationship {
  with: string;
  kind: RelationshipKind;
  note?: string;
}

/** One role found on a page, in the role file's frontmatter shape plus where it starts. */
export interface ImportedRole {
  role: string;
  title: string;
  aliases: string[];
  type: RoleType;
  /** The role this one is a rung above (`extends`): it inherits that role's duties and criteria. */
  extends?: string;
  /** The rung's rank on its ladder (`level`), higher is more senior. */
  level?: number;
  summary?: string;
  focus: string[];
  responsibilities: ImportedResponsibility[];
  successCriteria: string[];
  sharesSuccessCriteriaOf: string[];
  relationships: ImportedRelationship[];
  /** 1-based line of the page where the role starts. */
  source: { line: number };
  /** What the importer could not do for this role (never present when empty). */
  warnings?: string[];
}

export interface ImportResult {
  roles: ImportedRole[];
  /** Page-level notes: things seen on the page that were not used. */
  warnings: string[];
  /** With `explain`: why each role is one, and which lists were left out and why. */
  explanation?: {
    roles: { role: string; title: string; line: number; rule: string; reason: string }[];
    skipped: import('./rules').SkippedList[];
  };
}

export interface ImportOptions {
  /** Name of the page (a path or URI), used in the notes the import gives. */
  sourceName?: string;
  /** The general rules (rules.ts) to apply; all when absent. The evaluation turns some off. */
  rules?: ReadonlySet<string>;
  /** Lines of lists the import would leave out that the user wants taken as duties. */
  include?: readonly number[];
  /** Add `explanation` to the result: the rule behind each role and each list left out. */
  explain?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Page structure

export interface InlineLink {
  text: string;
  href: string;
}

/** Rendered inline Markdown. */
export interface Inline {
  /** Plain text (emphasis, links and tags removed, whitespace collapsed). */
  text: string;
  links: InlineLink[];
  /** Every visible character sits inside a link. */
  linkOnly: boolean;
  /** Every visible character is bold. */
  strongOnly: boolean;
  /** Every visible character is bold or italic. */
  emphasisOnly: boolean;
}

export interface ListItem {
  inline: Inline;
  line: number;
  children: ListItem[];
}

export interface TableCell {
  text: string;
  /** Paragraph texts outside lists. */
  paragraphs: string[];
  /** List items (`<li>`), or `<br>`-separated parts of a pipe-table cell. */
  items: string[];
  /** Bold parts. */
  strong: string[];
  header: boolean;
  line: number;
  colspan: number;
  /** A copy of a cell spanning several rows or columns. */
  spanned?: boolean;
}

export interface Table {
  rows: TableCell[][];
  line: number;
  html: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; inline: Inline; line: number; pseudo?: boolean }
  | { kind: 'paragraph'; inline: Inline; line: number; quote: boolean }
  | { kind: 'list'; items: ListItem[]; line: number; quote: boolean }
  | { kind: 'table'; table: Table; line: number };

export interface Page {
  blocks: Block[];
  /** Frontmatter `title`, when the page has one. */
  title?: { text: string; line: number };
  /** The parsed frontmatter, when it is a mapping. */
  frontmatter?: Record<string, unknown>;
  /** The frontmatter's text, from the page's first line (so its line numbers are the page's). */
  frontmatterText?: string;
}
