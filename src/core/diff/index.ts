/** The handbook diff: what a change does to the handbook, role by role. */
export { diffHandbooks, hasChanges, type DiffOptions } from './diffHandbooks';
export { toDiffJson } from './json';
export type * from './types';
export { describeSummary, diffToMarkdown, summarizeDiff, type DiffSummary } from './markdown';
