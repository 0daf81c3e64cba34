/**
 * The Markdown preview shows `[[Role]]` links as links to the role's file (unknown roles with an
 * "unresolved" style from media/preview.css). The plugin itself is src/core/markdownItRoleLinks.ts;
 * here it gets a resolver over the live handbook and is exported as `extendMarkdownIt`, and open
 * previews are refreshed when the handbook's roles change.
 */
import type MarkdownIt from 'markdown-it';
import * as vscode from 'vscode';
import { roleLinksPlugin } from '../core/markdownItRoleLinks';
import type { Role } from '../core/types';
import type { Feature } from './featureContext';
import { resolveRoleFrom } from './util/language';

const REFRESH_DEBOUNCE_MS = 300;

/**
 * The link target as the preview can open it: a path relative to the previewed document when both
 * live side by side (the preview opens scheme-less links itself), else the role's URI.
 */
function previewHref(role: Role, from: vscode.Uri | undefined): string {
  const target = vscode.Uri.parse(role.uri);
  if (!from || from.scheme !== target.scheme || from.authority !== target.authority) return role.uri;
  const fromDir = from.path.split('/').slice(0, -1);
  const to = target.path.split('/');
  let i = 0;
  while (i < fromDir.length && i < to.length - 1 && fromDir[i] === to[i]) i++;
  const rel = [...fromDir.slice(i).map(() => '..'), ...to.slice(i)].join('/');
  return (rel.startsWith('.') ? rel : `./${rel}`)
    .split('/')
    .map((s) => (s === '.' || s === '..' ? s : encodeURIComponent(s)))
    .join('/');
}

function currentDocument(env: unknown): vscode.Uri | undefined {
  const doc = (env as { currentDocument?: unknown } | undefined)?.currentDocument;
  return doc instanceof vscode.Uri ? doc : undefined;
}

declare module './featureContext' {
  interface Exposed {
    extendMarkdownIt: (md: MarkdownIt) => MarkdownIt;
  }
}

export const registerPreviewPlugin: Feature = (ctx) => {
  ctx.expose('extendMarkdownIt', (md: MarkdownIt) => {
    roleLinksPlugin(md, {
      resolve: (name, env) => {
        const from = currentDocument(env);
        const role = resolveRoleFrom(ctx.handbook, from, name);
        return role && { id: role.id, title: role.title, href: previewHref(role, from) };
      },
      unresolvedTitle: (name) => vscode.l10n.t('No role named "{0}" in the handbook.', name),
    });
    return md;
  });

  // Re-render open previews when what links resolve to changes: a role's names come, go or change.
  // Only the affected files are looked at, never the whole handbook.
  const seen = new Map<string, string>();
  const namesOf = (uri: string) => {
    const role = ctx.handbook.index.get(uri)?.role;
    return role ? [role.id, role.title, ...role.aliases.map((a) => a.value)].join('\u0000') : '';
  };
  for (const uri of ctx.handbook.index.uris()) seen.set(uri, namesOf(uri));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const changes = ctx.handbook.onDidChange((e) => {
    let changed = false;
    for (const uri of e.affected) {
      const now = namesOf(uri);
      if ((seen.get(uri) ?? '') === now) continue;
      changed = true;
      if (now) seen.set(uri, now);
      else seen.delete(uri);
    }
    if (!changed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void vscode.commands.executeCommand('markdown.preview.refresh').then(undefined, () => undefined);
    }, REFRESH_DEBOUNCE_MS);
  });
  return new vscode.Disposable(() => {
    if (timer) clearTimeout(timer);
    changes.dispose();
  });
};
