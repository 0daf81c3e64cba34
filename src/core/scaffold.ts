/**
 * The "new role file" template, generated from the role schema: the required keys filled in,
 * every optional key present as a commented-out example taken from the schema's own
 * documentation, in the schema's key order. A key added to the schema shows up here by itself.
 */
import { stringify } from 'yaml';
import schemaJson from '../../schemas/role.schema.json';
import { kebabCase } from './names';
import type { Range } from './types';

interface KeySchema {
  description?: string;
  markdownDescription?: string;
  pattern?: string;
  enum?: string[];
  enumDescriptions?: string[];
}

const schema = schemaJson as unknown as { required: string[]; properties: Record<string, KeySchema> };
const ROLE_ID = new RegExp(schema.properties.role.pattern ?? '^[a-z][a-z0-9]*(-[a-z0-9]+)*$');

export interface ScaffoldInput {
  id: string;
  title: string;
  type: string;
  summary?: string;
  /** Start the role as the next level of another: the role it extends (a reference), and its level. */
  extends?: string;
  level?: number;
}

export interface ScaffoldOptions {
  /** Text of the one responsibility the file starts with (it must be replaced). */
  responsibility?: string;
  /** Body text under the heading. */
  body?: string;
}

export interface Scaffold {
  text: string;
  /** `<id>.md` */
  fileName: string;
  /** The placeholder responsibility's text, for the editor to select (1-based, end exclusive). */
  placeholder: Range;
}

export const DEFAULT_RESPONSIBILITY = 'Describe one thing this role is responsible for';
export const DEFAULT_BODY = 'Describe the role for people: what it is for and how it works with other roles.';

/** A YAML scalar on one line: plain when that is safe, quoted otherwise. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** The YAML example of a key from its `markdownDescription` (the first ```yaml block). */
function exampleOf(key: string, s: KeySchema): string[] {
  // Plain scanning (the lazy-match regex this replaces was flagged polynomial by the regex audit).
  const text = s.markdownDescription ?? '';
  const open = text.indexOf('```yaml\n');
  const close = open < 0 ? -1 : text.indexOf('\n```', open + 8);
  const example = close < 0 ? undefined : text.slice(open + 8, close);
  if (example?.startsWith(`${key}:`)) return example.split('\n');
  return [`${key}:`];
}

export function scaffoldRole(input: ScaffoldInput, options: ScaffoldOptions = {}): Scaffold {
  const responsibility = options.responsibility ?? DEFAULT_RESPONSIBILITY;
  const lines = ['---'];
  let placeholderLine = 0;
  let placeholderColumn = 0;
  let placeholderLength = 0;
  for (const [key, s] of Object.entries(schema.properties)) {
    switch (key) {
      case 'role':
        lines.push(`role: ${input.id}`);
        break;
      case 'title':
        lines.push(`title: ${scalar(input.title)}`);
        break;
      case 'type':
        lines.push(`type: ${scalar(input.type)}`);
        break;
      case 'summary':
        if (input.summary?.trim()) {
          lines.push(`summary: ${scalar(input.summary.trim())}`);
          break;
        }
        lines.push(...commented(key, s));
        break;
      case 'extends':
        if (input.extends?.trim()) lines.push(`extends: ${scalar(input.extends.trim())}`);
        else lines.push(...commented(key, s));
        break;
      case 'level':
        if (input.level !== undefined && Number.isInteger(input.level) && input.level >= 1) lines.push(`level: ${input.level}`);
        else lines.push(...commented(key, s));
        break;
      case 'responsibilities': {
        const value = scalar(responsibility);
        lines.push('responsibilities:');
        placeholderLine = lines.length + 1;
        const prefix = '  - ';
        const quoted = value !== responsibility;
        placeholderColumn = prefix.length + (quoted ? 2 : 1);
        placeholderLength = quoted ? value.length - 2 : value.length;
        lines.push(prefix + value);
        break;
      }
      default:
        lines.push(...commented(key, s));
    }
  }
  lines.push('---', '', `# ${input.title.trim()}`, '', options.body ?? DEFAULT_BODY, '');
  return {
    text: lines.join('\n'),
    fileName: `${input.id}.md`,
    placeholder: {
      line: placeholderLine,
      column: placeholderColumn,
      endLine: placeholderLine,
      endColumn: placeholderColumn + placeholderLength,
    },
  };
}

/** An optional key as comments: its description, then its example. */
function commented(key: string, s: KeySchema): string[] {
  const out: string[] = [];
  if (s.description) out.push(`# ${s.description}`);
  for (const line of exampleOf(key, s)) out.push(`# ${line}`);
  return out;
}

export type RoleIdProblem = 'empty' | 'pattern' | 'taken';

/** What is wrong with a new role id, if anything; `taken` says whether a role already claims a name. */
export function roleIdProblem(id: string, taken: (name: string) => boolean = () => false): RoleIdProblem | undefined {
  if (!id.trim()) return 'empty';
  if (!ROLE_ID.test(id)) return 'pattern';
  if (taken(id)) return 'taken';
  return undefined;
}

export type TitleProblem = 'empty' | 'taken';

export function titleProblem(title: string, taken: (name: string) => boolean = () => false): TitleProblem | undefined {
  if (!title.trim()) return 'empty';
  if (taken(title.trim())) return 'taken';
  return undefined;
}

/** The id a title suggests: `Chief Technology Officer` → `chief-technology-officer`. */
export function suggestRoleId(title: string): string {
  return kebabCase(title);
}

/** The role types the schema allows, with the schema's description of each. */
export function roleTypeChoices(): { value: string; description: string }[] {
  const t = schema.properties.type;
  return (t.enum ?? []).map((value, i) => ({ value, description: t.enumDescriptions?.[i] ?? '' }));
}

/** The keys the schema requires of a role file. */
export const REQUIRED_KEYS: readonly string[] = schema.required;
