/**
 * A tolerant reader for the raw HTML tables handbook pages embed (`<table>` with `<ul><li>` lists in
 * cells, unclosed `<li>`/`<td>`, `rowspan`/`colspan`). Markdown-it runs with HTML disabled, so these
 * blocks are cut out of the source first and read here.
 */
import { IMPORT_LIMITS } from './limits';
import { cleanText, decodeEntities } from './text';
import type { Table, TableCell } from './types';

/** Marks a paragraph break (`<p>`, `<br>`) inside a cell. */
const BREAK = '\u0000';

interface RawCell {
  header: boolean;
  parts: string[];
  items: string[];
  strong: string[];
  rowspan: number;
  colspan: number;
  offset: number;
}

/** Finds `<table>` … `</table>` blocks that start a line; returns their offsets. */
export function findHtmlTables(source: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  // The opener's `>` is found with indexOf: a `[^>]*>` in the regex would rescan to the next `>`
  // for every `<table` that lacks one.
  const open = /^[ \t]*<table\b/gim;
  let m: RegExpExecArray | null;
  while ((m = open.exec(source))) {
    const start = m.index;
    const gt = source.indexOf('>', m.index + m[0].length);
    if (gt < 0) break;
    const close = /<\/table\s*>/gi;
    close.lastIndex = gt + 1;
    const c = close.exec(source);
    const end = c ? c.index + c[0].length : source.length;
    out.push({ start, end });
    open.lastIndex = end;
  }
  return out;
}

function attr(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  const n = m ? parseInt(m[1], 10) : 1;
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 50) : 1;
}

/**
 * Parses one HTML table. `lineOf` maps an offset in `html` to a 1-based line of the page.
 * Returns the grid with spans resolved: every row has one entry per column, and a cell that spans
 * several rows or columns is repeated (with `spanned` set on the copies).
 */
export function parseHtmlTable(html: string, lineOf: (offset: number) => number): Table {
  const rows: RawCell[][] = [];
  let row: RawCell[] | undefined;
  let cell: RawCell | undefined;
  let item: string[] | undefined;
  let strongDepth = 0;
  let strongText: string[] = [];

  const closeItem = () => {
    if (cell && item) {
      const t = item.join('');
      if (cleanText(t)) cell.items.push(t);
    }
    item = undefined;
  };
  const closeCell = () => {
    closeItem();
    cell = undefined;
  };
  const closeRow = () => {
    closeCell();
    row = undefined;
  };

  // `[^<>]*`: an unclosed tag stops at the next `<` instead of rescanning to the end.
  const re = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^<>]*)>|([^<]+|<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[0].startsWith('<!--')) continue;
    const text = m[4];
    if (text !== undefined) {
      if (!cell) continue;
      const t = decodeEntities(text);
      if (item) item.push(t);
      else cell.parts.push(t);
      if (strongDepth > 0) strongText.push(t);
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    const attrs = m[3] ?? '';
    switch (tag) {
      case 'tr':
        if (!closing) {
          closeRow();
          if (rows.length >= IMPORT_LIMITS.maxTableRows) return layOut(rows, lineOf);
          row = [];
          rows.push(row);
        } else closeRow();
        break;
      case 'td':
      case 'th':
        if (!closing) {
          closeCell();
          if (!row) {
            row = [];
            rows.push(row);
          }
          if (row.length >= IMPORT_LIMITS.maxTableColumns) {
            cell = undefined;
            break;
          }
          cell = {
            header: tag === 'th',
            parts: [],
            items: [],
            strong: [],
            rowspan: attr(attrs, 'rowspan'),
            colspan: attr(attrs, 'colspan'),
            offset: m.index,
          };
          row.push(cell);
        } else closeCell();
        break;
      case 'li':
        if (!closing) {
          closeItem();
          item = [];
        } else closeItem();
        break;
      case 'ul':
      case 'ol':
        closeItem();
        break;
      case 'strong':
      case 'b':
        if (!closing) {
          strongDepth++;
          strongText = [];
        } else if (strongDepth > 0) {
          strongDepth--;
          if (cell && strongDepth === 0) cell.strong.push(strongText.join(''));
        }
        break;
      case 'br':
      case 'p':
      case 'div':
        if (item) item.push(' ');
        else if (cell) cell.parts.push(BREAK);
        break;
      default:
        break;
    }
  }
  closeRow();
  return layOut(rows, lineOf);
}

/** Lays the cells out on a grid, honouring rowspan and colspan. */
function layOut(rows: readonly RawCell[][], lineOf: (offset: number) => number): Table {
  const grid: (TableCell | undefined)[][] = [];
  rows.forEach((r, ri) => {
    grid[ri] ??= [];
    let col = 0;
    for (const c of r) {
      while (grid[ri][col]) col++;
      const out: TableCell = {
        text: cleanText([...c.parts, ' ', ...c.items.join(' ')].join('').split(BREAK).join(' ')),
        paragraphs: c.parts
          .join('')
          .split(BREAK)
          .map((p) => cleanText(p))
          .filter(Boolean),
        items: c.items.map((i) => cleanText(i)).filter(Boolean),
        strong: c.strong.map((s) => cleanText(s)).filter(Boolean),
        header: c.header,
        line: lineOf(c.offset),
        colspan: c.colspan,
      };
      for (let dr = 0; dr < c.rowspan; dr++) {
        grid[ri + dr] ??= [];
        for (let dc = 0; dc < c.colspan; dc++) {
          grid[ri + dr][col + dc] = dr === 0 && dc === 0 ? out : { ...out, spanned: true };
        }
      }
      col += c.colspan;
    }
  });
  let width = 0;
  for (const r of grid) width = Math.max(width, r?.length ?? 0);
  const filled = Array.from(grid, (r) => r ?? []).map((r) =>
    Array.from({ length: width }, (_, i) => r[i] ?? emptyCell(r.find(Boolean)?.line ?? lineOf(0))),
  );
  return { rows: filled, line: lineOf(0), html: true };
}

function emptyCell(line: number): TableCell {
  return { text: '', paragraphs: [], items: [], strong: [], header: false, line, colspan: 1 };
}
