/**
 * "Handbook: New Role File…": asks for a title, an id (suggested from the title) and a type,
 * suggests a folder (the first workspace folder's roles/), creates `<id>.md` from the schema
 * scaffold through a WorkspaceEdit and opens it with the placeholder responsibility selected.
 * It never overwrites: when the file exists it says so and offers to open it.
 *
 * Arguments (for tests and other commands): `{ id, title, type, folder, summary, extends }`;
 * whatever is given is not asked for. `extends` (a role reference) starts the role as the next
 * level of that role: `extends` and `level` (one above it) filled in, its type and its folder as
 * the defaults. `folder` is a URI string or a path (absolute, or relative to the first
 * workspace folder). Resolves with `{ uri, created }`, or undefined when cancelled.
 */
import * as vscode from 'vscode';
import { roleIdProblem, roleTypeChoices, scaffoldRole, suggestRoleId, titleProblem, type Scaffold } from '../../core/scaffold';
import type { FeatureContext } from '../featureContext';
import type { HandbookWorkspace } from '../handbookWorkspace';
import { exists } from '../util/fs';
import { toVsRange } from '../util/ranges';
import { errorMessage } from '../../core/errors';

const ROLES_FOLDER = 'roles';
const STEPS = 4;

export interface NewRoleFileResult {
  uri: string;
  /** False when the file existed already (it was left untouched). */
  created: boolean;
}

interface NewRoleArgs {
  id?: string;
  title?: string;
  type?: string;
  summary?: string;
  folder?: string;
  extends?: string;
}

function parseArgs(arg: unknown): NewRoleArgs {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return {};
  const a = arg as Record<string, unknown>;
  const str = (k: string) => (typeof a[k] === 'string' ? a[k] : undefined);
  return { id: str('id'), title: str('title'), type: str('type'), summary: str('summary'), folder: str('folder'), extends: str('extends') };
}

/** Whether a workspace role (not a built-in stand-in) already claims a name. */
function nameTaken(handbook: HandbookWorkspace, name: string): boolean {
  const role = handbook.index.resolve(name);
  return !!role && !role.builtin;
}

function idMessage(handbook: HandbookWorkspace, id: string): string | undefined {
  switch (roleIdProblem(id, (n) => nameTaken(handbook, n))) {
    case 'empty':
      return vscode.l10n.t('Enter an id for the role.');
    case 'pattern':
      return vscode.l10n.t(
        'Use kebab-case: lower-case letters and digits separated by single hyphens, starting with a letter (e.g. "tech-lead").',
      );
    case 'taken':
      return vscode.l10n.t('The role "{0}" already exists in this handbook.', id);
    default:
      return undefined;
  }
}

function titleMessage(handbook: HandbookWorkspace, title: string): string | undefined {
  switch (titleProblem(title, (n) => nameTaken(handbook, n))) {
    case 'empty':
      return vscode.l10n.t("Enter the role's title.");
    case 'taken':
      return vscode.l10n.t('A role named "{0}" already exists in this handbook.', title.trim());
    default:
      return undefined;
  }
}

/** A folder argument: a URI string, an absolute path, or a path relative to the first folder. */
function folderFromArg(folder: string): vscode.Uri {
  if (/^[a-z][a-z0-9+.-]+:/i.test(folder) && !/^[a-z]:[\\/]/i.test(folder)) return vscode.Uri.parse(folder);
  if (folder.startsWith('/') || /^[a-z]:[\\/]/i.test(folder)) return vscode.Uri.file(folder);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) throw new Error(vscode.l10n.t('"{0}" is relative, but no folder is open.', folder));
  return vscode.Uri.joinPath(root, ...folder.split(/[\\/]/).filter(Boolean));
}

interface FolderItem extends vscode.QuickPickItem {
  uri?: vscode.Uri;
}

async function askFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const items: FolderItem[] = [];
  const seen = new Set<string>();
  const add = (uri: vscode.Uri, label: string, description: string) => {
    if (seen.has(uri.toString())) return;
    seen.add(uri.toString());
    items.push({ label, description, uri, iconPath: new vscode.ThemeIcon('folder') });
  };
  for (const f of folders) add(vscode.Uri.joinPath(f.uri, ROLES_FOLDER), `${ROLES_FOLDER}/`, f.name);
  const active = vscode.window.activeTextEditor?.document.uri;
  const activeFolder = active && vscode.workspace.getWorkspaceFolder(active);
  if (active && activeFolder) {
    const dir = vscode.Uri.joinPath(active, '..');
    add(dir, vscode.workspace.asRelativePath(dir, folders.length > 1) + '/', vscode.l10n.t('folder of the active file'));
  }
  items.push({ label: vscode.l10n.t('Choose a Folder…'), iconPath: new vscode.ThemeIcon('folder-opened') });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New Role File ({0}/{1})', 4, STEPS),
    placeHolder: vscode.l10n.t('Where to create the role file'),
  });
  if (!picked) return undefined;
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: items[0]?.uri ?? folders[0]?.uri,
    openLabel: vscode.l10n.t('Create Role File Here'),
  });
  return chosen?.[0];
}

async function openScaffold(uri: vscode.Uri, scaffold: Scaffold | undefined): Promise<void> {
  const selection = scaffold ? toVsRange(scaffold.placeholder) : undefined;
  await vscode.window.showTextDocument(uri, { preview: false, selection });
}

