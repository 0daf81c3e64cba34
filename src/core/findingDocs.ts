/** One line and a help text per finding code: SARIF rules, diagnostic links and the docs agree. */
import { DOCS_BASE_URL, findingHelpUri } from './findingLinks';
import type { FindingCode, Severity } from './types';

export { DOCS_BASE_URL };

export interface FindingDoc {
  severity: Severity;
  summary: string;
  help: string;
  helpUri: string;
}

const doc = (code: FindingCode, severity: Severity, summary: string, help: string): [FindingCode, FindingDoc] => [
  code,
  { severity, summary, help, helpUri: findingHelpUri(code) },
];

export const FINDING_DOCS: Record<FindingCode, FindingDoc> = Object.fromEntries([
  doc(
    'yaml-syntax',
    'error',
    'The frontmatter is not valid YAML.',
    'The frontmatter could not be read as YAML: a syntax error, a duplicate key, a custom tag, or too many alias expansions. Fix the YAML at the place named.',
  ),
  doc(
    'frontmatter-missing',
    'error',
    'A role file has no frontmatter.',
    'A file matched by the role-file globs must start with a YAML frontmatter block between two "---" lines.',
  ),
  doc(
    'frontmatter-unclosed',
    'error',
    'The frontmatter is never closed.',
    'The frontmatter opened by "---" on line 1 needs a closing "---" line after its last key ("..." does not close it).',
  ),
  doc(
    'schema',
    'error',
    'The frontmatter does not match the role schema.',
    'A key is unknown, missing, or has a value of the wrong type, enum or pattern. The role schema (schemas/role.schema.json) documents every key.',
  ),
  doc(
    'unknown-role',
    'error',
    'A reference names no role.',
    'A sharesSuccessCriteriaOf item, relationships[].with or extends names no role id, title or alias in the handbook.',
  ),
  doc(
    'duplicate-role',
    'error',
    'Two roles claim the same name.',
    'Role ids, titles and aliases must be unique across the handbook (case-insensitive); each claim is reported.',
  ),
  doc(
    'duplicate-responsibility',
    'warning',
    'A responsibility is listed twice.',
    'The same responsibility text (ignoring case and spacing) appears more than once in one role, or a role lists a responsibility it already inherits through extends.',
  ),
  doc(
    'unresolved-link',
    'warning',
    'A [[link]] names no role.',
    'A [[link]] in a Markdown body names no role id, title or alias in the handbook. Links inside code are ignored.',
  ),
  doc(
    'overlapping-responsibility',
    'info',
    'Two roles claim the same responsibility.',
    'Two or more roles claim the same or nearly the same responsibility (opt-in responsibility-map finding).',
  ),
  doc(
    'unowned-criterion',
    'warning',
    'A success criterion has no matching responsibility.',
    'A success criterion matches no responsibility of any role (opt-in responsibility-map finding).',
  ),
  doc(
    'inheritance-cycle',
    'error',
    'Roles extend each other in a cycle.',
    'A role extends itself, directly or through other roles; reported on the extends value of every role in the cycle.',
  ),
  doc(
    'reporting-cycle',
    'error',
    'Reporting lines form a cycle.',
    'A role reports to itself, directly or through other roles (reports-to / manages); reported on every relationship that states a line of the cycle.',
  ),
  doc(
    'level-order',
    'warning',
    'A level is not above the level of the role it extends.',
    'A rung of a ladder needs a level greater than the level of the role it extends.',
  ),
]) as Record<FindingCode, FindingDoc>;
