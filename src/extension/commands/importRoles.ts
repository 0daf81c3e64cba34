/**
 * "Handbook: Import Roles from Page…": turns the active prose page into role files. It shows what
 * would be created in a preview document first, with the lists the import left out and why;
 * the user may include some of them before writing. It writes only after the user confirms,
 * never overwrites an existing file, then opens the new files.
 */
import * as vscode from 'vscode';
import { importPage, renderRoleFile, type ImportedRole, type SkippedList } from '../../core/import';
import type { FeatureContext } from '../featureContext';
import { exists } from '../util/fs';

/** Arguments for tests and other extensions; people use the active editor and the dialogs. */
export interface ImportArgs {
  /** The page to import (default: the active Markdown editor). */
  page?: vscode.Uri;
  /** Folder to write into (default: `roles/` in the page's workspace folder). */
  folder?: vscode.Uri;
  /** Skip the confirmation dialog: the caller has confirmed already. */
  confirmed?: boolean;
  /** Lines of left-out lists to take as duties (what the user picks in the dialog). */
  include?: number[];
}

export interface ImportOutcome {
  roles: ImportedRole[];
  preview?: vscode.Uri;
  created: vscode.Uri[];
  /** Files that already existed and were left as they were. */
  skipped: vscode.Uri[];
  /** Roles that could not become valid files (no responsibilities). */
  invalid: string[];
  /** Lists the import left out (after the included ones were taken). */
  leftOut: SkippedList[];
  /** Lines of the left-out lists that were included. */
  included: number[];
}

function defaultFolder(page: vscode.Uri): vscode.Uri | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(page) ?? vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, 'roles') : undefined;
}

/** A Markdown table cell: one line, no pipe. */
function cell(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

function skippedText(skipped: readonly SkippedList[]): string[] {
  if (!skipped.length) return [];
  return [
    `## ${vscode.l10n.t('Lists left out ({0})', skipped.length)}`,
    '',
    vscode.l10n.t(
      'These lists were not taken as responsibilities. Pick any of them in the dialog that follows to include it before the files are written.',
    ),
    '',
    `| ${vscode.l10n.t('Line')} | ${vscode.l10n.t('Role')} | ${vscode.l10n.t('Where')} | ${vscode.l10n.t('First item')} | ${vscode.l10n.t('Why')} | ${vscode.l10n.t('Rule')} |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...skipped.map(
      (s) => `| ${s.line} | ${cell(s.role ?? '')} | ${cell(s.context)} | ${cell(s.first)} | ${cell(s.reason)} | \`${s.rule}\` |`,
    ),
    '',
  ];
}

function previewText(
  pageName: string,
  folder: vscode.Uri,
  plan: { role: ImportedRole; target: vscode.Uri; state: 'new' | 'exists' | 'invalid'; text: string }[],
  skipped: readonly SkippedList[],
  included: readonly number[],
): string {
  const rows = plan.map(({ role, target, state }) => {
    const what =
      state === 'new'
        ? vscode.l10n.t('create')
        : state === 'exists'
          ? vscode.l10n.t('exists: left as it is')
          : vscode.l10n.t('skipped: no responsibilities found');
    const name = vscode.workspace.asRelativePath(target, false);
    return `| ${role.title.replace(/\|/g, '\\|')} | \`${name}\` | ${role.responsibilities.length} | ${role.successCriteria.length} | ${what} |`;
  });
  const files = plan
    .filter((p) => p.state === 'new')
    .map((p) => `## ${vscode.workspace.asRelativePath(p.target, false)}\n\n~~~~markdown\n${p.text.replace(/~~~~/g, '~ ~ ~ ~')}~~~~\n`);
  return [
    `# ${vscode.l10n.t('Import preview: {0}', pageName)}`,
    '',
    vscode.l10n.t('Nothing is written until you confirm. Target folder: {0}', vscode.workspace.asRelativePath(folder, false)),
    '',
    `| ${vscode.l10n.t('Role')} | ${vscode.l10n.t('File')} | ${vscode.l10n.t('Responsibilities')} | ${vscode.l10n.t('Success criteria')} | ${vscode.l10n.t('Action')} |`,
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...(included.length ? [vscode.l10n.t('Included lists left out by the import, at lines: {0}', included.join(', ')), ''] : []),
    ...skippedText(skipped),
    ...files,
  ].join('\n');
}