/** The command's handler: errors go to the caller when it passed arguments, else to a message. */
export function newRoleFileCommand(ctx: FeatureContext): (arg?: unknown) => Promise<NewRoleFileResult | undefined> {
  const { handbook } = ctx;

  const run = async (arg?: unknown): Promise<NewRoleFileResult | undefined> => {
    const args = parseArgs(arg);
    await handbook.ready;
    const parent = args.extends !== undefined ? handbook.index.resolve(args.extends) : undefined;
    if (args.extends !== undefined && (!parent || parent.builtin))
      throw new Error(vscode.l10n.t('No role named "{0}" in this handbook.', args.extends));

    // 1. Title (arguments are checked like typed input: a bad one is an error, not a prompt).
    let title = args.title;
    if (title === undefined) {
      title = await vscode.window.showInputBox({
        title: vscode.l10n.t('New Role File ({0}/{1})', 1, STEPS),
        prompt: vscode.l10n.t("The role's title, as people say it"),
        placeHolder: parent ? vscode.l10n.t('The level above {0}, e.g. Senior {0}', parent.title) : vscode.l10n.t('e.g. Staff Engineer'),
        ignoreFocusOut: true,
        validateInput: (v) => titleMessage(handbook, v),
      });
      if (title === undefined) return undefined;
    } else {
      const problem = titleMessage(handbook, title);
      if (problem) throw new Error(problem);
    }
    title = title.trim();

    // 2. Id, suggested from the title.
    let id = args.id;
    if (id === undefined) {
      const suggested = suggestRoleId(title);
      id = await vscode.window.showInputBox({
        title: vscode.l10n.t('New Role File ({0}/{1})', 2, STEPS),
        prompt: vscode.l10n.t("The role's id: kebab-case, unique in the handbook; it also names the file"),
        value: suggested,
        valueSelection: [0, suggested.length],
        ignoreFocusOut: true,
        validateInput: (v) => idMessage(handbook, v),
      });
      if (id === undefined) return undefined;
    } else {
      const problem = idMessage(handbook, id);
      if (problem) throw new Error(problem);
    }

    // 3. Type, from the schema.
    const choices = roleTypeChoices();
    let type = args.type ?? (parent?.type && choices.some((c) => c.value === parent.type) ? parent.type : undefined);
    if (type === undefined) {
      const picked = await vscode.window.showQuickPick(
        choices.map((c) => ({ label: c.value, detail: c.description })),
        { title: vscode.l10n.t('New Role File ({0}/{1})', 3, STEPS), placeHolder: vscode.l10n.t('The kind of role'), ignoreFocusOut: true },
      );
      if (!picked) return undefined;
      type = picked.label;
    } else if (!choices.some((c) => c.value === type)) {
      throw new Error(vscode.l10n.t('"{0}" is not a role type; use one of: {1}.', type, choices.map((c) => c.value).join(', ')));
    }

    const scaffold = scaffoldRole(
      { id, title, type, summary: args.summary, ...(parent ? { extends: parent.id, level: (parent.level?.value ?? 1) + 1 } : {}) },
      {
        responsibility: vscode.l10n.t('Describe one thing this role is responsible for'),
        body: vscode.l10n.t('Describe the role for people: what it is for and how it works with other roles.'),
      },
    );

    // 4. Folder. Without an open folder the role opens as an unsaved document.
    let folder: vscode.Uri | undefined;
    if (args.folder !== undefined) folder = folderFromArg(args.folder);
    else if (parent) folder = vscode.Uri.joinPath(vscode.Uri.parse(parent.uri), '..');
    else if (vscode.workspace.workspaceFolders?.length) {
      folder = await askFolder();
      if (!folder) return undefined;
    } else {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: scaffold.text });
      await vscode.window.showTextDocument(doc, { preview: false, selection: toVsRange(scaffold.placeholder) });
      return { uri: doc.uri.toString(), created: false };
    }

    const target = vscode.Uri.joinPath(folder, scaffold.fileName);
    if (await exists(target)) return existing(target);

    const edit = new vscode.WorkspaceEdit();
    // ignoreIfExists: a file that appeared since the check above is still never overwritten.
    edit.createFile(
      target,
      { ignoreIfExists: true, contents: new TextEncoder().encode(scaffold.text) },
      { label: vscode.l10n.t('New role file'), needsConfirmation: false },
    );
    if (!(await vscode.workspace.applyEdit(edit))) {
      throw new Error(vscode.l10n.t('Could not create {0}.', vscode.workspace.asRelativePath(target)));
    }
    const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    if (written !== scaffold.text) return existing(target); // someone else's file won the race
    await openScaffold(target, scaffold);
    ctx.log.info(`Created role file ${target.toString()}.`);
    return { uri: target.toString(), created: true };
  };

  const existing = (target: vscode.Uri): NewRoleFileResult => {
    const open = vscode.l10n.t('Open');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('{0} already exists; it was left unchanged.', vscode.workspace.asRelativePath(target)), open)
      .then((choice) => (choice === open ? openScaffold(target, undefined) : undefined));
    return { uri: target.toString(), created: false };
  };

  return async (arg?: unknown) => {
    try {
      return await run(arg);
    } catch (e) {
      // Called with arguments (a test, another command): the caller gets the error.
      if (typeof arg === 'object' && arg !== null) throw e;
      void vscode.window.showErrorMessage(errorMessage(e));
      return undefined;
    }
  };
}

/** "New Role File as Next Level…": on a role (a tree node, or a role reference), a new role file that extends it. */
export function newNextLevelCommand(ctx: FeatureContext): (arg?: unknown) => Promise<NewRoleFileResult | undefined> {
  const create = newRoleFileCommand(ctx);
  return async (arg?: unknown) => {
    const ref = typeof arg === 'string' ? arg : (arg as { role?: { id?: unknown } } | undefined)?.role?.id;
    if (typeof ref !== 'string') return create();
    try {
      return await create({ extends: ref });
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
      return undefined;
    }
  };
}
