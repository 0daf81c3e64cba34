/** The outline of a role file: the role, its frontmatter sections and their items. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openDoc } from '../helpers';
import { span } from './support';

async function roleSymbols(doc: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
  const all = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
  // The Markdown extension adds the body's headings: keep the role symbols (classes).
  return all.filter((s) => s.kind === vscode.SymbolKind.Class);
}

describe('document symbols', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAllEditors);

  it('a role file: the role, a section per key, items of the lists', async () => {
    const doc = await openDoc('roles/cto.md');
    const [role, ...rest] = await roleSymbols(doc);
    assert.strictEqual(rest.length, 0);
    assert.deepStrictEqual(
      [role.name, role.detail, span(role.range), span(role.selectionRange)],
      ['Chief Technology Officer', 'cto · executive', '1:1-18:4', '3:8-3:32'],
    );
    assert.deepStrictEqual(
      role.children.map((c) => c.name),
      ['role', 'title', 'aliases', 'type', 'summary', 'responsibilities', 'sharesSuccessCriteriaOf', 'relationships'],
    );
    const resp = role.children.find((c) => c.name === 'responsibilities')!;
    assert.strictEqual(resp.kind, vscode.SymbolKind.Array);
    assert.deepStrictEqual(
      resp.children.map((c) => [c.name, c.detail]),
      [
        ['Communicate the technology vision', ''],
        ['Define the high-level architecture', 'architecture · strategy'],
        ['Procure technology resources', ''],
        ['Decide the high-level strategy', ''],
      ],
    );
    assert.strictEqual(span(resp.children[1].selectionRange), '9:11-9:45');
    const rel = role.children.find((c) => c.name === 'relationships')!;
    assert.deepStrictEqual(
      rel.children.map((c) => [c.name, c.detail]),
      [['Head of Engineering', 'symbiotic']],
    );
  });

  it('follows unsaved edits, and gives nothing for a Markdown file that is not a role file', async () => {
    const doc = await openDoc('roles/scratch.md');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, doc.lineAt(2).range, 'title: Renamed');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.strictEqual((await roleSymbols(doc))[0]?.name, 'Renamed');
    const notes = await openDoc('notes/meeting.md');
    assert.deepStrictEqual(await roleSymbols(notes), []);
  });
});
