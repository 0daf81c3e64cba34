import type { Finding } from './types';

/** The order findings are reported in: by position, then by code. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.range.line - b.range.line || a.range.column - b.range.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
