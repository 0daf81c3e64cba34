import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { roleLinksPlugin, type RoleLinkTarget } from '../../../src/core/markdownItRoleLinks';

const ROLES: Record<string, RoleLinkTarget> = {
  cto: { id: 'cto', title: 'Chief Technology Officer', href: 'roles/cto.md' },
  evil: { id: 'evil', title: '<img src=x onerror=alert(1)>', href: 'roles/e"vil.md' },
  js: { id: 'js', title: 'JS', href: 'javascript:alert(1)' },
};

function render(src: string, options: MarkdownIt.Options = {}): { html: string; envs: unknown[] } {
  const envs: unknown[] = [];
  const md = new MarkdownIt(options);
  roleLinksPlugin(md, {
    resolve: (name, env) => {
      envs.push(env);
      return ROLES[name.toLowerCase()];
    },
  });
  return { html: md.render(src, { doc: 'd' }), envs };
}

describe('markdown-it role links', () => {
  it('[[CTO]] becomes a link to the role, with its title', () => {
    assert.strictEqual(
      render('Ask the [[CTO]].').html,
      '<p>Ask the <a class="handbook-role-link" href="roles/cto.md" title="Chief Technology Officer" data-role="cto">CTO</a>.</p>\n',
    );
  });

  it('[[CTO|label]] shows the label', () => {
    assert.match(render('[[ cto | the boss ]]').html, /<a [^>]*data-role="cto">the boss<\/a>/);
  });

  it('an unknown role renders as an unresolved span', () => {
    assert.strictEqual(
      render('[[Nobody]]').html,
      '<p><span class="handbook-role-link handbook-role-link-unresolved" title="No role named &quot;Nobody&quot;">Nobody</span></p>\n',
    );
  });

  it('passes the renderer environment to the resolver', () => {
    assert.deepStrictEqual(render('[[cto]]').envs, [{ doc: 'd' }]);
  });

  it('leaves code spans, fenced and indented code alone', () => {
    const { html } = render('`[[cto]]`\n\n```\n[[cto]]\n```\n\n    [[cto]]\n');
    assert.ok(!html.includes('handbook-role-link'), html);
    assert.match(html, /<code>\[\[cto\]\]<\/code>/);
  });

  it('does not take [[...]] across lines or with brackets inside', () => {
    assert.ok(!render('[[ct\no]] and [[a[b]]').html.includes('handbook-role-link'));
  });

  it('works inside emphasis, lists and normal links around it', () => {
    const { html } = render('- *see [[cto]]*\n- [x](y) [[cto]]');
    assert.strictEqual(html.match(/data-role="cto"/g)?.length, 2);
    assert.match(html, /<a href="y">x<\/a>/);
  });

  it('escapes everything it emits: hostile titles, labels, names and hrefs', () => {
    const { html } = render('[[evil]] [[<script>alert(1)</script>]] [[cto|<img src=x onerror=alert(2)>]]', { html: true });
    assert.ok(!/<img|<script/.test(html), html);
    assert.match(html, /title="&lt;img src=x onerror=alert\(1\)&gt;"/);
    assert.match(html, /href="roles\/e&quot;vil\.md"/);
    assert.match(html, />&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/span>/);
    assert.match(html, />&lt;img src=x onerror=alert\(2\)&gt;<\/a>/);
  });

  it('never emits a javascript: href', () => {
    const { html } = render('[[js]]');
    assert.ok(!html.includes('javascript:'), html);
    assert.match(html, /handbook-role-link-unresolved/);
  });

  it('a resolver that throws renders the link as unresolved', () => {
    const md = new MarkdownIt();
    roleLinksPlugin(md, {
      resolve: () => {
        throw new Error('boom');
      },
      unresolvedTitle: (n) => `?${n}`,
    });
    assert.match(md.render('[[x]]'), /title="\?x"/);
  });
});
