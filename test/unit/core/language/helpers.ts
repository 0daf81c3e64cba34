/** Test helpers: positions marked with `‸` in a text, and the text a 1-based range covers. */
import { LineMap } from '../../../../src/core/text';
import type { Range } from '../../../../src/core/types';

/** The position marker of test texts (a character role files do not use). */
export const MARK = '‸';

/** Removes the `‸` marker and returns the text with the marker's 1-based line and column. */
export function at(marked: string): { text: string; line: number; column: number } {
  const i = marked.indexOf(MARK);
  if (i < 0 || marked.indexOf(MARK, i + 1) >= 0) throw new Error(`mark exactly one position with ${MARK}`);
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const p = new LineMap(text).position(i);
  return { text, line: p.line, column: p.column };
}

/** The text a 1-based range covers. */
export function slice(text: string, r: Range): string {
  const lines = new LineMap(text);
  return text.slice(lines.offset(r.line, r.column), lines.offset(r.endLine, r.endColumn));
}

export const CTO = [
  '---',
  'role: cto',
  'title: Chief Technology Officer',
  'aliases: [CTO]',
  'type: executive',
  'summary: Owns the technology vision.',
  'responsibilities:',
  '  - Communicate the technology vision',
  '  - text: Define the architecture',
  '    id: architecture',
  '    area: strategy',
  'sharesSuccessCriteriaOf: [head-of-engineering]',
  'relationships:',
  '  - with: Head of Engineering',
  '    kind: symbiotic',
  '---',
  '',
  '# Chief Technology Officer',
  '',
  'The [[CTO]] works with the [[Head of Engineering|HoE]].',
  '',
].join('\n');
