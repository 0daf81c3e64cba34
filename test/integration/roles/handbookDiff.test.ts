/**
 * Where git is not available — here the test profile turns the built-in git extension off
 * ("git.enabled": false), and the workspace is no repository — both commands say so in a
 * sentence and resolve to it, instead of failing.
 */
import * as assert from 'assert';
import { api, closeAllEditors, command, fixtureUri } from '../helpers';

describe('handbook diff where git is not available', function () {
  this.timeout(60_000);
  after(closeAllEditors);

  it('"Compare Handbook with…" says that git is off', async () => {
    await api();
    const result = await command<{ unavailable: string }>('handbookRoles.compareHandbookWith', 'HEAD');
    assert.deepStrictEqual(result, { unavailable: 'Git is turned off in this editor (the "git.enabled" setting).' });
  });

  it('"Compare with HEAD" says that git is off', async () => {
    await api();
    const result = await command<{ unavailable: string }>('handbookRoles.compareWithHead', fixtureUri('roles/engineering-manager.md'));
    assert.deepStrictEqual(result, { unavailable: 'Git is turned off in this editor (the "git.enabled" setting).' });
  });
});
