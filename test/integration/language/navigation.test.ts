/** Go to Definition and document links for role references and [[links]]. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openDoc } from '../helpers';
import { positionOf, span } from './support';

type Definition = vscode.Location | vscode.LocationLink;
const targetOf = (d: Definition) =>
  'targetUri' in d ? { uri: d.targetUri, range: d.targetSelectionRange ?? d.targetRange } : { uri: d.uri, range: d.range };
const file = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/roles/') + 1);

async function definitions(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const found = (await vscode.commands.executeCommand<Definition[]>('vscode.executeDefinitionProvider', doc.uri, position)) ?? [];
  return found
    .map(targetOf)
    .filter((t) => t.uri.path.includes('/roles/'))
    .map((t) => `${file(t.uri)} ${span(t.range)}`);
}

async function links(doc: vscode.TextDocument): Promise<string[]> {
  const found = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri)) ?? [];
  return found
    .filter((l) => l.target?.path.includes('/roles/'))
    .map((l) => `${doc.getText(l.range)} → ${file(l.target!)}#${l.target!.fragment}`);
}

describe('navigation', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAllEditors);

  it("Go to Definition on a reference leads to the role's id", async () => {
    const doc = await openDoc('roles/cto.md');
    assert.deepStrictEqual(await definitions(doc, positionOf(doc, '[head-of-engineering]', 5)), ['roles/head-of-engineering.md 2:7-2:26']);
    assert.deepStrictEqual(await definitions(doc, positionOf(doc, 'with: Head of Engineering', 9)), [
      'roles/head-of-engineering.md 2:7-2:26',
    ]);
  });

  it('Go to Definition on a [[link]], in a role file and in another Markdown file', async () => {
    const cto = await openDoc('roles/cto.md');
    assert.deepStrictEqual(await definitions(cto, positionOf(cto, '[[Head of Engineering|', 4)), ['roles/head-of-engineering.md 2:7-2:26']);
    const notes = await openDoc('notes/meeting.md');
    assert.deepStrictEqual(await definitions(notes, positionOf(notes, '[[CTO]]', 3)), ['roles/cto.md 2:7-2:10']);
    assert.deepStrictEqual(await definitions(notes, positionOf(notes, '[[Nobody]]', 3)), []);
  });

  it('document links for references and [[links]]; none for unknown names or code', async () => {
    const cto = await openDoc('roles/cto.md');
    assert.deepStrictEqual(
      (await links(cto)).sort(),
      [
        '[[CTO]] → roles/cto.md#L2',
        '[[Head of Engineering|head of engineering]] → roles/head-of-engineering.md#L2',
        'Head of Engineering → roles/head-of-engineering.md#L2',
        'head-of-engineering → roles/head-of-engineering.md#L2',
      ].sort(),
    );
    const notes = await openDoc('notes/meeting.md');
    assert.deepStrictEqual(
      (await links(notes)).sort(),
      ['[[CTO]] → roles/cto.md#L2', '[[HoE|head]] → roles/head-of-engineering.md#L2', '[[Hostile]] → roles/hostile.md#L2'].sort(),
    );
  });
});
