/**
 * The "Fix all" source action (`source.fixAll.handbookRoles`): the certain fixes of
 * `handbook-lint --fix` (core/language/fixAll) for the role file in the editor, so that
 * `editor.codeActionsOnSave` can apply them on save. Computed only when that kind is asked for.
 */
import * as vscode from 'vscode';
import type { Feature } from './featureContext';
import { EDITABLE_MARKDOWN } from './util/language';
import { once } from './util/lazy';
import { toVsRange } from './util/ranges';

/** The fixer, loaded when "Fix all" is first asked for (src/extension/lazyModules.json). */
const loadFixAll = once(() => require('../core/language/fixAll') as typeof import('../core/language/fixAll'));

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('handbookRoles');

export const registerFixAll: Feature = (ctx) =>
  vscode.languages.registerCodeActionsProvider(
    EDITABLE_MARKDOWN,
    {
      provideCodeActions(doc, _range, context, token) {
        if (token.isCancellationRequested) return undefined;
        if (!context.only || !context.only.intersects(FIX_ALL_KIND)) return undefined;
        if (!ctx.handbook.isRoleDocument(doc)) return undefined;
        const edits = loadFixAll().fixAllEdits(doc.uri.toString(), doc.getText(), { forceRoleFile: ctx.handbook.isForced(doc.uri) });
        if (edits.length === 0) return [];
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all certain role-file problems'), FIX_ALL_KIND);
        action.edit = new vscode.WorkspaceEdit();
        for (const e of edits) action.edit.replace(doc.uri, toVsRange(e.range), e.newText);
        return [action];
      },
    },
    { providedCodeActionKinds: [FIX_ALL_KIND] },
  );
