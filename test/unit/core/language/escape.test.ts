import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { escapeHtml, escapeMarkdown, markdownLinkTarget, yamlScalar } from '../../../../src/core/language/escape';
import { parse } from 'yaml';

describe('language/escape', () => {
  const md = new MarkdownIt({ html: true, linkify: true });

  it('escapeHtml escapes the five HTML-significant characters', () => {
    assert.strictEqual(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  for (const hostile of [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '[click](javascript:alert(1))',
    '**bold** _em_ `code` # h',
    '![i](x.png) <https://e.x>',
    'a\\*b &amp; c',
  ]) {
    it(`escapeMarkdown renders ${JSON.stringify(hostile)} literally, even with HTML on`, () => {
      const html = md.renderInline(escapeMarkdown(hostile));
      assert.strictEqual(html, escapeMarkdownExpected(hostile));
      assert.ok(!/<(img|script|a|strong|em|code)\b/.test(html), html);
    });
  }

  it('escapeMarkdown keeps a text on one line', () => {
    assert.strictEqual(md.renderInline(escapeMarkdown('one\ntwo\r\n# three')), 'one two # three');
  });

  it('markdownLinkTarget encodes what would end a link destination', () => {
    assert.strictEqual(markdownLinkTarget('file:///a b/(c)<d>.md'), 'file:///a%20b/%28c%29%3Cd%3E.md');
  });

  for (const [s, flow] of [
    ['cto', false],
    ['Head of Engineering', false],
    ['a: b', false],
    ['# x', false],
    ['yes', false],
    ['12', false],
    ['a, b', true],
    ['[x]', false],
    [' pad', false],
    ["it's", false],
  ] as [string, boolean][]) {
    it(`yamlScalar(${JSON.stringify(s)}${flow ? ', flow' : ''}) reads back as the same string`, () => {
      const y = yamlScalar(s, flow);
      const back = flow ? parse(`[${y}]`)[0] : parse(`k: ${y}`).k;
      assert.strictEqual(back, s);
    });
  }

  it('yamlScalar leaves plain names unquoted', () => {
    assert.strictEqual(yamlScalar('Head of Engineering'), 'Head of Engineering');
    assert.strictEqual(yamlScalar('yes'), '"yes"');
  });
});

/** What markdown-it must print for the text: the text itself, HTML-escaped as markdown-it does. */
function escapeMarkdownExpected(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
