/**
 * Completion in Markdown files: frontmatter keys (schema snippets), enum values and role names in
 * references of role files, and role names inside `[[ ]]` in any Markdown file. Only the current
 * document is read (its text, around the cursor); the roles come from the index.
 */
import * as vscode from 'vscode';
import type { CompletionEntry } from '../core/language/completion';
import type { Feature } from './featureContext';
import { cardLabels, EDITABLE_MARKDOWN, rolesFor, untrustedMarkdown } from './util/language';
import { languageEngine } from './util/languageEngine';
import { toVsRange } from './util/ranges';

const KINDS: Record<CompletionEntry['kind'], vscode.CompletionItemKind> = {
  key: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.EnumMember,
  role: vscode.CompletionItemKind.Reference,
};

/** `[` for `[[`, space after `key:` and in flow lists, `,` between flow items. */
const TRIGGERS = ['[', ' ', ','];

export const registerCompletion: Feature = (ctx) =>
  vscode.languages.registerCompletionItemProvider(
    EDITABLE_MARKDOWN,
    {
      provideCompletionItems(doc, position, token) {
        if (token.isCancellationRequested) return undefined;
        const result = languageEngine().completionsAt(doc.getText(), position.line + 1, position.character + 1, {
          roles: rolesFor(ctx.handbook, doc.uri),
          roleFile: ctx.handbook.isRoleDocument(doc),
          selfUri: doc.uri.toString(),
          labels: cardLabels(),
        });
        if (!result?.items.length) return undefined;
        const range = toVsRange(result.range);
        const items = result.items.map((e) => {
          const item = new vscode.CompletionItem(e.label, KINDS[e.kind]);
          item.insertText = e.snippet ? new vscode.SnippetString(e.insertText) : e.insertText;
          item.range = range;
          item.detail = e.kind === 'key' ? (e.required ? vscode.l10n.t('required key') : vscode.l10n.t('key')) : e.detail;
          if (e.documentation) item.documentation = untrustedMarkdown(e.documentation);
          item.sortText = e.sortText;
          item.filterText = e.filterText;
          return item;
        });
        return new vscode.CompletionList(items, false);
      },
    },
    ...TRIGGERS,
  );
