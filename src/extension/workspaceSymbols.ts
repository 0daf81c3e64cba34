/**
 * Go to Symbol in Workspace (Ctrl+T): roles by title, id and alias, and responsibilities by id
 * with their role as the container (core/language/workspaceSymbols), from the index alone.
 */
import * as vscode from 'vscode';
import { unlessCancelled } from '../core/cancellation';
import type { WorkspaceSymbolKind } from '../core/language/workspaceSymbols';
import type { Feature } from './featureContext';
import { languageEngine } from './util/languageEngine';
import { toVsRange } from './util/ranges';

const KINDS: Record<WorkspaceSymbolKind, vscode.SymbolKind> = {
  role: vscode.SymbolKind.Class,
  responsibility: vscode.SymbolKind.Field,
};

export const registerWorkspaceSymbols: Feature = (ctx) =>
  vscode.languages.registerWorkspaceSymbolProvider({
    async provideWorkspaceSymbols(query, token) {
      await ctx.handbook.ready;
      if (token.isCancellationRequested) return undefined;
      const symbols = unlessCancelled(() => languageEngine().workspaceSymbols(ctx.handbook.index.roles(), query, token));
      return symbols?.map(
        (s) =>
          new vscode.SymbolInformation(
            s.name,
            KINDS[s.kind],
            s.containerName,
            new vscode.Location(vscode.Uri.parse(s.uri), toVsRange(s.range)),
          ),
      );
    },
  });
