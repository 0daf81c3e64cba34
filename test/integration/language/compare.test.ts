/** The comparison webview shows hostile role text as text (a copy of test/fixtures/workspace-language). */
import * as assert from 'assert';
import { api, closeAllEditors, command, waitFor } from '../helpers';

describe('compare view: hostile role text', () => {
  after(closeAllEditors);

  it('draws HTML, scripts and javascript: links from role files as plain text', async () => {
    const compare = (await api()).compare!;
    const rendered = waitFor(
      compare.onDidRender,
      (r) => r.items > 0 && r.text.includes('onerror'),
      20_000,
      'the compare page to render the hostile role',
    );
    const model = await command<unknown>('handbookRoles.compareRoles', 'hostile', 'cto');
    assert.ok(model, 'the comparison opened');
    const r = await rendered;
    assert.strictEqual(r.foreign, 0, 'no element came from a role file');
    assert.ok(r.text.includes('<img src=x onerror=alert(1)>'), 'the title is shown as text');
    assert.ok(r.text.includes('<script>alert(2)</script>'), 'the summary is shown as text');
  });
});
