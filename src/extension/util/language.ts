/**
 * Shared by the language features (diagnostics, hover, completion, code actions, navigation,
 * symbols, preview): document selectors, role resolution for a document, and translated labels.
 */
import * as vscode from 'vscode';
import type { CardLabels } from '../../core/language/hover';
import type { Role } from '../../core/types';
import { BUILTIN_SCHEME } from '../builtinHandbook';
import type { HandbookWorkspace } from '../handbookWorkspace';

const SCHEMES = ['file', 'untitled', 'vscode-remote'];

/** Markdown documents that may be edited: features that change text or report problems. */
export const EDITABLE_MARKDOWN: vscode.DocumentSelector = SCHEMES.map((scheme) => ({ language: 'markdown', scheme }));

/** Also the read-only built-in handbook: hovers, navigation and the outline. */
export const ANY_MARKDOWN: vscode.DocumentSelector = [...SCHEMES, BUILTIN_SCHEME].map((scheme) => ({ language: 'markdown', scheme }));

/** Diagnostic source of every problem the extension reports. */
export const DIAGNOSTIC_SOURCE = 'handbook-roles';

export function isBuiltinUri(uri: vscode.Uri | string | undefined): boolean {
  return !!uri && (typeof uri === 'string' ? uri.startsWith(`${BUILTIN_SCHEME}:`) : uri.scheme === BUILTIN_SCHEME);
}

/**
 * Resolves a role reference as written in a document: the workspace handbook (which holds the
 * built-ins while they stand in for an empty one); built-in files resolve among the built-ins.
 */
export function resolveRoleFrom(handbook: HandbookWorkspace, from: vscode.Uri | string | undefined, name: string): Role | undefined {
  if (isBuiltinUri(from)) return handbook.builtinIndex.resolve(name) ?? handbook.index.resolve(name);
  return handbook.index.resolve(name);
}

/** The roles a document's references and links can name. */
export function rolesFor(handbook: HandbookWorkspace, from: vscode.Uri): readonly Role[] {
  return isBuiltinUri(from) ? handbook.builtinIndex.roles() : handbook.index.roles();
}

/** The last path segment of a URI string (`cto.md`). */
export function fileName(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return path.slice(path.lastIndexOf('/') + 1);
}

export function cardLabels(): CardLabels {
  return {
    id: vscode.l10n.t('id'),
    aliases: vscode.l10n.t('aliases'),
    builtin: vscode.l10n.t('built-in'),
    responsibilities: vscode.l10n.t('Responsibilities'),
    more: (n) => vscode.l10n.t('… {0} more', n),
    openFile: vscode.l10n.t('Open role file'),
    inherited: vscode.l10n.t('Inherited through extends'),
    from: (title) => vscode.l10n.t('from {0}', title),
    level: (level) => vscode.l10n.t('level {0}', level),
  };
}

/** Markdown for the editor that never runs commands or raw HTML (role text is untrusted). */
export function untrustedMarkdown(value: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(value, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
