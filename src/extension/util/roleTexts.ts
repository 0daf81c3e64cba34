/**
 * Texts for the features that read several files at once (rename, references, the code lens):
 * the text of an open document wins over the disk; files are read through workspace.fs (so the
 * browser host works too). With `linksInAllMarkdown`, the Markdown files that are not role files
 * are read as well, for their `[[links]]`. Also the engine's refusals in the user's language.
 */
import * as vscode from 'vscode';
import type { OtherMarkdown } from '../../core/language/rename';
import type { Refusal } from '../../core/language/roleAt';
import type { HandbookWorkspace } from '../handbookWorkspace';
import { setting } from './settings';

const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.*/**}';
const READ_BATCH = 32;
/** Other Markdown files larger than this are not searched for links (a link check is no reason to read a data dump). */
const MAX_OTHER_BYTES = 2 * 1024 * 1024;

const decoder = new TextDecoder('utf-8');

function openText(uri: string): string | undefined {
  return vscode.workspace.textDocuments.find((d) => !d.isClosed && d.uri.toString() === uri)?.getText();
}

async function readOne(uri: string): Promise<string | undefined> {
  const open = openText(uri);
  if (open !== undefined) return open;
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri)));
  } catch {
    return undefined;
  }
}

/** The texts of files by URI (a file that cannot be read is missing from the map). */
export async function readTexts(uris: readonly string[], token?: vscode.CancellationToken): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < uris.length && !token?.isCancellationRequested; i += READ_BATCH) {
    const batch = uris.slice(i, i + READ_BATCH);
    const texts = await Promise.all(batch.map(readOne));
    batch.forEach((u, j) => {
      const text = texts[j];
      if (text !== undefined) out.set(u, text);
    });
  }
  return out;
}

export function linksInAllMarkdown(): boolean {
  return setting('validation.linksInAllMarkdown');
}

/** The read in progress: code lenses resolve several at once, and requests made meanwhile share it. */
let inFlight: Promise<OtherMarkdown[]> | undefined;

/**
 * The Markdown files of the workspace that are not role files, with their text, when
 * `linksInAllMarkdown` is on (else none). A cancelled request stops waiting; the shared read goes on.
 */
export async function otherMarkdown(handbook: HandbookWorkspace, token?: vscode.CancellationToken): Promise<OtherMarkdown[]> {
  if (!linksInAllMarkdown() || !vscode.workspace.workspaceFolders?.length) return [];
  inFlight ??= readOtherMarkdown(handbook).finally(() => (inFlight = undefined));
  const files = await inFlight;
  return token?.isCancellationRequested ? [] : files;
}

async function readOtherMarkdown(handbook: HandbookWorkspace): Promise<OtherMarkdown[]> {
  const files = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB);
  const uris = new Set(files.map((f) => f.toString()).filter((u) => !handbook.index.has(u)));
  // Open untitled or out-of-folder Markdown documents count too.
  for (const d of vscode.workspace.textDocuments)
    if (d.languageId === 'markdown' && !d.isClosed && !handbook.index.has(d.uri.toString()) && d.uri.scheme !== 'handbook-builtin')
      uris.add(d.uri.toString());
  const out: OtherMarkdown[] = [];
  const list = [...uris].sort();
  for (let i = 0; i < list.length; i += READ_BATCH) {
    const batch = list.slice(i, i + READ_BATCH);
    const texts = await Promise.all(
      batch.map(async (u) => {
        const open = openText(u);
        if (open !== undefined) return open;
        const stat = await Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.parse(u))).catch(() => undefined);
        return stat && stat.size <= MAX_OTHER_BYTES ? readOne(u) : undefined;
      }),
    );
    batch.forEach((uri, j) => {
      const text = texts[j];
      if (text !== undefined && text.includes('[[')) out.push({ uri, text });
    });
  }
  return out;
}

/** A refusal of the engine, in the user's language. */
export function refusalMessage(r: Refusal): string {
  const a = r.args ?? [];
  switch (r.reason) {
    case 'not-a-name':
      return vscode.l10n.t(
        "Put the cursor on a role name to do this: a role's id, title or alias, a role reference in the frontmatter, or a [[link]].",
      );
    case 'unknown-name':
      return vscode.l10n.t('"{0}" names no role in the handbook.', a[0]);
    case 'builtin':
      return vscode.l10n.t('Built-in roles are read-only: copy the role into your handbook to rename it.');
    case 'empty':
      return vscode.l10n.t('The new name is empty.');
    case 'link-chars':
      return vscode.l10n.t('"{0}" cannot be a role name: [[links]] cannot hold "[", "]", "|" or a line break.', a[0]);
    case 'not-kebab-case':
      return vscode.l10n.t(
        '"{0}" is not a valid role id: use kebab-case (lowercase letters and digits joined by single hyphens), e.g. "{1}".',
        a[0],
        a[1],
      );
    case 'taken':
      return vscode.l10n.t('"{0}" is already a name of role "{1}": role ids, titles and aliases must be unique.', a[0], a[1]);
    case 'unresolved-users':
      return vscode.l10n.t(
        '"{0}" is already used by references or links in {1} file(s) where it names no role: after this rename they would name "{2}". Choose another name, or change them first.',
        a[0],
        a[1],
        a[2],
      );
    default:
      return r.error;
  }
}
