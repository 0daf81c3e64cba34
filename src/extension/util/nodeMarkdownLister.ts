/**
 * Node host only (extension.ts passes it, web.ts does not): lists a local workspace folder's
 * Markdown files with Node's fs, so the start-up scan can begin reading while `findFiles` (a
 * round trip through the workbench to ripgrep and back, most of a second for a large handbook)
 * is still on its way. It is a head start, not the truth: the scan still asks findFiles, reads
 * what this missed and drops what findFiles does not list (`files.exclude`, symbolic links, which
 * this does not follow). So it skips only what the scan's own exclusion skips (node_modules and
 * dot-folders) and stops after MAX_LISTED files.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import type { FileLister } from '../handbookWorkspace';

/** A head start, bounded: past this many files findFiles lists the rest. */
export const MAX_LISTED = 50_000;
const MARKDOWN = /\.(md|markdown)$/;

export const nodeMarkdownLister: FileLister = async (folder) => {
  if (folder.scheme !== 'file') return [];
  const out: vscode.Uri[] = [];
  // The folders of a level are read at once (a handbook is wide rather than deep: one readdir after
  // the other cost more in waiting than in reading).
  const walk = async (rel: string): Promise<void> => {
    if (out.length >= MAX_LISTED) return;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(rel ? vscode.Uri.joinPath(folder, rel).fsPath : folder.fsPath, { withFileTypes: true });
    } catch {
      return; // findFiles has the last word
    }
    const folders: string[] = [];
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) folders.push(child);
      } else if (e.isFile() && MARKDOWN.test(e.name)) out.push(vscode.Uri.joinPath(folder, child));
    }
    await Promise.all(folders.map(walk));
  };
  await walk('');
  return out.slice(0, MAX_LISTED);
};
