/**
 * What the Roles tree shows for test/fixtures/workspace-roles, in order: the role files by title
 * (a file whose title is missing by its id), then the unreadable ones by file name. Both the Node
 * host's tree test and the web worker host's suite expect exactly these rows.
 */
export const ROLES_TREE_ROWS: readonly string[] = [
  'Engineering Manager',
  'on-call-engineer',
  'Release Captain',
  'Scrum Master',
  'Tech Lead',
  'VP of Engineering',
  'no-frontmatter.md',
];
