/**
 * The packaged extension in the browser's web worker extension host (the one vscode.dev uses),
 * on a copy of test/fixtures/workspace-roles: it activates there from the installed .vsix (its
 * `browser` bundle, nothing Node), the Roles tree fills, diagnostics appear, Find Role and Compare
 * work, and the git-backed commands say they are not available here instead of failing.
 *
 * The extension runs in ExtensionMode.Production (installed, not under development), so it has
 * no test API: the tests use its commands' results, VS Code's API and, for what only the page
 * shows, the harness (harness.ts).
 */
import * as vscode from 'vscode';
import type { CompareViewModel } from '../../src/core/protocol/compareProtocol';
import type { ResponsibilityMap } from '../../src/core/map/types';
import type { OrgChart } from '../../src/core/protocol/orgProtocol';
import type { HandbookRolesApi } from '../../src/extension/activate';
import type { FoundRole } from '../../src/extension/commands/findRole';
import { ROLES_TREE_ROWS } from '../support/workspaceRoles';
import { expectPage } from './harness';
import { equal, ok, test, within } from './runner';
import { EXTENSION_ID, startup } from './state';

const WAIT_MS = 20_000;

/** What `handbook-lint --format json` reports for the broken fixtures (as in the Node host). */
const BROKEN: Record<string, string[]> = {
  'roles/broken/no-frontmatter.md': ['frontmatter-missing 1:1-1:16 error'],
  'roles/broken/schema-error.md': ['schema 4:7-4:13 error'],
  'roles/broken/unknown-reference.md': ['unknown-role 8:11-8:23 error', 'unresolved-link 14:16-14:32 warning'],
  'roles/broken/yaml-syntax.md': ['yaml-syntax 4:1-4:5 error'],
};

/** The one sentence both git-backed commands answer with in this host (src/extension/util/git.ts). */
const NO_GIT_HERE =
  'Comparing with git revisions needs git, which this editor cannot run here (the browser extension host). Open the folder in desktop VS Code or a remote/server window.';

function extension(): vscode.Extension<HandbookRolesApi> {
  // getExtension answers from this extension host's registry only: found here means it runs here.
  const ext = vscode.extensions.getExtension<HandbookRolesApi>(EXTENSION_ID);
  ok(ext, `${EXTENSION_ID} is not in the web worker extension host`);
  return ext;
}

async function api(): Promise<HandbookRolesApi> {
  const exports = await extension().activate();
  await exports.indexed();
  return exports;
}

function fileUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'no workspace folder');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** `code line:col-line:col severity` (1-based), as handbook-lint prints them. */
function brief(d: vscode.Diagnostic): string {
  const r = d.range;
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  const severity = ['error', 'warning', 'information', 'hint'][d.severity];
  return `${String(code)} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${severity}`;
}

const ours = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'handbook-roles')
    .map(brief);

/** Resolves once `condition` holds, checking now and on each firing of `event`. */
function when(event: vscode.Event<unknown>, condition: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  if (condition()) return Promise.resolve();
  let listener: vscode.Disposable | undefined;
  const reached = new Promise<void>((resolve) => {
    listener = event(() => {
      if (condition()) resolve();
    });
  });
  return within(reached, timeoutMs, `waiting for ${what}`).finally(() => listener?.dispose());
}

async function expectDiagnostics(relative: string, expected: string[]): Promise<void> {
  const uri = fileUri(relative);
  const key = JSON.stringify(expected);
  await when(vscode.languages.onDidChangeDiagnostics, () => JSON.stringify(ours(uri)) === key, `the diagnostics of ${relative}`).catch(() =>
    equal(ours(uri), expected, `diagnostics of ${relative}`),
  );
}

