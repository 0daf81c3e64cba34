/**
 * The few parts of the built-in git extension's API (`vscode.git`, API version 1) that the
 * handbook diff uses, typed here by hand, and how to reach it. Where git is not available — the
 * browser extension host, git disabled or missing, no repository — `openGit` says why, in a
 * sentence for the user, instead of failing.
 */
import * as vscode from 'vscode';

declare const __WEB__: boolean;

/** `Status` of the git extension's API: the values used here. */
export const GitStatus = { INDEX_ADDED: 1, INDEX_DELETED: 2, DELETED: 6, UNTRACKED: 7, INTENT_TO_ADD: 9 } as const;

export interface GitChange {
  readonly uri: vscode.Uri;
  readonly originalUri: vscode.Uri;
  readonly renameUri: vscode.Uri | undefined;
  readonly status: number;
}

/** `RefType`: 0 a local branch, 1 a remote branch, 2 a tag. */
export interface GitRef {
  readonly type: number;
  readonly name?: string;
  readonly commit?: string;
  readonly remote?: string;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD: GitRef | undefined;
    readonly refs?: GitRef[];
    readonly workingTreeChanges: GitChange[];
    readonly untrackedChanges?: GitChange[];
  };
  getRefs?(query: { pattern?: string; count?: number; sort?: 'alphabetically' | 'committerdate' }): Promise<GitRef[]>;
  status(): Promise<void>;
  show(ref: string, path: string): Promise<string>;
  diffWith(ref: string): Promise<GitChange[]>;
  getCommit(ref: string): Promise<{ hash: string }>;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
  openRepository?(root: vscode.Uri): Promise<GitRepository | null>;
  toGitUri(uri: vscode.Uri, ref: string): vscode.Uri;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export type GitAccess = { api: GitApi; repository: GitRepository } | { unavailable: string };

/** The git API and the repository of `uri` (or of the first workspace folder), or why there is none. */
export async function openGit(uri?: vscode.Uri): Promise<GitAccess> {
  if (__WEB__)
    return {
      unavailable: vscode.l10n.t(
        'Comparing with git revisions needs git, which this editor cannot run here (the browser extension host). Open the folder in desktop VS Code or a remote/server window.',
      ),
    };
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension)
    return { unavailable: vscode.l10n.t('Comparing with git revisions needs the built-in Git extension, which is not available.') };
  let exports: GitExtension;
  try {
    exports = extension.isActive ? extension.exports : await extension.activate();
  } catch {
    return { unavailable: vscode.l10n.t('The built-in Git extension could not start.') };
  }
  if (!exports?.enabled) return { unavailable: vscode.l10n.t('Git is turned off in this editor (the "git.enabled" setting).') };
  const api = exports.getAPI(1);
  if (api.state !== 'initialized') {
    await new Promise<void>((resolve) => {
      const sub = api.onDidChangeState((s) => {
        if (s === 'initialized') {
          sub.dispose();
          resolve();
        }
      });
    });
  }
  const where = uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const repository = (where && api.getRepository(where)) ?? (uri ? null : (api.repositories[0] ?? null));
  if (!repository) {
    return {
      unavailable: uri
        ? vscode.l10n.t('{0} is not in a git repository.', vscode.workspace.asRelativePath(uri))
        : vscode.l10n.t('This workspace is not in a git repository.'),
    };
  }
  return { api, repository };
}
