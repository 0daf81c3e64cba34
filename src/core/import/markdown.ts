/**
 * Reads a page's structure: frontmatter, headings, paragraphs, lists (nested), blockquotes, pipe
 * tables (markdown-it, HTML disabled) and raw HTML tables (cut out first and read by htmlTable).
 * Every block keeps the 1-based line where it starts in the original text.
 */
import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import { findFrontmatter } from '../frontmatter';
import { findHtmlTables, parseHtmlTable } from './htmlTable';
import { IMPORT_LIMITS } from './limits';
import { roleStatementSubject } from './roleNames';
import { on } from './rules';
import { blankKeepingLines, cleanText, removeComments, replaceLiquid, replaceSpans } from './text';
import type { Block, Inline, InlineLink, ListItem, Page, Table, TableCell } from './types';

type Token = ReturnType<MarkdownIt['parse']>[number];

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Blanks a span of text, keeping its line breaks so that line numbers do not move. */
function blank(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\n]/g, ' ') + text.slice(end);
}

/**
 * `<style>` and `<script>` blocks. Each opener looks for its closer once; when none is left, later
 * openers cannot have one either, so the scan stops (linear on any number of unclosed tags).
 */
function styleAndScript(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const open = /<(style|script)\b/gi;
  let m: RegExpExecArray | null;
  const missing = new Set<string>();
  while ((m = open.exec(text))) {
    const name = m[1].toLowerCase();
    if (missing.has(name)) continue;
    const close = name === 'style' ? /<\/style[ \t\n]*>/gi : /<\/script[ \t\n]*>/gi;
    close.lastIndex = open.lastIndex;
    const c = close.exec(text);
    if (!c) {
      missing.add(name);
      if (missing.size === 2) break;
      continue;
    }
    spans.push({ start: m.index, end: c.index + c[0].length });
    open.lastIndex = c.index + c[0].length;
  }
  return spans;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineOfOffset(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const BR = /<br\s*\/?>/gi;
const PART = '\u0000';

/** Whether a text shows a letter or digit once tags, comments and entities are gone (cheap when it has none). */
function hasVisibleText(s: string): boolean {
  return /[\p{L}\p{N}]/u.test(s.includes('<') || s.includes('&') || s.includes('[[') ? cleanText(s) : s);
}

/** Renders the children of an inline token to plain text, noting links and emphasis. */
export function renderInline(token: Token | undefined, keepBreaks = false): Inline & { parts: string[] } {
  const pieces: string[] = [];
  const links: InlineLink[] = [];
  let inLink = 0;
  let linkStart = 0;
  let href = '';
  let strong = 0;
  let em = 0;
  let outsideLink = false;
  let outsideStrong = false;
  let outsideEmphasis = false;
  let visible = false;
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'text_special':
      case 'code_inline': {
        const content = keepBreaks ? child.content.replace(BR, PART) : child.content;
        pieces.push(content);
        if (hasVisibleText(content)) {
          visible = true;
          if (!inLink) outsideLink = true;
          if (!strong) outsideStrong = true;
          if (!strong && !em) outsideEmphasis = true;
        }
        break;
      }
      case 'softbreak':
      case 'hardbreak':
        pieces.push(' ');
        break;
      case 'link_open':
        if (inLink++ === 0) {
          linkStart = pieces.length;
          href = child.attrGet('href') ?? '';
        }
        break;
      case 'link_close':
        if (inLink > 0 && --inLink === 0) links.push({ text: cleanText(pieces.slice(linkStart).join('')), href });
        break;
      case 'strong_open':
        strong++;
        break;
      case 'strong_close':
        strong = Math.max(0, strong - 1);
        break;
      case 'em_open':
        em++;
        break;
      case 'em_close':
        em = Math.max(0, em - 1);
        break;
      default:
        break;
    }
  }
  const raw = pieces.join('');
  const parts = keepBreaks
    ? raw
        .split(PART)
        .map((p) => cleanText(p))
        .filter(Boolean)
    : [];
  return {
    text: cleanText(raw.split(PART).join(' ')),
    links,
    linkOnly: visible && !outsideLink,
    strongOnly: visible && !outsideStrong,
    emphasisOnly: visible && !outsideEmphasis,
    parts,
  };
}

