/**
 * Diagnostics in the workspace with role files (a copy of test/fixtures/workspace-roles): the
 * broken fixtures' problems with the CLI's codes and ranges, live updates of unsaved edits,
 * cross-file consistency and the validation settings.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, describeDiagnostics, fixtureUri, openDoc, setText, waitForDiagnostics } from '../helpers';

const DOCS = 'https://github.com/handbook-roles/handbook-roles#finding-';

/** `code line:col-line:col severity` (1-based), as `handbook-lint --format json` prints them. */
function brief(d: vscode.Diagnostic): string {
  const r = d.range;
  const severity = ['error', 'warning', 'information', 'hint'][d.severity];
  return `${codeOf(d)} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${severity}`;
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'handbook-roles');

async function diagnostics(file: string, expected: string[]): Promise<vscode.Diagnostic[]> {
  const uri = fixtureUri(file);
  const key = expected.join('\n');
  try {
    await waitForDiagnostics(uri, () => ours(uri).map(brief).join('\n') === key);
  } catch (e) {
    assert.deepStrictEqual(ours(uri).map(brief), expected, `${file}: ${(e as Error).message}`);
  }
  return ours(uri);
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('handbookRoles.validation').update(key, value, vscode.ConfigurationTarget.Global);
}

/** What `handbook-lint --format json` reports for the fixture (see the fixture's README). */
const BROKEN: Record<string, string[]> = {
  'roles/broken/no-frontmatter.md': ['frontmatter-missing 1:1-1:16 error'],
  'roles/broken/schema-error.md': ['schema 4:7-4:13 error'],
  'roles/broken/unknown-reference.md': ['unknown-role 8:11-8:23 error', 'unresolved-link 14:16-14:32 warning'],
  'roles/broken/yaml-syntax.md': ['yaml-syntax 4:1-4:5 error'],
};

describe('diagnostics (workspace with role files)', () => {
  before(async () => {
    await api();
  });

  afterEach(async () => {
    await closeAllEditors();
    for (const key of ['enable', 'linkSeverity', 'linksInAllMarkdown']) await setSetting(key, undefined);
  });

  it("reports every broken fixture with the CLI's codes and exact ranges, without opening it", async () => {
    for (const [file, expected] of Object.entries(BROKEN)) await diagnostics(file, expected);
  });

  it('each diagnostic has the source, the message and a code linking to its documentation', async () => {
    const [d] = await diagnostics('roles/broken/schema-error.md', BROKEN['roles/broken/schema-error.md']);
    assert.strictEqual(d.source, 'handbook-roles');
    assert.match(d.message, /^"type" must be one of: executive, manager, individual-contributor \(got "wizard"\)/);
    assert.ok(typeof d.code === 'object', 'the code should carry a link');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'schema');
    assert.strictEqual(code.target.toString(true), `${DOCS}schema`);
  });

  it('valid role files have none', async () => {
    for (const file of ['roles/engineering-manager.md', 'roles/tech-lead.md', 'roles/vp-engineering.md']) {
      await diagnostics(file, []);
    }
  });

  it('an unsaved edit updates the diagnostics, and reverting brings them back', async () => {
    const doc = await openDoc('roles/broken/schema-error.md');
    await setText(doc, doc.getText().replace('type: wizard', 'type: manager\nfocus: 3'));
    await diagnostics('roles/broken/schema-error.md', ['schema 5:8-5:9 error']);
    assert.ok(doc.isDirty, 'the test needs the edit unsaved');
    await closeAllEditors();
    await diagnostics('roles/broken/schema-error.md', BROKEN['roles/broken/schema-error.md']);
  });

  it('a role that starts to exist in another (unsaved) file clears the unknown-role and the link warning', async () => {
    const doc = await openDoc('roles/tech-lead.md');
    await setText(doc, doc.getText().replace('aliases: [TL]', 'aliases: [TL, chief-wizard, Chief Wizard]'));
    await diagnostics('roles/broken/unknown-reference.md', []);
    await closeAllEditors();
    await diagnostics('roles/broken/unknown-reference.md', BROKEN['roles/broken/unknown-reference.md']);
  });

  it('a role that goes away makes its references unknown in other files', async () => {
    const doc = await openDoc('roles/vp-engineering.md');
    await setText(
      doc,
      doc
        .getText()
        .replace('role: vp-engineering', 'role: vp-eng')
        .replace('aliases: [VPE]', 'aliases: []')
        .replace('title: VP of Engineering', 'title: VP Eng'),
    );
    await diagnostics('roles/engineering-manager.md', [
      'unknown-role 15:27-15:41 error',
      'unknown-role 17:11-17:14 error',
      'unresolved-link 26:16-26:37 warning',
    ]);
  });

  it('handbookRoles.validation.linkSeverity sets the severity of unresolved-link, or hides it', async () => {
    const file = 'roles/broken/unknown-reference.md';
    await setSetting('linkSeverity', 'error');
    await diagnostics(file, ['unknown-role 8:11-8:23 error', 'unresolved-link 14:16-14:32 error']);
    await setSetting('linkSeverity', 'hint');
    await diagnostics(file, ['unknown-role 8:11-8:23 error', 'unresolved-link 14:16-14:32 hint']);
    await setSetting('linkSeverity', 'ignore');
    await diagnostics(file, ['unknown-role 8:11-8:23 error']);
  });

  it('handbookRoles.validation.enable false removes every diagnostic, true brings them back', async () => {
    await setSetting('enable', false);
    for (const file of Object.keys(BROKEN)) await diagnostics(file, []);
    // Edits while disabled publish nothing either.
    const doc = await openDoc('roles/broken/schema-error.md');
    await setText(doc, doc.getText().replace('type: wizard', 'type: sorcerer'));
    await api().then(({ handbook }) => handbook.syncDocument(doc));
    assert.strictEqual(describeDiagnostics(ours(doc.uri)), 'none');
    await setSetting('enable', true);
    await diagnostics('roles/broken/schema-error.md', ['schema 4:7-4:15 error']);
    await diagnostics('roles/broken/no-frontmatter.md', BROKEN['roles/broken/no-frontmatter.md']);
  });
});
