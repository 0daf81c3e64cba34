/** Completion: keys with snippets, enum values, role names in references and inside [[ ]]. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, openDoc, setText } from '../helpers';
import { positionOf } from './support';

const SCRATCH = 'roles/scratch.md';

async function complete(
  doc: vscode.TextDocument,
  position: vscode.Position,
  kind: vscode.CompletionItemKind,
): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
  // The Markdown extension and word-based suggestions join the list: keep the kind ours use.
  return list.items.filter((i) => i.kind === kind);
}

const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
const insert = (i: vscode.CompletionItem) => (typeof i.insertText === 'string' ? i.insertText : i.insertText?.value);

describe('completion', () => {
  before(async () => {
    await api();
  });
  afterEach(closeAllEditors);

  it('frontmatter keys not yet present, with schema snippets and docs', async () => {
    const doc = await openDoc(SCRATCH);
    await setText(doc, doc.getText().replace('title: Scratch\n', 'title: Scratch\n\n'));
    const items = await complete(doc, new vscode.Position(3, 0), vscode.CompletionItemKind.Property);
    const labels = items.map(label);
    for (const k of ['summary', 'aliases', 'focus', 'successCriteria', 'sharesSuccessCriteriaOf', 'relationships'])
      assert.ok(labels.includes(k), `${k} missing from ${labels.join(', ')}`);
    for (const k of ['role', 'title', 'type', 'responsibilities']) assert.ok(!labels.includes(k), `${k} is already present`);
    const rel = items.find((i) => label(i) === 'relationships')!;
    assert.ok(rel.insertText instanceof vscode.SnippetString);
    assert.strictEqual(insert(rel), 'relationships:\n  - with: $1\n    kind: ${2|symbiotic,reports-to,manages,peer,advises|}');
    assert.match((rel.documentation as vscode.MarkdownString).value, /How the role relates to other roles/);
    assert.ok(doc.isDirty, 'completion must work on unsaved text');
  });

  it('enum values after type:', async () => {
    const doc = await openDoc(SCRATCH);
    await setText(doc, doc.getText().replace('type: manager', 'type: ma'));
    const items = await complete(doc, positionOf(doc, 'type: ma', 8), vscode.CompletionItemKind.EnumMember);
    assert.deepStrictEqual(items.map(label), ['executive', 'manager', 'individual-contributor']);
    const range = items[1].range as vscode.Range;
    assert.strictEqual(doc.getText(range), 'ma');
  });

  it("role names in a relationship, without the file's own role", async () => {
    const doc = await openDoc(SCRATCH);
    await setText(doc, doc.getText().replace('---\n\n#', 'relationships:\n  - with: \n---\n\n#'));
    const items = await complete(doc, positionOf(doc, '  - with: ', 10), vscode.CompletionItemKind.Reference);
    const labels = items.map(label);
    for (const n of ['cto', 'Chief Technology Officer', 'head-of-engineering', 'Head of Engineering', 'HoE', 'hostile'])
      assert.ok(labels.includes(n), `${n} missing from ${labels.join(', ')}`);
    assert.ok(!labels.includes('scratch') && !labels.includes('Scratch'), 'a role does not relate to itself');
  });

  it('role names inside [[ ]] in a Markdown file that is not a role file, closing the link', async () => {
    const doc = await openDoc('notes/meeting.md');
    await setText(doc, doc.getText() + '\nAsk the [[He');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    const items = await complete(doc, end, vscode.CompletionItemKind.Reference);
    const hoe = items.find((i) => label(i) === 'Head of Engineering');
    assert.ok(hoe, `no "Head of Engineering" among ${items.map(label).join(', ')}`);
    assert.strictEqual(insert(hoe), 'Head of Engineering]]');
    assert.strictEqual(doc.getText(hoe.range as vscode.Range), 'He');
  });

  it('no role names in fenced code', async () => {
    const doc = await openDoc('notes/meeting.md');
    await setText(doc, doc.getText().replace('[[Nobody]] inside', '[[ inside'));
    const items = await complete(doc, positionOf(doc, '[[ inside', 2), vscode.CompletionItemKind.Reference);
    assert.deepStrictEqual(items.map(label), []);
  });
});