test('activates from the installed .vsix in the web worker host, where nothing of Node exists', async () => {
  const global = globalThis as Record<string, unknown>;
  equal(typeof global.process, 'undefined', "Node's process object");
  equal(typeof global.require, 'undefined', "Node's require");
  equal(typeof global.importScripts, 'function', "a web worker's importScripts");
  const ext = extension();
  equal(ext.extensionKind, vscode.ExtensionKind.UI, 'where the extension runs (UI: the browser side)');
  const version = (ext.packageJSON as { version: string }).version;
  ok(
    ext.extensionUri.path.endsWith(`/${EXTENSION_ID}-${version}`),
    `loaded from ${ext.extensionUri.toString()}, not from the installed ${EXTENSION_ID}-${version}`,
  );
  equal((ext.packageJSON as { browser?: string }).browser, './dist/web/extension.js', 'the entry this host loads');
  ok(startup.activeAtStart, 'the workspace with role files should have activated it (workspaceContains)');
  const exports = await ext.activate();
  equal(typeof exports.activationMs, 'number', 'activate() reports activationMs');
  // Installed, not under development: ExtensionMode.Production keeps the test handles unexported.
  equal(exports.testing, undefined, 'the test API');
  equal(await exports.indexed(), 7, 'role files indexed from the workspace');
  // What the workbench itself reports: one Handbook Roles, running in the web worker host (the
  // server's Node host would show its address instead).
  await vscode.commands.executeCommand('workbench.action.showRuntimeExtensions');
  await expectPage('runningExtensions', { name: 'Handbook Roles', rows: ['Handbook Roles | web worker'] }, ['Handbook Roles | web worker']);
  console.log(`[handbook] activationMs=${exports.activationMs.toFixed(1)} (web worker host, installed .vsix, workspaceContains)`);
});

test('the Roles tree fills from the workspace', async () => {
  await api();
  await vscode.commands.executeCommand('workbench.view.extension.handbook');
  await expectPage('tree', { rows: ROLES_TREE_ROWS }, ROLES_TREE_ROWS);
});

test('diagnostics appear for the broken role files, with the CLI codes and exact ranges, unopened', async () => {
  await api();
  for (const [file, expected] of Object.entries(BROKEN)) await expectDiagnostics(file, expected);
  for (const file of ['roles/engineering-manager.md', 'roles/tech-lead.md', 'roles/vp-engineering.md']) await expectDiagnostics(file, []);
});

test('an unsaved edit updates the diagnostics live', async () => {
  await api();
  const doc = await vscode.workspace.openTextDocument(fileUri('roles/broken/schema-error.md'));
  const editor = await vscode.window.showTextDocument(doc);
  const start = doc.getText().indexOf('type: wizard');
  ok(start >= 0, 'the fixture has "type: wizard"');
  const edited = await editor.edit((e) =>
    e.replace(new vscode.Range(doc.positionAt(start), doc.positionAt(start + 'type: wizard'.length)), 'type: manager\nfocus: 3'),
  );
  ok(edited, 'the edit was refused');
  await expectDiagnostics('roles/broken/schema-error.md', ['schema 5:8-5:9 error']);
  ok(doc.isDirty, 'the edit should be unsaved');
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await expectDiagnostics('roles/broken/schema-error.md', BROKEN['roles/broken/schema-error.md']);
});

test('Find Role finds a role by a responsibility, and through its quick pick', async () => {
  await api();
  const found = await vscode.commands.executeCommand<FoundRole[]>('handbookRoles.findRole', {
    query: 'architecture decisions',
    limit: 1,
  });
  equal(
    found.map((r) => [r.id, r.match?.kind, r.match?.text, r.uri]),
    [
      [
        'tech-lead',
        'responsibility',
        "Own the team's architecture decisions and write them down",
        fileUri('roles/tech-lead.md').toString(),
      ],
    ],
    'Find Role "architecture decisions"',
  );
  // The palette's way: the quick pick opens empty, a person types and presses Enter.
  const picked = Promise.resolve(vscode.commands.executeCommand<FoundRole | undefined>('handbookRoles.findRole'));
  await expectPage('quickPick', { type: 'release captain', first: 'Release Captain' }, ['Release Captain']);
  const role = await within(picked, WAIT_MS, 'the picked role');
  equal(role?.id, 'release-captain', 'the role picked');
  await when(
    vscode.window.onDidChangeActiveTextEditor,
    () => vscode.window.activeTextEditor?.document.uri.toString() === fileUri('roles/broken/schema-error.md').toString(),
    'the picked role to open',
  );
  equal(vscode.window.activeTextEditor?.selection.start.line, 2, 'the line it opens at (its title)');
});

