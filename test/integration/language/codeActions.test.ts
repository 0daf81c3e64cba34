/** Quick fixes: each applied through its WorkspaceEdit makes the diagnostic go away. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, closeAllEditors, codeOf, describeDiagnostics, openDoc, setText, waitForDiagnostics } from '../helpers';

const SCRATCH = 'roles/scratch.md';
const VALID = [
  '---',
  'role: scratch',
  'title: Scratch',
  'type: manager',
  'responsibilities:',
  '  - Be rewritten by tests',
  '---',
  '',
  '# Scratch',
  '',
].join('\n');

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'handbook-roles');

/**
 * Writes `text` (unsaved), waits for a diagnostic with `code` (and a message matching `message`),
 * and returns the quick fixes offered on its range.
 */
async function fixesFor(doc: vscode.TextDocument, text: string, code: string, message = /./): Promise<vscode.CodeAction[]> {
  await setText(doc, text);
  const match = (d: vscode.Diagnostic) => d.source === 'handbook-roles' && codeOf(d) === code && message.test(d.message);
  const diagnostics = await waitForDiagnostics(doc.uri, () => ours(doc.uri).some(match));
  const diagnostic = diagnostics.find(match)!;
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value);
}

/** Applies the action titled `title` and waits until the document has no diagnostic of ours. */
async function apply(doc: vscode.TextDocument, actions: vscode.CodeAction[], title: string): Promise<void> {
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(action.edit, `"${title}" has no WorkspaceEdit`);
  assert.ok(await vscode.workspace.applyEdit(action.edit), `"${title}" could not be applied`);
  await waitForDiagnostics(doc.uri, () => ours(doc.uri).length === 0).catch(() => {
    assert.fail(`after "${title}": ${describeDiagnostics(ours(doc.uri))}\n${doc.getText()}`);
  });
}

describe('quick fixes', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    await api();
  });
  beforeEach(async () => {
    doc = await openDoc(SCRATCH);
  });
  afterEach(closeAllEditors);

  it('unknown key → the close known key', async () => {
    const actions = await fixesFor(doc, VALID.replace('responsibilities:', 'responsibilites:'), 'schema', /Unknown key/);
    await apply(doc, actions, 'Change to "responsibilities"');
    assert.strictEqual(doc.getText(), VALID);
  });

  it('bad enum value → each allowed value, the close one preferred', async () => {
    const actions = await fixesFor(doc, VALID.replace('type: manager', 'type: manger'), 'schema');
    // VS Code lists the preferred fix first.
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      ['Change to "manager"', 'Change to "executive"', 'Change to "individual-contributor"'],
    );
    assert.deepStrictEqual(
      actions.filter((a) => a.isPreferred).map((a) => a.title),
      ['Change to "manager"'],
    );
    await apply(doc, actions, 'Change to "individual-contributor"');
    assert.strictEqual(doc.getText(), VALID.replace('type: manager', 'type: individual-contributor'));
  });

  it('missing required key → inserted', async () => {
    const actions = await fixesFor(doc, VALID.replace('title: Scratch\n', ''), 'schema');
    await apply(doc, actions, 'Add "title"');
    assert.match(doc.getText(), /\ntitle: Scratch\n---\n/);
  });

  it('unknown role → the nearest role', async () => {
    const actions = await fixesFor(
      doc,
      VALID.replace('---\n\n#', 'sharesSuccessCriteriaOf: [head-of-enginering]\n---\n\n#'),
      'unknown-role',
    );
    assert.strictEqual(actions.find((a) => a.isPreferred)?.title, 'Change to "head-of-engineering"');
    await apply(doc, actions, 'Change to "head-of-engineering"');
    assert.match(doc.getText(), /sharesSuccessCriteriaOf: \[head-of-engineering\]/);
  });

  it('unresolved [[link]] → the nearest role, keeping the label', async () => {
    const actions = await fixesFor(doc, VALID + '\nAsk the [[Head of Enginering|head]].\n', 'unresolved-link');
    await apply(doc, actions, 'Change to "Head of Engineering"');
    assert.match(doc.getText(), /Ask the \[\[Head of Engineering\|head\]\]\./);
  });

  it('an id that is not kebab-case → its kebab-case form', async () => {
    const actions = await fixesFor(doc, VALID.replace('role: scratch', 'role: Scratch_Pad'), 'schema');
    await apply(doc, actions, 'Change to kebab-case "scratch-pad"');
    assert.match(doc.getText(), /^---\nrole: scratch-pad\n/);
  });

  it('missing frontmatter → a role template, valid at once', async () => {
    const actions = await fixesFor(doc, '# Site Reliability Engineer\n\nKeeps things up.\n', 'frontmatter-missing');
    await apply(doc, actions, 'Add a role frontmatter');
    assert.match(doc.getText(), /^---\nrole: site-reliability-engineer\ntitle: Site Reliability Engineer\ntype: individual-contributor\n/);
  });
});