function lineOf(token: Token): number {
  return (token.map?.[0] ?? 0) + 1;
}

/** Index of the token closing the one at `i` (same nesting level, matching type). */
function closing(tokens: Token[], i: number): number {
  const open = tokens[i];
  const closeType = open.type.replace(/_open$/, '_close');
  for (let j = i + 1; j < tokens.length; j++) {
    if (tokens[j].type === closeType && tokens[j].level === open.level) return j;
  }
  return tokens.length - 1;
}

function readList(tokens: Token[], start: number, end: number): ListItem[] {
  const items: ListItem[] = [];
  for (let i = start + 1; i < end; i++) {
    const t = tokens[i];
    if (t.type !== 'list_item_open') continue;
    const itemEnd = closing(tokens, i);
    const texts: Inline[] = [];
    const children: ListItem[] = [];
    for (let j = i + 1; j < itemEnd; j++) {
      const u = tokens[j];
      if (u.type === 'bullet_list_open' || u.type === 'ordered_list_open') {
        const listEnd = closing(tokens, j);
        children.push(...readList(tokens, j, listEnd));
        j = listEnd;
      } else if (u.type === 'inline') {
        texts.push(renderInline(u));
      } else if (u.type === 'table_open') {
        j = closing(tokens, j);
      }
    }
    items.push({ inline: joinInlines(texts), line: lineOf(t), children });
    i = itemEnd;
  }
  return items;
}

function joinInlines(parts: Inline[]): Inline {
  if (parts.length === 1) return parts[0];
  const withText = parts.filter((p) => p.text);
  return {
    text: withText.map((p) => p.text).join(' '),
    links: parts.flatMap((p) => p.links),
    linkOnly: withText.length > 0 && withText.every((p) => p.linkOnly),
    strongOnly: withText.length > 0 && withText.every((p) => p.strongOnly),
    emphasisOnly: withText.length > 0 && withText.every((p) => p.emphasisOnly),
  };
}

function readPipeTable(tokens: Token[], start: number, end: number): Table {
  const rows: TableCell[][] = [];
  let row: TableCell[] | undefined;
  let rowLine = lineOf(tokens[start]);
  for (let i = start + 1; i < end; i++) {
    const t = tokens[i];
    if (t.type === 'tr_open') {
      if (rows.length >= IMPORT_LIMITS.maxTableRows) break;
      rows.push((row = []));
      if (t.map) rowLine = lineOf(t);
    } else if ((t.type === 'th_open' || t.type === 'td_open') && row && row.length < IMPORT_LIMITS.maxTableColumns) {
      const inline = renderInline(tokens[i + 1]?.type === 'inline' ? tokens[i + 1] : undefined, true);
      row.push({
        text: inline.text,
        paragraphs: [],
        items: inline.parts.length > 1 ? inline.parts : inline.text ? [inline.text] : [],
        strong: inline.strongOnly ? [inline.text] : [],
        header: t.type === 'th_open',
        line: t.map ? lineOf(t) : rowLine,
        colspan: 1,
      });
    }
  }
  return { rows, line: lineOf(tokens[start]), html: false };
}

/** A bold-only short paragraph (`**Nice-to-haves**`) acts as a heading. */
function isPseudoHeading(inline: Inline): boolean {
  const t = inline.text.replace(/:$/, '');
  return inline.strongOnly && !inline.linkOnly && t.length > 0 && t.split(/\s+/).length <= 6 && !/[.!?]/.test(t);
}

/** A bold-only paragraph stating what a role is responsible for (rule role-statement) acts as its heading. */
function isStatementHeading(inline: Inline): boolean {
  return inline.strongOnly && on('role-statement') && roleStatementSubject(inline.text) !== undefined;
}

