/** The outline of a role file: the role, a section per frontmatter key, and the items of lists. */
import * as vscode from 'vscode';
import type { SymbolKind, SymbolModel } from '../core/language/symbols';
import type { Feature } from './featureContext';
import { ANY_MARKDOWN } from './util/language';
import { languageEngine } from './util/languageEngine';
import { toVsRange } from './util/ranges';

const KINDS: Record<SymbolKind, vscode.SymbolKind> = {
  role: vscode.SymbolKind.Class,
  list: vscode.SymbolKind.Array,
  field: vscode.SymbolKind.Property,
  item: vscode.SymbolKind.String,
  object: vscode.SymbolKind.Object,
};

function toSymbol(s: SymbolModel): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(s.name, s.detail, KINDS[s.kind], toVsRange(s.range), toVsRange(s.selectionRange));
  symbol.children = s.children.map(toSymbol);
  return symbol;
}

export const registerSymbols: Feature = (ctx) =>
  vscode.languages.registerDocumentSymbolProvider(
    ANY_MARKDOWN,
    {
      provideDocumentSymbols(doc, token) {
        if (token.isCancellationRequested) return undefined;
        if (!ctx.handbook.isRoleDocument(doc)) return [];
        return languageEngine().roleSymbols(doc.getText()).map(toSymbol);
      },
    },
    { label: vscode.l10n.t('Role') },
  );
