/**
 * Rename (F2) of a role's name (its id, title or an alias) from any place that names it: the
 * declaration, a frontmatter reference or a `[[link]]`. The engine (core/language/rename) plans
 * the rename, names the files to read and computes one set of edits; this adapter reads the files
 * (open editors first), turns the edits into a WorkspaceEdit and, behind a setting, renames the
 * role file along with its id.
 */
import * as vscode from 'vscode';
import { isRefusal, nameTargetAt } from '../core/language/roleAt';
import type { Feature } from './featureContext';
import { EDITABLE_MARKDOWN } from './util/language';
import { loadEditing } from './util/lazy';
import { toVsRange } from './util/ranges';
import { refusalMessage } from './util/roleTexts';

function renameFileSetting(): boolean {
  return vscode.workspace.getConfiguration('handbookRoles.rename').get<boolean>('renameFile', false);
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
      return loadEditing().renameEdit(ctx, target, newName, renameFileSetting(), token);
    },
  });
};
