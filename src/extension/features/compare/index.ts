/**
 * The role-comparison webview: two roles side by side with what they share set apart, pickers to
 * swap either side, live updates, "Copy as Markdown table", and a serializer so the panel
 * survives a reload. Commands: handbookRoles.compareRoles, handbookRoles.compareWith.
 *
 * The panel itself (panels/comparePanel.ts) loads on first use. The page (media/compare.ts)
 * builds its DOM with textContent only and talks to the panel through the typed protocol in
 * src/core/protocol/compareProtocol.ts; every message it sends is validated there, and the URIs
 * it names must belong to the roles the panel offered.
 */
import * as vscode from 'vscode';
import {
  COMPARE_VIEW_TYPE,
  parseCompareState,
  sideRef as ref,
  type CompareState,
  type CompareViewModel,
} from '../../../core/protocol/compareProtocol';
import { nextLevel } from '../../../core/org/ladders';
import type { Role } from '../../../core/types';
import type { Feature } from '../../featureContext';
import type { ComparePanel, Rendered } from './panel';
import { once } from '../../util/lazy';
import { pickRole, roleByUri, roleOfArg } from '../../util/roleChoice';
import { createPagePanel, PanelSlot, type PanelApi } from '../../util/webview';

/** The panel, loaded on first use (a bundle of its own in the Node host: lazyModules.json). */
const loadPanel = once(() => require('./panel') as typeof import('./panel'));

/** What the tests (and other extensions) see of the comparison panel. */
declare module '../../featureContext' {
  interface Exposed {
    compare: CompareViewApi;
  }
}

/** onDidUpdate: opened, swapped, a role file changed; onDidReject: refused by the validator or the URI check. */
export interface CompareViewApi extends PanelApi<CompareViewModel, Rendered> {
  /** The model the open panel shows (undefined when no panel is open). */
  current(): CompareViewModel | undefined;
  /** What the panel serializer does with a panel VS Code restores: false (and the panel closed) for a bad state. */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<boolean>;
}

export const registerCompareView: Feature = (ctx) => {
  const { handbook } = ctx;
  const slot = new PanelSlot<ComparePanel, CompareViewModel, Rendered>();

  const attach = (panel: vscode.WebviewPanel, state: CompareState): ComparePanel =>
    slot.attach(panel, (onDispose) => new (loadPanel().ComparePanel)(panel, state, ctx, slot.events, onDispose));

  const show = (left: Role, right: Role): CompareViewModel => {
    const open = slot.revealed();
    if (open) return open.setSides(ref(left), ref(right));
    const panel = createPagePanel(COMPARE_VIEW_TYPE, vscode.l10n.t('Compare Roles'));
    return attach(panel, { left: ref(left), right: ref(right) }).model!;
  };

  const warnUnknown = (arg: unknown) => void vscode.window.showWarningMessage(vscode.l10n.t('No role named "{0}".', String(arg)));

  /** compareRoles(a?, b?): with two roles it opens at once and returns the panel's model. */
  const compareCommand = async (a?: unknown, b?: unknown): Promise<CompareViewModel | undefined> => {
    await handbook.ready;
    const left = a === undefined ? await pickRole(handbook, vscode.l10n.t('Compare which role?')) : roleOfArg(handbook, a);
    if (!left) {
      if (a !== undefined) warnUnknown(a);
      return undefined;
    }
    const right =
      b === undefined
        ? await pickRole(handbook, vscode.l10n.t('Compare {0} with which role?', left.title), left.uri)
        : roleOfArg(handbook, b);
    if (!right) {
      if (b !== undefined) warnUnknown(b);
      return undefined;
    }
    return show(left, right);
  };

  /** compareWith(node): the node's role against one the user picks; on a relationship, its two roles. */
  const compareWith = async (node?: unknown): Promise<CompareViewModel | undefined> => {
    await handbook.ready;
    const role = roleOfArg(handbook, node) ?? (await pickRole(handbook, vscode.l10n.t('Compare which role?')));
    if (!role) return undefined;
    const target = (node as { kind?: unknown; target?: { uri?: unknown } } | undefined)?.target;
    if ((node as { kind?: unknown } | undefined)?.kind === 'relationship' && typeof target?.uri === 'string') {
      const other = roleByUri(handbook, target.uri);
      if (other) return show(role, other);
    }
    const other = await pickRole(handbook, vscode.l10n.t('Compare {0} with which role?', role.title), role.uri);
    return other ? show(role, other) : undefined;
  };

  /** compareWithNextLevel(node): a rung against the next level up, which shows what that level adds. */
  const compareWithNextLevel = async (node?: unknown): Promise<CompareViewModel | undefined> => {
    await handbook.ready;
    const role = roleOfArg(handbook, node) ?? (await pickRole(handbook, vscode.l10n.t('Compare which role with its next level?')));
    if (!role) return undefined;
    const next = role.builtin ? undefined : nextLevel(role, handbook.index.orgGraph());
    if (!next) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No role extends {0}: it has no next level.', role.title));
      return undefined;
    }
    return show(role, next);
  };

  const restore = async (panel: vscode.WebviewPanel, raw: unknown): Promise<boolean> => {
    const state = parseCompareState(raw);
    if (!state) {
      ctx.log.warn('Compare view: nothing to restore.');
      panel.dispose();
      return false;
    }
    await handbook.ready;
    attach(panel, state);
    return true;
  };

  ctx.expose('compare', { ...slot.api(), current: () => slot.current?.model, restore });

  return vscode.Disposable.from(
    // The panel itself stays open on deactivation: the serializer restores it after a reload.
    slot,
    handbook.onDidChange(() => slot.current?.update()),
    vscode.commands.registerCommand('handbookRoles.compareRoles', compareCommand),
    vscode.commands.registerCommand('handbookRoles.compareWith', compareWith),
    vscode.commands.registerCommand('handbookRoles.compareWithNextLevel', compareWithNextLevel),
    vscode.window.registerWebviewPanelSerializer(COMPARE_VIEW_TYPE, {
      async deserializeWebviewPanel(panel, raw) {
        await restore(panel, raw);
      },
    }),
  );
};
