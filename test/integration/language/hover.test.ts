/** Hovers: schema documentation on keys and enum values, role cards on references and [[links]]. */
import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import schema from '../../../schemas/role.schema.json';
import { api, closeAllEditors, openDoc } from '../helpers';
import { hoverText, positionOf, span } from './support';

describe('hover', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAllEditors);

  it("on a key: the schema's markdownDescription, over the key", async () => {
    const doc = await openDoc('roles/cto.md');
    const { values, hovers } = await hoverText(doc, positionOf(doc, 'summary:', 2));
    assert.deepStrictEqual(
      values.map((v) => v.value),
      [schema.properties.summary.markdownDescription],
    );
    assert.strictEqual(span(hovers[0].range!), '6:1-6:8');
  });

  it("on a nested key and on enum values: the schema's docs for them", async () => {
    const doc = await openDoc('roles/cto.md');
    const area = await hoverText(doc, positionOf(doc, 'area:', 1));
    assert.deepStrictEqual(
      area.values.map((v) => v.value),
      [schema.properties.responsibilities.items.oneOf[1].properties!.area.markdownDescription],
    );
    const type = await hoverText(doc, positionOf(doc, 'executive', 4));
    assert.deepStrictEqual(
      type.values.map((v) => v.value),
      [schema.properties.type.markdownEnumDescriptions[0]],
    );
    const kind = await hoverText(doc, positionOf(doc, 'symbiotic', 1));
    assert.deepStrictEqual(
      kind.values.map((v) => v.value),
      [schema.properties.relationships.items.properties.kind.markdownEnumDescriptions[0]],
    );
  });

  it('on a role reference: a card of the role with a link to its file', async () => {
    const doc = await openDoc('roles/cto.md');
    const { values, hovers } = await hoverText(doc, positionOf(doc, '[head-of-engineering]', 3));
    assert.strictEqual(values.length, 1);
    const card = values[0].value;
    assert.match(card, /^\*\*Head of Engineering\*\*/);
    assert.match(card, /\*manager\* · id: head\\-of\\-engineering · aliases: HoE/);
    assert.match(card, /Runs the engineering organization\\\./);
    assert.match(card, /- Hire and grow the engineering team/);
    assert.match(card, /\[head\\-of\\-engineering\\\.md\]\(<file:\/\/\/.*\/roles\/head-of-engineering\.md>\)/);
    assert.strictEqual(span(hovers[0].range!), '14:27-14:46');
    const rel = await hoverText(doc, positionOf(doc, 'with: Head of Engineering', 8));
    assert.match(rel.values[0].value, /^\*\*Head of Engineering\*\*/);
  });

  it('on a [[link]] in a Markdown file that is not a role file, and on an unknown one', async () => {
    const doc = await openDoc('notes/meeting.md');
    const hoe = await hoverText(doc, positionOf(doc, '[[HoE|head]]', 3));
    assert.ok(
      hoe.values.some((v) => /^\*\*Head of Engineering\*\*/.test(v.value)),
      hoe.values.map((v) => v.value).join('\n---\n'),
    );
    const nobody = await hoverText(doc, positionOf(doc, '[[Nobody]]', 3));
    assert.ok(
      nobody.values.some((v) => v.value.includes('No role named "Nobody" in the handbook'.replace(/"/g, '\\"'))),
      nobody.values.map((v) => v.value).join('\n'),
    );
    const fenced = await hoverText(doc, positionOf(doc, '[[Nobody]] inside', 3));
    assert.ok(!fenced.values.some((v) => v.value.includes('Nobody')), 'a link in fenced code has no hover');
  });

  it('a hostile role stays text: escaped, no HTML, untrusted', async () => {
    const doc = await openDoc('notes/meeting.md');
    const { values } = await hoverText(doc, positionOf(doc, '[[Hostile]]', 3));
    const card = values.find((v) => v.value.includes('Hostile'));
    assert.ok(card, 'no card for [[Hostile]]');
    assert.ok(!card.isTrusted, 'hover Markdown must not be trusted');
    assert.ok(!card.supportHtml, 'hover Markdown must not allow HTML');
    assert.match(card.value, /^\*\*&lt;img src\\=x onerror\\=alert\\\(1\\\)&gt;\*\*/);
    assert.ok(!/<img|<script|<b>|<a /.test(card.value.replace(/\(<file:[^>]*>\)/, '')), card.value);
    // Rendered even with HTML on, nothing becomes an element but the file link.
    const md = new MarkdownIt({ html: true, linkify: true });
    md.validateLink = () => true;
    const html = md.render(card.value);
    assert.ok(!/<img|<script|<b>|javascript:alert\(\d\)"/.test(html), html);
    assert.deepStrictEqual(html.match(/<a [^>]*>/g)?.length, 1, html);
  });

  it('nothing on plain values, and no schema hover in a Markdown file that is not a role file', async () => {
    const doc = await openDoc('roles/cto.md');
    const plain = await hoverText(doc, positionOf(doc, 'Owns the technology', 3));
    assert.deepStrictEqual(
      plain.values.map((v) => v.value),
      [],
    );
    const untitled = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\ntitle: x\nsummary: y\n---\n' });
    const none = await hoverText(untitled, new vscode.Position(2, 2));
    assert.deepStrictEqual(
      none.values.map((v) => v.value),
      [],
    );
  });
});
