/** The Markdown preview plugin, through `markdown.api.render` (it renders with every contributed plugin). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, command, extension, fixtureUri, openDoc } from '../helpers';

async function render(input: string | vscode.TextDocument): Promise<string> {
  return command<string>('markdown.api.render', input);
}

describe('markdown preview plugin', () => {
  before(async () => {
    await api();
    const markdown = vscode.extensions.getExtension('vscode.markdown-language-features');
    assert.ok(markdown, 'the built-in Markdown extension is missing');
    await markdown.activate();
  });
  afterEach(closeAllEditors);

  it('the API exposes extendMarkdownIt and the preview style is contributed', async () => {
    assert.strictEqual(typeof (await api()).extendMarkdownIt, 'function');
    const styles = extension().packageJSON.contributes['markdown.previewStyles'] as string[];
    assert.deepStrictEqual(styles, ['./media/preview.css']);
    const css = new TextDecoder().decode(
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, 'media', 'preview.css')),
    );
    assert.match(css, /\.handbook-role-link-unresolved\s*\{[^}]*var\(--vscode-errorForeground\)/);
  });

  it('[[CTO]] and [[CTO|label]] become links to the role file; unknown roles an unresolved span', async () => {
    const html = await render('Ask the [[CTO]] or [[HoE|the head]], not [[Nobody]].');
    const cto = fixtureUri('roles/cto.md').toString();
    assert.ok(html.includes(`<a class="handbook-role-link" href="${cto}" title="Chief Technology Officer" data-role="cto">CTO</a>`), html);
    assert.match(
      html,
      /<a class="handbook-role-link" href="[^"]*\/roles\/head-of-engineering\.md" title="Head of Engineering" data-role="head-of-engineering">the head<\/a>/,
    );
    assert.match(
      html,
      /<span class="handbook-role-link handbook-role-link-unresolved" title="No role named &quot;Nobody&quot; in the handbook\.">Nobody<\/span>/,
    );
  });

  it('in a previewed document, links are relative to it (the preview opens them)', async () => {
    const doc = await openDoc('notes/meeting.md');
    const html = await render(doc);
    assert.match(html, /<a class="handbook-role-link" href="\.\.\/roles\/cto\.md" [^>]*>CTO<\/a>/);
  });

  it('links in code spans and fenced code are left alone', async () => {
    const html = await render('`[[CTO]]`\n\n```\n[[CTO]]\n```\n');
    assert.ok(!html.includes('handbook-role-link'), html);
    assert.match(html, /<code>\[\[CTO\]\]<\/code>/);
  });

  it('hostile role text and link names are escaped', async () => {
    // The hostile role's title is itself a name it can be linked by.
    const html = await render(
      '[[Hostile]] and [[<img src=x onerror=alert(1)>]] and [[cto|<script>alert(2)</script>]] and [[<b>nobody</b>]]',
    );
    assert.ok(!/<img|<script|<b>/i.test(html), html);
    assert.match(html, /title="&lt;img src=x onerror=alert\(1\)&gt;" data-role="hostile">Hostile<\/a>/);
    assert.match(html, /data-role="hostile">&lt;img src=x onerror=alert\(1\)&gt;<\/a>/);
    assert.match(html, />&lt;script&gt;alert\(2\)&lt;\/script&gt;<\/a>/);
    assert.match(html, /title="No role named &quot;&lt;b&gt;nobody&lt;\/b&gt;&quot; in the handbook\.">&lt;b&gt;nobody&lt;\/b&gt;<\/span>/);
  });
});