/** The command's handler. */
export const importRolesCommand =
  (ctx: FeatureContext) =>
  async (args?: ImportArgs | vscode.Uri): Promise<ImportOutcome | undefined> => {
    const options: ImportArgs = args instanceof vscode.Uri ? { page: args } : (args ?? {});
    const pageUri = options.page ?? vscode.window.activeTextEditor?.document.uri;
    if (!pageUri) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open the handbook page to import first.'));
      return undefined;
    }
    const doc = await vscode.workspace.openTextDocument(pageUri);
    const pageName = vscode.workspace.asRelativePath(pageUri, false);
    const folder = options.folder ?? defaultFolder(pageUri);
    let included = [...(options.include ?? [])];
    const run = async () => {
      const result = importPage(doc.getText(), { sourceName: pageName, explain: true, include: included });
      const plan = folder
        ? await Promise.all(
            result.roles.map(async (role) => {
              const target = vscode.Uri.joinPath(folder, `${role.role}.md`);
              const state: 'new' | 'exists' | 'invalid' =
                role.responsibilities.length === 0 ? 'invalid' : (await exists(target)) ? 'exists' : 'new';
              return { role, target, state, text: state === 'invalid' ? '' : renderRoleFile(role, { sourceName: pageName }) };
            }),
          )
        : [];
      return { result, plan, skipped: result.explanation?.skipped ?? [] };
    };
    let { result, plan, skipped } = await run();
    if (result.roles.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No roles found in {0}.', pageName));
      return { roles: [], created: [], skipped: [], invalid: [], leftOut: skipped, included };
    }
    if (!folder) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder to import roles into.'));
      return undefined;
    }
    const show = async () => {
      const preview = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: previewText(pageName, folder, plan, skipped, included),
      });
      await vscode.window.showTextDocument(preview, { preview: true, preserveFocus: false });
      return preview.uri;
    };
    let previewUri = await show();
    // Interactive runs: offer the lists left out, so that the user can include some before writing.
    if (!options.confirmed && skipped.length) {
      const picks = await vscode.window.showQuickPick(
        skipped.map((s) => ({
          label: vscode.l10n.t('Line {0}: {1}', s.line, s.first),
          description: s.role,
          detail: `${s.context}: ${s.reason}`,
          line: s.line,
        })),
        {
          canPickMany: true,
          title: vscode.l10n.t('Include lists the import left out?'),
          placeHolder: vscode.l10n.t('Pick lists to take as responsibilities, or press Enter to keep them out'),
        },
      );
      if (picks === undefined)
        return { roles: result.roles, created: [], skipped: [], invalid: [], leftOut: skipped, included, preview: previewUri };
      if (picks.length) {
        included = [...included, ...picks.map((p) => p.line)];
        ({ result, plan, skipped } = await run());
        previewUri = await show();
      }
    }
    const outcome: ImportOutcome = {
      roles: result.roles,
      created: [],
      skipped: plan.filter((p) => p.state === 'exists').map((p) => p.target),
      invalid: plan.filter((p) => p.state === 'invalid').map((p) => p.role.role),
      leftOut: skipped,
      included,
      preview: previewUri,
    };
    const toCreate = plan.filter((p) => p.state === 'new');
    if (toCreate.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Every role of {0} already has a file; nothing to create.', pageName));
      return outcome;
    }
    if (!options.confirmed) {
      const create = vscode.l10n.t('Create {0} Files', toCreate.length);
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('Create {0} role files in {1}?', toCreate.length, vscode.workspace.asRelativePath(folder, false)),
        { modal: true, detail: vscode.l10n.t('Existing files are never overwritten.') },
        create,
      );
      if (answer !== create) return outcome;
    }
    const edit = new vscode.WorkspaceEdit();
    for (const p of toCreate)
      edit.createFile(p.target, { contents: new TextEncoder().encode(p.text), overwrite: false, ignoreIfExists: true });
    if (!(await vscode.workspace.applyEdit(edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('The role files could not be created.'));
      return outcome;
    }
    await Promise.all(toCreate.map((p) => vscode.workspace.save(p.target).then(undefined, () => undefined)));
    outcome.created = toCreate.map((p) => p.target);
    ctx.log.info(`Imported ${outcome.created.length} roles from ${pageName}.`);
    for (const uri of outcome.created) await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: true });
    return outcome;
  };
