/**
 * The two commands of handbook changes, loaded on first run with the panels (a bundle of its own in
 * the Node host: lazyModules.json): picking a revision, opening git through the built-in extension,
 * and the panels of diffPanel.ts. index.ts registers the commands and owns the panel slots.
 */
import * as vscode from 'vscode';
import type { CompareViewModel } from '../../../core/protocol/compareProtocol';
import { DIFF_VIEW_TYPE, type DiffViewModel } from '../../../core/protocol/diffProtocol';
import type { FeatureContext } from '../../featureContext';
import { openGit, type GitRef, type GitRepository } from '../../util/git';
import { createPagePanel, type PanelSlot } from '../../util/webview';
import { compareWithRevision, DiffPanel, RevisionComparePanel, type CompareRendered, type DiffRendered } from './diffPanel';

const REVISION_VIEW_TYPE = 'handbookRoles.compareRevision';

export type Unavailable = { unavailable: string };

/** What the commands share with the feature that registers them. */
export interface DiffCommandHost {
  ctx: FeatureContext;
  diffSlot: PanelSlot<DiffPanel, DiffViewModel, DiffRendered>;
  revisionSlot: PanelSlot<RevisionComparePanel, CompareViewModel, CompareRendered>;
  /** Says `message` (a warning and a log line) and gives the commands' "not available" answer. */
  unavailable: (message: string) => Unavailable;
}

/** A ref the user can pick: local branches, tags, remote branches, then "a commit…". */
async function pickRef(repo: GitRepository): Promise<string | undefined> {
  const refs: GitRef[] = (await repo.getRefs?.({ sort: 'alphabetically' })) ?? repo.state.refs ?? [];
  const kind = [vscode.l10n.t('branch'), vscode.l10n.t('remote branch'), vscode.l10n.t('tag')];
  const order = [0, 2, 1];
  const items: (vscode.QuickPickItem & { ref?: string })[] = [
    { label: 'HEAD', description: repo.state.HEAD?.name ?? repo.state.HEAD?.commit?.slice(0, 8), ref: 'HEAD' },
    ...refs
      .filter((r) => r.name)
      .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.name!.localeCompare(b.name!))
      .map((r) => ({ label: r.name!, description: `${kind[r.type] ?? ''} ${r.commit?.slice(0, 8) ?? ''}`.trim(), ref: r.name! })),
    { label: vscode.l10n.t('A commit…'), description: vscode.l10n.t('type a commit, tag or any revision') },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: vscode.l10n.t('Compare the handbook of which branch, tag or commit with the working tree?'),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.ref) return picked.ref;
  const typed = await vscode.window.showInputBox({
    prompt: vscode.l10n.t('A commit, tag or any revision git knows'),
    placeHolder: 'HEAD~1',
  });
  return typed?.trim() || undefined;
}

/** compareHandbookWith(ref?): with a ref, opens at once; resolves to the panel's model. */
export async function compareHandbookWith(h: DiffCommandHost, ref?: unknown): Promise<DiffViewModel | Unavailable | undefined> {
  const { ctx, diffSlot, unavailable } = h;
  const git = await openGit();
  if ('unavailable' in git) return unavailable(git.unavailable);
  const revision = typeof ref === 'string' && ref.trim() ? ref.trim() : await pickRef(git.repository);
  if (!revision) return undefined;
  try {
    await git.repository.getCommit(revision);
  } catch {
    return unavailable(vscode.l10n.t('Git knows no revision "{0}".', revision));
  }
  diffSlot.current?.panel.dispose();
  const panel = createPagePanel(DIFF_VIEW_TYPE, vscode.l10n.t('Handbook Changes'));
  const created = diffSlot.attach(
    panel,
    (onDispose) => new DiffPanel(panel, ctx, git.api, git.repository, revision, diffSlot.events, onDispose),
  );
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Comparing the handbook with {0}…', revision) },
      () => created.update(),
    );
  } catch (e) {
    panel.dispose();
    return unavailable(
      vscode.l10n.t('The handbook could not be compared with {0}: {1}', revision, e instanceof Error ? e.message : String(e)),
    );
  }
}

/** compareWithHead(uri?): the role file (the active editor's by default) at HEAD against now. */
export async function compareWithHead(h: DiffCommandHost, arg?: unknown): Promise<CompareViewModel | Unavailable | undefined> {
  const { ctx, revisionSlot, unavailable } = h;
  // A URI (explorer, editor menu), its string, a Roles tree node, or the active editor's file.
  const node =
    typeof arg === 'object' && arg !== null && !(arg instanceof vscode.Uri) ? (arg as { role?: { uri?: unknown } }).role?.uri : undefined;
  const uri =
    arg instanceof vscode.Uri
      ? arg
      : typeof arg === 'string'
        ? vscode.Uri.parse(arg)
        : typeof node === 'string'
          ? vscode.Uri.parse(node)
          : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return unavailable(vscode.l10n.t('Open a role file to compare it with HEAD.'));
  const git = await openGit(uri);
  if ('unavailable' in git) return unavailable(git.unavailable);
  const doc = await vscode.workspace.openTextDocument(uri);
  let pair;
  try {
    pair = await compareWithRevision(ctx, git.api, git.repository, doc, 'HEAD');
  } catch (e) {
    return unavailable(
      vscode.l10n.t(
        '{0} could not be compared with HEAD: {1}',
        vscode.workspace.asRelativePath(uri),
        e instanceof Error ? e.message : String(e),
      ),
    );
  }
  if ('unavailable' in pair) return unavailable(pair.unavailable);
  revisionSlot.current?.panel.dispose();
  const panel = createPagePanel(REVISION_VIEW_TYPE, vscode.l10n.t('Compare with HEAD'));
  return revisionSlot.attach(panel, (onDispose) => new RevisionComparePanel(panel, ctx, pair, 'HEAD', revisionSlot.events, onDispose))
    .model;
}
