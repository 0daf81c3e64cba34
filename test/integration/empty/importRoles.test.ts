/**
 * Handbook: Import Roles from Page… in a workspace without role files: a preview first, files
 * only on confirmation, never an overwrite. Every file a test creates is deleted again.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { parseFile } from '../../../src/core/parse';
import type { ImportOutcome } from '../../../src/extension/commands/importRoles';
import { api, closeAllEditors, command, DEFAULT_TIMEOUT_MS, fixtureUri, waitForState } from '../helpers';

const IMPORT = 'handbookRoles.importRoles';
const encode = (s: string) => new TextEncoder().encode(s);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

const PAGE = [
  '# Our engineering leadership',
  '',
  '## Chief Technology Officer (CTO)',
  '',
  'CTO is an executive role:',
  '- focus on technology vision',
  '- communicates the vision to external stakeholders',
  '',
  'CTO is responsible for procuring technology related resources',
  '',
  '## Head of Engineering',
  '',
  'Head of Engineering is a manager role',
  '- plans technology based on the team and available resources',
  '- implements the technology direction',
  '',
  'Some ways to evaluate success of Head of Engineering:',
  '- Do you have a smooth onboarding process?',
  '',
].join('\n');

describe('import roles from a page (workspace without role files)', () => {
  const page = () => fixtureUri('leadership.md');
  const target = () => fixtureUri('imported');

  before(async () => {
    await api();
    await vscode.workspace.fs.writeFile(page(), encode(PAGE));
  });

  afterEach(closeAllEditors);

  after(async () => {
    const { handbook } = await api();
    await vscode.workspace.fs.delete(page(), { useTrash: false });
    await vscode.workspace.fs.delete(target(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitForState(
      handbook.onDidChange,
      () => handbook.workspaceRoleFiles === 0 && handbook.showingBuiltins,
      DEFAULT_TIMEOUT_MS,
      'the handbook to be empty again',
    );
  });

  it('previews, creates valid role files on confirmation, and the handbook picks them up', async function () {
    // Loads the importer bundle (markdown-it) and writes, then waits for the index: 19.5 s once on a
    // machine at load 17, so the suite's 20 s default is too tight for this one test.
    this.timeout(60_000);
    const { handbook } = await api();
    const outcome = await command<ImportOutcome>(IMPORT, { page: page(), folder: target(), confirmed: true });
    assert.deepStrictEqual(
      outcome.roles.map((r) => r.role),
      ['cto', 'head-of-engineering'],
    );
    assert.ok(outcome.preview, 'a preview document');
    const preview = vscode.workspace.textDocuments.find((d) => d.uri.toString() === outcome.preview!.toString());
    assert.match(preview!.getText(), /\| Chief Technology Officer \| `imported\/cto\.md` \|/);
    assert.deepStrictEqual(
      outcome.created.map((u) => u.path.split('/').pop()),
      ['cto.md', 'head-of-engineering.md'],
    );
    for (const uri of outcome.created) {
      const parsed = parseFile(uri.toString(), decode(await vscode.workspace.fs.readFile(uri)), { forceRoleFile: true });
      assert.deepStrictEqual(parsed.findings, [], uri.path);
    }
    const cto = await waitForState(
      handbook.onDidChange,
      () => handbook.index.resolve('CTO'),
      DEFAULT_TIMEOUT_MS,
      'the imported CTO in the index',
    );
    assert.ok(!cto.builtin, 'the imported CTO replaces the built-in one');
    assert.ok(cto.responsibilities.some((r) => /procur/i.test(r.text)));
    assert.strictEqual(handbook.index.resolve('head of engineering')?.type, 'manager');
    assert.ok(!handbook.showingBuiltins);
  });

  it('never overwrites: a second import leaves edited files as they are', async () => {
    const cto = vscode.Uri.joinPath(target(), 'cto.md');
    const edited = decode(await vscode.workspace.fs.readFile(cto)).replace('Chief Technology Officer', 'Chief Technology Officer (edited)');
    await vscode.workspace.fs.writeFile(cto, encode(edited));
    const outcome = await command<ImportOutcome>(IMPORT, { page: page(), folder: target(), confirmed: true });
    assert.deepStrictEqual(outcome.created, []);
    assert.deepStrictEqual(outcome.skipped.map((u) => u.path.split('/').pop()).sort(), ['cto.md', 'head-of-engineering.md']);
    assert.strictEqual(decode(await vscode.workspace.fs.readFile(cto)), edited);
  });

  it('reports a page that defines no role and writes nothing', async () => {
    const plain = fixtureUri('README.md');
    const outcome = await command<ImportOutcome>(IMPORT, { page: plain, folder: fixtureUri('nothing'), confirmed: true });
    assert.deepStrictEqual(outcome.roles, []);
    assert.deepStrictEqual(outcome.created, []);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fixtureUri('nothing'))));
  });

  it('shows the lists it left out in the preview, with the reason and the rule, and includes one on request', async () => {
    const incident = fixtureUri('incident-roles.md');
    const folder = fixtureUri('imported-incident');
    await vscode.workspace.fs.writeFile(
      incident,
      encode(
        [
          '# Incident roles',
          '',
          '## Deputy',
          '',
          '### What are the responsibilities?',
          '',
          '- Manage the incident call',
          '',
          '### How can I become one?',
          '',
          '- Shadow three incidents',
          '',
        ].join('\n'),
      ),
    );
    try {
      const first = await command<ImportOutcome>(IMPORT, { page: incident, folder, confirmed: true });
      assert.deepStrictEqual(
        first.leftOut.map((l) => [l.line, l.role, l.first, l.rule]),
        [[11, 'Deputy', 'Shadow three incidents', 'section-words']],
      );
      const preview = vscode.workspace.textDocuments.find((d) => d.uri.toString() === first.preview!.toString())!.getText();
      assert.match(preview, /^## Lists left out \(1\)$/m);
      assert.match(
        preview,
        /^\| 11 \| Deputy \| section "How can I become one\?" \| Shadow three incidents \| not duties \(a process, privileges, hiring, levels, links or what the role does not do\) \| `section-words` \|$/m,
      );
      const deputy = vscode.Uri.joinPath(folder, 'deputy.md');
      assert.deepStrictEqual(
        parseFile(deputy.toString(), decode(await vscode.workspace.fs.readFile(deputy)), {
          forceRoleFile: true,
        }).role?.responsibilities.map((r) => r.text),
        ['Manage the incident call'],
      );
      await vscode.workspace.fs.delete(deputy, { useTrash: false });

      // The user includes the list: it is written as duties, and the preview says so.
      const second = await command<ImportOutcome>(IMPORT, { page: incident, folder, confirmed: true, include: [11] });
      assert.deepStrictEqual(second.leftOut, []);
      assert.deepStrictEqual(second.included, [11]);
      const preview2 = vscode.workspace.textDocuments.find((d) => d.uri.toString() === second.preview!.toString())!.getText();
      assert.match(preview2, /^Included lists left out by the import, at lines: 11$/m);
      assert.doesNotMatch(preview2, /Lists left out/);
      const written = parseFile(deputy.toString(), decode(await vscode.workspace.fs.readFile(deputy)), { forceRoleFile: true });
      assert.deepStrictEqual(written.findings, []);
      assert.deepStrictEqual(
        written.role?.responsibilities.map((r) => r.text),
        ['Manage the incident call', 'Shadow three incidents'],
      );
    } finally {
      await vscode.workspace.fs.delete(incident, { useTrash: false });
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    }
  });
});
