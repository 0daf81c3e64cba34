/**
 * Quick fixes for the extension's diagnostics, all as WorkspaceEdits: the close known key, each
 * allowed enum value, the nearest role for a reference or link, a missing key, a whole frontmatter,
 * the kebab-case form of an id. The finding behind a diagnostic is looked up by code and range.
 */
import * as vscode from 'vscode';
import { unresolvedLinkFindings } from '../core/language/linkFindings';
import type { QuickFix } from '../core/language/quickFixes';
import type { Finding } from '../core/types';
import type { Feature, FeatureContext } from './featureContext';
import { DIAGNOSTIC_SOURCE, EDITABLE_MARKDOWN, fileName, resolveRoleFrom } from './util/language';
import { languageEngine } from './util/languageEngine';
import { toVsRange } from './util/ranges';

function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}

function title(fix: QuickFix): string {
  switch (fix.kind) {
    case 'rename-key':
    case 'enum-value':
    case 'nearest-role':
      return vscode.l10n.t('Change to "{0}"', fix.value);
    case 'kebab-case':
      return vscode.l10n.t('Change to kebab-case "{0}"', fix.value);
    case 'add-key':
      return fix.choice ? vscode.l10n.t('Add "{0}: {1}"', fix.key ?? '', fix.value) : vscode.l10n.t('Add "{0}"', fix.key ?? fix.value);
    case 'add-frontmatter':
      return vscode.l10n.t('Add a role frontmatter');
    case 'set-level':
      return vscode.l10n.t('Change the level to {0}', fix.value);
  }
}

/** The current findings of a document: the index's for a role file, else its link check. */
function findingsOf(ctx: FeatureContext, doc: vscode.TextDocument): Finding[] {
  const uri = doc.uri.toString();
  if (ctx.handbook.index.has(uri)) return ctx.handbook.index.findings(uri);
  return unresolvedLinkFindings(doc.getText(), {
    has: (name) => !!resolveRoleFrom(ctx.handbook, doc.uri, name),
    suggest: (name) => ctx.handbook.index.suggestions(name),
  });
}

export const registerCodeActions: Feature = (ctx) =>
  vscode.languages.registerCodeActionsProvider(
    EDITABLE_MARKDOWN,
    {
      provideCodeActions(doc, _range, context, token) {
        if (token.isCancellationRequested) return undefined;
        const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
        if (!ours.length) return undefined;
        if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return undefined;
        // Fixes are computed on the text the findings come from: apply a pending (debounced) edit.
        if (ctx.handbook.index.has(doc.uri.toString())) ctx.handbook.syncDocument(doc);
        const findings = findingsOf(ctx, doc);
        const text = doc.getText();
        const actions: vscode.CodeAction[] = [];
        for (const diagnostic of ours) {
          const code = codeOf(diagnostic);
          const finding = findings.find((f) => f.code === code && toVsRange(f.range).isEqual(diagnostic.range));
          if (!finding) continue;
          for (const fix of languageEngine().quickFixesFor(finding, text, { fileName: fileName(doc.uri.toString()) })) {
            const action = new vscode.CodeAction(title(fix), vscode.CodeActionKind.QuickFix);
            action.diagnostics = [diagnostic];
            action.isPreferred = !!fix.preferred;
            action.edit = new vscode.WorkspaceEdit();
            for (const e of fix.edits) action.edit.replace(doc.uri, toVsRange(e.range), e.newText);
            actions.push(action);
          }
        }
        return actions;
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
