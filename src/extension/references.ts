/**
 * Find All References / Go to References (Shift+F12) from any place that names a role, and the
 * command "Find References" on a role of the Roles tree: every declaration, frontmatter reference
 * and `[[link]]` naming the role (by any of its names), in role files and, with
 * `linksInAllMarkdown`, other Markdown files. The places come from core/language/references.
 */
import * as vscode from 'vscode';
import { isRefusal, nameTargetAt } from '../core/language/roleAt';
import type { Role } from '../core/types';
import type { Feature, FeatureContext } from './featureContext';
import { ANY_MARKDOWN } from './util/language';
import { toVsRange } from './util/ranges';
import { findRole, roleByUri } from './util/roleChoice';
import { indexFor, placesOf, toLocations } from './util/roleLocations';

function roleOfArg(ctx: FeatureContext, arg: unknown): Role | undefined {
  if (typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri)) {
    const node = arg as { role?: { uri?: unknown }; uri?: unknown };
    const uri = typeof node.role?.uri === 'string' ? node.role.uri : typeof node.uri === 'string' ? node.uri : undefined;
    return uri ? roleByUri(ctx.handbook, uri) : undefined;
  }
  return findRole(ctx.handbook, arg);
}

export const registerReferences: Feature = (ctx) => {
  const { handbook } = ctx;
  const provider = vscode.languages.registerReferenceProvider(ANY_MARKDOWN, {
    async provideReferences(doc, position, context, token) {
      await handbook.ready;
      if (token.isCancellationRequested) return undefined;
      const uri = doc.uri.toString();
      if (handbook.index.has(uri)) handbook.syncDocument(doc);
      const index = indexFor(handbook, uri);
      const target = nameTargetAt(
        index,
        uri,
        doc.getText(),
        position.line + 1,
        position.character + 1,
        index.has(uri) || handbook.isRoleDocument(doc),
      );
      if (isRefusal(target)) return undefined;
      const places = await placesOf(handbook, target.role, token);
      return places && toLocations(places, context.includeDeclaration);
    },
  });

  /** "Find References" on a role of the Roles tree (or a role id, title or file URI). */
  const command = vscode.commands.registerCommand('handbookRoles.findReferences', async (arg?: unknown) => {
    await handbook.ready;
    const role = roleOfArg(ctx, arg);
    if (!role) return undefined;
    const places = await placesOf(handbook, role);
    const locations = places ? toLocations(places, false) : [];
    const at = role.titleRange ?? role.idRange;
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(role.uri), toVsRange(at).start, locations);
    return locations;
  });

  return vscode.Disposable.from(provider, command);
};
