/**
 * The edits of a rename and of "Fix all", loaded on first use (src/extension/util/lazy.ts): both
 * run only on an explicit action, so activation does not pay for the rename planner and the
 * fixer. The features (rename.ts, fixAll.ts) stay the ones that register the providers.
 */
import * as vscode from 'vscode';
import { fixAllEdits } from '../../core/language/fixAll';
import { planRename, renameEdits } from '../../core/language/rename';
import { Cancelled, isRefusal, type NameTarget } from '../../core/language/roleAt';
import type { FeatureContext } from '../featureContext';
import { exists } from '../util/fs';
import { toVsRange } from '../util/ranges';
import { otherMarkdown, readTexts, refusalMessage } from '../util/roleTexts';

/**
 * The WorkspaceEdit of renaming the name at `target` to `newName`; throws (with a message for
 * people) when the rename is refused; undefined when cancelled.
 */
export async function renameEdit(
  ctx: FeatureContext,
  target: NameTarget,
  newName: string,
  renameFile: boolean,
  token: vscode.CancellationToken,
): Promise<vscode.WorkspaceEdit | undefined> {
  const { handbook } = ctx;
  const plan = planRename(handbook.index, target, newName);
  if (isRefusal(plan)) throw new Error(refusalMessage(plan));
  const [texts, others] = await Promise.all([readTexts(plan.files, token), otherMarkdown(handbook, token)]);
  if (token.isCancellationRequested) return undefined;
  let result;
  try {
    result = renameEdits(plan, (u) => texts.get(u), others, { renameFile }, token);
  } catch (e) {
    if (e instanceof Cancelled) return undefined;
    throw e;
  }
  if (isRefusal(result)) throw new Error(refusalMessage(result));
  const edit = new vscode.WorkspaceEdit();
  // The file is renamed first, and its edits address the new name: a WorkspaceEdit that comes back
  // through the editor's commands applies file operations before text edits.
  let moved: { from: string; to: vscode.Uri } | undefined;
  if (result.fileRename) {
    const to = vscode.Uri.parse(result.fileRename.to);
    // Never over another file: then the role is renamed, its file is not.
    if (!(await exists(to))) {
      edit.renameFile(vscode.Uri.parse(result.fileRename.from), to, { overwrite: false });
      moved = { from: result.fileRename.from, to };
    } else ctx.log.info(`Rename: ${result.fileRename.to} exists; the role file keeps its name.`);
  }
  for (const file of result.files) {
    const uri = moved && file.uri === moved.from ? moved.to : vscode.Uri.parse(file.uri);
    for (const e of file.edits) edit.replace(uri, toVsRange(e.range), e.newText);
  }
  return edit;
}

/** The certain fixes of a role document as one WorkspaceEdit, or undefined when there is none. */
export function fixAllEdit(doc: vscode.TextDocument, forceRoleFile: boolean): vscode.WorkspaceEdit | undefined {
  const edits = fixAllEdits(doc.uri.toString(), doc.getText(), { forceRoleFile });
  if (edits.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(doc.uri, toVsRange(e.range), e.newText);
  return edit;
}
