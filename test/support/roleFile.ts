/**
 * Role files for tests and scripts, built line by line so that a test can count on exact line
 * numbers: frontmatter `role`, `title`, `type`, `responsibilities`, then the `extra` lines, then
 * (with `heading`) a `# Title` line. Shared by the unit tests, the integration fixtures'
 * generators and the screenshot script, which each wrote their own copy.
 */
export interface RoleFileOptions {
  /** Default: the id upper-cased. */
  title?: string;
  /** Write the title as a JSON (double-quoted YAML) string, for titles holding `:` or `#`. */
  quoteTitle?: boolean;
  /** Default: `individual-contributor`. */
  type?: string;
  /** Default: one item, `Do the <id> job`. */
  responsibilities?: string[];
  /** Frontmatter lines written after the responsibilities. */
  extra?: string[];
  /** Follow the frontmatter with a blank line, `# <title>` and a blank line. */
  heading?: boolean;
}

export function roleFile(id: string, options: RoleFileOptions = {}): string {
  const title = options.title ?? id.toUpperCase();
  const responsibilities = options.responsibilities ?? [`Do the ${id} job`];
  return [
    '---',
    `role: ${id}`,
    `title: ${options.quoteTitle ? JSON.stringify(title) : title}`,
    `type: ${options.type ?? 'individual-contributor'}`,
    'responsibilities:',
    ...responsibilities.map((r) => `  - ${r}`),
    ...(options.extra ?? []),
    '---',
    '',
    ...(options.heading ? [`# ${title}`, ''] : []),
  ].join('\n');
}

/** `relationships:` items: one `with`/`kind` pair. */
export const relation = (withId: string, kind: string): string[] => [`  - with: ${withId}`, `    kind: ${kind}`];