test('Compare opens its webview with the two roles', async () => {
  await api();
  const model = await vscode.commands.executeCommand<CompareViewModel>('handbookRoles.compareRoles', 'EM', 'tech-lead');
  ok(model.comparison, `no comparison: ${model.missing ?? ''}`);
  equal([model.comparison.left.title, model.comparison.right.title], ['Engineering Manager', 'Tech Lead'], 'the roles compared');
  const tab = () => vscode.window.tabGroups.activeTabGroup.activeTab;
  await when(vscode.window.tabGroups.onDidChangeTabs, () => tab()?.label === 'Compare: EM ↔ TL', 'the comparison tab');
  const input = tab()?.input;
  ok(input instanceof vscode.TabInputWebview, 'the comparison tab should be a webview');
  ok(input.viewType.endsWith('handbookRoles.compare'), `the webview's type is ${input.viewType}`);
  // The page itself, rendered in the browser: one heading per role.
  // (The reply lists each frame's headings: the page's frame should be among them.)
  await expectPage('webview', { headings: ['Engineering Manager', 'Tech Lead'] }, [['Engineering Manager', 'Tech Lead']]);
});

test('Go to Definition and hover on a role reference', async () => {
  await api();
  const doc = await vscode.workspace.openTextDocument(fileUri('roles/engineering-manager.md'));
  const at = doc.positionAt(doc.getText().indexOf('with: tech-lead') + 'with: tech'.length);
  type Definition = vscode.Location | vscode.LocationLink;
  const found = (await vscode.commands.executeCommand<Definition[]>('vscode.executeDefinitionProvider', doc.uri, at)) ?? [];
  equal(
    found.map((d) => {
      const [uri, r] = 'targetUri' in d ? [d.targetUri, d.targetSelectionRange ?? d.targetRange] : [d.uri, d.range];
      return `${uri.toString()} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
    }),
    [`${fileUri('roles/tech-lead.md').toString()} 2:7-2:16`],
    'the definition of "tech-lead"',
  );
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
  const text = hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
  // The role's card, as in the Node host: its title, then its summary (Markdown-escaped).
  ok(/^\*\*Tech Lead\*\*/.test(text) && text.includes('Owns the technical direction of one team\\.'), `the hover says: ${text}`);
});

test('the responsibility map builds without worker threads', async () => {
  await api();
  const map = await vscode.commands.executeCommand<ResponsibilityMap>('handbookRoles.showResponsibilityMap');
  equal(
    map.roles.map((r) => r.id),
    ['engineering-manager', 'on-call-engineer', 'release-captain', 'scrum-master', 'tech-lead', 'vp-engineering'],
    'the roles on the map',
  );
  ok(map.items.length > 0, 'the map has no items');
});

test('the org chart lays out the reporting line in its webview', async () => {
  await api();
  const chart = await vscode.commands.executeCommand<OrgChart>('handbookRoles.showOrgChart');
  equal(
    chart.cards.map((c) => c.title).sort(),
    ['Engineering Manager', 'VP of Engineering'],
    'the cards (the one reporting line: the EM reports to the VPE)',
  );
  equal(chart.edges.length, 1, 'the lines');
  const tab = () => vscode.window.tabGroups.activeTabGroup.activeTab;
  await when(
    vscode.window.tabGroups.onDidChangeTabs,
    () =>
      tab()?.input instanceof vscode.TabInputWebview &&
      (tab()?.input as vscode.TabInputWebview).viewType.endsWith('handbookRoles.orgChart'),
    'the org chart tab',
  );
});

test('"Compare Handbook with…" says git is not available in the browser host', async () => {
  await api();
  const answer = await vscode.commands.executeCommand<{ unavailable?: string }>('handbookRoles.compareHandbookWith');
  equal(answer, { unavailable: NO_GIT_HERE }, 'what the command resolves to');
  await expectPage('notification', { message: NO_GIT_HERE }, [NO_GIT_HERE]);
});

test('"Compare with HEAD" on a role file says git is not available in the browser host', async () => {
  await api();
  await vscode.window.showTextDocument(fileUri('roles/tech-lead.md'));
  const answer = await vscode.commands.executeCommand<{ unavailable?: string }>('handbookRoles.compareWithHead');
  equal(answer, { unavailable: NO_GIT_HERE }, 'what the command resolves to');
  await expectPage('notification', { message: NO_GIT_HERE }, [NO_GIT_HERE]);
});
