/**
 * Rename (F2) of a role's name (its id, title or an alias) from any place that names it: the
 * declaration, a frontmatter reference or a `[[link]]`. The engine (core/language/rename) plans
 * the rename, names the files to read and computes one set of edits; this adapter reads the files
 * (open editors first), turns the edits into a WorkspaceEdit and, behind a setting, renames the
 * role file along with its id.
 */
import * as vscode from 'vscode';
import { planRename, renameEdits } from '../core/language/rename';
import { Cancelled, isRefusal, nameTargetAt } from '../core/language/roleAt';
import type { Feature } from './featureContext';
import { exists } from './util/fs';
import { EDITABLE_MARKDOWN } from './util/language';
import { toVsRange } from './util/ranges';
import { otherMarkdown, readTexts, refusalMessage } from './util/roleTexts';
import { setting } from './util/settings';

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
    async prepareRename(doc, position) {
      await handbook.ready;
      const target = targetAt(doc, position);
      if (isRefusal(target)) throw new Error(refusalMessage(target));
      return { range: toVsRange(target.range), placeholder: target.placeholder };
    },

    async provideRenameEdits(doc, position, newName, token) {
      await handbook.ready;
      const target = targetAt(doc, position);
      if (isRefusal(target)) throw new Error(refusalMessage(target));
      const plan = planRename(handbook.index, target, newName);
      if (isRefusal(plan)) throw new Error(refusalMessage(plan));
      const [texts, others] = await Promise.all([readTexts(plan.files, token), otherMarkdown(handbook, token)]);
      if (token.isCancellationRequested) return undefined;
      let result;
      try {
        result = renameEdits(plan, (u) => texts.get(u), others, { renameFile: renameFileSetting() }, token);
      } catch (e) {
        if (e instanceof Cancelled) return undefined;
        throw e;
      }
      if (isRefusal(result)) throw new Error(refusalMessage(result));
      const edit = new vscode.WorkspaceEdit();
      for (const file of result.files) {
        const uri = vscode.Uri.parse(file.uri);
        for (const e of file.edits) edit.replace(uri, toVsRange(e.range), e.newText);
      }
      if (result.fileRename) {
        const to = vscode.Uri.parse(result.fileRename.to);
        // Never over another file: then the role is renamed, its file is not.
        if (!(await exists(to))) edit.renameFile(vscode.Uri.parse(result.fileRename.from), to, { overwrite: false, ignoreIfExists: true });
        else ctx.log.info(`Rename: ${result.fileRename.to} exists; the role file keeps its name.`);
      }
      return edit;
    },
  });
};
