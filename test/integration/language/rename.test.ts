/**
 * Rename, references, workspace symbols, the code lens and "Fix all", through the editor's own
 * commands. The tests write their role files into a folder of their own (renaming/) and delete it
 * afterwards, so the fixture's files stay as other tests expect them.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../../src/extension/activate';
import { api, closeAllEditors, codeOf, fixtureUri, openDoc, setText, waitForDiagnostics, waitForState } from '../helpers';
import { positionOf, span } from './support';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}

const LEAD = [
  '---',
  'role: team-lead',
  'title: Team Lead # the title',
  "aliases: ['TL']",
  'type: manager',
  'responsibilities:',
  '  - text: Run the stand-up',
  '    id: stand-up',
  '---',
  '',
  'The [[TL]] is the [[Team Lead|lead]].',
  '',
].join('\n');

const ENGINEER = [
  '---',
  'role: engineer',
  'title: Engineer',
  'type: individual-contributor',
  'responsibilities: [Build]',
  'sharesSuccessCriteriaOf: ["Team Lead"]',
  'relationships:',
  '  - with: team-lead',
  '    kind: reports-to',
  '---',
  '',
  'Reports to the [[team-lead|lead]] and the [[TL]].',
  '',
].join('\r\n');

const NOTES = 'Ask the [[TL|team lead]] or the [[team-lead]].\n';

const FILES: Record<string, string> = { 'renaming/team-lead.md': LEAD, 'renaming/engineer.md': ENGINEER, 'renaming/notes.md': NOTES };

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'handbook-roles');
const rel = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/renaming/') + 1);
const inFolder = (uri: vscode.Uri) => uri.path.includes('/renaming/');

async function setting(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

/** The edits of a rename, as `file line:col-line:col → text`, in file and text order. */
function describeEdit(edit: vscode.WorkspaceEdit): string[] {
  return edit
    .entries()
    .filter(([uri]) => inFolder(uri))
    .sort((a, b) => (rel(a[0]) < rel(b[0]) ? -1 : 1))
    .flatMap(([uri, edits]) =>
      edits.sort((a, b) => a.range.start.compareTo(b.range.start)).map((e) => `${rel(uri)} ${span(e.range)} → ${e.newText}`),
    );
}

async function rename(doc: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit> {
  return vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, position, newName);
}

async function refusal(doc: vscode.TextDocument, position: vscode.Position, newName: string): Promise<string> {
  try {
    await rename(doc, position, newName);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return assert.fail(`renaming to "${newName}" was not refused`);
}

async function references(doc: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  const found = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, position)) ?? [];
  return found.filter((l) => inFolder(l.uri)).map((l) => `${rel(l.uri)} ${span(l.range)}`);
}

