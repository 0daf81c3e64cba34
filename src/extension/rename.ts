/**
 * Rename (F2) of a role's name (its id, title or an alias) from any place that names it: the
 * declaration, a frontmatter reference or a `[[link]]`. The engine (core/language/rename) plans
 * the rename, names the files to read and computes one set of edits; this adapter reads the files
 * (open editors first), turns the edits into a WorkspaceEdit and, behind a setting, renames the
 * role file along with its id.
 */
import * as vscode from 'vscode';
import { unlessCancelled } from '../core/cancellation';
import { isRefusal, nameTargetAt, type NameTarget } from '../core/language/roleAt';
import type { Feature } from './featureContext';
import { EDITABLE_MARKDOWN } from './util/language';
import { once } from './util/lazy';
import { toVsRange } from './util/ranges';
import { exists } from './util/fs';
import { otherMarkdown, readTexts, refusalMessage } from './util/roleTexts';
import { setting } from './util/settings';

/** The rename planner and its edits, loaded on the first rename (src/extension/lazyModules.json). */
const loadRename = once(() => require('../core/language/rename') as typeof import('../core/language/rename'));

function renameFileSetting(): boolean {
  return setting('rename.renameFile');
}

export const registerRename: Feature = (ctx) => {
  const { handbook } = ctx;
  const targetAt = (doc: vscode.TextDocument, position: vscode.Position) => {
    // The engine reads the index: a pending (debounced) edit of this document must be in it.
    if (handbook.index.has(doc.uri.toString())) handbook.syncDocument(doc);
    return nameTargetAt(
      handbook.index,
      doc.uri.toString(),
      doc.getText(),
      position.line + 1,
      position.character + 1,
      handbook.isRoleDocument(doc),
    );
  };

  return vscode.languages.registerRenameProvider(EDITABLE_MARKDOWN, {
    async prepareRename(doc, position, token) {
      await handbook.ready;
      if (token.isCancellationRequested) return undefined;
      const target = targetAt(doc, position);
      if (isRefusal(target)) throw new Error(refusalMessage(target));
      return { range: toVsRange(target.range), placeholder: target.placeholder };
    },

    async provideRenameEdits(doc, position, newName, token) {
      await handbook.ready;
      if (token.isCancellationRequested) return undefined;
      const target = targetAt(doc, position);
      if (isRefusal(target)) throw new Error(refusalMessage(target));
      return renameEdit(target, newName, token);
    },
  });

  /**
   * The WorkspaceEdit of renaming the name at `target` to `newName`; throws (with a message for
   * people) when the rename is refused; undefined when cancelled.
   */
  async function renameEdit(
    target: NameTarget,
    newName: string,
    token: vscode.CancellationToken,
  ): Promise<vscode.WorkspaceEdit | undefined> {
    const { planRename, renameEdits } = loadRename();
    const plan = planRename(handbook.index, target, newName);
    if (isRefusal(plan)) throw new Error(refusalMessage(plan));
    const [texts, others] = await Promise.all([readTexts(plan.files, token), otherMarkdown(handbook, token)]);
    if (token.isCancellationRequested) return undefined;
    const result = unlessCancelled(() => renameEdits(plan, (u) => texts.get(u), others, { renameFile: renameFileSetting() }, token));
    if (!result) return undefined;
    if (isRefusal(result)) throw new Error(refusalMessage(result));
    const edit = new vscode.WorkspaceEdit();
    // The file is renamed first, and its edits address the new name: a WorkspaceEdit that comes
    // back through the editor's commands applies file operations before text edits.
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
};
