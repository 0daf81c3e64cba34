/** Smoke tests in the workspace with role files (a copy of test/fixtures/workspace-roles). */
import * as assert from 'assert';
import { api, extension, publicApi, startupState } from '../helpers';

describe('activation in a workspace with role files', () => {
  it('was already active when the suite started (workspaceContains:**/roles/**/*.md)', () => {
    assert.strictEqual(startupState().suite, 'roles');
    assert.strictEqual(startupState().activeAtStart, true, 'workspaceContains should have activated the extension before any test ran');
  });

  it('reports how long activate() took', async () => {
    const { activationMs } = await publicApi();
    assert.strictEqual(typeof activationMs, 'number');
    assert.ok(Number.isFinite(activationMs) && activationMs >= 0, `activationMs = ${activationMs}`);
    console.log(`[handbook] activationMs=${activationMs.toFixed(1)} (roles workspace, workspaceContains)`);
  });

  it('indexes the workspace role files and hides the built-in handbook', async () => {
    const { handbook } = await api();
    assert.strictEqual(extension().isActive, true);
    // roles/*.md (3 valid) and roles/broken/*.md (4 broken, all matched by the default glob).
    assert.strictEqual(handbook.workspaceRoleFiles, 7);
    assert.strictEqual(handbook.showingBuiltins, false);
    // The public API says the same, and keeps the test handles to itself but for tests.
    const exported = await publicApi();
    assert.strictEqual(await exported.indexed(), 7);
    assert.deepStrictEqual(Object.keys(exported).sort(), ['activationMs', 'extendMarkdownIt', 'indexed', 'readyMs', 'testing']);
    // Once indexed, the time to ready is known (the host bench reads it) and follows activation.
    const readyMs = exported.readyMs();
    assert.strictEqual(typeof readyMs, 'number');
    assert.ok(readyMs! >= exported.activationMs, `readyMs ${readyMs} < activationMs ${exported.activationMs}`);
  });
});
