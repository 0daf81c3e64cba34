/**
 * Hovers in Markdown files: the schema's documentation on a frontmatter key or enum value of a
 * role file, and a role card on a role reference or a `[[link]]` (in any Markdown file). The
 * document is parsed on demand; role text in cards is escaped and the Markdown is untrusted.
 */
import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/language/escape';
import { effectiveResponsibilities } from '../core/compare';
import { targetAt } from '../core/language/position';
import type { Feature } from './featureContext';
import { ANY_MARKDOWN, cardLabels, fileName, resolveRoleFrom, untrustedMarkdown } from './util/language';
import { languageEngine } from './util/languageEngine';
import { toVsRange } from './util/ranges';
import { roleResolver } from './util/roleChoice';

export const registerHover: Feature = (ctx) =>
  vscode.languages.registerHoverProvider(ANY_MARKDOWN, {
    provideHover(doc, position, token) {
      // The request may have been cancelled while it waited (the work below is synchronous).
      if (token.isCancellationRequested) return undefined;
      const roleFile = ctx.handbook.isRoleDocument(doc);
      const target = targetAt(doc.getText(), position.line + 1, position.character + 1, roleFile);
      if (!target) return undefined;
      let markdown: string | undefined;
      if (target.kind === 'key' || target.kind === 'enum') {
        markdown = languageEngine().schemaHover(target);
      } else {
        const role = resolveRoleFrom(ctx.handbook, doc.uri, target.name);
        const resolve = roleResolver(ctx.handbook);
        const inherited = role
          ? effectiveResponsibilities(role, resolve)
              .filter((r) => r.inheritedFrom)
              .map((r) => ({ text: r.text, from: r.inheritedFrom!.title }))
          : [];
        markdown = role
          ? languageEngine().roleCard(role, { href: role.uri, linkText: fileName(role.uri), labels: cardLabels(), inherited })
          : escapeMarkdown(vscode.l10n.t('No role named "{0}" in the handbook.', target.name));
      }
      return markdown ? new vscode.Hover(untrustedMarkdown(markdown), toVsRange(target.range)) : undefined;
    },
  });