describe('rename, references, workspace symbols, code lens, fix all', () => {
  let exports: TestApi;
  before(async () => {
    exports = await api();
    const indexed = waitForState(
      exports.handbook.onDidChange,
      () => exports.handbook.index.resolve('team-lead') && exports.handbook.index.resolve('engineer'),
      10_000,
      'the renaming/ roles to be indexed',
    );
    for (const [file, text] of Object.entries(FILES)) await vscode.workspace.fs.writeFile(fixtureUri(file), new TextEncoder().encode(text));
    await indexed;
  });
  afterEach(async () => {
    await closeAllEditors();
    await setting('handbookRoles.validation', 'linksInAllMarkdown', undefined);
    await setting('handbookRoles.rename', 'renameFile', undefined);
  });
  after(async () => {
    const gone = waitForState(
      exports.handbook.onDidChange,
      () => !exports.handbook.index.resolve('engineer'),
      10_000,
      'the renaming/ roles to be forgotten',
    );
    await vscode.workspace.fs.delete(fixtureUri('renaming'), { recursive: true });
    await gone;
  });

  it('prepareRename: the name under the cursor; positions naming no role are refused', async () => {
    const doc = await openDoc('renaming/engineer.md');
    const prepared = await vscode.commands.executeCommand<{ range: vscode.Range; placeholder: string }>(
      'vscode.prepareRename',
      doc.uri,
      positionOf(doc, '"Team Lead"', 3),
    );
    assert.deepStrictEqual([span(prepared.range), prepared.placeholder], ['6:28-6:37', 'Team Lead']);
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', doc.uri, positionOf(doc, 'individual-contributor', 3))),
      /Put the cursor on a role name/,
    );
  });

  it('renaming the title from a quoted reference: the declaration, every reference and link using it; quoting, labels, comments and CRLF kept', async () => {
    const doc = await openDoc('renaming/engineer.md');
    const edit = await rename(doc, positionOf(doc, '"Team Lead"', 3), 'Squad Lead');
    assert.deepStrictEqual(describeEdit(edit), [
      'renaming/engineer.md 6:27-6:38 → "Squad Lead"',
      'renaming/team-lead.md 3:8-3:17 → Squad Lead',
      'renaming/team-lead.md 11:21-11:30 → Squad Lead',
    ]);
  });

  it('refusals: not kebab-case, a name another role holds', async () => {
    const doc = await openDoc('renaming/team-lead.md');
    assert.match(
      await refusal(doc, positionOf(doc, 'team-lead', 2), 'Team Boss'),
      /"Team Boss" is not a valid role id: use kebab-case .* e\.g\. "team-boss"/,
    );
    // (On some positions the built-in Markdown extension's rename runs after a refusal of ours: the title is not one.)
    assert.match(await refusal(doc, positionOf(doc, 'Team Lead #', 2), 'engineer'), /"engineer" is already a name of role "engineer"/);
  });

  it('Find References from a [[link]]: every place naming the role by any name; the Roles tree command gives the same', async () => {
    const doc = await openDoc('renaming/team-lead.md');
    const expected = [
      'renaming/engineer.md 6:27-6:38',
      'renaming/engineer.md 8:11-8:20',
      'renaming/engineer.md 12:16-12:34',
      'renaming/engineer.md 12:43-12:49',
      'renaming/team-lead.md 11:5-11:11',
      'renaming/team-lead.md 11:19-11:37',
    ];
    // The built-in Markdown extension reads [TL] in [[TL]] as a reference link: its answer (11:7-11:9) is not ours.
    const found = (await references(doc, positionOf(doc, '[[TL]]', 3))).filter((f) => f !== 'renaming/team-lead.md 11:7-11:9');
    assert.deepStrictEqual(
      found
        .filter(
          (f) =>
            !f.startsWith('renaming/team-lead.md 2:') &&
            !f.startsWith('renaming/team-lead.md 3:') &&
            !f.startsWith('renaming/team-lead.md 4:'),
        )
        .sort(),
      [...expected].sort(),
    );
    assert.ok(found.includes('renaming/team-lead.md 2:7-2:16'), 'the declaration is included');
    const fromTree = await vscode.commands.executeCommand<vscode.Location[]>('handbookRoles.findReferences', {
      role: { uri: doc.uri.toString() },
    });
    assert.deepStrictEqual(
      fromTree.map((l) => `${rel(l.uri)} ${span(l.range)}`),
      expected,
    );
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('workspace symbols: roles by title, id and alias; responsibilities by id in their role', async () => {
    const symbols = async (q: string) =>
      ((await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', q)) ?? [])
        .filter((s) => inFolder(s.location.uri) && s.kind !== vscode.SymbolKind.String)
        .map((s) => `${s.name} [${s.containerName}] ${vscode.SymbolKind[s.kind]} ${rel(s.location.uri)} ${span(s.location.range)}`)
        .sort(); // the editor orders by its own match score
    assert.deepStrictEqual(await symbols('team lead'), [
      'Team Lead [team-lead] Class renaming/team-lead.md 3:8-3:17',
      'team-lead [Team Lead] Class renaming/team-lead.md 2:7-2:16',
    ]);
    assert.deepStrictEqual(await symbols('stand-up'), ['stand-up [Team Lead] Field renaming/team-lead.md 7:11-7:27']);
    assert.deepStrictEqual(await symbols('TL'), [
      'TL [Team Lead] Class renaming/team-lead.md 4:11-4:15',
      'Team Lead [team-lead] Class renaming/team-lead.md 3:8-3:17',
      'team-lead [Team Lead] Class renaming/team-lead.md 2:7-2:16',
    ]);
  });

  it('code lens above the title: "N references · M links", opening them; off by the setting', async () => {
    const doc = await openDoc('renaming/team-lead.md');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
    const mine = lenses.filter((l) => l.command?.command === 'editor.action.showReferences');
    assert.deepStrictEqual(
      mine.map((l) => `${span(l.range)} ${l.command!.title} ${(l.command!.arguments![2] as vscode.Location[]).length}`),
      ['3:8-3:17 2 references · 4 links 6'],
    );
    await setting('handbookRoles.codeLens', 'enable', false);
    try {
      const off = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 10);
      assert.deepStrictEqual(
        off.filter((l) => l.command?.command === 'editor.action.showReferences'),
        [],
      );
    } finally {
      await setting('handbookRoles.codeLens', 'enable', undefined);
    }
  });

  it('"Fix all" (source.fixAll.handbookRoles) applies the certain fixes of handbook-lint --fix', async () => {
    const doc = await openDoc('renaming/engineer.md');
    await setText(
      doc,
      ENGINEER.replace('type: individual-contributor', 'type: individual-contribtor').replace('relationships:', 'relationship:'),
    );
    await waitForDiagnostics(doc.uri, () => ours(doc.uri).filter((d) => codeOf(d) === 'schema').length === 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      new vscode.Range(0, 0, 0, 0),
      'source.fixAll.handbookRoles',
    );
    const fixAll = actions.filter((a) => a.kind?.value === 'source.fixAll.handbookRoles');
    assert.strictEqual(fixAll.length, 1);
    assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit!));
    assert.strictEqual(doc.getText(), ENGINEER);
    await waitForDiagnostics(doc.uri, () => ours(doc.uri).length === 0);
  });

  it('a rename applied: the id everywhere (other Markdown too, with linksInAllMarkdown), then the handbook has no finding', async () => {
    await setting('handbookRoles.validation', 'linksInAllMarkdown', true);
    const doc = await openDoc('renaming/team-lead.md');
    const edit = await rename(doc, positionOf(doc, 'team-lead', 2), 'squad-lead');
    assert.deepStrictEqual(describeEdit(edit), [
      'renaming/engineer.md 8:11-8:20 → squad-lead',
      'renaming/engineer.md 12:18-12:27 → squad-lead',
      'renaming/notes.md 1:35-1:44 → squad-lead',
      'renaming/team-lead.md 2:7-2:16 → squad-lead',
    ]);
    const engineerUri = fixtureUri('renaming/engineer.md');
    const renamed = waitForState(
      exports.handbook.onDidChange,
      () =>
        exports.handbook.index.resolve('squad-lead') &&
        exports.handbook.index.get(engineerUri.toString())?.references.every((r) => r.name !== 'team-lead'),
      10_000,
      'the rename to reach the index',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await renamed;
    const engineer = vscode.workspace.textDocuments.find((d) => d.uri.toString() === engineerUri.toString())!;
    assert.strictEqual(
      engineer.getText(),
      ENGINEER.replace('with: team-lead', 'with: squad-lead').replace('[[team-lead|lead]]', '[[squad-lead|lead]]'),
    );
    assert.strictEqual(engineer.eol, vscode.EndOfLine.CRLF);
    for (const file of ['renaming/team-lead.md', 'renaming/engineer.md'])
      assert.deepStrictEqual(exports.handbook.index.findings(fixtureUri(file).toString()), [], file);
    await waitForDiagnostics(engineerUri, () => ours(engineerUri).length === 0);
  });
  it('with handbookRoles.rename.renameFile, renaming the id of a file named after it renames the file too', async () => {
    await setting('handbookRoles.rename', 'renameFile', true);
    const solo = fixtureUri('renaming/solo.md');
    const duo = fixtureUri('renaming/duo.md');
    const indexed = waitForState(
      exports.handbook.onDidChange,
      () => exports.handbook.index.resolve('solo'),
      10_000,
      'solo.md to be indexed',
    );
    await vscode.workspace.fs.writeFile(
      solo,
      new TextEncoder().encode('---\nrole: solo\ntitle: Solo\ntype: manager\nresponsibilities: [Work alone]\n---\n'),
    );
    await indexed;
    const doc = await openDoc(solo);
    const edit = await rename(doc, positionOf(doc, 'solo', 1), 'duo');
    const moved = waitForState(
      exports.handbook.onDidChange,
      () => exports.handbook.index.resolve('duo')?.uri === duo.toString(),
      10_000,
      'the renamed file in the index',
    );
    assert.ok(await vscode.workspace.applyEdit(edit));
    await moved;
    assert.ok(await exists(duo), 'duo.md exists');
    assert.ok(!(await exists(solo)), 'solo.md is gone');
    assert.strictEqual(
      vscode.workspace.textDocuments
        .find((d) => d.uri.toString() === duo.toString())
        ?.getText()
        .split('\n')[1],
      'role: duo',
    );
  });
});
