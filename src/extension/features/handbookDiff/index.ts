/**
 * Reviewing handbook changes in the editor, as `handbook-diff` does in CI:
 *
 * - "Handbook: Compare Handbook with…" (handbookRoles.compareHandbookWith): the handbook at a
 *   branch, tag or commit (picked from the built-in git extension's refs, or typed) against the
 *   working tree, role by role, in a webview whose every change opens the role at that place;
 * - "Handbook: Compare with HEAD" (handbookRoles.compareWithHead) on a role file: the role at HEAD
 *   and as it is now in the role-comparison page: what it gained, lost, and what moved.
 *
 * Where git is not available (the browser extension host, git turned off, no repository), the
 * commands say so and resolve to `{ unavailable }` instead of failing. The commands (commands.ts),
 * the panels and the reading through git (diffPanel.ts) are loaded on first run.
 */
import * as vscode from 'vscode';
import type { CompareViewModel } from '../../../core/protocol/compareProtocol';
import type { DiffViewModel } from '../../../core/protocol/diffProtocol';
import type { Feature } from '../../featureContext';
import type { DiffCommandHost, Unavailable } from './commands';
import type { CompareRendered, DiffPanel, DiffRendered, RevisionComparePanel } from './diffPanel';
import { once } from '../../util/lazy';
import { PanelSlot, type PanelApi } from '../../util/webview';

/** The commands, the panels and the reading through git, loaded on first run (a bundle of its own in the Node host: lazyModules.json). */
const loadCommands = once(() => require('./commands') as typeof import('./commands'));

export type { Unavailable } from './commands';

/** What the tests see of the two commands' panels. */
declare module '../../featureContext' {
  interface Exposed {
    handbookDiff: HandbookDiffApi;
  }
}

export interface HandbookDiffApi extends PanelApi<DiffViewModel, DiffRendered> {
  /** The model the open handbook-changes panel shows. */
  current(): DiffViewModel | undefined;
  /** The open "Compare with HEAD" panel. */
  revision: PanelApi<CompareViewModel, CompareRendered> & { current(): CompareViewModel | undefined };
}

export const registerHandbookDiff: Feature = (ctx) => {
  const diffSlot = new PanelSlot<DiffPanel, DiffViewModel, DiffRendered>();
  const revisionSlot = new PanelSlot<RevisionComparePanel, CompareViewModel, CompareRendered>();

  const unavailable = (message: string): Unavailable => {
    void vscode.window.showWarningMessage(message);
    ctx.log.info(`Handbook changes: ${message}`);
    return { unavailable: message };
  };

  const host: DiffCommandHost = { ctx, diffSlot, revisionSlot, unavailable };

  ctx.expose('handbookDiff', {
    ...diffSlot.api(),
    current: () => diffSlot.current?.model,
    revision: { ...revisionSlot.api(), current: () => revisionSlot.current?.model },
  });

  return vscode.Disposable.from(
    {
      dispose: () => {
        diffSlot.current?.panel.dispose();
        revisionSlot.current?.panel.dispose();
      },
    },
    diffSlot,
    revisionSlot,
    vscode.commands.registerCommand('handbookRoles.compareHandbookWith', (ref?: unknown) => loadCommands().compareHandbookWith(host, ref)),
    vscode.commands.registerCommand('handbookRoles.compareWithHead', (arg?: unknown) => loadCommands().compareWithHead(host, arg)),
  );
};
