/**
 * Hover contents as Markdown strings. Schema documentation is the project's own text; everything
 * taken from a role file is escaped (render it with HTML off and untrusted all the same).
 */
import type { Role } from '../types';
import type { YamlPath } from '../yamlTree';
import { escapeMarkdown, markdownLinkTarget } from './escape';
import { enumValueDocumentation, keyDocumentation } from './schemaDocs';
import type { Target } from './position';

export const CARD_RESPONSIBILITIES = 3;

/** The schema's documentation for a key. */
export function keyHover(path: YamlPath): string | undefined {
  return keyDocumentation(path);
}

/** The schema's documentation for an enum value (falls back to the key's when the value is not allowed). */
export function enumHover(path: YamlPath, value: string): string | undefined {
  return enumValueDocumentation(path, value) ?? keyDocumentation(path);
}

/** Words of the card, so that the editor can pass translated ones. */
export interface CardLabels {
  id: string;
  aliases: string;
  builtin: string;
  responsibilities: string;
  /** "… N more" */
  more: (count: number) => string;
  openFile: string;
  /** "Inherited through extends" (heading of the inherited responsibilities). */
  inherited?: string;
  /** "from {0}", after an inherited item. */
  from?: (title: string) => string;
  /** "level {0}" */
  level?: (level: number) => string;
}

export const ENGLISH_CARD_LABELS: CardLabels = {
  id: 'id',
  aliases: 'aliases',
  builtin: 'built-in',
  responsibilities: 'Responsibilities',
  more: (n) => `… ${n} more`,
  openFile: 'Open role file',
  inherited: 'Inherited through extends',
  from: (title) => `from ${title}`,
  level: (level) => `level ${level}`,
};

export interface CardOptions {
  /** Link target of the role file (a URI string). */
  href?: string;
  /** Text of the link (the file's name), escaped here. */
  linkText?: string;
  maxResponsibilities?: number;
  labels?: CardLabels;
  /** Responsibilities the role inherits through `extends`, closest first, with the title of the role each comes from. */
  inherited?: { text: string; from: string }[];
}

/** A short card of a role: title, type and id, summary, first responsibilities, link to the file. */
export function roleCard(role: Role, options: CardOptions = {}): string {
  const max = options.maxResponsibilities ?? CARD_RESPONSIBILITIES;
  const l = options.labels ?? ENGLISH_CARD_LABELS;
  const parts: string[] = [];
  parts.push(`**${escapeMarkdown(role.title)}**`);
  const meta = [role.type ? `*${escapeMarkdown(role.type)}*` : undefined, `${escapeMarkdown(l.id)}: ${escapeMarkdown(role.id)}`];
  if (role.aliases.length) meta.push(`${escapeMarkdown(l.aliases)}: ${role.aliases.map((a) => escapeMarkdown(a.value)).join(', ')}`);
  if (role.level) meta.push(escapeMarkdown((l.level ?? ENGLISH_CARD_LABELS.level!)(role.level.value)));
  if (role.builtin) meta.push(escapeMarkdown(l.builtin));
  parts.push(meta.filter(Boolean).join(' · '));
  if (role.summary?.trim()) parts.push(escapeMarkdown(role.summary));
  if (role.responsibilities.length) {
    const shown = role.responsibilities.slice(0, max).map((r) => `- ${escapeMarkdown(r.text)}`);
    const more = role.responsibilities.length - max;
    if (more > 0) shown.push(`- ${escapeMarkdown(l.more(more))}`);
    parts.push(`${escapeMarkdown(l.responsibilities)}:\n\n${shown.join('\n')}`);
  }
  const inherited = options.inherited ?? [];
  if (inherited.length) {
    const from = l.from ?? ENGLISH_CARD_LABELS.from!;
    const shown = inherited.slice(0, max).map((r) => `- ${escapeMarkdown(r.text)} *(${escapeMarkdown(from(r.from))})*`);
    const more = inherited.length - max;
    if (more > 0) shown.push(`- ${escapeMarkdown(l.more(more))}`);
    parts.push(`${escapeMarkdown(l.inherited ?? ENGLISH_CARD_LABELS.inherited!)}:\n\n${shown.join('\n')}`);
  }
  if (options.href) {
    parts.push(`[${escapeMarkdown(options.linkText ?? l.openFile)}](<${markdownLinkTarget(options.href)}>)`);
  }
  return parts.join('\n\n');
}

/** Hover Markdown for a target that needs no role lookup (keys and enum values). */
export function schemaHover(target: Target): string | undefined {
  if (target.kind === 'key') return keyHover(target.path);
  if (target.kind === 'enum') return enumHover(target.path, target.value);
  return undefined;
}
