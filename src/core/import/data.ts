/**
 * Levels kept as data in the frontmatter, as progression frameworks do: lists of
 * `{level: N, criteria: [...]}` entries (under topics with a `title` or `name`) become one role per
 * level, each criterion a responsibility with its topic as the area. Used only when the page body
 * names no role.
 */
import { LineMap } from '../text';
import type { RoleScope } from './structure';
import { capitalize, cleanText, stripEmoji } from './text';
import type { Page } from './types';

const LIST_KEYS = /^(?:criteria|expectations|responsibilities|behaviou?rs|competencies|skills)$/i;

interface Found {
  level: number;
  area?: string;
  items: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((x) => {
    if (typeof x === 'string') return [x];
    if (isRecord(x)) for (const [k, val] of Object.entries(x)) if (LIST_KEYS.test(k) && typeof val === 'string') return [val];
    return [];
  });
}

function walk(value: unknown, area: string | undefined, depth: number, out: Found[]): void {
  if (depth > 6) return;
  if (Array.isArray(value)) {
    for (const v of value) walk(v, area, depth + 1, out);
    return;
  }
  if (!isRecord(value)) return;
  const label = [value.title, value.name].find((v): v is string => typeof v === 'string' && !!cleanText(stripEmoji(v)));
  const here = label ? capitalize(cleanText(stripEmoji(label))) : area;
  const level =
    typeof value.level === 'number'
      ? value.level
      : typeof value.level === 'string' && /^\d+$/.test(value.level)
        ? Number(value.level)
        : undefined;
  if (level !== undefined) {
    const items = Object.entries(value).flatMap(([k, v]) => (LIST_KEYS.test(k) || /criteria$/i.test(k) ? strings(v) : []));
    if (items.length) out.push({ level, area: here, items });
    return;
  }
  for (const v of Object.values(value)) walk(v, here, depth + 1, out);
}

/** The page title without emoji and framework words: `🛠️ Backend Engineering Framework` → `Backend Engineering`. */
function baseTitle(title: string | undefined): string {
  const t = cleanText(stripEmoji(title ?? ''))
    .replace(/ ?(?:(?:progression|career) )?(?:framework|ladder|levels?|matrix|rubric)$/i, '')
    .trim();
  return t || 'Level';
}

export function readDataRoles(page: Page, roles: RoleScope[], warnings: string[]): void {
  if (!page.frontmatter) return;
  const found: Found[] = [];
  walk(page.frontmatter, undefined, 0, found);
  if (!found.length) return;
  if (roles.length) {
    warnings.push('The frontmatter also lists levels with criteria; they were not imported because the page body names its roles.');
    return;
  }
  const lines = page.frontmatterText ? new LineMap(page.frontmatterText) : undefined;
  const levels = [...new Set(found.map((f) => f.level))].sort((a, b) => a - b);
  const base = baseTitle(page.title?.text);
  for (const level of levels) {
    const at = page.frontmatterText ? page.frontmatterText.search(new RegExp(`^\\s*-?\\s*level:\\s*["']?${level}["']?\\s*$`, 'm')) : -1;
    const role: RoleScope = {
      name: { title: `${base} level ${level}`, aliases: [] },
      line: at >= 0 && lines ? lines.position(at).line : (page.title?.line ?? 1),
      level: 0,
      origin: 'table',
      blocks: [],
      tableItems: found.filter((f) => f.level === level).flatMap((f) => f.items.map((text) => ({ text, area: f.area, line: 0 }))),
      tableSummary: [],
    };
    role.tableItems.forEach((t) => (t.line = role.line));
    roles.push(role);
  }
  warnings.push(`Roles read from the levels listed in the frontmatter (${levels.length}), titled after the page title.`);
}
