/** The responsibility map on a workspace handbook (a copy of test/fixtures/workspace-roles). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ResponsibilityMap } from '../../../src/core/map/types';
import { api, closeAllEditors, codeOf, command, fixtureUri, openDoc, setText, waitFor, waitForDiagnostics } from '../helpers';

const mapCodes = (ds: vscode.Diagnostic[]) => ds.filter((d) => ['overlapping-responsibility', 'unowned-criterion'].includes(codeOf(d)));

async function setOverlaps(enable: boolean): Promise<void> {
  await vscode.workspace.getConfiguration('handbookRoles').update('overlaps.enable', enable, vscode.ConfigurationTarget.Global);
}

describe('responsibility map (workspace roles)', () => {
  after(async () => {
    await setOverlaps(false);
    await closeAllEditors();
  });

  it('publishes its findings only when handbookRoles.overlaps.enable is on', async () => {
    const m = (await api()).map!;
    const em = fixtureUri('roles/engineering-manager.md');
    assert.deepStrictEqual(mapCodes(vscode.languages.getDiagnostics(em)), [], 'off by default');
    await setOverlaps(true);
    const on = await waitForDiagnostics(em, (ds) => mapCodes(ds).length > 0, 15_000);
    const [d] = mapCodes(on);
    assert.deepStrictEqual(
      [codeOf(d), d.severity, d.range.start.line + 1, d.range.start.character + 1],
      ['unowned-criterion', vscode.DiagnosticSeverity.Warning, 14, 5],
    );
    assert.match(d.message, /no role owns it/);
    assert.strictEqual(d.source, 'handbook-roles');
    const vp = mapCodes(vscode.languages.getDiagnostics(fixtureUri('roles/vp-engineering.md')));
    assert.deepStrictEqual(
      vp.map((x) => x.range.start.line + 1),
      [20],
    );
    const cleared = waitFor(
      m.onDidPublish,
      () => mapCodes(vscode.languages.getDiagnostics(em)).length === 0,
      15_000,
      'the findings to be cleared',
    );
    await setOverlaps(false);
    await cleared;
  });

  it('redraws when a role file changes, and finds an overlap typed into it', async () => {
    const m = (await api()).map!;
    const first = waitFor(m.onDidRender, (r) => r.roles > 0, 20_000, 'the first render');
    const before = await command<ResponsibilityMap>('handbookRoles.showResponsibilityMap');
    assert.strictEqual(before.overlaps.length, 0);
    await first;
    const doc = await openDoc('roles/tech-lead.md', { viewColumn: vscode.ViewColumn.Beside });
    const updated = waitFor(m.onDidUpdate, (map) => map.overlaps.length === 1, 15_000, 'a map with the new overlap');
    const drawn = waitFor(m.onDidRender, (r) => r.overlaps === 2, 15_000, 'the overlap drawn');
    await setText(
      doc,
      doc
        .getText()
        .replace(
          '  - Review the riskiest changes',
          '  - Review the riskiest changes\n  - Set the engineering goals for the year and report on them',
        ),
    );
    const map = await updated;
    const roles = map.overlaps[0].roles.map((k) => map.roles.find((r) => r.key === k)!.id);
    assert.deepStrictEqual(roles, ['tech-lead', 'vp-engineering']);
    await drawn;
    assert.strictEqual(m.analysedOn(), 'worker', 'the Node host analyses on a worker thread (dist/lazy/mapWorker.js)');
  });
});