export function readPage(input: string): Page {
  let text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const page: Page = { blocks: [] };
  const starts = lineStarts(text);

  const fm = findFrontmatter(text);
  if (fm.kind === 'ok') {
    const yamlText = text.slice(fm.yamlStart, fm.yamlEnd);
    try {
      const data: unknown = parseYaml(yamlText, { strict: false, uniqueKeys: false, maxAliasCount: 100 });
      if (data && typeof data === 'object' && !Array.isArray(data)) {
        page.frontmatter = data as Record<string, unknown>;
        page.frontmatterText = text.slice(0, fm.yamlEnd);
        const title = (data as Record<string, unknown>).title;
        const titleAt = /^title[ \t]*:/m.exec(yamlText);
        if (typeof title === 'string' && cleanText(title)) {
          page.title = { text: cleanText(title), line: lineOfOffset(starts, fm.yamlStart + (titleAt?.index ?? 0)) };
        }
      }
    } catch {
      // A frontmatter that is not YAML is just not used.
    }
    text = blank(text, 0, fm.bodyStart);
  }

  // HTML comments and style/script blocks are noise; HTML tables are read on their own.
  text = removeComments(text, true);
  text = replaceSpans(text, styleAndScript(text), blankKeepingLines);
  const htmlTables: Block[] = [];
  const tableSpans = findHtmlTables(text);
  for (const span of tableSpans) {
    const table = parseHtmlTable(text.slice(span.start, span.end), (o) => lineOfOffset(starts, span.start + o));
    htmlTables.push({ kind: 'table', table, line: lineOfOffset(starts, span.start) });
  }
  // One pass for all tables (blanking them one at a time copied the page once per table).
  text = replaceSpans(text, tableSpans, blankKeepingLines);
  text = replaceLiquid(text);

  const tokens = md.parse(text, {});
  const blocks: Block[] = [];
  let quote = 0;
  let lastHeading = 0;
  // A bold role statement opens a role: bold labels after it (`**Weekly:**`) are its sections.
  let statementLevel = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    switch (t.type) {
      case 'heading_open': {
        const level = Number(t.tag.slice(1)) || 1;
        blocks.push({ kind: 'heading', level, inline: renderInline(tokens[i + 1]), line: lineOf(t) });
        lastHeading = level;
        statementLevel = 0;
        i = closing(tokens, i);
        break;
      }
      case 'paragraph_open': {
        const inline = renderInline(tokens[i + 1]);
        if (inline.text) {
          const statement = !quote && isStatementHeading(inline);
          if (!quote && (statement || isPseudoHeading(inline))) {
            if (statement) statementLevel = Math.min(lastHeading + 1, 7);
            blocks.push({
              kind: 'heading',
              level: statement || !statementLevel ? Math.min(lastHeading + 1, 7) : Math.min(statementLevel + 1, 8),
              inline: { ...inline, text: inline.text.replace(/:$/, '') },
              line: lineOf(t),
              pseudo: true,
            });
          } else {
            blocks.push({ kind: 'paragraph', inline, line: lineOf(t), quote: quote > 0 });
          }
        }
        i = closing(tokens, i);
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const end = closing(tokens, i);
        const items = readList(tokens, i, end);
        if (items.length) blocks.push({ kind: 'list', items, line: lineOf(t), quote: quote > 0 });
        i = end;
        break;
      }
      case 'table_open': {
        const end = closing(tokens, i);
        blocks.push({ kind: 'table', table: readPipeTable(tokens, i, end), line: lineOf(t) });
        i = end;
        break;
      }
      case 'blockquote_open':
        quote++;
        break;
      case 'blockquote_close':
        quote = Math.max(0, quote - 1);
        break;
      default:
        break;
    }
  }
  page.blocks = [...blocks, ...htmlTables].sort((a, b) => a.line - b.line);
  return page;
}
