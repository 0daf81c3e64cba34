/**
 * A code lens above a role's `title`: "N references · M links", which opens the references (a
 * setting, on by default). The counts are those of Find References (core/language/references):
 * frontmatter references and `[[links]]` naming the role by any of its names.
 */
import * as vscode from 'vscode';
import type { Feature } from './featureContext';
import { ANY_MARKDOWN } from './util/language';
import { toVsRange } from './util/ranges';
import { indexFor, placesOf, toLocations } from './util/roleLocations';
import { setting } from './util/settings';

function enabled(): boolean {
  return setting('codeLens.enable');
}

function lensTitle(references: number, links: number): string {
  const r = references === 1 ? vscode.l10n.t('1 reference') : vscode.l10n.t('{0} references', references);
  const l = links === 1 ? vscode.l10n.t('1 link') : vscode.l10n.t('{0} links', links);
  return `${r} · ${l}`;
}

/** A lens that knows its role file (resolveCodeLens gets no document). */
class RoleLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly uri: string,
  ) {
    super(range);
  }
}

export const registerCodeLens: Feature = (ctx) => {
  const { handbook } = ctx;
  const changed = new vscode.EventEmitter<void>();
  const provider = vscode.languages.registerCodeLensProvider(ANY_MARKDOWN, {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc, token) {
      if (token.isCancellationRequested || !enabled()) return [];
      const uri = doc.uri.toString();
      const role = indexFor(handbook, uri).get(uri)?.role;
      if (!role) return [];
      return [new RoleLens(toVsRange(role.titleRange ?? role.idRange), uri)];
    },
    async resolveCodeLens(lens, token) {
      const uri = lens instanceof RoleLens ? lens.uri : undefined;
      const role = uri ? indexFor(handbook, uri).get(uri)?.role : undefined;
      const places = role ? await placesOf(handbook, role, token) : undefined;
      if (!role || !places) return lens;
      lens.command = {
        title: lensTitle(places.references.length, places.links.length),
        command: 'editor.action.showReferences',
        arguments: [vscode.Uri.parse(role.uri), lens.range.start, toLocations(places, false)],
      };
      return lens;
    },
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return vscode.Disposable.from(
    provider,
    changed,
    // Counts change with any role file: ask again, at most every half second.
    handbook.onDidChange(() => {
      if (!timer) timer = setTimeout(() => ((timer = undefined), changed.fire()), 500);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('handbookRoles.codeLens') || e.affectsConfiguration('handbookRoles.validation.linksInAllMarkdown'))
        changed.fire();
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
};
