import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { enumHover, keyHover, roleCard } from '../../../../src/core/language/hover';
import { parseFile } from '../../../../src/core/parse';
import schema from '../../../../schemas/role.schema.json';
import type { Role } from '../../../../src/core/types';
import { CTO } from './helpers';

const role = (text: string): Role => {
  const r = parseFile('file:///h/roles/x.md', text).role;
  assert.ok(r);
  return r;
};

/** markdown-it that follows every link (VS Code's hover renderer opens file: links; markdown-it refuses them). */
function permissive(options: MarkdownIt.Options = {}): MarkdownIt {
  const md = new MarkdownIt(options);
  md.validateLink = () => true;
  return md;
}

describe('language/hover', () => {
  it("a key shows the schema's markdownDescription, nested keys too", () => {
    assert.strictEqual(keyHover(['summary']), schema.properties.summary.markdownDescription);
    assert.strictEqual(keyHover(['relationships', 0, 'kind']), schema.properties.relationships.items.properties.kind.markdownDescription);
    assert.strictEqual(
      keyHover(['responsibilities', 2, 'area']),
      schema.properties.responsibilities.items.oneOf[1].properties!.area.markdownDescription,
    );
    assert.strictEqual(keyHover(['x-owner']), schema.patternProperties['^x-'].markdownDescription);
    assert.strictEqual(keyHover(['nope']), undefined);
  });

  it("an enum value shows its markdownEnumDescription, the key's for a value not allowed", () => {
    assert.strictEqual(enumHover(['type'], 'manager'), schema.properties.type.markdownEnumDescriptions[1]);
    assert.strictEqual(
      enumHover(['relationships', 0, 'kind'], 'advises'),
      schema.properties.relationships.items.properties.kind.markdownEnumDescriptions[4],
    );
    assert.strictEqual(enumHover(['type'], 'boss'), schema.properties.type.markdownDescription);
  });

  it('a role card: title, type, id, summary, first responsibilities, a link to the file', () => {
    const card = roleCard(role(CTO), { href: 'file:///h/roles/cto.md', linkText: 'cto.md' });
    const html = permissive().render(card);
    assert.match(html, /<strong>Chief Technology Officer<\/strong>/);
    assert.match(html, /<em>executive<\/em> · id: cto · aliases: CTO/);
    assert.match(html, /Owns the technology vision\./);
    assert.match(html, /<li>Communicate the technology vision<\/li>\n<li>Define the architecture<\/li>/);
    assert.match(html, /<a href="file:\/\/\/h\/roles\/cto.md">cto\.md<\/a>/);
  });

  it('shows only the first responsibilities, and how many more there are', () => {
    const many = CTO.replace('responsibilities:\n', 'responsibilities:\n  - one\n  - two\n  - three\n');
    const card = roleCard(role(many), { maxResponsibilities: 2 });
    assert.match(card, /- one\n- two\n- … 3 more/);
    assert.doesNotMatch(card, /three/);
  });

  it('uses the labels it is given', () => {
    const card = roleCard(role(CTO), {
      labels: {
        id: 'Kennung',
        aliases: 'Aliasse',
        builtin: 'eingebaut',
        responsibilities: 'Aufgaben',
        more: (n) => `${n} weitere`,
        openFile: 'Öffnen',
      },
      href: 'file:///x',
    });
    assert.match(card, /Kennung: cto/);
    assert.match(card, /Aufgaben:/);
    assert.match(card, /\[Öffnen\]/);
  });

  it('role text is inert: HTML, links, images and javascript: URLs render as text', () => {
    const hostile = [
      '---',
      'role: evil',
      "title: '<img src=x onerror=alert(1)>'",
      'type: manager',
      "summary: '[click me](javascript:alert(1)) <script>alert(2)</script>'",
      'aliases: ["![i](http://e.x/i.png)"]',
      'responsibilities:',
      "  - '**bold** <b>b</b> <https://e.x>'",
      '---',
    ].join('\n');
    const card = roleCard(role(hostile), { href: 'file:///h/roles/evil (1).md', linkText: '<evil>.md' });
    for (const html of [permissive({ html: true, linkify: true }).render(card), permissive().render(card)]) {
      assert.doesNotMatch(html, /<img|<script|<b>|<strong>bold|javascript:alert\(1\)"|href="http/, html);
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.match(html, /\[click me\]\(javascript:alert\(1\)\) &lt;script&gt;/);
      // The one link is the file's, with its text escaped.
      assert.deepStrictEqual(html.match(/<a [^>]*>/g), ['<a href="file:///h/roles/evil%20%281%29.md">']);
      assert.match(html, /&lt;evil&gt;\.md<\/a>/);
    }
    // No raw `<` at all, but for the file link's destination.
    assert.ok(!card.replace('(<file:///h/roles/evil%20%281%29.md>)', '').includes('<'), card);
  });
});
