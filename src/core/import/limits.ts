/**
 * The importer's size and work limits. Past one, the import says so in one line (a page warning)
 * rather than running long or out of memory. SECURITY.md and the README state them.
 */
export const IMPORT_LIMITS = {
  /** The largest page read, in UTF-16 code units (about its size in bytes for Western text). */
  maxPageChars: 8 * 1024 * 1024,
  /** The most roles read from one page; a real page defines a few dozen at most. */
  maxRoles: 300,
  /** The longest role id (and so file name, `<id>.md`): far below the 255 bytes file systems allow. */
  maxIdLength: 64,
  /** A heading or table cell longer than this names no role (titles are short). */
  maxRoleNameChars: 200,
  /** Rows and columns read from one table (HTML or pipe); the rest is left out. */
  maxTableRows: 5000,
  maxTableColumns: 64,
} as const;

/** The one-line message for a page over the size limit. */
export function pageTooLargeMessage(chars: number, sourceName?: string): string {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return `${sourceName ?? 'The page'} is too large to import (${mb(chars)}; the importer reads pages up to ${mb(IMPORT_LIMITS.maxPageChars)}).`;
}
