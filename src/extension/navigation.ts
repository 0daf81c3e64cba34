/**
 * Go to Definition and document links for role references (frontmatter of role files) and
 * `[[links]]` (any Markdown file): both lead to the role's file, at its id.
 */
import * as vscode from 'vscode';
import { documentLinks, documentReferences, targetAt } from '../core/language/position';
import type { Range, Role } from '../core/types';
import type { Feature } from './featureContext';
import { ANY_MARKDOWN, resolveRoleFrom } from './util/language';
import { toVsRange } from './util/ranges';

function roleLocation(role: Role, origin: Range): vscode.LocationLink {
  return {
    originSelectionRange: toVsRange(origin),
    targetUri: vscode.Uri.parse(role.uri),
    targetRange: toVsRange(role.frontmatterRange),
    targetSelectionRange: toVsRange(role.idRange),
  };
}

export const registerNavigation: Feature = (ctx) => {
  const definitions = vscode.languages.registerDefinitionProvider(ANY_MARKDOWN, {
    provideDefinition(doc, position, token) {
      if (token.isCancellationRequested) return undefined;
      const target = targetAt(doc.getText(), position.line + 1, position.character + 1, ctx.handbook.isRoleDocument(doc));
      if (target?.kind !== 'reference' && target?.kind !== 'link') return undefined;
      const role = resolveRoleFrom(ctx.handbook, doc.uri, target.name);
      return role ? [roleLocation(role, target.range)] : undefined;
    },
  });

  const links = vscode.languages.registerDocumentLinkProvider(ANY_MARKDOWN, {
    provideDocumentLinks(doc, token) {
      if (token.isCancellationRequested) return undefined;
      const text = doc.getText();
      const spans = [
        ...(ctx.handbook.isRoleDocument(doc) ? documentReferences(text) : []),
        ...documentLinks(text).map((l) => ({ name: l.target, range: l.range })),
      ];
      const out: vscode.DocumentLink[] = [];
      for (const span of spans) {
        const role = resolveRoleFrom(ctx.handbook, doc.uri, span.name);
        if (!role) continue;
        const line = role.idRange.line;
        const link = new vscode.DocumentLink(toVsRange(span.range), vscode.Uri.parse(role.uri).with({ fragment: `L${line}` }));
        link.tooltip = vscode.l10n.t('Open role "{0}"', role.title);
        out.push(link);
      }
      return out;
    },
  });

  return vscode.Disposable.from(definitions, links);
};
