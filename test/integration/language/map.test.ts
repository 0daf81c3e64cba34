/** The responsibility map shows hostile role text as text (a copy of test/fixtures/workspace-language). */
import * as assert from 'assert';
import type { ResponsibilityMap } from '../../../src/core/map/types';
import { api, closeAllEditors, command, waitFor } from '../helpers';

describe('responsibility map: hostile role text', () => {
  after(closeAllEditors);

  it('draws HTML and Markdown from role files as plain text, and escapes it in the Markdown copy', async () => {
    const m = (await api()).map!;
    const rendered = waitFor(m.onDidRender, (r) => r.roles >= 2, 20_000, 'the map page to render');
    const map = await command<ResponsibilityMap>('handbookRoles.showResponsibilityMap');
    const hostile = map.roles.find((r) => r.id === 'hostile');
    assert.ok(hostile, 'the hostile role is in the map');
    const r = await rendered;
    assert.strictEqual(r.foreign, 0, 'no element came from a role file');
    assert.ok(r.text.includes('<img src=x onerror=alert(1)>'), 'the title is shown as text');
    assert.ok(r.text.includes('**bold** <b>bold</b> <a href="javascript:alert(4)">link</a>'), 'the responsibility is shown as text');
    assert.strictEqual(await m.receive({ type: 'copyMarkdown', filter: { roles: [], areas: [], issuesOnly: false } }), true);
    const md = m.lastCopied() ?? '';
    assert.ok(md.includes('\\<img src=x onerror=alert(1)\\>'), md);
    assert.ok(!/(?<!\\)<(img|b|a)\b/.test(md), 'no live HTML in the Markdown');
  });
});
