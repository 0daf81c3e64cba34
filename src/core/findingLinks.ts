/**
 * Where each finding code is documented (its section of the README). Diagnostics link there; the
 * documentation itself (findingDocs.ts, for SARIF and the docs) is not needed to make the link.
 */
export const DOCS_BASE_URL = 'https://github.com/handbook-roles/handbook-roles#finding-';

/** The documentation link of a finding code. */
export function findingHelpUri(code: string): string {
  return DOCS_BASE_URL + code;
}
