/**
 * The "Fix all" source action (`source.fixAll.handbookRoles`): the certain fixes of
 * `handbook-lint --fix` (core/language/fixAll) for the role file in the editor, so that
 * `editor.codeActionsOnSave` can apply them on save. Computed only when that kind is asked for.
 */
import * as vscode from 'vscode';
import type { Feature } from './featureContext';
import { EDITABLE_MARKDOWN } from './util/language';
import { loadEditing } from './util/lazy';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('handbookRoles');

export const registerFixAll: Feature = (ctx) =>
  vscode.languages.registerCodeActionsProvider(
    EDITABLE_MARKDOWN,
    {
      provideCodeActions(doc, _range, context) {
        if (!context.only || !context.only.intersects(FIX_ALL_KIND)) return undefined;
        if (!ctx.handbook.isRoleDocument(doc)) return undefined;
        const edit = loadEditing().fixAllEdit(doc, ctx.handbook.isForced(doc.uri));
        if (!edit) return [];
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all certain role-file problems'), FIX_ALL_KIND);
        action.edit = edit;
        return [action];
      },
    },
    { providedCodeActionKinds: [FIX_ALL_KIND] },
  );
