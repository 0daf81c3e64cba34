/** handbookRoles.validation.linksInAllMarkdown: [[links]] in open Markdown files that are not role files. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, openDoc, setText, waitForDiagnostics } from '../helpers';
import { span } from './support';

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'handbook-roles');
const brief = (uri: vscode.Uri) =>
  ours(uri)
    .map((d) => `${codeOf(d)} ${span(d.range)}`)
    .join(', ');

async function setting(value: boolean | undefined): Promise<void> {
  await vscode.workspace
    .getConfiguration('handbookRoles.validation')
    .update('linksInAllMarkdown', value, vscode.ConfigurationTarget.Global);
}

describe('links in all Markdown files', () => {
  before(async () => {
    await api();
  });
  afterEach(async () => {
    await closeAllEditors();
    await setting(undefined);
  });

  it('off by default; turning it on and off adds and removes the diagnostics', async () => {
    const doc = await openDoc('notes/meeting.md');
    assert.strictEqual(brief(doc.uri), '');
    await setting(true);
    await waitForDiagnostics(doc.uri, () => ours(doc.uri).length > 0);
    await setting(undefined);
    await waitForDiagnostics(doc.uri, () => ours(doc.uri).length === 0);
  });

  it('on: unresolved links outside code, updated as the unsaved text changes', async () => {
    await setting(true);
    const doc = await openDoc('notes/meeting.md');
    await waitForDiagnostics(doc.uri, () => brief(doc.uri) === 'unresolved-link 3:56-3:66');
    await setText(doc, doc.getText().replace('[[Nobody]] came', '[[HoE]] came').replace('[[CTO]]', '[[Chief Wizard]]'));
    await waitForDiagnostics(doc.uri, () => brief(doc.uri) === 'unresolved-link 3:22-3:38');
    assert.ok(doc.isDirty);
  });

  it('on: a role that appears elsewhere resolves the link', async () => {
    await setting(true);
    const notes = await openDoc('notes/meeting.md');
    await waitForDiagnostics(notes.uri, () => ours(notes.uri).length === 1);
    const scratch = await openDoc('roles/scratch.md');
    await setText(scratch, scratch.getText().replace('title: Scratch', 'title: Scratch\naliases: [Nobody]'));
    await waitForDiagnostics(notes.uri, () => ours(notes.uri).length === 0);
  });
});
