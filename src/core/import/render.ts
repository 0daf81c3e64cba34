/** Writes an imported role as a role file: YAML frontmatter (quoted as needed) and a short body. */
import { Document, isSeq } from 'yaml';
import type { ImportedRole } from './types';

export interface RenderOptions {
  /** The page the role came from, mentioned in the body. */
  sourceName?: string;
}

/** Text safe for the body: no `[[` (it would read as a role link). */
function bodyText(s: string): string {
  return s.replace(/\[\[/g, '[ [').replace(/\]\]/g, '] ]');
}

export function renderRoleFile(role: ImportedRole, options: RenderOptions = {}): string {
  const data: Record<string, unknown> = { role: role.role, title: role.title };
  if (role.aliases.length) data.aliases = role.aliases;
  data.type = role.type;
  if (role.extends) data.extends = role.extends;
  if (role.level !== undefined) data.level = role.level;
  if (role.summary) data.summary = role.summary;
  if (role.focus.length) data.focus = role.focus;
  data.responsibilities = role.responsibilities.map((r) => (typeof r === 'string' ? r : { text: r.text, area: r.area }));
  if (role.successCriteria.length) data.successCriteria = role.successCriteria;
  if (role.sharesSuccessCriteriaOf.length) data.sharesSuccessCriteriaOf = role.sharesSuccessCriteriaOf;
  if (role.relationships.length)
    data.relationships = role.relationships.map((r) => ({ with: r.with, kind: r.kind, ...(r.note ? { note: r.note } : {}) }));

  const doc = new Document(data);
  for (const key of ['aliases', 'sharesSuccessCriteriaOf']) {
    const node = doc.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const yaml = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  const source = options.sourceName ? `\`${options.sourceName.replace(/`/g, "'")}\`` : 'a handbook page';
  const lines = [`# ${bodyText(role.title)}`, ''];
  if (role.summary) lines.push(bodyText(role.summary), '');
  lines.push(
    `Imported from ${source} (line ${role.source.line}) by handbook-import. Check the definition above against the page before relying on it.`,
    '',
  );
  return `---\n${yaml}---\n\n${lines.join('\n')}`;
}
