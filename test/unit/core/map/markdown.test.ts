import * as assert from 'assert';
import { buildResponsibilityMap } from '../../../../src/core/map/analyze';
import { escapeMarkdown, mapToMarkdown } from '../../../../src/core/map/markdown';
import { builtinRoles, roles } from './fixtures';

const CTO = 'builtin:/roles/cto.md';

/** The rows of the "By area" table. */
function tableRows(md: string): string[] {
  return md.split('\n').filter((l) => l.startsWith('| '));
}

/** Cells of a table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row.slice(2, -2).split(/(?<!\\) \| /);
}

describe('responsibility map as Markdown', () => {
  const map = buildResponsibilityMap(builtinRoles());

  it('escapes what would become HTML, code, emphasis, links, table cells or a list', () => {
    assert.strictEqual(escapeMarkdown('<script>alert(1)</script>'), '\\<script\\>alert(1)\\</script\\>');
    assert.strictEqual(escapeMarkdown('a | b `c` *d* _e_ [f](g) ~h~ #i'), 'a \\| b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) \\~h\\~ \\#i');
    assert.strictEqual(escapeMarkdown('&lt; &amp;'), '&amp;lt; &amp;amp;');
    assert.strictEqual(escapeMarkdown('- item\nline two'), '\\- item line two');
    assert.strictEqual(escapeMarkdown('1. first'), '1\\. first');
    assert.strictEqual(escapeMarkdown('back\\slash'), 'back\\\\slash');
  });

  it('writes overlaps, gaps, shared criteria and an areas × roles table', () => {
    const md = mapToMarkdown(map);
    assert.match(md, /^# Responsibility map\n\n2 roles, 22 responsibilities, 10 success criteria: 1 overlap, 9 gaps\.\n/);
    assert.match(md, /## Overlaps\n\n- \*\*architecture\*\*: Chief Technology Officer: “Define the high\\-level|Define the high-level/);
    assert.match(md, /## Gaps\n\n- Area "smooth, process" has 2 success criteria but no responsible role\./);
    assert.match(md, /## Shared success criteria\n\n- Chief Technology Officer shares the 7 success criteria of Head of Engineering\./);
    const rows = tableRows(md);
    assert.strictEqual(rows[0], '| Area | Chief Technology Officer | Head of Engineering |');
    for (const r of rows) assert.strictEqual(cells(r).length, 3, r);
    assert.ok(
      rows.some((r) =>
        r.startsWith('| architecture | Define the high-level architecture, structure and culture **(overlap)** | Execute on'),
      ),
    );
  });

  it('keeps the table intact whatever a role says', () => {
    const hostile = buildResponsibilityMap(
      roles(
        {
          id: 'a',
          title: 'A | <b>bold</b>',
          responsibilities: [{ text: 'Pipe | and <img src=x onerror=alert(1)> and `code`', area: 'x|y' }],
        },
        { id: 'b', responsibilities: ['Line\nbreak? no: YAML folds it'] },
      ),
    );
    const md = mapToMarkdown(hostile);
    assert.ok(!/(?<!\\)</.test(md), md);
    for (const r of tableRows(md)) assert.strictEqual(cells(r).length, 3, r);
  });

  it('copies only what the filter shows', () => {
    const md = mapToMarkdown(map, { roles: [CTO], areas: ['area:architecture', 'area:vision'], issuesOnly: false });
    const rows = tableRows(md);
    assert.deepStrictEqual(rows.slice(0, 2), ['| Area | Chief Technology Officer |', '| --- | --- |']);
    assert.deepStrictEqual(
      rows.slice(2).map((r) => cells(r)[0]),
      ['architecture', 'vision'],
    );
    assert.match(md, /: 0 overlaps, /, 'an overlap needs two roles in view');
    const issues = tableRows(mapToMarkdown(map, { roles: [], areas: [], issuesOnly: true }));
    assert.ok(
      issues.every((r) => !r.includes('Mentor and motivate')),
      'only overlaps and gaps',
    );
    assert.ok(issues.some((r) => r.includes('Do the services run reliably?')));
  });
});
