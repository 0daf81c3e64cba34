/**
 * Plain text edits and how to apply them to a file's raw text: the BOM, line endings and every
 * byte outside the edited ranges stay as they were. Also how a new name is written in place of a
 * YAML scalar, keeping the scalar's quoting where it can.
 */
import { LineMap, stripBom } from '../text';
import type { Range } from '../types';
import { yamlScalar } from './escape';
import type { ScalarStyle } from './nameSpans';

export interface TextEdit {
  /** 1-based, end exclusive, on the text without BOM; an empty range inserts. */
  range: Range;
  newText: string;
}

/** The edits of one file. */
export interface FileEdits {
  uri: string;
  edits: TextEdit[];
}

/**
 * Applies non-overlapping edits to a file's raw text (ranges count after the BOM, which is kept).
 * Overlapping edits are a programming error: throws rather than writing a mangled file.
 */
export function applyTextEdits(raw: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return raw;
  const bom = raw.length !== stripBom(raw).length ? raw.slice(0, 1) : '';
  const text = bom ? raw.slice(1) : raw;
  const lines = new LineMap(text);
  const spans = edits
    .map((e) => ({
      start: lines.offset(e.range.line, e.range.column),
      end: lines.offset(e.range.endLine, e.range.endColumn),
      text: e.newText,
    }))
    .sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const s of spans) {
    if (s.start < pos) throw new Error('overlapping edits');
    out += text.slice(pos, s.start) + s.text;
    pos = s.end;
  }
  return bom + out + text.slice(pos);
}

/**
 * A name written as a YAML scalar in place of one of `style`: single and double quotes are kept
 * (escaped as each needs); a plain scalar stays plain when the name reads back the same, and is
 * double-quoted otherwise (`CTO: acting`, `#1`, `yes`, a `,` in a flow list).
 */
export function scalarFor(name: string, style: ScalarStyle, flow: boolean): string {
  if (style === 'single') return `'${name.replace(/'/g, "''")}'`;
  if (style === 'double') return JSON.stringify(name);
  return yamlScalar(name, flow);
}
